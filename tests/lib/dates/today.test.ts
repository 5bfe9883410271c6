import { describe, expect, it } from 'vitest';
import { todayFromInstant } from '../../../lib/dates';

describe('todayFromInstant', () => {
  const instant = new Date('2026-11-20T23:30:00Z');

  it('gives the calendar day in the given time zone', () => {
    expect(todayFromInstant(instant, 'UTC')).toBe('2026-11-20');
    expect(todayFromInstant(instant, 'Europe/Oslo')).toBe('2026-11-21');
    expect(todayFromInstant(instant, 'America/New_York')).toBe('2026-11-20');
    expect(todayFromInstant(new Date('2026-11-20T04:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-19');
    expect(todayFromInstant(new Date('2026-12-31T23:00:00Z'), 'Europe/Stockholm')).toBe('2027-01-01');
  });

  it('falls back to UTC for an unknown zone, and rejects an invalid instant', () => {
    expect(todayFromInstant(instant, 'Not/AZone')).toBe('2026-11-20');
    expect(() => todayFromInstant(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });

  it('returns a YYYY-MM-DD string in the default zone', () => {
    expect(todayFromInstant(instant)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
