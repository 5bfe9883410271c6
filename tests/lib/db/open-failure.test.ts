import { readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../../lib/app/store';
import { SubkeeperDb } from '../../../lib/db';
import { MIGRATIONS } from '../../../lib/db/migrations';
import { heldCount, holdFind, MAX_ATTEMPTS, MAX_HELD, PENDING_DB, releaseFinds } from '../../../lib/db/pending';
import { errorText, exportRaw, openFailureKind, RAW_FORMAT } from '../../../lib/db/raw';

/**
 * A database that will not open (issue 15, item 6): an upgrade that throws, or a database a newer Subkeeper
 * wrote. Nothing is lost: the raw data can be downloaded, the views say what happened instead of waiting forever,
 * and the background holds what pages showed until the database opens.
 */
const names: string[] = [];
const fresh = (prefix: string) => {
  const n = `${prefix}-${Math.random().toString(36).slice(2)}`;
  names.push(n);
  return n;
};
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
  await Dexie.delete(PENDING_DB);
});

const v1 = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/db/v1.json'), 'utf8'));

/** A v1 database whose upgrade to v2 throws (as a bug or a full disk would). */
async function failingUpgrade(name: string) {
  const old = new SubkeeperDb(name, { upToVersion: 1 });
  await old.open();
  for (const [table, rows] of Object.entries(v1.tables)) await old.table(table).bulkPut(rows as never[]);
  old.close();
  const broken = MIGRATIONS.map((m) =>
    m.version === 2
      ? {
          ...m,
          upgrade: () => {
            throw new Error('disk full');
          },
        }
      : m,
  );
  return new SubkeeperDb(name, { migrations: broken });
}

/** A database a newer version wrote (version 99 here). */
function newerDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(name, 990);
    r.onupgradeneeded = () => {
      r.result.createObjectStore('subscriptions', { keyPath: 'id' }).add({ id: 'future', shape: 'unknown' });
    };
    r.onsuccess = () => {
      r.result.close();
      resolve();
    };
    r.onerror = () => reject(r.error);
  });
}

describe('when the database does not open', () => {
  it('the store says so instead of waiting forever, and the raw data is still there to download', async () => {
    const name = fresh('fail');
    const db = await failingUpgrade(name);
    const store = createStore({ db, now: () => new Date() });
    await expect(store.live()).rejects.toThrow();
    expect(store.loaded.value).toBe(false);
    expect(store.failure.value).toBeTruthy();
    expect(openFailureKind(store.failure.value)).toBe('failed');
    expect(errorText(store.failure.value)).toMatch(/disk full/);
    db.close();
    const raw = await exportRaw(indexedDB, name, '2026-06-01T00:00:00.000Z');
    expect(raw).toMatchObject({ format: RAW_FORMAT, databaseVersion: 1 });
    expect((raw.tables.subscriptions as Array<{ id: string }>).map((s) => s.id).sort()).toEqual([
      's-broken',
      's-netflix',
      's-storytel',
    ]);
    expect(raw.tables.charges).toHaveLength(1);
  });

  it('exports a database a newer version wrote as it is', async () => {
    const name = fresh('newer');
    await newerDatabase(name);
    const raw = await exportRaw(indexedDB, name, '2026-06-01T00:00:00.000Z');
    expect(raw.databaseVersion).toBe(99);
    expect(raw.tables.subscriptions).toEqual([{ id: 'future', shape: 'unknown' }]);
  });

  it('tells an error from IndexedDB about a newer database from other failures', () => {
    expect(openFailureKind({ name: 'OpenFailedError', inner: { name: 'VersionError' } })).toBe('newer');
    expect(openFailureKind(new Error('disk full'))).toBe('failed');
  });

  it('exports nothing, and creates nothing, when there is no database', async () => {
    const name = fresh('none');
    expect(await exportRaw(indexedDB, name, '2026-06-01T00:00:00.000Z')).toMatchObject({ tables: {} });
    expect((await indexedDB.databases()).some((d) => d.name === name)).toBe(false);
  });
});

describe('finds held while the database is down', () => {
  const find = (n: number) => ({
    url: `https://www.viaplay.no/takk/${n}`,
    result: { kind: 'signup' },
    today: '2026-06-01',
    stamp: '2026-06-01T10:00:00.000Z',
  });

  it('are stored, oldest first, once the database opens', async () => {
    await holdFind(indexedDB, find(1));
    await holdFind(indexedDB, find(2));
    const stored: string[] = [];
    const r = await releaseFinds(
      indexedDB,
      async (f) => {
        stored.push(f.url);
      },
      async () => {},
    );
    expect(r).toEqual({ stored: 2, failed: 0, left: 0 });
    expect(stored).toEqual([find(1).url, find(2).url]);
  });

  it('stay held while storing fails, and are given up (to be kept elsewhere) after the last attempt', async () => {
    await holdFind(indexedDB, find(1));
    const given: number[] = [];
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const r = await releaseFinds(
        indexedDB,
        async () => {
          throw new Error('still closed');
        },
        async (f) => {
          given.push(f.attempts ?? 0);
        },
      );
      expect(r.left).toBe(i < MAX_ATTEMPTS ? 1 : 0);
    }
    expect(given).toEqual([MAX_ATTEMPTS]);
  });

  it('are held also when their database was opened bare before (no table yet)', async () => {
    await new Promise<void>((resolve) => {
      const r = indexedDB.open(PENDING_DB);
      r.onsuccess = () => {
        r.result.close();
        resolve();
      };
    });
    await holdFind(indexedDB, find(1));
    expect(await heldCount(indexedDB)).toBe(1);
  });

  it('are capped: a page cannot fill the disk while the database is down', async () => {
    for (let i = 0; i < MAX_HELD + 5; i++) await holdFind(indexedDB, find(i));
    expect(await heldCount(indexedDB)).toBe(MAX_HELD);
    const urls: string[] = [];
    await releaseFinds(
      indexedDB,
      async (f) => {
        urls.push(f.url);
      },
      async () => {},
    );
    // The newest are kept.
    expect(urls[0]).toBe(find(5).url);
  });
});
