import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../lib/dates';
import { nextOccurrence, occurrences, scheduleDays } from '../../../lib/schedule';
import { nextRenewal } from '../../../lib/summary';
import { sub } from '../../helpers';

const day = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addDays('1990-01-01', n));
const period = fc
  .tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('D', 'W', 'M', 'Y'))
  .map(([n, u]) => `P${n}${u}`);

describe('scheduleDays (the summaries’ fast schedule)', () => {
  it('gives exactly the days lib/schedule gives', () => {
    fc.assert(
      fc.property(
        day,
        period,
        day,
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 1, max: 50 }),
        (a, p, f, span, limit) => {
          const to = addDays(f, span);
          expect(scheduleDays(a, p, f, to, limit)).toEqual(occurrences(a, p, f, to, limit));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps month-end days through short months, and handles leap days', () => {
    expect(scheduleDays('2024-01-31', 'P1M', '2024-02-01', '2024-05-31')).toEqual([
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
    ]);
    expect(scheduleDays('2024-02-29', 'P1Y', '2024-03-01', '2028-12-31')).toEqual([
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
    expect(scheduleDays('2026-01-10', 'P1W', '2026-01-01', '2026-01-10')).toEqual(['2026-01-03', '2026-01-10']);
    expect(scheduleDays('2026-01-10', 'P1M', '2026-02-01', '2026-01-01')).toEqual([]);
  });

  it('refuses invalid periods and days as lib/schedule does', () => {
    expect(() => scheduleDays('2026-02-30', 'P1M', '2026-01-01', '2026-12-31')).toThrow(RangeError);
    expect(() => scheduleDays('2026-01-01', 'monthly', '2026-01-01', '2026-12-31')).toThrow(RangeError);
  });

  it('gives the next renewal lib/schedule gives, never before the anchor', () => {
    fc.assert(
      fc.property(day, period, day, (anchor, p, today) => {
        const s = sub({ billingAnchor: anchor, period: p });
        expect(nextRenewal(s, today)).toBe(nextOccurrence(anchor, p, today > anchor ? today : anchor));
      }),
      { numRuns: 2000 },
    );
  });
});
