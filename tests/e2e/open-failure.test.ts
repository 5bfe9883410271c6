import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFirstRunPage, type FixtureServer, type Launched, launchExtension, ROOT, startServer } from './harness';

/**
 * A database that will not open (issue 15, item 6): before, the dashboard stayed on "…" forever, the popup was
 * blank and the background dropped what pages showed. Here its upgrade fails: a database left at version 1 whose
 * subscriptions are keyed differently than every later version declares (IndexedDB cannot change a key in place).
 */
const PAGES = path.join(ROOT, 'tests/fixtures/pages');
const page = {
  html: readFileSync(path.join(PAGES, 'nb-storytel-confirmation.html'), 'utf8'),
  url: (JSON.parse(readFileSync(path.join(PAGES, 'nb-storytel-confirmation.meta.json'), 'utf8')) as { url: string })
    .url,
};

type Sw = {
  subkeeper: {
    db: {
      close(): void;
      open(): Promise<unknown>;
      detections: { toArray(): Promise<Array<{ hostname: string; status: string }>> };
    };
    releaseHeld(): Promise<unknown>;
  };
};

describe('when the database will not open', () => {
  let ext: Launched;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startServer((host, pathname) =>
      host + pathname === new URL(page.url).host + new URL(page.url).pathname ? page.html : undefined,
    );
    ext = await launchExtension({ mapAllHostsToPort: server.port, locale: 'en-GB' });
    // The first-run page opened on install holds the database open; closed first, so that it can be replaced.
    await closeFirstRunPage(ext);
    // Replace the database with one whose upgrade cannot succeed, holding one record.
    await ext.sw.evaluate(async () => {
      (globalThis as unknown as Sw).subkeeper.db.close();
      await new Promise((resolve) => {
        const del = indexedDB.deleteDatabase('subkeeper');
        del.onsuccess = del.onerror = del.onblocked = resolve;
      });
      await new Promise<void>((resolve, reject) => {
        const r = indexedDB.open('subkeeper', 10);
        r.onupgradeneeded = () => {
          const db = r.result;
          db.createObjectStore('subscriptions', { keyPath: 'key' }).add({ key: 'k1', service: 'Kept as it was' });
          for (const s of ['charges', 'priceChanges', 'detections', 'members'])
            db.createObjectStore(s, { keyPath: 'id' });
          for (const s of ['settings', 'state']) db.createObjectStore(s, { keyPath: 'key' });
        };
        r.onsuccess = () => {
          r.result.close();
          resolve();
        };
        r.onerror = () => reject(r.error);
      });
    });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('the dashboard says so and offers the raw data, which holds the record', async () => {
    const dash = await ext.openPage('options.html#/overview');
    const alert = dash.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 15000 }).toContain('could not open your data');
    expect(await alert.textContent()).toContain('nothing was changed');
    const [download] = await Promise.all([
      dash.waitForEvent('download'),
      dash.getByRole('button', { name: 'Download the raw data' }).click(),
    ]);
    const raw = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(raw).toMatchObject({ format: 'subkeeper-raw', databaseVersion: 1 });
    expect(raw.tables.subscriptions).toEqual([{ key: 'k1', service: 'Kept as it was' }]);
    await dash.close();
  });

  it('the popup says so instead of staying blank', async () => {
    const popup = await ext.openPage('popup.html');
    await expect
      .poll(() => popup.getByRole('alert').textContent(), { timeout: 15000 })
      .toContain('could not open your data');
    expect(await popup.getByRole('button', { name: 'Download the raw data' }).count()).toBe(1);
    await popup.close();
  });

  it('the background holds what a page showed, and stores it once the database opens', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(page.url);
    // Held in its own small database meanwhile.
    const held = () =>
      ext.sw.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const r = indexedDB.open('subkeeper-pending');
            // Only looked at: a probe must not create the database.
            r.onupgradeneeded = () => r.transaction?.abort();
            r.onerror = () => resolve(0);
            r.onsuccess = () => {
              const db = r.result;
              if (!db.objectStoreNames.contains('finds')) return resolve(0);
              const c = db.transaction('finds').objectStore('finds').count();
              c.onsuccess = () => resolve(c.result);
            };
          }),
      );
    await expect.poll(held, { timeout: 15000 }).toBe(1);
    // The database is mended (as a fixed version would upgrade it) and opens: the find is stored.
    const stored = await ext.sw.evaluate(async () => {
      await new Promise((resolve) => {
        const del = indexedDB.deleteDatabase('subkeeper');
        del.onsuccess = del.onerror = del.onblocked = resolve;
      });
      const g = globalThis as unknown as Sw;
      await g.subkeeper.db.open();
      await g.subkeeper.releaseHeld();
      return g.subkeeper.db.detections.toArray();
    });
    expect(stored.map((d) => [d.hostname, d.status])).toEqual([['storytel.com', 'pending']]);
    expect(await held()).toBe(0);
    await tab.close();
  });
});
