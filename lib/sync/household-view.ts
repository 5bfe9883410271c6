import { type HouseholdSubscription, type HouseholdView, summariseHousehold } from '../io/household';
import type { ExchangeRates, Member, Subscription } from '../model';
import { perMonthMinor } from '../schedule';
import { counts, priceOn, toBase } from '../summary';
import type { Attribution } from './attribution';

/**
 * The live household view of a synced household: every member's subscriptions from the shared data, with who
 * pays each (its owner, else the member who added it), totals per member, services two members pay for, and
 * who changed each subscription last. It is the file merge's view (lib/io/household) over live data.
 */

export interface PaidItem {
  subscription: HouseholdSubscription;
  /** Per month in the base currency (null without an exchange rate). */
  monthlyMinor: number | null;
  /** The part this member pays (100 unless shared). */
  percent: number;
  attribution?: Attribution;
}

export interface LiveHousehold extends HouseholdView {
  /** Member id → what they pay for (their own, and their share of others'). */
  paidBy: Map<string, PaidItem[]>;
  /** Subscriptions split between members. */
  split: HouseholdSubscription[];
  /** Subscriptions whose payer is not a member (no owner and added before the household). */
  unassigned: HouseholdSubscription[];
}

export function liveHousehold(
  members: readonly Member[],
  subscriptions: readonly Subscription[],
  attribution: ReadonlyMap<string, Attribution>,
  opts: { today: string; base: string; rates: ExchangeRates },
): LiveHousehold {
  const known = new Set(members.map((m) => m.id));
  const subs: HouseholdSubscription[] = [];
  const unassigned: HouseholdSubscription[] = [];
  for (const s of subscriptions) {
    if (s.confirmed === false) continue;
    const memberId = s.ownerId ?? attribution.get(s.id)?.createdBy ?? '';
    const item = { ...s, memberId };
    if (known.has(memberId)) subs.push(item);
    else unassigned.push(item);
  }
  const sorted = [...members].sort((a, b) => a.name.localeCompare(b.name));
  const view = summariseHousehold(sorted, subs, opts);
  const ctx = { today: opts.today, base: opts.base, rates: opts.rates };
  const paidBy = new Map<string, PaidItem[]>(members.map((m) => [m.id, []]));
  for (const s of subs) {
    if (!counts(s, opts.today)) continue;
    const monthly = toBase(Math.round(perMonthMinor(priceOn(s, opts.today), s.period)), s.currency, ctx);
    const shares = (s.shares ?? []).filter((sh) => sh.memberId !== s.memberId && known.has(sh.memberId));
    let given = 0;
    for (const sh of shares) {
      const pct = Math.min(sh.percent, 100 - given);
      given += pct;
      paidBy.get(sh.memberId)?.push({
        subscription: s,
        monthlyMinor: monthly === null ? null : Math.round((monthly * pct) / 100),
        percent: pct,
        ...(attribution.get(s.id) ? { attribution: attribution.get(s.id) as Attribution } : {}),
      });
    }
    paidBy.get(s.memberId)?.push({
      subscription: s,
      monthlyMinor: monthly === null ? null : Math.round((monthly * (100 - given)) / 100),
      percent: 100 - given,
      ...(attribution.get(s.id) ? { attribution: attribution.get(s.id) as Attribution } : {}),
    });
  }
  for (const list of paidBy.values()) list.sort((a, b) => (b.monthlyMinor ?? 0) - (a.monthlyMinor ?? 0));
  return {
    ...view,
    paidBy,
    split: subs.filter((s) => (s.shares ?? []).some((sh) => sh.memberId !== s.memberId && known.has(sh.memberId))),
    unassigned,
  };
}
