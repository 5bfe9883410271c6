import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  compareDates,
  daysInMonth,
  diffDays,
  fromDayNumber,
  isLeapYear,
  isoWeekday,
  isValidIsoDate,
  maxDate,
  minDate,
  parseIsoDate,
  toDayNumber,
  toIsoDate,
} from '../../../lib/dates';

/** Any real calendar day from 1900 to 2199, as YYYY-MM-DD. */
const isoDate = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2199-12-31') }).map(fromDayNumber);

describe('ISO dates', () => {
  it('accepts only real calendar days written as YYYY-MM-DD', () => {
    expect(isValidIsoDate('2026-12-23')).toBe(true);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-02-31')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-00-10')).toBe(false);
    expect(isValidIsoDate('2026-1-5')).toBe(false);
    expect(isValidIsoDate('2026-01-05T00:00:00Z')).toBe(false);
    expect(isValidIsoDate(undefined as unknown as string)).toBe(false);
  });

  it('splits and joins', () => {
    expect(parseIsoDate('2026-12-23')).toEqual({ y: 2026, m: 12, d: 23 });
    expect(parseIsoDate('1900-02-29')).toBeNull();
    expect(toIsoDate(2026, 1, 5)).toBe('2026-01-05');
    expect(toIsoDate(987, 1, 5)).toBe('0987-01-05');
    expect(() => toIsoDate(2026, 2, 30)).toThrow(RangeError);
  });

  it('knows leap years and month lengths', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(daysInMonth(2026, 13)).toBe(0);
  });
});

describe('day arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('matches the platform calendar (UTC) for any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -80_000, max: 80_000 }), (n) => {
        const expected = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(fromDayNumber(n)).toBe(expected);
      }),
    );
  });

  it('diffDays is the inverse of addDays', () => {
    expect(diffDays('2026-01-01', '2027-01-01')).toBe(365);
    expect(diffDays('2027-01-01', '2026-01-01')).toBe(-365);
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(diffDays(d, addDays(d, n))).toBe(n);
      }),
    );
  });

  it('orders dates', () => {
    expect(compareDates('2026-01-02', '2026-01-10')).toBeLessThan(0);
    expect(compareDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
    expect(minDate('2026-05-01', '2025-12-31', '2026-01-01')).toBe('2025-12-31');
    expect(maxDate('2026-05-01', '2025-12-31', '2026-01-01')).toBe('2026-05-01');
    expect(minDate()).toBeUndefined();
  });

  it('gives ISO weekdays (Monday = 1)', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-20')).toBe(5);
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    fc.assert(
      fc.property(isoDate, (d) => {
        expect(isoWeekday(d)).toBe(((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it('adds months clamping to month end', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2026-02-28', 1, 31)).toBe('2026-03-31');
    expect(addMonthsClamped('2026-03-15', -3)).toBe('2025-12-15');
  });
});
