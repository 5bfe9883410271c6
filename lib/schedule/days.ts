import { civilFromDays, daysFromCivil, daysInMonth, parseIsoDate, toIsoDate, type Ymd } from '../dates/calendar';
import { mustParsePeriod } from './period';

const mustParseDay = (s: string): Ymd => {
  const p = parseIsoDate(s);
  if (!p) throw new RangeError(`not a YYYY-MM-DD calendar day: ${String(s).slice(0, 40)}`);
  return p;
};
const dayKey = (p: Ymd) => p.y * 10000 + p.m * 100 + p.d;

/**
 * The schedule days of `anchor + k * period` from `from` to `to` (both inclusive), at most `limit`: the same
 * days as `occurrences` (./schedule.ts) (a test checks this), computed with each date parsed once. The popup and
 * the dashboard run it for every subscription before their first paint, so it avoids re-parsing per step.
 */
export function scheduleDays(anchor: string, period: string, from: string, to: string, limit = 5000): string[] {
  const p = mustParsePeriod(period);
  const a = mustParseDay(anchor);
  const f = mustParseDay(from);
  const t = mustParseDay(to);
  const out: string[] = [];
  if (from > to) return out;
  if (p.unit === 'D' || p.unit === 'W') {
    const step = p.unit === 'D' ? p.n : 7 * p.n;
    const start = daysFromCivil(a.y, a.m, a.d);
    const end = daysFromCivil(t.y, t.m, t.d);
    for (let day = start + Math.ceil((daysFromCivil(f.y, f.m, f.d) - start) / step) * step; day <= end; day += step) {
      if (out.length >= limit) break;
      const c = civilFromDays(day);
      out.push(toIsoDate(c.y, c.m, c.d));
    }
    return out;
  }
  const step = p.unit === 'Y' ? 12 * p.n : p.n;
  const base = a.y * 12 + (a.m - 1);
  const nth = (k: number): Ymd => {
    const total = base + step * k;
    const y = Math.floor(total / 12);
    const m = total - y * 12 + 1;
    return { y, m, d: Math.min(a.d, daysInMonth(y, m)) };
  };
  const fromKey = dayKey(f);
  const toKey = dayKey(t);
  // The estimate is off by at most one step either way; the schedule is strictly increasing in k.
  let k = Math.floor((f.y * 12 + f.m - (a.y * 12 + a.m)) / step);
  while (dayKey(nth(k)) < fromKey) k++;
  while (dayKey(nth(k - 1)) >= fromKey) k--;
  for (let day = nth(k); dayKey(day) <= toKey && out.length < limit; day = nth(++k)) {
    out.push(toIsoDate(day.y, day.m, day.d));
  }
  return out;
}
