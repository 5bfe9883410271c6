import type { Charge, Detection, PriceChange, Subscription } from '../../model';
import { findsToProposals } from '../../proposal';
import type { Migration } from './types';
import { v2 } from './v2';

/**
 * Version 3: finds are proposals, not subscriptions. Before, a page created a subscription marked `confirmed:
 * false`, counted in the totals and shown both in the table and in the inbox. Each one becomes a pending proposal
 * (its detection, with its charges) and leaves the subscriptions; confirmed data is untouched. Same table layout.
 */
export const v3: Migration = {
  version: 3,
  stores: v2.stores,
  async upgrade(tx) {
    const subs = tx.table('subscriptions');
    const finds = (await subs.filter((s: Subscription) => s.confirmed === false).toArray()) as Subscription[];
    if (finds.length === 0) return;
    const ids = finds.map((s) => s.id);
    const charges = tx.table('charges');
    const priceChanges = tx.table('priceChanges');
    const detections = tx.table('detections');
    const before = {
      subscriptions: finds,
      charges: (await charges.where('subscriptionId').anyOf(ids).toArray()) as Charge[],
      priceChanges: (await priceChanges.where('subscriptionId').anyOf(ids).toArray()) as PriceChange[],
      detections: (await detections.where('status').equals('pending').toArray()) as Detection[],
    };
    const after = findsToProposals(before);
    const gone = new Set(before.subscriptions.map((s) => s.id));
    for (const s of after.subscriptions) gone.delete(s.id);
    await detections.bulkDelete(before.detections.map((d) => d.id));
    // Checked against the schema after the last step, with everything else (./settle.ts).
    await detections.bulkPut(after.detections);
    await subs.bulkDelete([...gone]);
    await charges.bulkDelete(before.charges.filter((c) => gone.has(c.subscriptionId)).map((c) => c.id));
    await priceChanges.bulkDelete(before.priceChanges.filter((p) => gone.has(p.subscriptionId)).map((p) => p.id));
  },
};
