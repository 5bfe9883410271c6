/**
 * Households: each person exports a household file (their backup tagged with their name and colour); one person
 * loads everyone's files to see the members, what each pays per month, and services paid twice.
 */
import { z } from 'zod';
import { Backup, type ExchangeRates, Member, type Subscription } from '../model';
import { convert } from '../money';
import { perMonthMinor } from '../schedule';
import { counts, priceOn } from '../summary';
import { describeIssues, MAX_BACKUP_BYTES, parseBackup } from './backup';
import { serviceKey, serviceKeys } from './keys';
import { subscriptionDuplicateKey } from './restore';

/** A backup with the person it belongs to. Its format is still a backup, so it can also be restored as one. */
export const HouseholdFile = Backup.extend({ household: z.object({ member: Member }) });
export type HouseholdFile = z.infer<typeof HouseholdFile>;

/**
 * The household file of `member`: their backup without pending detections (those name pages they visited),
 * without what upgrades set aside and without settings, tagged with their name and colour.
 */
export function exportHouseholdFile(backup: Backup, member: Member): HouseholdFile {
  const { settings: _settings, detections: _detections, quarantine: _quarantine, ...rest } = backup;
  return {
    ...rest,
    detections: [],
    quarantine: [],
    household: { member: { id: member.id, name: member.name, color: member.color } },
  };
}

/** Reads a household file's text; the same checks and messages as a backup, plus the member tag. Never throws. */
export function parseHouseholdFile(text: string): { ok: true; file: HouseholdFile } | { ok: false; error: string } {
  const asBackup = parseBackup(text);
  if (!asBackup.ok) return { ok: false, error: asBackup.error };
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, error: 'the file is too large' };
  const parsed = HouseholdFile.safeParse(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  if (!parsed.success) {
    const missing = parsed.error.issues.some((i) => i.path.length === 1 && i.path[0] === 'household');
    return {
      ok: false,
      error: missing ? 'this is a backup, not a household file' : describeIssues(parsed.error.issues),
    };
  }
  return { ok: true, file: parsed.data };
}

/** A subscription in the merged view: its id is namespaced with its member's, and it names that member. */
export type HouseholdSubscription = Subscription & { memberId: string };

export interface MemberTotal {
  memberId: string;
  /** What the member pays per month, in the base currency (their own share and what others share with them). */
  monthlyMinor: number;
  /** Subscriptions the member owns that count (active and trials). */
  count: number;
  /** Currencies without an exchange rate, left out of the total. */
  missingRates: string[];
}

export interface HouseholdDuplicate {
  /** What makes them the same service (`id:netflix`, `domain:viaplay.no`, `name:storytel`). */
  serviceKey: string;
  /** The service's name as the first member wrote it. */
  name: string;
  /** The members paying for it (two or more). */
  members: string[];
  subscriptionIds: string[];
  /** What the household saves per month by keeping only the dearest one (base currency). */
  monthlySavingMinor: number;
}

export interface HouseholdView {
  base: string;
  members: Member[];
  subscriptions: HouseholdSubscription[];
  totalsPerMember: MemberTotal[];
  duplicates: HouseholdDuplicate[];
}

export interface HouseholdOptions {
  today: string;
  /** Base currency of the totals. */
  base: string;
  rates: ExchangeRates;
}

function monthlyInBase(s: Subscription, opts: HouseholdOptions): number | null {
  const monthly = perMonthMinor(priceOn(s, opts.today), s.period);
  if (s.currency === opts.base) return monthly;
  const converted = convert({ amountMinor: Math.round(monthly), currency: s.currency }, opts.base, opts.rates);
  return converted ? converted.amountMinor : null;
}

/**
 * Merges household files. Member `i` (from 0) gets the id `h<i+1>`; each subscription's id becomes
 * `h<i+1>:<its id>` (so members' data stays apart). Its member is its owner when the file names an owner who is
 * in the household (matched by name), else the file's member; its shares point to household members the same
 * way (shares with people outside the household stay with the owner). A subscription two files both hold for the
 * same member (same service, amount, currency and period) is kept once. Totals count active subscriptions and trials
 * (as the dashboard does), per month in `opts.base`: the owner pays what is not shared, each member their share.
 * Duplicates: the same service (directory id, domain or name) paid by two or more members; the saving keeps
 * the dearest one.
 */
