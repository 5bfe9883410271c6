import { addDays, diffDays } from '../dates';
import type { Charge, ExchangeRates, Member, PriceChange, Subscription } from '../model';
import { convert } from '../money';
import { mustParsePeriod, perMonthMinor, perYearMinor, scheduleDays } from '../schedule';

/**
 * What the popup and the dashboard show, computed from plain data: totals, renewals, trials, the calendar and
 * the chart series. Everything takes `today` and the exchange rates as arguments.
 *
 * Counting rule: the totals (per month, per year, by category) are what the user pays now: active subscriptions
 * at their current price (the intro price while it lasts). A free trial costs nothing yet, so its price is kept
 * apart (`afterTrialsMonthlyMinor`, "+ X per month when your trials end"); its first charge, on the day the trial
 * ends, is a real coming charge and is listed and summed with the renewals (next 30 days, calendar). Paused and
 * cancelled subscriptions count nowhere, nor anything the user has not accepted.
 */

export interface Ctx {
  today: string;
  base: string;
  rates: ExchangeRates;
}

/** A trial not yet paid for (it ends after today, or has no end day recorded): free now. */
export function inFreeTrial(sub: Subscription, today: string): boolean {
  return sub.status === 'trial' && (sub.trialEnd === undefined || sub.trialEnd > today);
}

export function counts(sub: Subscription, today: string): boolean {
  // A find the user has not accepted is not theirs (older data; finds are proposals now).
  if (sub.confirmed === false) return false;
  if (sub.status === 'active' || sub.status === 'trial') return !sub.endsOn || sub.endsOn >= today;
  return false;
}

/** The price of the next charge on `date` (intro price while the intro lasts). */
export function priceOn(sub: Subscription, date: string): number {
  if (sub.introAmountMinor !== undefined && sub.introEnd && date < sub.introEnd) return sub.introAmountMinor;
  return sub.amountMinor;
}

/**
 * The renewal a payment on `paid` paid for: a renewal due a few days after it (a card charged, or a bank posting
 * dated, a little before the billing day: up to 3 days for monthly and longer plans, 1 day for weekly ones), else
 * the payment's own day. Without this a charge on the 22nd for a plan billed on the 23rd would leave "renews
 * tomorrow".
 */
export function paidRenewal(sub: Pick<Subscription, 'billingAnchor' | 'period'>, paid: string): string {
  const { n, unit } = mustParsePeriod(sub.period);
  const early = unit === 'D' ? 0 : unit === 'W' ? (n === 1 ? 1 : 3) : 3;
  if (early === 0) return paid;
  const [due] = scheduleDays(sub.billingAnchor, sub.period, addDays(paid, 1), addDays(paid, early), 1);
  return due ?? paid;
}

/**
 * The first day a renewal of `sub` can fall on, today aside: the latest of its billing anchor (renewals never come
 * before it), its start, the day after its last payment (a charge on day D moves the next renewal to D + period),
 * the end of its trial and the end of a pause. Every view and the reminders schedule from here.
 */
export function firstDueDay(sub: Subscription): string {
  let from = sub.billingAnchor;
  const later = (d: string | undefined) => {
    if (d !== undefined && d > from) from = d;
  };
  later(sub.startDate);
  if (sub.lastPaid) later(addDays(paidRenewal(sub, sub.lastPaid), 1));
  if (sub.status === 'trial') later(sub.trialEnd);
  later(sub.pausedUntil);
  return from;
}

/** The first day on or after `today` a renewal of `sub` can fall on (see {@link firstDueDay}). */
export function dueFrom(sub: Subscription, today: string): string {
  const first = firstDueDay(sub);
  return first > today ? first : today;
}

/** The next renewal on or after `today`, or undefined for paused/cancelled subscriptions. */
export function nextRenewal(sub: Subscription, today: string): string | undefined {
  if (!counts(sub, today)) return undefined;
  const from = dueFrom(sub, today);
  const [next] = scheduleDays(sub.billingAnchor, sub.period, from, '9999-12-31', 1);
  return next === undefined || (sub.endsOn && next > sub.endsOn) ? undefined : next;
}

/** An amount in the base currency, or null when a rate is missing. */
export function toBase(amountMinor: number, currency: string, ctx: Ctx): number | null {
  if (currency === ctx.base) return amountMinor;
  const c = convert({ amountMinor, currency }, ctx.base, ctx.rates);
  return c ? c.amountMinor : null;
}

