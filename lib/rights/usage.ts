import { addDays, diffDays } from '../dates';
import type { Subscription } from '../model';
import { perMonthMinor } from '../schedule';
import { priceOn } from '../summary';

/**
 * Cost per use (issue 14 item 8, opt-in, local): the days on which the user visited a tracked service's own site.
 * Only days are kept — never an address, never another site — in the state table, per subscription, and never
 * exported (not even in a backup: a household's backup must not tell who watched what when).
 */

/** Days of use kept per subscription (a little over a year). */
export const MAX_USAGE_DAYS = 400;
/** "Not used for N days". */
export const IDLE_DAYS = 30;

/** The state-table key of a subscription's days of use. */
export const usageKey = (subscriptionId: string) => `usage:${subscriptionId}`;
/** The state-table key of the day counting was switched on (the idle warning needs a full month of counting). */
export const USAGE_SINCE_KEY = 'usage.since';

/** `days` with `day` added, sorted, without duplicates, and only the last {@link MAX_USAGE_DAYS}. */
export function withDay(days: readonly string[], day: string): string[] {
  if (days.includes(day)) return [...days];
  const next = [...days, day].sort();
  return next.slice(Math.max(0, next.length - MAX_USAGE_DAYS));
}

/** Reads a stored list of days defensively (anything else in the row is dropped). */
export function readDays(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))
    .slice(-MAX_USAGE_DAYS);
}

export interface Usage {
  subscription: Subscription;
  /** Days with a visit in the last 30 days (today included). */
  daysUsed: number;
  lastUsed?: string;
  /** The monthly cost divided by the days used in the last 30 days (in the subscription's currency). */
  costPerDayMinor?: number;
  monthlyMinor: number;
  /** No visit in the last 30 days, and counting has been on at least that long. */
  idle: boolean;
}

/**
 * Usage of one subscription from its days of use, as of `today`; `since` is the day counting was switched on (no
 * idle verdict before it has run {@link IDLE_DAYS} days).
 */
export function usageOf(sub: Subscription, days: readonly string[], today: string, since: string | undefined): Usage {
  const from = addDays(today, -(IDLE_DAYS - 1));
  const recent = days.filter((d) => d >= from && d <= today);
  const lastUsed = days.filter((d) => d <= today).at(-1);
  const monthlyMinor = perMonthMinor(priceOn(sub, today), sub.period);
  const counting = since !== undefined && diffDays(since, today) >= IDLE_DAYS;
  return {
    subscription: sub,
    daysUsed: recent.length,
    ...(lastUsed ? { lastUsed } : {}),
    ...(recent.length > 0 ? { costPerDayMinor: Math.round(monthlyMinor / recent.length) } : {}),
    monthlyMinor,
    idle: counting && recent.length === 0 && (!sub.startDate || diffDays(sub.startDate, today) >= IDLE_DAYS),
  };
}
