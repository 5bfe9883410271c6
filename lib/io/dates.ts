/**
 * Reading the dates of a whole column (CSV imports, bank statements): the order of day, month and year is
 * decided once from all the values, so `03/04/2026` is read the same way on every row.
 */
import { isValidYmd, parseLocalDate, toIsoDate } from '../dates';

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

const YMD_RE = /^\s*(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)/;
const XXY_RE = /^\s*(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

function build(y: number, m: number, d: number): string | null {
  return isValidYmd(y, m, d) ? toIsoDate(y, m, d) : null;
}

/**
 * One cell as `YYYY-MM-DD` with a known order: `2026-01-14`, `2026.01.14`, `14.01.2026`, `14.01.26`,
 * `01/14/2026`; a time after the date is ignored. Other texts (`14. jan 2026`) are read by lib/dates. Null when
 * the cell holds no real date. Never throws.
 */
export function readDate(text: string, order: DateOrder): string | null {
  if (typeof text !== 'string' || text.length > 100) return null;
  const iso = YMD_RE.exec(text);
  if (iso) return build(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = XXY_RE.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = fullYear(m[4] as string);
    return order === 'mdy' ? build(y, a, b) : build(y, b, a);
  }
  return parseLocalDate(text, { lang: order === 'mdy' ? 'en-US' : 'en', now: '2000-01-01' });
}

function isMonotonic(dates: readonly (string | null)[]): boolean {
  const seq = dates.filter((d): d is string => d !== null);
  let up = true;
  let down = true;
  for (let i = 1; i < seq.length; i++) {
    if ((seq[i] as string) < (seq[i - 1] as string)) up = false;
    if ((seq[i] as string) > (seq[i - 1] as string)) down = false;
  }
  return up || down;
}

/**
 * The order of day, month and year in a column of dates, decided from the data:
 * a four-digit first part → `ymd`; a first part above 12 → day first; a second part above 12 → month first.
 * When every value fits both, the order that keeps the rows sorted (statements are) wins; then `fallback`, else
 * day first for `.`/`-` and month first for `/`. Null when no value looks like a date.
 */
export function detectDateOrder(values: readonly string[], fallback?: DateOrder): DateOrder | null {
  let ymd = 0;
  let dayFirst = 0;
  let monthFirst = 0;
  let xxy = 0;
  let slash = 0;
  for (const v of values) {
    if (YMD_RE.test(v)) {
      ymd++;
      continue;
    }
    const m = XXY_RE.exec(v);
    if (!m) continue;
    xxy++;
    if (m[2] === '/') slash++;
    if (Number(m[1]) > 12) dayFirst++;
    if (Number(m[3]) > 12) monthFirst++;
  }
  if (ymd === 0 && xxy === 0) {
    return values.some((v) => readDate(v, 'dmy') !== null) ? (fallback ?? 'dmy') : null;
  }
  if (ymd >= xxy) return 'ymd';
  if (dayFirst > 0 && monthFirst === 0) return 'dmy';
  if (monthFirst > 0 && dayFirst === 0) return 'mdy';
  if (fallback) return fallback;
  const dmySorted = isMonotonic(values.map((v) => readDate(v, 'dmy')));
  const mdySorted = isMonotonic(values.map((v) => readDate(v, 'mdy')));
  if (dmySorted !== mdySorted) return dmySorted ? 'dmy' : 'mdy';
  return slash > xxy / 2 ? 'mdy' : 'dmy';
}