export interface CurrencyTotal {
  currency: string;
  monthlyMinor: number;
  yearlyMinor: number;
}

export interface Totals {
  monthlyMinor: number;
  yearlyMinor: number;
  byCurrency: CurrencyTotal[];
  activeCount: number;
  trialCount: number;
  pausedCount: number;
  /** What the free trials will add per month once they end (base currency; not in `monthlyMinor`). */
  afterTrialsMonthlyMinor: number;
  /** Currencies that had no exchange rate (left out of the base totals). */
  missingRates: string[];
}

export function totals(subs: readonly Subscription[], ctx: Ctx): Totals {
  const byCurrency = new Map<string, CurrencyTotal>();
  const missing = new Set<string>();
  let monthly = 0;
  let yearly = 0;
  let activeCount = 0;
  let trialCount = 0;
  let pausedCount = 0;
  let afterTrials = 0;
  for (const s of subs) {
    if (s.status === 'paused') pausedCount++;
    if (!counts(s, ctx.today)) continue;
    if (inFreeTrial(s, ctx.today)) {
      trialCount++;
      const m = toBase(perMonthMinor(priceOn(s, s.trialEnd ?? ctx.today), s.period), s.currency, ctx);
      if (m === null) missing.add(s.currency);
      else afterTrials += m;
      continue;
    }
    activeCount++;
    const price = priceOn(s, ctx.today);
    const m = perMonthMinor(price, s.period);
    const y = perYearMinor(price, s.period);
    const row = byCurrency.get(s.currency) ?? { currency: s.currency, monthlyMinor: 0, yearlyMinor: 0 };
    row.monthlyMinor += m;
    row.yearlyMinor += y;
    byCurrency.set(s.currency, row);
  }
  for (const row of byCurrency.values()) {
    const m = toBase(row.monthlyMinor, row.currency, ctx);
    const y = toBase(row.yearlyMinor, row.currency, ctx);
    if (m === null || y === null) {
      missing.add(row.currency);
      continue;
    }
    monthly += m;
    yearly += y;
    row.monthlyMinor = Math.round(row.monthlyMinor);
    row.yearlyMinor = Math.round(row.yearlyMinor);
  }
  return {
    monthlyMinor: Math.round(monthly),
    yearlyMinor: Math.round(yearly),
    byCurrency: [...byCurrency.values()].sort((a, b) => b.monthlyMinor - a.monthlyMinor),
    activeCount,
    trialCount,
    pausedCount,
    afterTrialsMonthlyMinor: Math.round(afterTrials),
    missingRates: [...missing],
  };
}

export interface Renewal {
  subscription: Subscription;
  date: string;
  daysLeft: number;
  amountMinor: number;
  currency: string;
}

/** Renewals from today through `today + days`, soonest first. */
export function upcomingRenewals(subs: readonly Subscription[], today: string, days: number): Renewal[] {
  const end = addDays(today, days);
  const out: Renewal[] = [];
  for (const s of subs) {
    if (!counts(s, today)) continue;
    const from = dueFrom(s, today);
    if (from > end) continue;
    for (const date of scheduleDays(s.billingAnchor, s.period, from, end)) {
      if (s.endsOn && date > s.endsOn) break;
      out.push({
        subscription: s,
        date,
        daysLeft: diffDays(today, date),
        amountMinor: priceOn(s, date),
        currency: s.currency,
      });
    }
  }
  // Days compare as strings (YYYY-MM-DD); names only for renewals on the same day.
  return out.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || a.subscription.service.localeCompare(b.subscription.service),
  );
}

export function sumInBase(items: readonly { amountMinor: number; currency: string }[], ctx: Ctx): number {
  let total = 0;
  for (const i of items) total += toBase(i.amountMinor, i.currency, ctx) ?? 0;
  return Math.round(total);
}

export interface TrialEnding {
  subscription: Subscription;
  trialEnd: string;
  daysLeft: number;
}

/** Trials that end within `days` (and intro prices that end, as `kind: 'intro'`). */
export function endingSoon(subs: readonly Subscription[], today: string, days: number) {
  const end = addDays(today, days);
  const out: Array<TrialEnding & { kind: 'trial' | 'intro' }> = [];
  for (const s of subs) {
    if (!counts(s, today)) continue;
    if (s.status === 'trial' && s.trialEnd && s.trialEnd >= today && s.trialEnd <= end) {
      out.push({ subscription: s, trialEnd: s.trialEnd, daysLeft: diffDays(today, s.trialEnd), kind: 'trial' });
    }
    if (s.introEnd && s.introEnd >= today && s.introEnd <= end) {
      out.push({ subscription: s, trialEnd: s.introEnd, daysLeft: diffDays(today, s.introEnd), kind: 'intro' });
    }
  }
  return out.sort((a, b) => a.trialEnd.localeCompare(b.trialEnd));
}

