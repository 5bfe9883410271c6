import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodsPerYear, perMonthMinor, perYearMinor } from '../../../lib/schedule';

describe('periodsPerYear', () => {
  it('is an exact, reduced fraction', () => {
    expect(periodsPerYear('P1M')).toEqual({ num: 12, den: 1 });
    expect(periodsPerYear('P3M')).toEqual({ num: 4, den: 1 });
    expect(periodsPerYear('P6M')).toEqual({ num: 2, den: 1 });
    expect(periodsPerYear('P5M')).toEqual({ num: 12, den: 5 });
    expect(periodsPerYear('P1Y')).toEqual({ num: 1, den: 1 });
    expect(periodsPerYear('P2Y')).toEqual({ num: 1, den: 2 });
    // 365.2425 / 7 = 3652425 / 70000 = 20871 / 400
    expect(periodsPerYear('P1W')).toEqual({ num: 20871, den: 400 });
    expect(periodsPerYear('P2W')).toEqual({ num: 20871, den: 800 });
    expect(periodsPerYear('P4W')).toEqual({ num: 20871, den: 1600 });
    // 365.2425 / 30 = 3652425 / 300000 = 48699 / 4000
    expect(periodsPerYear('P30D')).toEqual({ num: 48699, den: 4000 });
    expect(periodsPerYear('P1D')).toEqual({ num: 146097, den: 400 });
    expect(() => periodsPerYear('P0M')).toThrow(RangeError);
  });
});

describe('perYearMinor / perMonthMinor', () => {
  it('normalises exactly', () => {
    expect(perYearMinor(12900, 'P1M')).toBe(154800);
    expect(perMonthMinor(12900, 'P1M')).toBe(12900);
    expect(perMonthMinor(1200, 'P1Y')).toBe(100);
    expect(perMonthMinor(300, 'P3M')).toBe(100);
    expect(perYearMinor(300, 'P3M')).toBe(1200);
    expect(perYearMinor(1200, 'P2Y')).toBe(600);
    expect(perYearMinor(400, 'P1W')).toBe(20871);
    expect(perMonthMinor(4800, 'P1W')).toBe(20871);
    expect(perYearMinor(4000, 'P30D')).toBe(48699);
  });

  it('keeps fractions for the caller to round', () => {
    expect(perMonthMinor(1000, 'P1Y')).toBeCloseTo(83.3333333, 6);
    expect(perYearMinor(100, 'P1W')).toBe(5217.75);
  });

  it('stays exact for large amounts', () => {
    expect(perYearMinor(1e12, 'P1M')).toBe(12e12);
    expect(perYearMinor(1e12, 'P1W')).toBe(52_177_500_000_000);
    expect(perYearMinor(999_999_999_999, 'P1D')).toBe(365_242_499_999_634.75);
  });

  it('per month is a twelfth of per year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom('D', 'W', 'M', 'Y'),
        (amount, n, unit) => {
          const p = `P${n}${unit}`;
          expect(perMonthMinor(amount, p) * 12).toBeCloseTo(perYearMinor(amount, p), 3);
        },
      ),
    );
  });
});
