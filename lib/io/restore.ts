import type { SubkeeperDb } from '../db/schema';
import type { Backup, Charge, Detection, Member, PriceChange, Proof, QuarantineEntry, Subscription } from '../model';
import { findsToProposals } from '../proposal';
import { duplicateIds } from './backup';
import { serviceKey } from './keys';

export type RestoreMode = 'merge' | 'replace';

export interface RestoreCounts {
  added: number;
  updated: number;
  skipped: number;
}

/** Totals over all records, and the same per table. Settings are not counted. */
export interface RestoreResult extends RestoreCounts {
  tables: Record<'members' | 'subscriptions' | 'charges' | 'priceChanges' | 'detections' | 'proofs', RestoreCounts>;
}

function zero(): RestoreCounts {
  return { added: 0, updated: 0, skipped: 0 };
}

/**
 * Two subscriptions with different ids are the same one when they have the same service (directory id, else
 * domain, else normalised name), amount, currency and period.
 */
export function subscriptionDuplicateKey(
  s: Pick<Subscription, 'service' | 'serviceId' | 'domain' | 'amountMinor' | 'currency' | 'period'>,
): string {
  return `${serviceKey(s)}|${s.amountMinor}|${s.currency}|${s.period}`;
}

function instant(stamp: string): number {
  const t = Date.parse(stamp);
  return Number.isNaN(t) ? 0 : t;
}

function remapMember(s: Subscription, members: Map<string, string>): Subscription {
  const next: Subscription = { ...s };
  if (s.ownerId) next.ownerId = members.get(s.ownerId) ?? s.ownerId;
  if (s.shares) next.shares = s.shares.map((sh) => ({ ...sh, memberId: members.get(sh.memberId) ?? sh.memberId }));
  return next;
}

/**
 * Writes a backup into the database in ONE transaction over every table it touches: if anything fails, the
 * database is left exactly as it was. A backup with two entries under one id in a table is refused (RangeError)
 * before anything is written.
 *
 * `replace` clears members, subscriptions, charges, price changes and detections and writes the backup's; the
 * settings are replaced when the backup has them (kept otherwise). Service links and internal state are kept.
 *
 * `merge` adds what is missing and never makes duplicates:
 * - members: same id, or same name (case-insensitive) → the local member is kept and the backup's subscriptions
 *   point to it;
 * - subscriptions: same id → the newer `updatedAt` wins; a different id with the same service, amount, currency
 *   and period ({@link subscriptionDuplicateKey}) is the same subscription: it keeps the LOCAL id (so local
 *   charges stay attached) and takes the backup's fields only when the backup's `updatedAt` is newer; the
 *   backup's charges and price changes are moved onto the local id;
 * - charges: same id, or same subscription + date + amount + currency → skipped;
 * - price changes: same id, or same subscription + date + new amount → skipped;
 * - detections: same id → local kept;
 * - proofs (what sign-up and cancellation pages said): same id → local kept; others added, moved onto the
 *   subscription they belong to here;
 * - settings: the local settings are kept; the backup's are used only when there are none.
 */
export async function restoreBackup(db: SubkeeperDb, saved: Backup, mode: RestoreMode): Promise<RestoreResult> {
  // parseBackup refuses these already; a backup built another way must not lose entries silently either.
  const duplicates = duplicateIds(saved);
  if (duplicates) throw new RangeError(`the backup has entries with the same id: ${duplicates}`);
  // Finds an older version stored as unconfirmed subscriptions come back as inbox proposals (lib/proposal).
  const { converted: _converted, ...finds } = findsToProposals(saved);
  const backup: Backup = { ...saved, ...finds };
  const tables = [
    db.settings,
    db.members,
    db.subscriptions,
    db.charges,
    db.priceChanges,
    db.detections,
    db.quarantine,
    db.proofs,
  ];
  return db.transaction('rw', tables, async () => {
    const result = mode === 'replace' ? await replaceAll(db, backup) : await mergeAll(db, backup);
    await mergeQuarantine(db, backup.quarantine ?? []);
    return result;
  });
}

/**
 * What upgrades set aside, from the backup, added to what is here unless the same entry is already there. In
 * both modes: a restore never clears the quarantine (only the user removes entries from it).
 */