export function mergeHousehold(files: readonly HouseholdFile[], opts: HouseholdOptions): HouseholdView {
  const members: Member[] = files.map((f, i) => ({ ...f.household.member, id: `h${i + 1}` }));
  const byName = new Map<string, string>();
  for (const m of members) if (!byName.has(m.name.trim().toLowerCase())) byName.set(m.name.trim().toLowerCase(), m.id);

  const seen = new Set<string>();
  const subscriptions: HouseholdSubscription[] = [];
  files.forEach((f, i) => {
    const fileMember = `h${i + 1}`;
    const ownNames = new Map(f.members.map((m) => [m.id, m.name.trim().toLowerCase()]));
    const resolve = (id: string | undefined) => (id ? byName.get(ownNames.get(id) ?? '') : undefined);
    for (const s of f.subscriptions) {
      const memberId = resolve(s.ownerId) ?? fileMember;
      // Two people may both keep the same subscription (one tracks the other's): keep it once.
      const key = `${memberId}|${subscriptionDuplicateKey(s)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const next: HouseholdSubscription = { ...s, id: `${fileMember}:${s.id}`, ownerId: memberId, memberId };
      const shares = (s.shares ?? []).flatMap((sh) => {
        const target = resolve(sh.memberId);
        return target && target !== memberId ? [{ memberId: target, percent: sh.percent }] : [];
      });
      if (shares.length > 0) next.shares = shares;
      else delete next.shares;
      subscriptions.push(next);
    }
  });

  return summariseHousehold(members, subscriptions, opts);
}

/**
 * The household view of subscriptions that already name their member (`memberId`): totals per member (the
 * owner pays what is not shared, each member their share; subscriptions of someone not in `members` count for
 * nobody) and the services paid by two or more members. Used by the file merge above and by the live view of a
 * synced household (lib/sync/household-view).
 */
export function summariseHousehold(
  members: Member[],
  subscriptions: HouseholdSubscription[],
  opts: HouseholdOptions,
): HouseholdView {
  const totals = new Map<string, MemberTotal>(
    members.map((m) => [m.id, { memberId: m.id, monthlyMinor: 0, count: 0, missingRates: [] }]),
  );
  const monthlyOf = new Map<string, number>();
  for (const s of subscriptions) {
    if (!counts(s, opts.today)) continue;
    const owner = totals.get(s.memberId);
    if (!owner) continue;
    owner.count++;
    const monthly = monthlyInBase(s, opts);
    if (monthly === null) {
      if (!owner.missingRates.includes(s.currency)) owner.missingRates.push(s.currency);
      continue;
    }
    monthlyOf.set(s.id, monthly);
    let shared = 0;
    for (const sh of s.shares ?? []) {
      const pct = Math.min(sh.percent, 100 - shared);
      shared += pct;
      const t = totals.get(sh.memberId);
      if (t) t.monthlyMinor += (monthly * pct) / 100;
    }
    owner.monthlyMinor += (monthly * (100 - shared)) / 100;
  }
  for (const t of totals.values()) t.monthlyMinor = Math.round(t.monthlyMinor);

  return {
    base: opts.base,
    members,
    subscriptions,
    totalsPerMember: [...totals.values()],
    duplicates: findDuplicates(subscriptions, monthlyOf),
  };
}

/** Groups counted subscriptions of different members that share a service key (union of id, domain and name). */
function findDuplicates(subs: readonly HouseholdSubscription[], monthlyOf: ReadonlyMap<string, number>) {
  const counted = subs.filter((s) => monthlyOf.has(s.id));
  const parent = counted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const firstWithKey = new Map<string, number>();
  counted.forEach((s, i) => {
    for (const key of serviceKeys(s)) {
      const j = firstWithKey.get(key);
      if (j === undefined) firstWithKey.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, HouseholdSubscription[]>();
  counted.forEach((s, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), s]);
  });
  const out: HouseholdDuplicate[] = [];
  for (const group of groups.values()) {
    const memberIds = [...new Set(group.map((s) => s.memberId))];
    if (memberIds.length < 2) continue;
    const costs = group.map((s) => monthlyOf.get(s.id) as number);
    const saving = costs.reduce((a, b) => a + b, 0) - Math.max(...costs);
    const first = group[0] as HouseholdSubscription;
    out.push({
      serviceKey: serviceKey(first),
      name: first.service,
      members: memberIds,
      subscriptionIds: group.map((s) => s.id),
      monthlySavingMinor: Math.round(saving),
    });
  }
  return out.sort((a, b) => b.monthlySavingMinor - a.monthlySavingMinor || a.name.localeCompare(b.name));
}
