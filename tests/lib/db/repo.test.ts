import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addCharges,
  deleteSubscription,
  getSettings,
  mergeServiceLinks,
  restoreSubscription,
  type SubkeeperDb,
  saveSettings,
  saveSubscription,
} from '../../../lib/db';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { dropDb, freshDb, sub } from '../../helpers';

let db: SubkeeperDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const STAMP = '2026-11-23T08:00:00.000Z';

describe('repo', () => {
  it('validates every subscription write and saves nothing invalid', async () => {
    const bad = await saveSubscription(db, { service: '', amountMinor: 1.5, currency: 'kr', period: 'monthly' }, STAMP);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(Object.keys(bad.errors)).toEqual(
        expect.arrayContaining(['service', 'amountMinor', 'currency', 'period', 'billingAnchor', 'status']),
      );
    }
    expect(await db.subscriptions.count()).toBe(0);
  });

  it('creates with stamps and keeps createdAt on update', async () => {
    const { id, createdAt, updatedAt, ...input } = sub();
    const r = await saveSubscription(db, input, STAMP);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.createdAt).toBe(STAMP);
    const later = '2026-11-24T08:00:00.000Z';
    const u = await saveSubscription(db, { id: r.value.id, amountMinor: 19900 }, later);
    expect(u.ok && u.value.createdAt).toBe(STAMP);
    expect(u.ok && u.value.updatedAt).toBe(later);
    expect((await db.subscriptions.get(r.value.id))?.amountMinor).toBe(19900);
  });

  it('refuses a javascript: link', async () => {
    const r = await saveSubscription(
      db,
      { ...sub(), id: undefined, links: { cancel: { url: 'javascript:alert(1)', source: 'page' } } },
      STAMP,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors['links.cancel.url']).toMatch(/http/);
  });

  it('records charges once per subscription, day and amount', async () => {
    const c = { subscriptionId: 's1', date: '2026-11-01', amountMinor: 17900, currency: 'NOK', source: 'receipt' };
    const first = await addCharges(db, [
      { ...c, id: 'a' },
      { ...c, id: 'b' },
      { ...c, id: 'c', amountMinor: 1 },
    ]);
    expect(first.map((x) => x.id)).toEqual(['a', 'c']);
    const again = await addCharges(db, [
      { ...c, id: 'd' },
      { id: 'bad', date: 'yesterday' },
    ]);
    expect(again).toEqual([]);
    expect(await db.charges.count()).toBe(2);
  });

  it('deletes a subscription with its charges and restores all of it on undo', async () => {
    const s = sub({ id: 's1' });
    await db.subscriptions.put(s);
    await addCharges(db, [
      { id: 'c1', subscriptionId: 's1', date: '2026-10-01', amountMinor: 17900, currency: 'NOK', source: 'receipt' },
    ]);
    const bundle = await deleteSubscription(db, 's1');
    expect(bundle?.charges).toHaveLength(1);
    expect(await db.subscriptions.count()).toBe(0);
    expect(await db.charges.count()).toBe(0);
    await restoreSubscription(db, bundle!);
    // The charge was a payment: the subscription records its day as paid.
    expect(await db.subscriptions.get('s1')).toEqual({ ...s, lastPaid: '2026-10-01' });
    expect(await db.charges.count()).toBe(1);
  });

  it('deletes a subscription’s proofs and days of use with it; undo brings the proofs back (issue 14)', async () => {
    await db.subscriptions.put(sub({ id: 's1' }));
    await db.subscriptions.put(sub({ id: 's2' }));
    const proof = (id: string, subscriptionId: string) => ({
      id,
      kind: 'signup' as const,
      subscriptionId,
      url: 'https://www.netflix.com/signup',
      title: 'Netflix',
      seenAt: '2026-10-01T10:00:00.000Z',
      pageKind: 'signup' as const,
      text: 'Choose your plan',
      truncated: false,
      terms: {},
    });
    await db.proofs.bulkPut([proof('p1', 's1'), proof('p2', 's2')]);
    await db.state.bulkPut([
      { key: 'usage:s1', value: ['2026-10-02'] },
      { key: 'usage:s2', value: ['2026-10-03'] },
    ]);
    const bundle = await deleteSubscription(db, 's1');
    expect(bundle?.proofs?.map((p) => p.id)).toEqual(['p1']);
    expect((await db.proofs.toArray()).map((p) => p.id)).toEqual(['p2']);
    expect(await db.state.get('usage:s1')).toBeUndefined();
    expect(await db.state.get('usage:s2')).toBeDefined();
    await restoreSubscription(db, bundle!);
    expect((await db.proofs.toArray()).map((p) => p.id).sort()).toEqual(['p1', 'p2']);
  });

  it('returns default settings, saves valid ones, rejects invalid ones', async () => {
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect((await saveSettings(db, { ...DEFAULT_SETTINGS, baseCurrency: 'SEK' })).ok).toBe(true);
    expect((await getSettings(db)).baseCurrency).toBe('SEK');
    const bad = await saveSettings(db, { ...DEFAULT_SETTINGS, baseCurrency: 'kronor' });
    expect(bad.ok).toBe(false);
    expect((await getSettings(db)).baseCurrency).toBe('SEK');
  });

  it('merges links seen per service', async () => {
    await mergeServiceLinks(db, 'viaplay', { cancel: { url: 'https://viaplay.no/konto/si-opp', source: 'page' } });
    const merged = await mergeServiceLinks(db, 'viaplay', {
      manage: { url: 'https://viaplay.no/konto', source: 'page' },
    });
    expect(Object.keys(merged).sort()).toEqual(['cancel', 'manage']);
  });
});
