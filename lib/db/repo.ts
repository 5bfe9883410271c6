import {
  Charge,
  DEFAULT_SETTINGS,
  Detection,
  type FieldErrors,
  type Links,
  Member,
  type PriceChange,
  type Proof,
  Settings,
  Subscription,
  sameValue,
  type Validated,
  validate,
} from '../model';
import type { QuarantineRow, SubkeeperDb } from './schema';

/** All reads and writes of the database. Every write is validated by the schema first. */

export function newId(): string {
  return crypto.randomUUID();
}

// ---- settings -------------------------------------------------------------------------------------------

/** The stored settings; `fallback` (the schema's defaults unless given) when none are stored or they are invalid. */
export async function getSettings(db: SubkeeperDb, fallback: Settings = DEFAULT_SETTINGS): Promise<Settings> {
  const row = await db.settings.get('settings');
  if (!row) return fallback;
  const parsed = Settings.safeParse(row.value);
  return parsed.success ? parsed.data : fallback;
}

/** Whether the user has saved settings (on the first-run page or in the settings): no means a first run. */
export async function hasSettings(db: SubkeeperDb): Promise<boolean> {
  return (await db.settings.get('settings')) !== undefined;
}

export async function saveSettings(db: SubkeeperDb, next: unknown): Promise<Validated<Settings>> {
  const v = validate(Settings, next);
  if (v.ok) await db.settings.put({ key: 'settings', value: v.value });
  return v;
}

// ---- subscriptions --------------------------------------------------------------------------------------

export function listSubscriptions(db: SubkeeperDb): Promise<Subscription[]> {
  return db.subscriptions.toArray();
}

export function getSubscription(db: SubkeeperDb, id: string): Promise<Subscription | undefined> {
  return db.subscriptions.get(id);
}

/** Why a subscription write was refused, beside the per-field messages. */
export type WriteRefusal =
  /** A field is not valid (see `errors`). */
  | { ok: false; reason: 'invalid'; errors: FieldErrors }
  /** The subscription was deleted (in another tab, or by the background) since the writer read it. */
  | { ok: false; reason: 'gone'; errors: FieldErrors }
  /**
   * Someone else changed these fields (schema paths: `amountMinor`, `links.cancel`...) since the writer read the
   * record, and the writer changed them too: nothing was written; `current` is what is stored now.
   */
  | { ok: false; reason: 'conflict'; errors: FieldErrors; conflicts: string[]; current: Subscription };
export type WriteResult<T> = { ok: true; value: T } | WriteRefusal;

export interface UpdateOptions {
  /**
   * The record as the writer read it (a form's starting point). When given, a field the writer changed that
   * someone else changed differently since then is a conflict and nothing is written; fields only the others
   * changed keep their new values. Without it the patch applies over whatever is stored.
   */
  base?: Subscription;
  /** Today's calendar day, for the history entry of a status change (default: the stamp's UTC day). */
  today?: string;
}

const LINK_KEYS = ['manage', 'cancel', 'pause'] as const;

/**
 * The record after applying `patch` over `current`, and the fields that conflict, by these rules:
 * - `links` count per kind (manage, cancel, pause): a page link added meanwhile never blocks the user's own;
 * - `statusHistory` is append-only: entries of the patch that are not stored yet are added after the stored
 *   ones, whoever wrote in between; nothing is ever removed from it;
 * - with a `base`, a field the patch leaves as it was in `base` is not touched (others may have changed it), and
 *   a field the patch changes that someone else changed to something else since `base` is a conflict.
 */
function applyPatch(current: Subscription, patch: Record<string, unknown>, base: Subscription | undefined) {
  const next: Record<string, unknown> = { ...current };
  const conflicts: string[] = [];
  const cur = current as unknown as Record<string, unknown>;
  const was = base as unknown as Record<string, unknown> | undefined;
  const take = (key: string, mine: unknown, theirs: unknown, before: unknown, set: (v: unknown) => void) => {
    if (was && sameValue(mine, before)) return; // not changed by this writer
    if (was && !sameValue(theirs, before) && !sameValue(theirs, mine)) conflicts.push(key);
    else set(mine);
  };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id' || key === 'createdAt' || key === 'updatedAt') continue;
    if (key === 'statusHistory') {
      const stored = current.statusHistory ?? [];
      const added = (Array.isArray(value) ? value : []).filter((e) => !stored.some((h) => sameValue(h, e)));
      next.statusHistory = [...stored, ...added];
    } else if (key === 'links') {
      const mine = (value ?? {}) as Record<string, unknown>;
      const links: Record<string, unknown> = { ...current.links };
      for (const kind of LINK_KEYS) {
        if (!was && !(kind in mine)) continue; // without a base, kinds the patch does not name stay
        take(`links.${kind}`, mine[kind], links[kind], (base?.links as Record<string, unknown>)?.[kind], (v) => {
          if (v === undefined) delete links[kind];
          else links[kind] = v;
        });
      }
      next.links = links;
    } else {
      take(key, value, cur[key], was?.[key], (v) => {
        next[key] = v;
      });
    }
  }
  return { next, conflicts };
}

