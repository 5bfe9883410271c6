import { addDays } from '../dates';
import type { ReminderSettings, Subscription } from '../model';
import { nextOccurrence, occurrences, parsePeriod } from '../schedule';
import { firstDueDay } from '../summary';

/** A charge the schedule says should happen (kept apart from charges actually seen, which live in the DB). */
export interface ExpectedCharge {
  date: string;
  amountMinor: number;
  currency: string;
  /** True while the intro price still applies. */
  intro: boolean;
}

/** The renewal lead-time defaults of the reminder settings. */
export type LeadSettings = Pick<ReminderSettings, 'renewalDays' | 'yearlyRenewalDays'>;

/** Days in the toolbar badge's window: today and the 6 days after it. */
export const BADGE_WINDOW_DAYS = 7;

/** True for plans of a year or longer (P1Y, P12M, P52W, P365D, ...), which get the longer default lead time. */
export function isYearlyOrLonger(period: string): boolean {
  const p = parsePeriod(period);
  if (!p) return false;
  switch (p.unit) {
    case 'Y':
      return true;
    case 'M':
      return p.n >= 12;
    case 'W':
      return p.n >= 52;
    case 'D':
      return p.n >= 365;
  }
}

/** Days before a renewal to remind: the subscription's own `reminderDays`, else the (yearly) default. */
export function leadDaysFor(sub: Pick<Subscription, 'period' | 'reminderDays'>, settings: LeadSettings): number {
  if (sub.reminderDays !== undefined) return sub.reminderDays;
  return isYearlyOrLonger(sub.period) ? settings.yearlyRenewalDays : settings.renewalDays;
}

/** Unconfirmed detections are not the user's subscriptions yet: no reminders, badge or calendar for them. */
export function isTracked(sub: Pick<Subscription, 'confirmed'>): boolean {
  return sub.confirmed !== false;
}

/** The first day charges can happen at all (see lib/summary `firstDueDay`); undefined when never. */
function firstChargeableDay(sub: Subscription): string | undefined {
  if (sub.status === 'cancelled') return undefined;
  if (sub.status === 'paused' && sub.pausedUntil === undefined) return undefined;
  try {
    return firstDueDay(sub);
  } catch {
    return undefined;
  }
}

function amountOn(sub: Subscription, date: string): { amountMinor: number; intro: boolean } {
  const intro = sub.introAmountMinor !== undefined && sub.introEnd !== undefined && date < sub.introEnd;
  return { amountMinor: intro ? (sub.introAmountMinor ?? sub.amountMinor) : sub.amountMinor, intro };
}

/**
 * The charges the schedule expects from `from` to `to` (both inclusive): schedule days derived from
 * `billingAnchor` + whole periods, from the start / end of trial / end of pause on; none when cancelled or paused
 * with no end. The intro price applies before `introEnd`. Never throws (bad stored data gives none).
 */
export function expectedCharges(sub: Subscription, from: string, to: string): ExpectedCharge[] {
  const first = firstChargeableDay(sub);
  if (first === undefined) return [];
  const start = first > from ? first : from;
  if (start > to) return [];
  try {
    return occurrences(sub.billingAnchor, sub.period, start, to).map((date) => ({
      date,
      currency: sub.currency,
      ...amountOn(sub, date),
    }));
  } catch {
    return [];
  }
}

/** The next expected charge on or after `onOrAfter` (within ten years), if any. */
export function nextExpectedCharge(sub: Subscription, onOrAfter: string): ExpectedCharge | undefined {
  const first = firstChargeableDay(sub);
  if (first === undefined) return undefined;
  const start = first > onOrAfter ? first : onOrAfter;
  try {
    const date = nextOccurrence(sub.billingAnchor, sub.period, start);
    if (date > addDays(start, 3660)) return undefined;
    return { date, currency: sub.currency, ...amountOn(sub, date) };
  } catch {
    return undefined;
  }
}

/**
 * The toolbar badge number: tracked active or trial subscriptions with an expected charge from `today` to
 * `today + 6` (seven calendar days).
 */
export function badgeCount(subscriptions: readonly Subscription[], today: string): number {
  const end = addDays(today, BADGE_WINDOW_DAYS - 1);
  let n = 0;
  for (const sub of subscriptions) {
    if (!isTracked(sub) || (sub.status !== 'active' && sub.status !== 'trial')) continue;
    const next = nextExpectedCharge(sub, today);
    if (next && next.date <= end) n++;
  }
  return n;
}
