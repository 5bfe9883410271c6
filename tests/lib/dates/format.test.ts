import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../lib/dates';

describe('formatDate', () => {
  it('formats the calendar day without time-zone drift', () => {
    expect(formatDate('2026-12-23', 'nb-NO', 'long')).toBe('23. desember 2026');
    expect(formatDate('2026-12-23', 'en-US', 'long')).toBe('December 23, 2026');
    expect(formatDate('2026-12-23', 'sv-SE', 'long')).toBe('23 december 2026');
    expect(formatDate('2026-01-01', 'da-DK', 'short')).toBe('01.01.2026');
    expect(formatDate('2026-12-23', 'en-GB')).toBe('23 Dec 2026');
  });

  it('returns invalid dates unchanged and survives an invalid locale', () => {
    expect(formatDate('2026-02-30', 'nb-NO')).toBe('2026-02-30');
    expect(formatDate('2026-12-23', 'not a locale!!', 'long')).toContain('2026');
  });
});
