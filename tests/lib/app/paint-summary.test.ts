import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STAMP_KEY, SUMMARY_KEY } from '../../../lib/app/paint-keys';
import {
  buildSummary,
  createSummaryKeeper,
  keepPaintSummary,
  type PaintSummary,
  popupSite,
  type SummaryArea,
  usableSummary,
} from '../../../lib/app/paint-summary';
import { popupSummary } from '../../../lib/app/popup';
import { readSnapshot } from '../../../lib/app/snapshot';
import { createStore } from '../../../lib/app/store';
import { getSettings, type SubkeeperDb, saveSettings } from '../../../lib/db';
import { onCommittedWrite } from '../../../lib/db/write-hook';
import { bundledRates } from '../../../lib/money/rates';
import { detection, dropDb, freshDb, sub } from '../../helpers';

/** storage.local as a plain map (values copied in and out, as the browser does). */
function memoryArea(): SummaryArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const copy = <T>(x: T): T => (x === undefined ? x : structuredClone(x));
  return {
    data,
    async get(keys) {
      const out: Record<string, unknown> = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) if (data.has(k)) out[k] = copy(data.get(k));
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, copy(v));
    },
  };
}

const NOW = new Date('2026-11-23T12:00:00Z');
const TODAY = '2026-11-23';
const settle = async (area: ReturnType<typeof memoryArea>, test: (s: PaintSummary | null) => boolean) => {
  await vi.waitFor(async () => {
    expect(test(usableSummary(await area.get([SUMMARY_KEY, STAMP_KEY]), TODAY))).toBe(true);
  });
};
const monthly = (s: PaintSummary | null) => s?.popup.totals.monthlyMinor;

let db: SubkeeperDb;
beforeEach(async () => {
  db = freshDb();
  // Totals below are in NOK (a new user's currency would follow the test browser's language).
  await saveSettings(db, { ...(await getSettings(db)), baseCurrency: 'NOK' });
});
afterEach(() => dropDb(db));

