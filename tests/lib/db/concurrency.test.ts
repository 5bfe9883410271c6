import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteSubscription, type SubkeeperDb, saveSubscription } from '../../../lib/db';
import { dropDb, freshDb, sub } from '../../helpers';

/**
 * Two writers over one database (issue 15, item 5): two dashboard tabs, or a tab and the background. An update
 * must never bring back a deleted subscription, never lose a status-history entry, and — given the record the
 * writer started from — never overwrite a field someone else changed meanwhile.
 */
let db: SubkeeperDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const T0 = '2026-11-01T10:00:00.000Z';
const T1 = '2026-11-02T10:00:00.000Z';
const T2 = '2026-11-03T10:00:00.000Z';

describe('updates over one database', () => {
  it('never recreates a deleted subscription', async () => {
    const s = sub({ id: 's1' });
    await db.subscriptions.put(s);
    await deleteSubscription(db, 's1');
    // A stale tab saves the whole record it still shows.
    const r = await saveSubscription(db, { ...s, notes: 'stale edit' }, T1);
    expect(r.ok).toBe(false);
    expect(await db.subscriptions.get('s1')).toBeUndefined();
  });

  it('appends status history from two writers instead of keeping only the last', async () => {
    const s = sub({ id: 's1', statusHistory: [{ status: 'active', date: '2026-01-01' }] });
    await db.subscriptions.put(s);
    // Both writers started from the same record.
    await saveSubscription(
      db,
      { id: 's1', status: 'paused', statusHistory: [...s.statusHistory, { status: 'paused', date: '2026-11-02' }] },
      T1,
    );
    await saveSubscription(
      db,
      {
        id: 's1',
        status: 'cancelled',
        statusHistory: [...s.statusHistory, { status: 'cancelled', date: '2026-11-03' }],
      },
      T2,
    );
    const saved = await db.subscriptions.get('s1');
    expect(saved?.statusHistory.map((h) => h.status)).toEqual(['active', 'paused', 'cancelled']);
    expect(saved?.status).toBe('cancelled');
  });

  it('records a status change in the history even when the writer did not', async () => {
    await db.subscriptions.put(sub({ id: 's1', statusHistory: [] }));
    await saveSubscription(db, { id: 's1', status: 'paused' }, T1, { today: '2026-11-02' });
    expect((await db.subscriptions.get('s1'))?.statusHistory).toEqual([{ status: 'paused', date: '2026-11-02' }]);
  });

  it('refuses a change to a field someone else changed since the writer read it, and writes nothing', async () => {
    const base = sub({ id: 's1', amountMinor: 17900, updatedAt: T0 });
    await db.subscriptions.put(base);
    // The background records a new price.
    await saveSubscription(db, { id: 's1', amountMinor: 19900 }, T1);
    // A form opened before sets another price.
    const r = await saveSubscription(db, { id: 's1', amountMinor: 18900, notes: 'x' }, T2, { base });
    expect(r).toMatchObject({ ok: false, reason: 'conflict', conflicts: ['amountMinor'] });
    const now = await db.subscriptions.get('s1');
    expect(now?.amountMinor).toBe(19900);
    expect(now?.notes).toBeUndefined();
    expect(!r.ok && r.reason === 'conflict' && r.current?.amountMinor).toBe(19900);
  });

  it('merges field-wise when the two writers changed different fields', async () => {
    const base = sub({ id: 's1', amountMinor: 17900, updatedAt: T0 });
    await db.subscriptions.put(base);
    await saveSubscription(db, { id: 's1', amountMinor: 19900 }, T1);
    const r = await saveSubscription(db, { id: 's1', notes: 'shared with Ola' }, T2, { base });
    expect(r.ok).toBe(true);
    expect(await db.subscriptions.get('s1')).toMatchObject({ amountMinor: 19900, notes: 'shared with Ola' });
  });

  it('treats each link on its own: a page link added meanwhile does not block the user’s own', async () => {
    const base = sub({ id: 's1', links: {}, updatedAt: T0 });
    await db.subscriptions.put(base);
    const page = { url: 'https://example.com/account', source: 'page' as const };
    await saveSubscription(db, { id: 's1', links: { manage: page } }, T1);
    const mine = { url: 'https://example.com/cancel', source: 'user' as const };
    const r = await saveSubscription(db, { id: 's1', links: { cancel: mine } }, T2, { base });
    expect(r.ok).toBe(true);
    expect((await db.subscriptions.get('s1'))?.links).toEqual({ manage: page, cancel: mine });
  });

  it('accepts a change that equals what the other writer did', async () => {
    const base = sub({ id: 's1', amountMinor: 17900, updatedAt: T0 });
    await db.subscriptions.put(base);
    await saveSubscription(db, { id: 's1', amountMinor: 19900 }, T1);
    const r = await saveSubscription(db, { id: 's1', amountMinor: 19900 }, T2, { base });
    expect(r.ok).toBe(true);
  });
});
