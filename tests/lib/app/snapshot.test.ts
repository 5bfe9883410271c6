import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSnapshot, DB_VERSION as SNAPSHOT_DB_VERSION } from '../../../lib/app/snapshot';
import { createStore } from '../../../lib/app/store';
import { getSettings, listPendingDetections, type SubkeeperDb, saveSettings } from '../../../lib/db';
import { LATEST_VERSION } from '../../../lib/db/migrations';
import { SubkeeperDb as Db } from '../../../lib/db/schema';
import { DEFAULT_SETTINGS, type Detection } from '../../../lib/model';
import { dropDb, freshDb, sub } from '../../helpers';

let db: SubkeeperDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const detection = (id: string, seenAt: string, status: Detection['status'] = 'pending'): Detection => ({
  id,
  url: 'https://www.viaplay.no/takk',
  hostname: 'viaplay.no',
  seenAt,
  status,
  tabId: 7,
  result: { kind: 'signup', service: null, subscription: null, charges: [], links: {} },
});

describe('readSnapshot (the popup’s first-paint read)', () => {
  it('expects the IndexedDB version Dexie gives the current schema', async () => {
    await db.open();
    expect(SNAPSHOT_DB_VERSION).toBe(LATEST_VERSION * 10);
    expect(db.verno * 10).toBe(db.backendDB().version);
    expect(db.backendDB().version).toBe(SNAPSHOT_DB_VERSION);
  });

  it('reads what the store reads: settings, every subscription, pending detections newest first', async () => {
    const subs = [sub({ id: 'a' }), sub({ id: 'b', service: 'Spotify' })];
    await db.subscriptions.bulkPut(subs);
    await saveSettings(db, { ...(await getSettings(db)), baseCurrency: 'EUR', language: 'sv' });
    await db.detections.bulkPut([
      detection('old', '2026-11-20T10:00:00.000Z'),
      detection('new', '2026-11-22T10:00:00.000Z'),
      detection('done', '2026-11-23T10:00:00.000Z', 'dismissed'),
    ]);
    const snap = await readSnapshot(indexedDB, { name: db.name });
    expect(snap).not.toBeNull();
    expect(snap!.subscriptions).toEqual(await db.subscriptions.toArray());
    expect(snap!.settings).toEqual(await getSettings(db));
    expect(snap!.detections.map((d) => d.id)).toEqual(['new', 'old']);
    expect(snap!.detections).toEqual(await listPendingDetections(db));
  });

  it('gives undefined settings when none were saved', async () => {
    await db.open();
    expect((await readSnapshot(indexedDB, { name: db.name }))?.settings).toBeUndefined();
  });

  it('never creates a database that does not exist (Dexie must create it with its stores)', async () => {
    const name = `missing-${Math.random().toString(36).slice(2)}`;
    expect(await readSnapshot(indexedDB, { name })).toBeNull();
    expect(await Dexie.exists(name)).toBe(false);
    // Dexie can still create it properly afterwards.
    const later = new Db(name);
    await later.subscriptions.put(sub({ id: 'x' }));
    expect(await readSnapshot(indexedDB, { name })).not.toBeNull();
    later.close();
    await Dexie.delete(name);
  });

  it('gives up on an older version whose upgrade has not run yet', async () => {
    const name = `old-${Math.random().toString(36).slice(2)}`;
    const old = new Db(name, { upToVersion: 1 });
    await old.open();
    old.close();
    expect(await readSnapshot(indexedDB, { name })).toBeNull();
    await Dexie.delete(name);
  });

  it('closes its connection, so that a later upgrade is not blocked', async () => {
    const name = `upg-${Math.random().toString(36).slice(2)}`;
    const old = new Db(name, { upToVersion: 1 });
    await old.open();
    old.close();
    await readSnapshot(indexedDB, { name });
    const current = new Db(name);
    await current.open();
    expect(current.backendDB().version).toBe(SNAPSHOT_DB_VERSION);
    current.close();
    await Dexie.delete(name);
  });

  it('fills the dashboard’s store exactly as loading it from the database does', async () => {
    await db.subscriptions.bulkPut([sub({ id: 'a' }), sub({ id: 'b', service: 'Spotify', ownerId: 'm1' })]);
    await db.members.put({ id: 'm1', name: 'Kari', color: '#336699' });
    await db.priceChanges.put({
      id: 'p1',
      subscriptionId: 'a',
      date: '2026-11-01',
      oldAmountMinor: 100,
      newAmountMinor: 200,
      currency: 'NOK',
    });
    await db.serviceLinks.put({
      key: 'netflix',
      links: { cancel: { url: 'https://netflix.com/cancel', source: 'user' } },
    });
    await db.state.put({ key: 'proposals.dismissed', value: ['x:1'] });
    await db.detections.put(detection('d', '2026-11-20T10:00:00.000Z'));
    await saveSettings(db, { ...(await getSettings(db)), baseCurrency: 'SEK' });
    const now = () => new Date('2026-11-23T12:00:00Z');
    const loaded = createStore({ db, now });
    await loaded.load();
    const snap = await readSnapshot(indexedDB, { name: db.name, dashboard: true });
    expect(snap?.dashboard).toBeDefined();
    const hydrated = createStore({ db, now });
    hydrated.hydrate({ ...snap!, dashboard: snap!.dashboard! });
    for (const k of ['subscriptions', 'priceChanges', 'detections', 'members', 'settings', 'seenLinks'] as const) {
      expect(hydrated[k].value).toEqual(loaded[k].value);
    }
    expect([...hydrated.dismissedProposals.value]).toEqual([...loaded.dismissedProposals.value]);
    expect(hydrated.loaded.value).toBe(true);
    expect(hydrated.today.value).toBe(loaded.today.value);
  });

  it('falls back to the default settings when the stored row fails the schema, as the store does', async () => {
    await db.settings.put({ key: 'settings', value: { baseCurrency: 'kroner' } as never });
    const snap = await readSnapshot(indexedDB, { name: db.name, dashboard: true });
    const store = createStore({ db, now: () => new Date(), languages: ['sv-SE'] });
    store.hydrate({ ...snap!, dashboard: snap!.dashboard! });
    const loaded = createStore({ db, now: () => new Date(), languages: ['sv-SE'] });
    await loaded.load();
    expect(store.settings.value).toEqual(loaded.settings.value);
    expect(store.settings.value.baseCurrency).toBe('SEK');
  });

  it('a new user (nothing stored) starts in the currency of the browser’s language, not yet saved', async () => {
    await db.open();
    const snap = await readSnapshot(indexedDB, { name: db.name, dashboard: true });
    for (const [languages, base, krone] of [
      [['sv-SE', 'sv'], 'SEK', 'SEK'],
      [['en-GB'], 'GBP', 'NOK'],
      [['da'], 'DKK', 'DKK'],
    ] as const) {
      const hydrated = createStore({ db, now: () => new Date(), languages });
      hydrated.hydrate({ ...snap!, dashboard: snap!.dashboard! });
      const loaded = createStore({ db, now: () => new Date(), languages });
      await loaded.load();
      for (const s of [hydrated, loaded]) {
        expect(s.settings.value).toMatchObject({ baseCurrency: base, krone });
        expect(s.settingsSaved.value).toBe(false);
      }
      expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    }
    const store = createStore({ db, now: () => new Date(), languages: ['sv-SE'] });
    await store.load();
    await store.updateSettings({ ...store.settings.value });
    expect(store.settingsSaved.value).toBe(true);
    expect((await getSettings(db)).baseCurrency).toBe('SEK');
  });
});