describe('committed writes (lib/db/write-hook)', () => {
  it('tells of every committed read-write transaction on the watched tables, and of nothing else', async () => {
    const seen: string[][] = [];
    onCommittedWrite(db, ['subscriptions', 'settings'], (tables) => seen.push(tables));
    await db.subscriptions.put(sub({ id: 'a' }));
    expect(seen).toEqual([['subscriptions']]);
    await db.subscriptions.toArray();
    await db.charges.put({
      id: 'c1',
      subscriptionId: 'a',
      date: '2026-11-01',
      amountMinor: 100,
      currency: 'NOK',
      source: 'manual',
    } as never);
    expect(seen).toHaveLength(1);
    await expect(
      db.transaction('rw', db.subscriptions, async () => {
        await db.subscriptions.put(sub({ id: 'b' }));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(seen).toHaveLength(1);
    await saveSettings(db, { ...(await getSettings(db)), baseCurrency: 'EUR' });
    expect(seen).toHaveLength(2);
  });

  it('installed on an open database, sees the writes from its next use on (the database opens again)', async () => {
    await db.subscriptions.put(sub({ id: 'a' }));
    expect(db.isOpen()).toBe(true);
    const seen: string[][] = [];
    const off = onCommittedWrite(db, ['subscriptions'], (tables) => seen.push(tables));
    await db.subscriptions.put(sub({ id: 'b' }));
    expect(seen).toEqual([['subscriptions']]);
    // A second listener on the same database: both hear, each can leave.
    const other: string[][] = [];
    onCommittedWrite(db, ['subscriptions'], (tables) => other.push(tables));
    off();
    await db.subscriptions.put(sub({ id: 'c' }));
    expect(seen).toHaveLength(1);
    expect(other).toEqual([['subscriptions']]);
  });
});

describe('the first-paint summary in storage.local', () => {
  it('holds what the popup shows, made from the same read', async () => {
    const subs = [sub({ id: 'a' }), sub({ id: 'b', service: 'Spotify', amountMinor: 12900, domain: 'spotify.com' })];
    await db.subscriptions.bulkPut(subs);
    await db.detections.put(detection({ id: 'd1', tabId: 7 }));
    const snap = (await readSnapshot(indexedDB, { name: db.name }))!;
    const s = buildSummary(snap, 'stamp-1', TODAY)!;
    expect(s.popup).toEqual(popupSummary(snap.subscriptions, { today: TODAY, base: 'NOK', rates: bundledRates }));
    expect(s.subscriptionCount).toBe(2);
    expect(s.domains).toEqual(['spotify.com']);
    expect(s.detections.map((d) => d.id)).toEqual(['d1']);
    expect(s.allDetections).toBe(true);
  });

  it('is painted only with the current stamp, on the day it was made for, and when plainly shaped', async () => {
    const snap = (await readSnapshot(indexedDB, { name: db.name })) ?? {
      settings: undefined,
      subscriptions: [],
      detections: [],
    };
    const s = buildSummary(snap, 'x', TODAY)!;
    expect(usableSummary({ [SUMMARY_KEY]: s, [STAMP_KEY]: 'x' }, TODAY)).not.toBeNull();
    expect(usableSummary({ [SUMMARY_KEY]: s, [STAMP_KEY]: 'y' }, TODAY)).toBeNull();
    expect(usableSummary({ [SUMMARY_KEY]: s }, TODAY)).toBeNull();
    expect(usableSummary({ [SUMMARY_KEY]: s, [STAMP_KEY]: 'x' }, '2026-11-24')).toBeNull();
    expect(usableSummary({ [SUMMARY_KEY]: { ...s, popup: { totals: 'lots' } }, [STAMP_KEY]: 'x' }, TODAY)).toBeNull();
    expect(usableSummary({ [SUMMARY_KEY]: { ...s, version: 2 }, [STAMP_KEY]: 'x' }, TODAY)).toBeNull();
    expect(usableSummary(undefined, TODAY)).toBeNull();
  });

  it('follows every write: a new stamp at once (the old summary is no longer painted), then a new summary', async () => {
    const area = memoryArea();
    const keeper = keepPaintSummary(db, area, { now: () => NOW, delayMs: 10 });
    await db.subscriptions.put(sub({ id: 'a', amountMinor: 10000 }));
    await settle(area, (s) => monthly(s) === 10000);
    const before = await area.get([SUMMARY_KEY, STAMP_KEY]);

    await db.subscriptions.put(sub({ id: 'b', amountMinor: 5000 }));
    // The stamp changed with the commit: the summary from before is not painted any more.
    await vi.waitFor(async () => expect((await area.get(STAMP_KEY))[STAMP_KEY]).not.toBe(before[STAMP_KEY]));
    expect(usableSummary({ ...(await area.get(STAMP_KEY)), [SUMMARY_KEY]: before[SUMMARY_KEY] }, TODAY)).toBeNull();
    await settle(area, (s) => monthly(s) === 15000);

    // Every kind of write of its tables: a deletion, the settings, a detection.
    await db.subscriptions.delete('a');
    await settle(area, (s) => monthly(s) === 5000);
    await saveSettings(db, { ...(await getSettings(db)), language: 'sv' });
    await settle(area, (s) => s?.settings.language === 'sv');
    await db.detections.put(detection({ id: 'd9' }));
    await settle(area, (s) => s?.detections.some((d) => d.id === 'd9') ?? false);
    expect(await keeper.refresh()).toBe(true);
  });

  it('follows the writes the store makes (the popup’s and the dashboard’s)', async () => {
    const area = memoryArea();
    keepPaintSummary(db, area, { now: () => NOW, delayMs: 10 });
    const store = createStore({ db, now: () => NOW });
    await store.load();
    const saved = await store.save({ ...sub({ amountMinor: 44900 }), id: undefined, service: 'Viaplay' });
    expect(saved.ok).toBe(true);
    await settle(area, (s) => s?.subscriptionCount === 1 && monthly(s) === 44900);
  });

  it('never stores a summary read before a write under the stamp that write left', async () => {
    const area = memoryArea();
    keepPaintSummary(db, area, { now: () => NOW, delayMs: 60_000 });
    await db.subscriptions.put(sub({ id: 'a', amountMinor: 10000 }));
    // A second keeper (another page) reads the database; while it reads, this page writes.
    const slow = createSummaryKeeper({
      area,
      now: () => NOW,
      read: async () => {
        const snap = await readSnapshot(indexedDB, { name: db.name });
        await db.subscriptions.put(sub({ id: 'b', amountMinor: 5000 }));
        await vi.waitFor(async () => expect(area.data.get(STAMP_KEY)).not.toBe(stampAtRead));
        return snap;
      },
    });
    const stampAtRead = (await area.get(STAMP_KEY))[STAMP_KEY];
    expect(await slow.refresh()).toBe(false);
    expect(usableSummary(await area.get([SUMMARY_KEY, STAMP_KEY]), TODAY)).toBeNull();
    // The next summary holds the write.
    const fresh = createSummaryKeeper({ area, now: () => NOW, read: () => readSnapshot(indexedDB, { name: db.name }) });
    expect(await fresh.refresh()).toBe(true);
    expect(monthly(usableSummary(await area.get([SUMMARY_KEY, STAMP_KEY]), TODAY))).toBe(15000);
  });

  it('makes one when none can be painted (first run, a new day), and leaves a usable one alone', async () => {
    const area = memoryArea();
    let now = NOW;
    const read = vi.fn(() => readSnapshot(indexedDB, { name: db.name }));
    await db.subscriptions.put(sub({ id: 'a' }));
    const keeper = createSummaryKeeper({ area, read, now: () => now });
    await keeper.ensure();
    expect(read).toHaveBeenCalledTimes(1);
    expect(usableSummary(await area.get([SUMMARY_KEY, STAMP_KEY]), TODAY)).not.toBeNull();
    await keeper.ensure();
    expect(read).toHaveBeenCalledTimes(1);
    now = new Date('2026-11-24T08:00:00Z');
    await keeper.ensure();
    expect(read).toHaveBeenCalledTimes(2);
    expect(usableSummary(await area.get([SUMMARY_KEY, STAMP_KEY]), '2026-11-24')?.today).toBe('2026-11-24');
  });

  it('paints the popup’s site card only when it can tell it exactly', async () => {
    await db.subscriptions.put(sub({ id: 'n', domain: 'netflix.com' }));
    await db.detections.put(detection({ id: 'd1', tabId: 7 }));
    const s = buildSummary((await readSnapshot(indexedDB, { name: db.name }))!, 'x', TODAY)!;
    expect(popupSite(s, undefined)).toEqual({ site: null });
    expect(popupSite(s, { id: 3, url: 'chrome-extension://abc/popup.html' })).toEqual({ site: null });
    expect(popupSite(s, { id: 7, url: 'https://www.viaplay.no/takk' })?.site?.detection?.id).toBe('d1');
    expect(popupSite(s, { id: 8, url: 'https://www.example.com/' })).toEqual({ site: { hostname: 'example.com' } });
    // A tracked subscription's site: its card needs the subscription, so the popup waits for the database.
    expect(popupSite(s, { id: 8, url: 'https://www.netflix.com/browse' })).toBeNull();
    expect(popupSite({ ...s, allDetections: false }, { id: 8, url: 'https://www.example.com/' })).toBeNull();
  });
});