async function mergeQuarantine(db: SubkeeperDb, incoming: readonly QuarantineEntry[]): Promise<void> {
  if (incoming.length === 0) return;
  const key = (e: QuarantineEntry) => JSON.stringify([e.table, e.record, e.reason]);
  const here = new Set((await db.quarantine.toArray()).map(key));
  const added = incoming.filter((e) => {
    const k = key(e);
    if (here.has(k)) return false;
    here.add(k);
    return true;
  });
  await db.quarantine.bulkAdd(added.map((e) => ({ ...e })));
}

async function replaceAll(db: SubkeeperDb, backup: Backup): Promise<RestoreResult> {
  await Promise.all([
    db.members.clear(),
    db.subscriptions.clear(),
    db.charges.clear(),
    db.priceChanges.clear(),
    db.detections.clear(),
    db.proofs.clear(),
  ]);
  await db.members.bulkPut(backup.members);
  await db.subscriptions.bulkPut(backup.subscriptions);
  await db.charges.bulkPut(backup.charges);
  await db.priceChanges.bulkPut(backup.priceChanges);
  await db.detections.bulkPut(backup.detections);
  await db.proofs.bulkPut(backup.proofs ?? []);
  if (backup.settings) await db.settings.put({ key: 'settings', value: backup.settings });
  const t = (n: number): RestoreCounts => ({ added: n, updated: 0, skipped: 0 });
  const result: RestoreResult['tables'] = {
    members: t(backup.members.length),
    subscriptions: t(backup.subscriptions.length),
    charges: t(backup.charges.length),
    priceChanges: t(backup.priceChanges.length),
    detections: t(backup.detections.length),
    proofs: t((backup.proofs ?? []).length),
  };
  return total(result);
}

function total(tables: RestoreResult['tables']): RestoreResult {
  const sum = zero();
  for (const c of Object.values(tables)) {
    sum.added += c.added;
    sum.updated += c.updated;
    sum.skipped += c.skipped;
  }
  return { ...sum, tables };
}

async function mergeMembers(db: SubkeeperDb, incoming: Member[], map: Map<string, string>): Promise<RestoreCounts> {
  const counts = zero();
  const local = await db.members.toArray();
  const byName = new Map(local.map((m) => [m.name.trim().toLowerCase(), m.id]));
  const ids = new Set(local.map((m) => m.id));
  const added: Member[] = [];
  for (const m of incoming) {
    const sameName = byName.get(m.name.trim().toLowerCase());
    if (ids.has(m.id)) {
      map.set(m.id, m.id);
      counts.skipped++;
    } else if (sameName) {
      map.set(m.id, sameName);
      counts.skipped++;
    } else {
      map.set(m.id, m.id);
      ids.add(m.id);
      byName.set(m.name.trim().toLowerCase(), m.id);
      added.push(m);
      counts.added++;
    }
  }
  await db.members.bulkAdd(added);
  return counts;
}

async function mergeSubscriptions(
  db: SubkeeperDb,
  incoming: Subscription[],
  members: Map<string, string>,
  map: Map<string, string>,
): Promise<RestoreCounts> {
  const counts = zero();
  const byId = new Map((await db.subscriptions.toArray()).map((s) => [s.id, s]));
  const byKey = new Map<string, Subscription>();
  for (const s of byId.values()) if (!byKey.has(subscriptionDuplicateKey(s))) byKey.set(subscriptionDuplicateKey(s), s);
  const writes: Subscription[] = [];
  for (const raw of incoming) {
    const s = remapMember(raw, members);
    const local = byId.get(s.id) ?? byKey.get(subscriptionDuplicateKey(s));
    if (!local) {
      map.set(s.id, s.id);
      byId.set(s.id, s);
      byKey.set(subscriptionDuplicateKey(s), s);
      writes.push(s);
      counts.added++;
      continue;
    }
    map.set(s.id, local.id);
    if (instant(s.updatedAt) > instant(local.updatedAt)) {
      const createdAt = instant(local.createdAt) <= instant(s.createdAt) ? local.createdAt : s.createdAt;
      const next: Subscription = { ...s, id: local.id, createdAt };
      byId.set(next.id, next);
      writes.push(next);
      counts.updated++;
    } else {
      counts.skipped++;
    }
  }
  await db.subscriptions.bulkPut(writes);
  return counts;
}

