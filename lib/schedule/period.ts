/** Billing periods as ISO 8601 durations with a single unit: P1W, P2W, P1M, P3M, P1Y, P30D, ... */

export type PeriodUnit = 'D' | 'W' | 'M' | 'Y';
export type ParsedPeriod = { n: number; unit: PeriodUnit };

/** Same shape as `Period` in lib/model: 1–999 of one unit. */
const PERIOD_RE = /^P([1-9]\d{0,2})([DWMY])$/;

/** Splits a period like `P3M` into `{ n: 3, unit: 'M' }`; null when it is not a supported period. */
export function parsePeriod(p: string): ParsedPeriod | null {
  if (typeof p !== 'string') return null;
  const m = PERIOD_RE.exec(p);
  if (!m) return null;
  return { n: Number(m[1]), unit: m[2] as PeriodUnit };
}

/** True when `p` is a supported period string. */
export function isPeriod(p: string): boolean {
  return parsePeriod(p) !== null;
}

/** Parses a period or throws RangeError (for callers that have already validated their data). */
export function mustParsePeriod(p: string): ParsedPeriod {
  const parsed = parsePeriod(p);
  if (!parsed) throw new RangeError(`not a billing period: ${String(p).slice(0, 20)}`);
  return parsed;
}