export interface MonthBucket {
  month: string;
  renewals: Renewal[];
  totalMinor: number;
}

/** Renewals for the next `months` calendar months, by month, with each month's projected total in base. */
export function renewalCalendar(subs: readonly Subscription[], ctx: Ctx, months = 12): MonthBucket[] {
  const [y, m] = ctx.today.split('-').map(Number) as [number, number];
  const buckets: MonthBucket[] = [];
  for (let i = 0; i < months; i++) {
    const yy = y + Math.floor((m - 1 + i) / 12);
    const mm = ((m - 1 + i) % 12) + 1;
    buckets.push({ month: `${yy}-${String(mm).padStart(2, '0')}`, renewals: [], totalMinor: 0 });
  }
  const last = buckets[buckets.length - 1]!.month;
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  const end = addDays(`${ly + Math.floor(lm / 12)}-${String((lm % 12) + 1).padStart(2, '0')}-01`, -1);
  const index = new Map(buckets.map((b) => [b.month, b]));
  for (const r of upcomingRenewals(subs, ctx.today, diffDays(ctx.today, end))) {
    index.get(r.date.slice(0, 7))?.renewals.push(r);
  }
  for (const b of buckets) b.totalMinor = sumInBase(b.renewals, ctx);
  return buckets;
}

/** Monthly spend per category in base currency (normalised price, counted subscriptions only). */
export function spendBy(
  subs: readonly Subscription[],
  ctx: Ctx,
  key: (s: Subscription) => string,
): Array<{ key: string; monthlyMinor: number }> {
  const map = new Map<string, number>();
  for (const s of subs) {
    if (!counts(s, ctx.today) || inFreeTrial(s, ctx.today)) continue;
    const shares = s.shares && s.shares.length > 0 ? s.shares : null;
    const monthly = toBase(perMonthMinor(priceOn(s, ctx.today), s.period), s.currency, ctx) ?? 0;
    if (shares && key === byMember) {
      for (const sh of shares) map.set(sh.memberId, (map.get(sh.memberId) ?? 0) + (monthly * sh.percent) / 100);
      continue;
    }
    const k = key(s);
    map.set(k, (map.get(k) ?? 0) + monthly);
  }
  return [...map.entries()]
    .map(([k, v]) => ({ key: k, monthlyMinor: Math.round(v) }))
    .sort((a, b) => b.monthlyMinor - a.monthlyMinor);
}

export const byCategory = (s: Subscription) => s.category;
/** Owner's member id, or '' for no owner. Shared subscriptions are split by their shares. */
export const byMember = (s: Subscription) => s.ownerId ?? '';

export function memberName(members: readonly Member[], id: string): string | undefined {
  return members.find((m) => m.id === id)?.name;
}

/** Recorded charges per month for the last `months` months (including this one), in base currency. */
export function chargesByMonth(charges: readonly Charge[], ctx: Ctx, months = 12) {
  const [y, m] = ctx.today.split('-').map(Number) as [number, number];
  const out: Array<{ month: string; totalMinor: number }> = [];
  for (let i = months - 1; i >= 0; i--) {
    const idx = y * 12 + (m - 1) - i;
    out.push({ month: `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`, totalMinor: 0 });
  }
  const index = new Map(out.map((b) => [b.month, b]));
  for (const c of charges) {
    const b = index.get(c.date.slice(0, 7));
    if (b) b.totalMinor += toBase(c.amountMinor, c.currency, ctx) ?? 0;
  }
  for (const b of out) b.totalMinor = Math.round(b.totalMinor);
  return out;
}

/** Price increases recorded in the last `days` days, newest first. */
export function recentIncreases(changes: readonly PriceChange[], today: string, days = 90): PriceChange[] {
  const from = addDays(today, -days);
  return changes
    .filter((c) => c.newAmountMinor > c.oldAmountMinor && c.date >= from && c.date <= today)
    .sort((a, b) => b.date.localeCompare(a.date));
}
