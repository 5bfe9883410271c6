/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings. Pure integer math (days since 1970-01-01), so there is no
 * time-zone drift and no use of local-time `Date` getters.
 */

/** A calendar day split into its parts (month 1–12). */
export type Ymd = { y: number; m: number; d: number };

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for years divisible by 4, except centuries not divisible by 400. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Number of days in month `m` (1–12) of year `y`; 0 for a month outside 1–12. */
export function daysInMonth(y: number, m: number): number {
  if (!Number.isInteger(m) || m < 1 || m > 12) return 0;
  if (m === 2 && isLeapYear(y)) return 29;
  return MONTH_DAYS[m - 1] ?? 0;
}

/** True when y/m/d is a real calendar day with a four-digit year (0000–9999). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 0 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/** Splits a `YYYY-MM-DD` string into parts; null when the text is not exactly a real calendar day. */
export function parseIsoDate(s: string): Ymd | null {
  if (typeof s !== 'string') return null;
  const match = ISO_RE.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return isValidYmd(y, m, d) ? { y, m, d } : null;
}

/** True when `s` is exactly `YYYY-MM-DD` and names a real calendar day. */
export function isValidIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

/** Formats parts as `YYYY-MM-DD`. Throws RangeError when the parts are not a real day (a programming error). */
export function toIsoDate(y: number, m: number, d: number): string {
  if (!isValidYmd(y, m, d)) throw new RangeError(`not a calendar day: ${y}-${m}-${d}`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link daysFromCivil}. */
export function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function mustParse(s: string): Ymd {
  const p = parseIsoDate(s);
  if (!p) throw new RangeError(`not a YYYY-MM-DD calendar day: ${String(s).slice(0, 40)}`);
  return p;
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` string. Throws RangeError on an invalid date. */
export function toDayNumber(s: string): number {
  const { y, m, d } = mustParse(s);
  return daysFromCivil(y, m, d);
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). Throws RangeError outside years 0000–9999. */
export function fromDayNumber(n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole day number: ${n}`);
  const { y, m, d } = civilFromDays(n);
  return toIsoDate(y, m, d);
}

/** The day `n` days after `date` (negative `n` goes back). Throws RangeError on an invalid date. */
export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Whole days from `a` to `b` (`b - a`): positive when `b` is later. */
export function diffDays(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Sort comparator for `YYYY-MM-DD` strings: negative when a < b, 0 when equal, positive when a > b. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earliest of the given dates (undefined for none). */
export function minDate(...dates: string[]): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (best === undefined || d < best) best = d;
  return best;
}

/** The latest of the given dates (undefined for none). */
export function maxDate(...dates: string[]): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (best === undefined || d > best) best = d;
  return best;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const n = toDayNumber(date);
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** Adds whole months, clamping the day to the end of a shorter month (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsClamped(date: string, months: number, anchorDay?: number): string {
  const { y, m, d } = mustParse(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const day = Math.min(anchorDay ?? d, daysInMonth(ny, nm));
  return toIsoDate(ny, nm, day);
}
