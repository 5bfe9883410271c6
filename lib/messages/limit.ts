/**
 * How much page data one tab can make the background work on. Per tab and origin, at most one page read is worked
 * on at a time and reads start at least `minIntervalMs` apart; a read that arrives meanwhile waits as the ONE queued
 * read of that tab and origin, and a newer one replaces it (the older is dropped: the page has moved on). So a page
 * changing its address every few milliseconds costs one detection every couple of seconds, its last state is still
 * read, and other tabs are never kept waiting behind it. Per tab, a budget of reads started (`tabBurst`, one more
 * every `tabRefillMs`) bounds a page that hops between origins: a read of an origin with nothing under way is
 * dropped when the tab has none left; a queued read waits for one.
 */
export interface LimiterOptions {
  /** Least time between the starts of two reads of one tab and origin. */
  minIntervalMs?: number;
  /** Reads a tab may have worked on back to back (over all its origins). */
  tabBurst?: number;
  /** One more read becomes available to a tab this often. */
  tabRefillMs?: number;
  /** Most tabs and origins remembered (the oldest are forgotten). */
  maxKeys?: number;
  /** The clock (ms). */
  now?: () => number;
}

export type Limited<T> = { ok: true; value: T } | { ok: false; reason: 'superseded' | 'tab-limit' };

interface Lane {
  tabId: number;
  running: boolean;
  lastStart: number;
  queued?: { job: () => Promise<unknown>; resolve: (r: Limited<unknown>) => void; reject: (e: unknown) => void };
  timer?: ReturnType<typeof setTimeout>;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createLimiter(opts: LimiterOptions = {}) {
  const minInterval = opts.minIntervalMs ?? 2000;
  const tabBurst = opts.tabBurst ?? 10;
  const tabRefill = opts.tabRefillMs ?? 2000;
  const maxKeys = opts.maxKeys ?? 500;
  const now = opts.now ?? (() => Date.now());
  const lanes = new Map<string, Lane>();
  const buckets = new Map<number, Bucket>();

  function bucketOf(tabId: number): Bucket {
    let b = buckets.get(tabId);
    if (!b) {
      b = { tokens: tabBurst, at: now() };
      buckets.set(tabId, b);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as number);
    }
    const n = Math.floor((now() - b.at) / tabRefill);
    if (n > 0) {
      b.tokens = Math.min(tabBurst, b.tokens + n);
      b.at += n * tabRefill;
    }
    return b;
  }

  function laneOf(tabId: number, origin: string): Lane {
    const key = `${tabId} ${origin}`;
    let lane = lanes.get(key);
    if (!lane) {
      lane = { tabId, running: false, lastStart: Number.NEGATIVE_INFINITY };
      lanes.set(key, lane);
      if (lanes.size > maxKeys) {
        for (const [k, l] of lanes) {
          if (!l.running && !l.queued) {
            lanes.delete(k);
            break;
          }
        }
      }
    }
    return lane;
  }

  function start<T>(lane: Lane, job: () => Promise<T>): Promise<T> {
    lane.running = true;
    lane.lastStart = now();
    const done = () => {
      lane.running = false;
      pump(lane);
    };
    return job().then(
      (v) => {
        done();
        return v;
      },
      (e) => {
        done();
        throw e;
      },
    );
  }

  /** Starts the queued read of a lane when it may (its interval passed, and its tab has a read left). */
  function pump(lane: Lane) {
    if (lane.running || !lane.queued || lane.timer !== undefined) return;
    const bucket = bucketOf(lane.tabId);
    const wait = Math.max(lane.lastStart + minInterval - now(), bucket.tokens >= 1 ? 0 : bucket.at + tabRefill - now());
    if (wait > 0) {
      lane.timer = setTimeout(() => {
        lane.timer = undefined;
        pump(lane);
      }, wait);
      return;
    }
    const q = lane.queued;
    lane.queued = undefined;
    bucket.tokens--;
    start(lane, q.job).then((value) => q.resolve({ ok: true, value }), q.reject);
  }

  return {
    /** Runs `job` for a read from `tabId` at `origin` now, later (queued), or not at all (see above). */
    submit<T>(tabId: number, origin: string, job: () => Promise<T>): Promise<Limited<T>> {
      const bucket = bucketOf(tabId);
      const lane = laneOf(tabId, origin);
      const idle = !lane.running && !lane.queued;
      // A tab out of reads gets nothing new started; a lane already at work keeps its one queued read.
      if (idle && bucket.tokens < 1) return Promise.resolve({ ok: false, reason: 'tab-limit' });
      if (idle && now() - lane.lastStart >= minInterval) {
        bucket.tokens--;
        return start(lane, job).then((value) => ({ ok: true, value }));
      }
      return new Promise<Limited<T>>((resolve, reject) => {
        // The page has moved on: the read that was waiting is dropped for this newer one.
        lane.queued?.resolve({ ok: false, reason: 'superseded' });
        lane.queued = { job, resolve: resolve as (r: Limited<unknown>) => void, reject };
        pump(lane);
      });
    },
    /** Forgets a closed tab. */
    forget(tabId: number) {
      buckets.delete(tabId);
      for (const [k, lane] of lanes) {
        if (k.startsWith(`${tabId} `) && !lane.running) {
          if (lane.timer !== undefined) clearTimeout(lane.timer);
          lane.queued?.resolve({ ok: false, reason: 'superseded' });
          lanes.delete(k);
        }
      }
    },
  };
}
