import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, diffDays, fromDayNumber, toDayNumber } from '../../../lib/dates';
import {
  addPeriods,
  isOccurrence,
  MAX_OCCURRENCES,
  nextOccurrence,
  occurrenceIndex,
  occurrences,
  previousOccurrence,
} from '../../../lib/schedule';

const day = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);
const period = fc
  .tuple(fc.constantFrom('D', 'W', 'M', 'Y'), fc.integer({ min: 1, max: 40 }))
  .map(([unit, n]) => `P${unit === 'Y' ? Math.min(n, 5) : n}${unit}`);

describe('addPeriods', () => {
  it('keeps a month-end anchor on its original day', () => {
    const months = [0, 1, 2, 3, 4, 12, 13, -1, -11].map((k) => addPeriods('2026-01-31', 'P1M', k));
    expect(months).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2027-01-31',
      '2027-02-28',
      '2025-12-31',
      '2025-02-28',
    ]);
    expect(addPeriods('2028-01-31', 'P1M', 1)).toBe('2028-02-29');
    expect(addPeriods('2026-08-30', 'P6M', 1)).toBe('2027-02-28');
    expect(addPeriods('2026-03-31', 'P3M', -1)).toBe('2025-12-31');
  });

  it('moves a Feb 29 yearly anchor to Feb 28 in common years and back in leap years', () => {
    expect(addPeriods('2024-02-29', 'P1Y', 1)).toBe('2025-02-28');
    expect(addPeriods('2024-02-29', 'P1Y', 3)).toBe('2027-02-28');
    expect(addPeriods('2024-02-29', 'P1Y', 4)).toBe('2028-02-29');
    expect(addPeriods('2024-02-29', 'P1Y', -4)).toBe('2020-02-29');
    expect(addPeriods('2024-02-29', 'P2Y', 2)).toBe('2028-02-29');
  });

  it('adds days and weeks exactly', () => {
    expect(addPeriods('2026-12-28', 'P1W', 1)).toBe('2027-01-04');
    expect(addPeriods('2026-01-01', 'P30D', 2)).toBe('2026-03-02');
    expect(addPeriods('2026-01-01', 'P2W', -1)).toBe('2025-12-18');
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 52 }), fc.integer({ min: -200, max: 200 }), (a, n, k) => {
        expect(addPeriods(a, `P${n}W`, k)).toBe(addDays(a, 7 * n * k));
        expect(diffDays(a, addPeriods(a, `P${n}D`, k))).toBe(n * k);
      }),
    );
  });

  it('rejects invalid input', () => {
    expect(() => addPeriods('2026-02-30', 'P1M', 1)).toThrow(RangeError);
    expect(() => addPeriods('2026-01-01', 'P0M', 1)).toThrow(RangeError);
    expect(() => addPeriods('2026-01-01', 'P1M', 1.5)).toThrow(RangeError);
  });
});