/**
 * Creates a subscription (no `id`: it gets a new one) or updates one (an `id`) with the fields of `input` — only
 * those: an update is a patch, read and written in one transaction, so writers in
 * other tabs and the background lose nothing. `stamp` is the current instant (the clock is passed in).
 * - An update never recreates a subscription that was deleted meanwhile (`reason: 'gone'`): a writer whose input
 *   carries an id is editing, and the record it edits is no longer there.
 * - `statusHistory` is append-only, and a status change is recorded in it even when the writer did not.
 * - With `opts.base`, fields changed by someone else since `base` keep their new values, and changing one of them
 *   differently is refused (`reason: 'conflict'`).
 * Nothing is written when validation fails.
 */
export async function saveSubscription(
  db: SubkeeperDb,
  input: Record<string, unknown>,
  stamp: string,
  opts: UpdateOptions = {},
): Promise<WriteResult<Subscription>> {
  return db.transaction('rw', db.subscriptions, async (): Promise<WriteResult<Subscription>> => {
    const id = typeof input.id === 'string' ? input.id : undefined;
    const existing = id !== undefined ? await db.subscriptions.get(id) : undefined;
    if (!existing) {
      // A writer with an id edits that record; when it is gone (deleted in another tab, or by the background since
      // the writer read it), bringing it back from a stale copy would undo the delete.
      if (id !== undefined) return { ok: false, reason: 'gone', errors: { id: 'this subscription was deleted' } };
      const v = validate(Subscription, {
        source: 'manual',
        ...input,
        id: newId(),
        createdAt: stamp,
        updatedAt: stamp,
      });
      if (!v.ok) return { ...v, reason: 'invalid' };
      await db.subscriptions.add(v.value);
      return v;
    }
    const { next, conflicts } = applyPatch(existing, input, opts.base);
    if (conflicts.length > 0) {
      return {
        ok: false,
        reason: 'conflict',
        conflicts,
        current: existing,
        errors: Object.fromEntries(conflicts.map((c) => [c, 'changed elsewhere'])),
      };
    }
    if (next.status !== existing.status) {
      const history = next.statusHistory as Subscription['statusHistory'];
      const last = history[history.length - 1];
      if (!last || last.status !== next.status || history.length === existing.statusHistory.length) {
        next.statusHistory = [...history, { status: next.status, date: opts.today ?? stamp.slice(0, 10) }];
      }
    }
    const v = validate(Subscription, { ...next, id: existing.id, createdAt: existing.createdAt, updatedAt: stamp });
    if (!v.ok) return { ...v, reason: 'invalid' };
    await db.subscriptions.put(v.value);
    return v;
  });
}

/**
 * Changes the currency of subscriptions that were saved in the wrong one (`from` → `to`), with their charges and
 * price changes in `from`; the amounts stay as they are (a relabel, not a conversion). One transaction; returns
 * how many subscriptions changed.
 */
export async function relabelCurrency(
  db: SubkeeperDb,
  ids: readonly string[],
  from: string,
  to: string,
  stamp: string,
): Promise<number> {
  return db.transaction('rw', db.subscriptions, db.charges, db.priceChanges, async () => {
    let n = 0;
    for (const id of ids) {
      const sub = await db.subscriptions.get(id);
      if (!sub || sub.currency !== from) continue;
      await db.subscriptions.put({ ...sub, currency: to, updatedAt: stamp });
      await db.charges
        .where('subscriptionId')
        .equals(id)
        .modify((c) => {
          if (c.currency === from) c.currency = to;
        });
      await db.priceChanges
        .where('subscriptionId')
        .equals(id)
        .modify((c) => {
          if (c.currency === from) c.currency = to;
        });
      n++;
    }
    return n;
  });
}

/** What a delete removed, so it can be undone. */
export interface DeletedBundle {
  subscription: Subscription;
  charges: Charge[];
  priceChanges: PriceChange[];
  /** Its proofs of sign-up and cancellation (issue 14): they go with it, and come back with an undo. */
  proofs?: Proof[];
}

