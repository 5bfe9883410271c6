import { describe, expect, it } from 'vitest';
import { detectDateOrder, readDate } from '../../../lib/io/dates';

describe('readDate', () => {
  it('reads the usual statement styles', () => {
    expect(readDate('2026-01-14', 'ymd')).toBe('2026-01-14');
    expect(readDate('2026-01-14 10:22:01', 'dmy')).toBe('2026-01-14');
    expect(readDate('14.01.2026', 'dmy')).toBe('2026-01-14');
    expect(readDate('14.01.26', 'dmy')).toBe('2026-01-14');
    expect(readDate('01/14/2026', 'mdy')).toBe('2026-01-14');
    expect(readDate('03/04/2026', 'dmy')).toBe('2026-04-03');
    expect(readDate('03/04/2026', 'mdy')).toBe('2026-03-04');
    expect(readDate('14. jan 2026', 'dmy')).toBe('2026-01-14');
  });
  it('returns null for text that is no real date', () => {
    expect(readDate('31.02.2026', 'dmy')).toBeNull();
    expect(readDate('Saldo', 'dmy')).toBeNull();
    expect(readDate('', 'dmy')).toBeNull();
  });
});

describe('detectDateOrder', () => {
  it('knows ISO dates', () => {
    expect(detectDateOrder(['2026-01-02', '2026-01-03'])).toBe('ymd');
  });
  it('uses a first part above 12 for day first and a second part above 12 for month first', () => {
    expect(detectDateOrder(['01/02/2026', '13/02/2026'])).toBe('dmy');
    expect(detectDateOrder(['01/02/2026', '02/13/2026'])).toBe('mdy');
  });
  it('uses the sort order when every value fits both', () => {
    // Day first: 5 Jan, 1 Feb, 10 Feb (sorted); month first: 1 May, 2 Jan, 2 Oct (not sorted).
    expect(detectDateOrder(['05/01/2026', '01/02/2026', '10/02/2026'])).toBe('dmy');
    expect(detectDateOrder(['01/05/2026', '02/01/2026', '02/10/2026'])).toBe('mdy');
  });
  it('falls back to day first for dots and month first for slashes, or to the given order', () => {
    expect(detectDateOrder(['01.02.2026'])).toBe('dmy');
    expect(detectDateOrder(['01/02/2026'])).toBe('mdy');
    expect(detectDateOrder(['01/02/2026'], 'dmy')).toBe('dmy');
  });
  it('returns null when nothing is a date', () => {
    expect(detectDateOrder(['abc', '12'])).toBeNull();
  });
});
