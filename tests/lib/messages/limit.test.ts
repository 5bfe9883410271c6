import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLimiter } from '../../../lib/messages/limit';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A job that takes `ms` of (fake) time and records what it saw. */
const job =
  (log: string[], label: string, ms = 10) =>
  () =>
    new Promise<string>((resolve) =>
      setTimeout(() => {
        log.push(label);
        resolve(label);
      }, ms),
    );

describe('the background’s limit per tab and origin (issue 15, item 3)', () => {
  it('a hash change every 50 ms: about one read per two seconds, the last one always read', async () => {
    const limiter = createLimiter();
    const ran: string[] = [];
    const results: Array<Promise<unknown>> = [];
    for (let i = 0; i < 400; i++) {
      results.push(limiter.submit(1, 'https://flood.example', job(ran, `#${i}`, 30)));
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(results);
    // 20 s of flooding: the reads are spaced two seconds apart, not one per change.
    expect(ran.length).toBeLessThanOrEqual(12);
    expect(ran.at(-1)).toBe('#399');
  });

  it('another tab is never kept waiting behind a flooding one', async () => {
    const limiter = createLimiter();
    const flood: string[] = [];
    for (let i = 0; i < 40; i++) {
      void limiter.submit(1, 'https://flood.example', job(flood, `#${i}`, 500));
      await vi.advanceTimersByTimeAsync(50);
    }
    const other: string[] = [];
    const start = Date.now();
    const r = await Promise.all([
      limiter.submit(2, 'https://www.netflix.com', job(other, 'receipt', 10)),
      vi.advanceTimersByTimeAsync(20),
    ]);
    expect(r[0]).toEqual({ ok: true, value: 'receipt' });
    expect(Date.now() - start).toBeLessThan(100);
  });

  it('one read at a time per tab and origin: a read arriving meanwhile waits, a newer one replaces it', async () => {
    const limiter = createLimiter({ minIntervalMs: 0 });
    const ran: string[] = [];
    const a = limiter.submit(1, 'https://a.example', job(ran, 'a', 1000));
    const b = limiter.submit(1, 'https://a.example', job(ran, 'b', 10));
    const c = limiter.submit(1, 'https://a.example', job(ran, 'c', 10));
    await vi.advanceTimersByTimeAsync(500);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await a).toEqual({ ok: true, value: 'a' });
    expect(await b).toEqual({ ok: false, reason: 'superseded' });
    expect(await c).toEqual({ ok: true, value: 'c' });
    expect(ran).toEqual(['a', 'c']);
  });

  it('a tab hopping between many origins runs out of its budget', async () => {
    const limiter = createLimiter({ tabBurst: 5, tabRefillMs: 60_000 });
    const ran: string[] = [];
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => limiter.submit(1, `https://a${i}.example`, job(ran, `${i}`, 1))).concat([
        vi.advanceTimersByTimeAsync(100) as never,
      ]),
    );
    expect(ran).toHaveLength(5);
    expect(results.filter((r) => (r as { reason?: string })?.reason === 'tab-limit')).toHaveLength(25);
  });

  it('a failed read frees its lane', async () => {
    const limiter = createLimiter({ minIntervalMs: 0 });
    await expect(limiter.submit(1, 'o', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.submit(1, 'o', () => Promise.resolve(1))).toEqual({ ok: true, value: 1 });
  });
});
