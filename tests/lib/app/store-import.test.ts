import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../../lib/app/store';
import type { SubkeeperDb } from '../../../lib/db';
import { exportSubscriptionsCsv, guessMapping, previewSubscriptions, readCsv } from '../../../lib/io/csv';
import { dropDb, freshDb, sub } from '../../helpers';

/**
 * CSV import (issue 15, item 7): closing the tab during a 10,000-row import left 325 rows, re-importing duplicated
 * them, and each row was its own transaction. Now: one transaction (all or nothing), duplicates skipped like the
 * backup merge, and progress reported.
 */
const NOW = new Date('2026-11-23T10:00:00.000Z');
const TODAY = '2026-11-23';
let db: SubkeeperDb;
afterEach(() => dropDb(db));

/** The rows a CSV file of `n` subscriptions previews to, as CsvImport hands them to the store. */
function rowsOf(n: number) {
  const subs = Array.from({ length: n }, (_, i) =>
    sub({ id: `x${i}`, service: `Service ${i}`, amountMinor: 1000 + i, period: i % 2 ? 'P1M' : 'P1Y' }),
  );
  const table = readCsv(exportSubscriptionsCsv(subs, { today: TODAY, lang: 'nb' }));
  if (!table.ok) throw new Error(table.error);
  return previewSubscriptions(table.rows, guessMapping(table.headers), {
    today: TODAY,
    defaultCurrency: 'NOK',
    lang: 'nb',
  }).flatMap((p) => (p.ok ? [p.value] : []));
}

/**
 * Makes the database fail the `n`-th write request from now on (as a tab that closes, a full disk or a crash
 * would), through a Dexie middleware. Must be called before the database opens.
 */
function failOnWrite(target: SubkeeperDb, n: number) {
  let writes = 0;
  target.use({
    stack: 'dbcore',
    name: 'fail-on-write',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            if (name === 'subscriptions' && ++writes >= n) return Promise.reject(new Error('the tab was closed'));
            return table.mutate(req);
          },
        };
      },
    }),
  });
}

describe('store.importMany', () => {
  it('is all or nothing: a failure half-way leaves the database as it was', async () => {
    db = freshDb();
    failOnWrite(db, 3);
    await db.subscriptions.put(sub({ id: 'mine' }));
    const store = createStore({ db, now: () => NOW });
    await store.load();
    await expect(store.importMany(rowsOf(5000))).rejects.toThrow();
    expect(await db.subscriptions.count()).toBe(1);
  });

  it('skips what is already there on a second import of the same file, and says how many', async () => {
    db = freshDb();
    const store = createStore({ db, now: () => NOW });
    await store.load();
    const rows = rowsOf(300);
    const first = await store.importMany(rows);
    expect(first).toMatchObject({ added: 300, duplicates: 0 });
    const again = await store.importMany(rows);
    expect(again).toMatchObject({ added: 0, duplicates: 300 });
    expect(await db.subscriptions.count()).toBe(300);
    expect(store.subscriptions.value).toHaveLength(300);
  });

  it('imports duplicates only when asked to', async () => {
    db = freshDb();
    const store = createStore({ db, now: () => NOW });
    await store.load();
    const rows = rowsOf(5);
    await store.importMany(rows);
    expect(await store.importMany(rows, { includeDuplicates: true })).toMatchObject({ added: 5, duplicates: 0 });
    expect(await db.subscriptions.count()).toBe(10);
  });

  it('treats two identical rows of one file as one, like a backup merge', async () => {
    db = freshDb();
    const store = createStore({ db, now: () => NOW });
    await store.load();
    const [row] = rowsOf(1);
    expect(await store.importMany([row!, { ...row! }])).toMatchObject({ added: 1, duplicates: 1 });
  });

  it('reports progress up to the whole', async () => {
    db = freshDb();
    const store = createStore({ db, now: () => NOW });
    await store.load();
    const seen: number[] = [];
    await store.importMany(rowsOf(4500), { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });
});
