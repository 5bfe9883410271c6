import { parseIsoDate } from '../dates';
import { occurrences, parsePeriod } from '../schedule';

/**
 * RFC 5545 recurrence rules that give exactly the days of a lib/schedule renewal schedule
 * (`anchor + k × period`, a month-based step clamped to the month's end: Jan 31 → Feb 28/29 → Mar 31).
 *
 * - PnD → `FREQ=DAILY;INTERVAL=n`, PnW → `FREQ=WEEKLY;INTERVAL=n`.
 * - PnY → `FREQ=YEARLY;INTERVAL=n`; anchored on Feb 29 → `BYMONTH=2;BYMONTHDAY=-1` (Feb 28 in common years).
 * - PnM, anchor day 1–28 → `FREQ=MONTHLY;INTERVAL=n`; anchor day 31 → `…;BYMONTHDAY=-1` (always the last day).
 * - PnM, anchor day 29 or 30: no single widely supported rule gives "the 29th/30th, or the last day of a
 *   shorter month". `BYMONTHDAY=28,29,30;BYSETPOS=-1` is correct RFC 5545 but ical.js (Thunderbird) ignores
 *   BYSETPOS there, and ignores INTERVAL when BYMONTH filters a MONTHLY rule. So the schedule is split into
 *   yearly series, which every client handles: the months the schedule hits on day D, as
 *   `FREQ=YEARLY;INTERVAL=i;BYMONTH=…;BYMONTHDAY=D`, and February (if hit) as `…;BYMONTH=2;BYMONTHDAY=-1`.
 *   The schedule repeats every lcm(n, 12) months, so i = lcm(n, 12) / 12; series whose first day falls in the
 *   same year phase share one rule. P1M/P3M/P6M... give at most two series.
 */

/** One recurring series: its first day (`YYYY-MM-DD`, a day of the schedule) and its RRULE value. */
export interface SeriesRule {
  start: string;
  rrule: string;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The recurrence series whose union is the schedule of `anchor` + k × `period` from `first` on (`first` must be
 * a day of that schedule). Returns [] for an invalid anchor or period.
 */
export function scheduleRules(anchor: string, period: string, first: string): SeriesRule[] {
  const p = parsePeriod(period);
  const a = parseIsoDate(anchor);
  if (!p || !a || !parseIsoDate(first)) return [];
  switch (p.unit) {
    case 'D':
      return [{ start: first, rrule: `FREQ=DAILY;INTERVAL=${p.n}` }];
    case 'W':
      return [{ start: first, rrule: `FREQ=WEEKLY;INTERVAL=${p.n}` }];
    case 'Y':
      return [
        {
          start: first,
          rrule:
            a.m === 2 && a.d === 29
              ? `FREQ=YEARLY;INTERVAL=${p.n};BYMONTH=2;BYMONTHDAY=-1`
              : `FREQ=YEARLY;INTERVAL=${p.n}`,
        },
      ];
    case 'M':
      if (a.d <= 28) return [{ start: first, rrule: `FREQ=MONTHLY;INTERVAL=${p.n}` }];
      if (a.d === 31) return [{ start: first, rrule: `FREQ=MONTHLY;INTERVAL=${p.n};BYMONTHDAY=-1` }];
      return splitByMonth(anchor, period, p.n, a.d, first);
  }
}

/** Anchor day 29 or 30 of a month-based schedule: one yearly series per year phase, plus February. */
function splitByMonth(anchor: string, period: string, n: number, day: number, first: string): SeriesRule[] {
  const cycleMonths = (n * 12) / gcd(n, 12);
  const years = cycleMonths / 12;
  const count = cycleMonths / n;
  // One schedule cycle: each date starts a series that repeats every `years` years on the same month.
  const cycle = occurrences(anchor, period, first, '9999-12-31', count);
  const firstYear = Number(first.slice(0, 4));
  const groups = new Map<number, { start: string; months: number[] }>();
  const out: SeriesRule[] = [];
  for (const date of cycle) {
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    if (m === 2) {
      out.push({ start: date, rrule: `FREQ=YEARLY;INTERVAL=${years};BYMONTH=2;BYMONTHDAY=-1` });
      continue;
    }
    const phase = (y - firstYear) % years;
    const g = groups.get(phase);
    if (g) {
      g.months.push(m);
      if (date < g.start) g.start = date;
    } else {
      groups.set(phase, { start: date, months: [m] });
    }
  }
  for (const g of groups.values()) {
    const months = [...new Set(g.months)].sort((x, y) => x - y).join(',');
    out.push({ start: g.start, rrule: `FREQ=YEARLY;INTERVAL=${years};BYMONTH=${months};BYMONTHDAY=${day}` });
  }
  return out.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
}