/** The state key of a subscription's days of use (lib/rights/usage `usageKey`): deleted with it, never restored. */
const usageStateKey = (id: string) => `usage:${id}`;

export async function deleteSubscription(db: SubkeeperDb, id: string): Promise<DeletedBundle | undefined> {
  return db.transaction('rw', [db.subscriptions, db.charges, db.priceChanges, db.proofs, db.state], async () => {
    const subscription = await db.subscriptions.get(id);
    if (!subscription) return undefined;
    const charges = await db.charges.where('subscriptionId').equals(id).toArray();
    const priceChanges = await db.priceChanges.where('subscriptionId').equals(id).toArray();
    const proofs = await db.proofs.where('subscriptionId').equals(id).toArray();
    await db.charges.where('subscriptionId').equals(id).delete();
    await db.priceChanges.where('subscriptionId').equals(id).delete();
    await db.proofs.where('subscriptionId').equals(id).delete();
    await db.state.delete(usageStateKey(id));
    await db.subscriptions.delete(id);
    return { subscription, charges, priceChanges, proofs };
  });
}

export async function restoreSubscription(db: SubkeeperDb, bundle: DeletedBundle): Promise<void> {
  await db.transaction('rw', [db.subscriptions, db.charges, db.priceChanges, db.proofs], async () => {
    await db.subscriptions.put(bundle.subscription);
    await db.charges.bulkPut(bundle.charges);
    await db.priceChanges.bulkPut(bundle.priceChanges);
    if (bundle.proofs) await db.proofs.bulkPut(bundle.proofs);
  });
}

// ---- charges and price changes --------------------------------------------------------------------------

/** The charges of some subscriptions (the cancelled ones, for charges after cancelling: lib/app/rights). */
export function listChargesOf(db: SubkeeperDb, subscriptionIds: readonly string[]): Promise<Charge[]> {
  return subscriptionIds.length > 0
    ? db.charges
        .where('subscriptionId')
        .anyOf([...subscriptionIds])
        .toArray()
    : Promise.resolve([]);
}

export function listCharges(db: SubkeeperDb, subscriptionId?: string): Promise<Charge[]> {
  return subscriptionId
    ? db.charges.where('subscriptionId').equals(subscriptionId).sortBy('date')
    : db.charges.orderBy('date').toArray();
}

/**
 * Adds charges, skipping any already recorded for the same subscription, day and amount. Returns those added.
 * A charge is a payment: its subscription's `lastPaid` moves to the latest charge day, so that day's renewal
 * counts as paid (lib/summary `firstDueDay`).
 */
export async function addCharges(db: SubkeeperDb, charges: readonly unknown[]): Promise<Charge[]> {
  const added: Charge[] = [];
  await db.transaction('rw', db.charges, db.subscriptions, async () => {
    for (const raw of charges) {
      const parsed = Charge.safeParse(raw);
      if (!parsed.success) continue;
      const c = parsed.data;
      const same = await db.charges.where('[subscriptionId+date]').equals([c.subscriptionId, c.date]).toArray();
      if (same.some((s) => s.amountMinor === c.amountMinor && s.currency === c.currency)) continue;
      await db.charges.put(c);
      added.push(c);
    }
    const latest = new Map<string, string>();
    for (const c of added) if ((latest.get(c.subscriptionId) ?? '') < c.date) latest.set(c.subscriptionId, c.date);
    for (const [id, date] of latest) {
      const sub = await db.subscriptions.get(id);
      if (sub && !(sub.lastPaid && sub.lastPaid >= date)) await db.subscriptions.update(id, { lastPaid: date });
    }
  });
  return added;
}

/**
 * Records a price the user changed by editing a subscription (`before` → `after`) as a price change on `date`, so
 * every edit shows in the price history and, when it went up, among the price increases. Several edits of one day
 * are one change (from the day's first price to its last; none when it is back where it started). A change of
 * currency is not a price change. Returns whether a change was written or removed.
 */
