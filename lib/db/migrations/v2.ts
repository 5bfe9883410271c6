import { HttpUrl, LINK_KINDS, Subscription } from '../../model';
import type { Migration } from './index';

type Row = Record<string, unknown>;

/** Turns one v1 subscription into the v2 shape: `billingAnchor` and links that say where they came from. */
export function upgradeSubscriptionV1toV2(old: Row): Row {
  const { nextRenewal, links, ...rest } = old;
  const next: Row = { ...rest };
  if (next.billingAnchor === undefined && typeof nextRenewal === 'string') next.billingAnchor = nextRenewal;
  const sourced: Row = {};
  if (links && typeof links === 'object') {
    for (const kind of LINK_KINDS) {
      const value = (links as Row)[kind];
      const url = typeof value === 'string' ? value : (value as Row | undefined)?.url;
      if (HttpUrl.safeParse(url).success) sourced[kind] = { url, source: 'user' };
    }
  }
  next.links = sourced;
  return next;
}

/**
 * Version 2: subscriptions are scheduled from a `billingAnchor` (so month-end days survive short months),
 * links carry their source; charges get a compound index for duplicate checks; links seen on account pages
 * are kept per service; records that cannot be converted go to `quarantine` instead of being dropped.
 */
export const v2: Migration = {
  version: 2,
  stores: {
    subscriptions: 'id, status, category, currency, domain, serviceId, ownerId, updatedAt',
    charges: 'id, subscriptionId, date, [subscriptionId+date]',
    priceChanges: 'id, subscriptionId, date',
    detections: 'id, status, hostname, seenAt',
    members: 'id',
    settings: 'key',
    state: 'key',
    serviceLinks: 'key',
    quarantine: '++id, table',
  },
  async upgrade(tx) {
    const subs = tx.table('subscriptions');
    const quarantine = tx.table('quarantine');
    const rows = (await subs.toArray()) as Row[];
    for (const row of rows) {
      const next = upgradeSubscriptionV1toV2(row);
      const parsed = Subscription.safeParse(next);
      if (parsed.success) {
        await subs.put(parsed.data);
      } else {
        await quarantine.add({ table: 'subscriptions', record: row, reason: parsed.error.issues[0]?.message ?? '' });
        await subs.delete(row.id as string);
      }
    }
  },
};