describe('nextOccurrence / previousOccurrence', () => {
  it('finds the schedule day on or after a date, also before the anchor', () => {
    expect(nextOccurrence('2026-01-31', 'P1M', '2026-02-01')).toBe('2026-02-28');
    expect(nextOccurrence('2026-01-31', 'P1M', '2026-02-28')).toBe('2026-02-28');
    expect(nextOccurrence('2026-01-31', 'P1M', '2026-03-01')).toBe('2026-03-31');
    expect(nextOccurrence('2026-06-15', 'P1M', '2026-01-01')).toBe('2026-01-15');
    expect(nextOccurrence('2026-06-15', 'P1Y', '2020-07-01')).toBe('2021-06-15');
    expect(nextOccurrence('2026-01-01', 'P2W', '2025-12-01')).toBe('2025-12-04');
    expect(previousOccurrence('2026-01-31', 'P1M', '2026-03-31')).toBe('2026-02-28');
    expect(previousOccurrence('2026-01-31', 'P1M', '2026-03-30')).toBe('2026-02-28');
    expect(previousOccurrence('2026-01-31', 'P1M', '2026-04-01')).toBe('2026-03-31');
    expect(previousOccurrence('2026-06-15', 'P1M', '2026-06-15')).toBe('2026-05-15');
    expect(isOccurrence('2026-01-31', 'P1M', '2026-04-30')).toBe(true);
    expect(isOccurrence('2026-01-31', 'P1M', '2026-04-29')).toBe(false);
  });

  it('is consistent with addPeriods', () => {
    fc.assert(
      fc.property(day, period, fc.integer({ min: -300, max: 300 }), (anchor, p, k) => {
        const d = addPeriods(anchor, p, k);
        expect(nextOccurrence(anchor, p, d)).toBe(d);
        expect(nextOccurrence(anchor, p, addDays(d, 1))).toBe(addPeriods(anchor, p, k + 1));
        expect(previousOccurrence(anchor, p, d)).toBe(addPeriods(anchor, p, k - 1));
        expect(previousOccurrence(anchor, p, addDays(d, 1))).toBe(d);
      }),
    );
  });

  it('next is on or after the date and previous is before it, with no schedule day between', () => {
    fc.assert(
      fc.property(day, period, day, (anchor, p, date) => {
        const next = nextOccurrence(anchor, p, date);
        const prev = previousOccurrence(anchor, p, date);
        expect(next >= date).toBe(true);
        expect(prev < date).toBe(true);
        expect(nextOccurrence(anchor, p, addDays(prev, 1))).toBe(next);
      }),
    );
  });
});

describe('occurrenceIndex', () => {
  it('counts whole periods from the anchor', () => {
    expect(occurrenceIndex('2026-01-31', 'P1M', '2026-01-31')).toBe(0);
    expect(occurrenceIndex('2026-01-31', 'P1M', '2026-02-01')).toBe(1);
    expect(occurrenceIndex('2026-01-31', 'P1M', '2026-03-31')).toBe(2);
    expect(occurrenceIndex('2026-01-31', 'P1M', '2025-12-31')).toBe(-1);
    expect(occurrenceIndex('2026-01-01', 'P1W', '2025-12-26')).toBe(0);
  });
});

describe('occurrences', () => {
  it('lists schedule days in a range, inclusive', () => {
    expect(occurrences('2026-01-31', 'P1M', '2026-01-31', '2026-05-31')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
    ]);
    expect(occurrences('2026-01-15', 'P1W', '2026-01-16', '2026-01-29')).toEqual(['2026-01-22', '2026-01-29']);
    expect(occurrences('2026-01-15', 'P1Y', '2026-01-16', '2026-12-31')).toEqual([]);
    expect(occurrences('2026-01-15', 'P1M', '2026-12-31', '2026-01-01')).toEqual([]);
  });

  it('is bounded', () => {
    expect(occurrences('2000-01-01', 'P1D', '2000-01-01', '2099-12-31')).toHaveLength(MAX_OCCURRENCES);
    expect(occurrences('2000-01-01', 'P1D', '2000-01-01', '2099-12-31', 10)).toHaveLength(10);
  });

  it('is strictly increasing and each day is addPeriods(anchor, p, k) for consecutive k', () => {
    fc.assert(
      fc.property(day, period, day, fc.integer({ min: 0, max: 800 }), (anchor, p, from, span) => {
        const to = addDays(from, span);
        const list = occurrences(anchor, p, from, to);
        if (list.length === 0) {
          expect(nextOccurrence(anchor, p, from) > to).toBe(true);
          return;
        }
        const k0 = occurrenceIndex(anchor, p, from);
        expect(addPeriods(anchor, p, k0 - 1) < from).toBe(true);
        expect(list[0]).toBe(nextOccurrence(anchor, p, from));
        expect(addPeriods(anchor, p, k0 + list.length) > to).toBe(true);
        list.forEach((d, i) => {
          expect(d).toBe(addPeriods(anchor, p, k0 + i));
          if (i > 0) expect(d > list[i - 1]!).toBe(true);
        });
      }),
    );
  });
});