export async function recordPriceEdit(
  db: SubkeeperDb,
  before: Pick<Subscription, 'id' | 'amountMinor' | 'currency'>,
  after: Pick<Subscription, 'amountMinor' | 'currency'>,
  date: string,
): Promise<boolean> {
  if (before.currency !== after.currency || before.amountMinor === after.amountMinor) return false;
  return db.transaction('rw', db.priceChanges, async () => {
    const sameDay = (await db.priceChanges.where('subscriptionId').equals(before.id).toArray()).find(
      (c) => c.byUser && c.date === date && c.currency === after.currency && c.newAmountMinor === before.amountMinor,
    );
    const oldAmountMinor = sameDay?.oldAmountMinor ?? before.amountMinor;
    if (sameDay && oldAmountMinor === after.amountMinor) {
      await db.priceChanges.delete(sameDay.id);
      return true;
    }
    const change: PriceChange = {
      id: sameDay?.id ?? newId(),
      subscriptionId: before.id,
      date,
      oldAmountMinor,
      newAmountMinor: after.amountMinor,
      currency: after.currency,
      byUser: true,
    };
    await db.priceChanges.put(change);
    return true;
  });
}

export function listPriceChanges(db: SubkeeperDb, sinceDate?: string): Promise<PriceChange[]> {
  return sinceDate ? db.priceChanges.where('date').aboveOrEqual(sinceDate).toArray() : db.priceChanges.toArray();
}

// ---- detections -----------------------------------------------------------------------------------------

export function listPendingDetections(db: SubkeeperDb): Promise<Detection[]> {
  return db.detections.where('status').equals('pending').reverse().sortBy('seenAt');
}

export async function saveDetection(db: SubkeeperDb, detection: unknown): Promise<Validated<Detection>> {
  const v = validate(Detection, detection);
  if (v.ok) await db.detections.put(v.value);
  return v;
}

/** Finds of a failed payment for a tracked subscription (a payment-failed mail), for reminders. */
export function listPaymentFailures(db: SubkeeperDb): Promise<Detection[]> {
  return db.detections.filter((d) => d.result.event === 'payment-failed' && Boolean(d.subscriptionId)).toArray();
}

/**
 * Settles a detection. Its proof (what the page said, issue 14) goes with it: deleted when the user ignores the
 * proposal (nothing of that page is kept), moved to the subscription when the user saved one from it themselves —
 * together with the terms the page stated, when that subscription has none yet.
 */
export async function setDetectionStatus(
  db: SubkeeperDb,
  id: string,
  status: Detection['status'],
  subscriptionId?: string,
): Promise<void> {
  await db.transaction('rw', [db.detections, db.proofs, db.subscriptions], async () => {
    const d = await db.detections.get(id);
    await db.detections.update(id, subscriptionId ? { status, subscriptionId } : { status });
    const proofs = db.proofs.where('detectionId').equals(id);
    if (status === 'dismissed') await proofs.delete();
    else if (status === 'accepted' && subscriptionId) {
      await proofs.modify({ subscriptionId });
      const terms = d?.proposal?.type === 'new' ? d.proposal.subscription.terms : undefined;
      const sub = terms ? await db.subscriptions.get(subscriptionId) : undefined;
      if (sub && !sub.terms) await db.subscriptions.update(subscriptionId, { terms });
    }
  });
}

// ---- members --------------------------------------------------------------------------------------------

export function listMembers(db: SubkeeperDb): Promise<Member[]> {
  return db.members.toArray();
}

export async function saveMember(db: SubkeeperDb, input: Record<string, unknown>): Promise<Validated<Member>> {
  const v = validate(Member, { ...input, id: typeof input.id === 'string' ? input.id : newId() });
  if (v.ok) await db.members.put(v.value);
  return v;
}

export async function deleteMember(db: SubkeeperDb, id: string): Promise<void> {
  await db.transaction('rw', db.members, db.subscriptions, async () => {
    await db.members.delete(id);
    await db.subscriptions
      .where('ownerId')
      .equals(id)
      .modify((s) => {
        delete s.ownerId;
      });
  });
}

// ---- service links and small state ----------------------------------------------------------------------

export async function getServiceLinks(db: SubkeeperDb, key: string): Promise<Links> {
  return (await db.serviceLinks.get(key))?.links ?? {};
}

export async function mergeServiceLinks(db: SubkeeperDb, key: string, links: Links): Promise<Links> {
  const merged = { ...(await getServiceLinks(db, key)), ...links };
  await db.serviceLinks.put({ key, links: merged });
  return merged;
}

export async function getState<T>(db: SubkeeperDb, key: string, fallback: T): Promise<T> {
  const row = await db.state.get(key);
  return row ? (row.value as T) : fallback;
}

export async function setState(db: SubkeeperDb, key: string, value: unknown): Promise<void> {
  await db.state.put({ key, value });
}

// ---- set aside --------------------------------------------------------------------------------------------

/** Keeps a record that could not be stored where it belongs (shown in the Data view and in backups). */
export async function setAside(db: SubkeeperDb, row: QuarantineRow): Promise<void> {
  await db.quarantine.add(row);
}
