import { daysInMonth, fromDayNumber, parseIsoDate, toDayNumber, toIsoDate } from '../dates/calendar';
import { mustParsePeriod, type ParsedPeriod } from './period';

/**
 * A renewal schedule is `anchor + k * period` for every integer k (also before the anchor). Month and year steps
 * are counted from the anchor, so a day clamped at a short month's end comes back (Jan 31 → Feb 28 → Mar 31).
 * All functions throw RangeError on an invalid date or period (validate page/user data first).
 */

/** Most dates {@link occurrences} returns. */
export const MAX_OCCURRENCES = 5000;

function mustParseDate(s: string) {
  const p = parseIsoDate(s);
  if (!p) throw new RangeError(`not a YYYY-MM-DD calendar day: ${String(s).slice(0, 40)}`);
  return p;
}

function stepDays(p: ParsedPeriod): number | null {
  if (p.unit === 'D') return p.n;
  if (p.unit === 'W') return 7 * p.n;
  return null;
}

function stepMonths(p: ParsedPeriod): number {
  return p.unit === 'Y' ? 12 * p.n : p.n;
}

function nth(anchor: string, p: ParsedPeriod, k: number): string {
  const days = stepDays(p);
  if (days !== null) return fromDayNumber(toDayNumber(anchor) + days * k);
  const a = mustParseDate(anchor);
  const total = a.y * 12 + (a.m - 1) + stepMonths(p) * k;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return toIsoDate(y, m, Math.min(a.d, daysInMonth(y, m)));
}

/** The smallest k with `nth(anchor, p, k) >= date`. */
function indexOnOrAfter(anchor: string, p: ParsedPeriod, date: string): number {
  const days = stepDays(p);
  // `+ 0` turns a -0 from Math.ceil into 0.
  if (days !== null) return Math.ceil((toDayNumber(date) - toDayNumber(anchor)) / days) + 0;
  const a = mustParseDate(anchor);
  const d = mustParseDate(date);
  const months = d.y * 12 + d.m - (a.y * 12 + a.m);
  const step = stepMonths(p);
  let k = Math.floor(months / step);
  // The estimate is off by at most one step either way; the schedule is strictly increasing in k.
  while (nth(anchor, p, k) < date) k++;
  while (nth(anchor, p, k - 1) >= date) k--;
  return k;
}

/** The schedule day `k` periods after `anchor` (k may be negative). */
export function addPeriods(anchor: string, period: string, k: number): string {
  if (!Number.isInteger(k)) throw new RangeError(`not a whole number of periods: ${k}`);
  mustParseDate(anchor);
  return nth(anchor, mustParsePeriod(period), k);
}

/** The smallest k with `addPeriods(anchor, period, k) >= onOrAfter` (negative before the anchor). */
export function occurrenceIndex(anchor: string, period: string, onOrAfter: string): number {
  const p = mustParsePeriod(period);
  mustParseDate(anchor);
  mustParseDate(onOrAfter);
  return indexOnOrAfter(anchor, p, onOrAfter);
}

/** The first schedule day on or after `onOrAfter`. */
export function nextOccurrence(anchor: string, period: string, onOrAfter: string): string {
  const p = mustParsePeriod(period);
  mustParseDate(anchor);
  mustParseDate(onOrAfter);
  return nth(anchor, p, indexOnOrAfter(anchor, p, onOrAfter));
}

/** The last schedule day strictly before `before`. */
export function previousOccurrence(anchor: string, period: string, before: string): string {
  const p = mustParsePeriod(period);
  mustParseDate(anchor);
  mustParseDate(before);
  return nth(anchor, p, indexOnOrAfter(anchor, p, before) - 1);
}

/** Whether `date` is a day of the schedule. */
export function isOccurrence(anchor: string, period: string, date: string): boolean {
  return nextOccurrence(anchor, period, date) === date;
}

/** Every schedule day from `from` to `to`, both inclusive, in order; at most `limit` (≤ 5000) dates. */
export function occurrences(
  anchor: string,
  period: string,
  from: string,
  to: string,
  limit: number = MAX_OCCURRENCES,
): string[] {
  const p = mustParsePeriod(period);
  mustParseDate(anchor);
  mustParseDate(from);
  mustParseDate(to);
  const cap = Math.max(0, Math.min(MAX_OCCURRENCES, Math.floor(limit)));
  const out: string[] = [];
  if (from > to) return out;
  for (let k = indexOnOrAfter(anchor, p, from); out.length < cap; k++) {
    const d = nth(anchor, p, k);
    if (d > to) break;
    out.push(d);
  }
  return out;
}
