import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSnapshot } from '../../../lib/app/snapshot';
import { createStore, type Store } from '../../../lib/app/store';
import { addCharges, SubkeeperDb, saveSubscription } from '../../../lib/db';
import { detection, dropDb, sub } from '../../helpers';

/**
 * Live views (issue 13, item 5; issue 15, item 5): an open popup or dashboard updates when the database changes,
 * whether the write came from the same page, another tab or the background, and a write re-reads only the part
 * of the data it touched.
 */
const NOW = new Date('2026-11-23T10:00:00.000Z');
const dbs: SubkeeperDb[] = [];
const stores: Store[] = [];
let name = '';

/** A connection of its own to the shared database, as another tab or the background has. */
function connection(): SubkeeperDb {
  const db = new SubkeeperDb(name);
  dbs.push(db);
  return db;
}
async function liveTab(): Promise<Store> {
  const store = createStore({ db: connection(), now: () => NOW });
  stores.push(store);
  await store.live();
  return store;
}

function fresh() {
  name = `live-${Math.random().toString(36).slice(2)}`;
}
afterEach(async () => {
  for (const s of stores.splice(0)) s.stop();
  const all = dbs.splice(0);
  for (const db of all.slice(1)) db.close();
  if (all[0]) await dropDb(all[0]);
});

describe('store.live', () => {
  it('shows a subscription another tab adds, and one the background changes, without a reload', async () => {
    fresh();
    const dashboard = await liveTab();
    expect(dashboard.loaded.value).toBe(true);
    const other = createStore({ db: connection(), now: () => NOW });
    const added = await other.save({ ...sub(), id: undefined, service: 'Viaplay' });
    expect(added.ok).toBe(true);
    await vi.waitFor(() => expect(dashboard.subscriptions.value.map((s) => s.service)).toEqual(['Viaplay']));
    // The background (its own connection) records a new price.
    const id = dashboard.subscriptions.value[0]!.id;
    await saveSubscription(connection(), { id, amountMinor: 19900 }, '2026-11-23T11:00:00.000Z');
    await vi.waitFor(() => expect(dashboard.subscriptions.value[0]?.amountMinor).toBe(19900));
  });

  it('drops a detection tracked or ignored in the popup from an open dashboard', async () => {
    fresh();
    const bg = connection();
    await bg.detections.bulkPut([detection({ id: 'd1' }), detection({ id: 'd2', tabId: 8 })]);
    const dashboard = await liveTab();
    const popup = await liveTab();
    expect(dashboard.detections.value.map((d) => d.id).sort()).toEqual(['d1', 'd2']);
    await popup.dismissDetection(popup.detections.value.find((d) => d.id === 'd1')!);
    await vi.waitFor(() => expect(dashboard.detections.value.map((d) => d.id)).toEqual(['d2']));
  });

  it('re-reads only what a write touched: a new charge does not re-read the subscriptions', async () => {
    fresh();
    const bg = connection();
    // Paid more recently than the charge below, so recording it leaves the subscription as it is (a later charge
    // would move its lastPaid, a change to the subscription).
    await bg.subscriptions.put(sub({ id: 's1', lastPaid: '2026-11-15' }));
    const dashboard = await liveTab();
    await dashboard.loadCharges();
    const subsBefore = dashboard.subscriptions.value;
    const read = vi.spyOn(dashboard.db.subscriptions, 'toArray');
    await addCharges(bg, [
      { id: 'c1', subscriptionId: 's1', date: '2026-11-01', amountMinor: 17900, currency: 'NOK', source: 'receipt' },
    ]);
    await vi.waitFor(() => expect(dashboard.charges.value?.map((c) => c.id)).toEqual(['c1']));
    expect(read).not.toHaveBeenCalled();
    expect(dashboard.subscriptions.value).toBe(subsBefore);
  });

  it('sets nothing when a re-read gives the same data (no render for a write that changed nothing shown)', async () => {
    fresh();
    const bg = connection();
    const s = sub({ id: 's1' });
    await bg.subscriptions.put(s);
    const dashboard = await liveTab();
    const before = dashboard.subscriptions.value;
    const seen = vi.fn();
    const read = vi.spyOn(dashboard.db.subscriptions, 'toArray');
    // Dispose-free: a signal subscription that records every new value.
    const unsubscribe = dashboard.subscriptions.subscribe(seen);
    seen.mockClear();
    await bg.subscriptions.put({ ...s });
    await vi.waitFor(() => expect(read).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).not.toHaveBeenCalled();
    expect(dashboard.subscriptions.value).toBe(before);
    unsubscribe();
  });

  it('after the early plain read (hydrate), going live sets nothing again when nothing changed', async () => {
    fresh();
    const bg = connection();
    await bg.subscriptions.put(sub({ id: 's1' }));
    await bg.open();
    const snap = await readSnapshot(indexedDB, { name, dashboard: true });
    expect(snap?.dashboard).toBeTruthy();
    const store = createStore({ db: connection(), now: () => NOW });
    stores.push(store);
    store.hydrate({ ...snap!, dashboard: snap!.dashboard! });
    const hydrated = store.subscriptions.value;
    await store.live();
    expect(store.subscriptions.value).toBe(hydrated);
  });
});