async function mergeCharges(db: SubkeeperDb, incoming: Charge[], subs: Map<string, string>): Promise<RestoreCounts> {
  const counts = zero();
  const local = await db.charges.toArray();
  const ids = new Set(local.map((c) => c.id));
  const key = (c: Charge) => `${c.subscriptionId}|${c.date}|${c.amountMinor}|${c.currency}`;
  const keys = new Set(local.map(key));
  const added: Charge[] = [];
  for (const raw of incoming) {
    const c: Charge = { ...raw, subscriptionId: subs.get(raw.subscriptionId) ?? raw.subscriptionId };
    if (ids.has(c.id) || keys.has(key(c))) {
      counts.skipped++;
      continue;
    }
    ids.add(c.id);
    keys.add(key(c));
    added.push(c);
    counts.added++;
  }
  await db.charges.bulkAdd(added);
  return counts;
}

async function mergePriceChanges(
  db: SubkeeperDb,
  incoming: PriceChange[],
  subs: Map<string, string>,
): Promise<RestoreCounts> {
  const counts = zero();
  const local = await db.priceChanges.toArray();
  const ids = new Set(local.map((p) => p.id));
  const key = (p: PriceChange) => `${p.subscriptionId}|${p.date}|${p.newAmountMinor}|${p.currency}`;
  const keys = new Set(local.map(key));
  const added: PriceChange[] = [];
  for (const raw of incoming) {
    const p: PriceChange = { ...raw, subscriptionId: subs.get(raw.subscriptionId) ?? raw.subscriptionId };
    if (ids.has(p.id) || keys.has(key(p))) {
      counts.skipped++;
      continue;
    }
    ids.add(p.id);
    keys.add(key(p));
    added.push(p);
    counts.added++;
  }
  await db.priceChanges.bulkAdd(added);
  return counts;
}

async function mergeDetections(
  db: SubkeeperDb,
  incoming: Detection[],
  subs: Map<string, string>,
): Promise<RestoreCounts> {
  const counts = zero();
  const ids = new Set(await db.detections.toCollection().primaryKeys());
  const added: Detection[] = [];
  for (const raw of incoming) {
    if (ids.has(raw.id)) {
      counts.skipped++;
      continue;
    }
    const d: Detection = { ...raw };
    if (raw.subscriptionId) d.subscriptionId = subs.get(raw.subscriptionId) ?? raw.subscriptionId;
    ids.add(d.id);
    added.push(d);
    counts.added++;
  }
  await db.detections.bulkAdd(added);
  return counts;
}

async function mergeProofs(db: SubkeeperDb, incoming: Proof[], subs: Map<string, string>): Promise<RestoreCounts> {
  const counts = zero();
  const ids = new Set(await db.proofs.toCollection().primaryKeys());
  const added: Proof[] = [];
  for (const raw of incoming) {
    if (ids.has(raw.id)) {
      counts.skipped++;
      continue;
    }
    const p: Proof = { ...raw };
    if (raw.subscriptionId) p.subscriptionId = subs.get(raw.subscriptionId) ?? raw.subscriptionId;
    ids.add(p.id);
    added.push(p);
    counts.added++;
  }
  await db.proofs.bulkAdd(added);
  return counts;
}

async function mergeAll(db: SubkeeperDb, backup: Backup): Promise<RestoreResult> {
  const memberMap = new Map<string, string>();
  const subMap = new Map<string, string>();
  const members = await mergeMembers(db, backup.members, memberMap);
  const subscriptions = await mergeSubscriptions(db, backup.subscriptions, memberMap, subMap);
  const charges = await mergeCharges(db, backup.charges, subMap);
  const priceChanges = await mergePriceChanges(db, backup.priceChanges, subMap);
  const detections = await mergeDetections(db, backup.detections, subMap);
  const proofs = await mergeProofs(db, backup.proofs ?? [], subMap);
  if (backup.settings && !(await db.settings.get('settings'))) {
    await db.settings.put({ key: 'settings', value: backup.settings });
  }
  return total({ members, subscriptions, charges, priceChanges, detections, proofs });
}
