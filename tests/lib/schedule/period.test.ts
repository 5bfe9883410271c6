import { describe, expect, it } from 'vitest';
import { Period } from '../../../lib/model';
import { isPeriod, mustParsePeriod, parsePeriod } from '../../../lib/schedule';

describe('parsePeriod', () => {
  it('splits single-unit ISO durations', () => {
    expect(parsePeriod('P1M')).toEqual({ n: 1, unit: 'M' });
    expect(parsePeriod('P3M')).toEqual({ n: 3, unit: 'M' });
    expect(parsePeriod('P2W')).toEqual({ n: 2, unit: 'W' });
    expect(parsePeriod('P1Y')).toEqual({ n: 1, unit: 'Y' });
    expect(parsePeriod('P30D')).toEqual({ n: 30, unit: 'D' });
    expect(parsePeriod('P999D')).toEqual({ n: 999, unit: 'D' });
  });

  it('rejects anything else', () => {
    for (const p of ['P0M', 'P1', 'PM', 'P1M1D', 'p1m', 'P1H', 'P01M', 'P1000D', '', ' P1M']) {
      expect(parsePeriod(p), p).toBeNull();
      expect(isPeriod(p), p).toBe(false);
    }
    expect(parsePeriod(undefined as unknown as string)).toBeNull();
    expect(() => mustParsePeriod('P0M')).toThrow(RangeError);
  });

  it('agrees with the data model', () => {
    for (const p of ['P1M', 'P12M', 'P4W', 'P1Y', 'P0M', 'P1000D', 'P1Q']) {
      expect(isPeriod(p), p).toBe(Period.safeParse(p).success);
    }
  });
});
