import { describe, expect, it } from 'vitest';
import { formatStamp, Hlc, parseStamp, stampTime } from '../../../lib/sync/hlc';

describe('hybrid logical clock', () => {
  it('never goes back, even when the wall clock does', () => {
    let wall = 1_800_000_000_000;
    const hlc = new Hlc('devA', () => wall);
    const a = hlc.now();
    wall -= 60_000; // the clock was set back a minute
    const b = hlc.now();
    const c = hlc.now();
    expect(b > a).toBe(true);
    expect(c > b).toBe(true);
    expect(parseStamp(b)?.wall).toBe(parseStamp(a)?.wall);
    expect(parseStamp(c)?.counter).toBe(2);
  });

  it('orders a change made after seeing another one after it, whatever the clocks say', () => {
    const fast = new Hlc('fast', () => 1_800_000_000_000 + 3 * 3600_000); // three hours ahead
    const slow = new Hlc('slow', () => 1_800_000_000_000);
    const first = fast.now();
    const ahead = slow.observe(first);
    const second = slow.now();
    expect(second > first).toBe(true);
    expect(ahead).toBe(3 * 3600_000);
  });

  it('orders concurrent changes by wall clock, then by device', () => {
    const a = formatStamp(1000, 5, 'b');
    const b = formatStamp(1001, 0, 'a');
    const c = formatStamp(1001, 0, 'b');
    expect([c, a, b].sort()).toEqual([a, b, c]);
  });

  it('survives a restart from its snapshot', () => {
    const wall = 5_000;
    const first = new Hlc('d1', () => wall);
    first.observe(formatStamp(9_000, 3, 'other'));
    const restarted = new Hlc('d1', () => wall, first.snapshot());
    expect(restarted.now() > formatStamp(9_000, 3, 'other')).toBe(true);
  });

  it('moves to the next millisecond when the counter is full', () => {
    const hlc = new Hlc('d', () => 10, { wall: 10, counter: 36 ** 4 - 1 });
    expect(parseStamp(hlc.now())).toEqual({ wall: 11, counter: 0, node: 'd' });
  });

  it('reads the time a stamp was made and rejects what is not a stamp', () => {
    expect(stampTime(formatStamp(Date.UTC(2026, 11, 6), 0, 'x'))?.toISOString()).toBe('2026-12-06T00:00:00.000Z');
    expect(parseStamp('not a stamp')).toBeNull();
    expect(new Hlc('d', () => 1).observe('garbage')).toBe(0);
    expect(() => new Hlc('bad node!', () => 1)).toThrow();
  });
});
