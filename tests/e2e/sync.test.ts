import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/model';
import { type CouchServer, startCouch } from '../couch-server';
import { EXTENSION_DIR, type Launched, launchExtension, ROOT } from './harness';

/**
 * Household sync end to end: two browser profiles (Anna and Ola, each with the extension) and a real
 * CouchDB-protocol server (`pouchdb-server --in-memory`, started here). Everything is done through the
 * extension's own pages, as a person would.
 *
 * Headless Chromium cannot answer the host-permission prompt, so the browsers load a copy of the build whose
 * manifest already grants the test server's origin: `permissions.request` then resolves at once, and the code
 * path is the product's. (The product build itself asks for no host at install: foundation.test.ts.)
 */

const SHOTS = path.join(ROOT, 'test-results/screenshots');
let couch: CouchServer;
let extDir: string;
let anna: Launched;
let ola: Launched;
const requests: string[] = [];

interface Config {
  user: string;
  password: string;
  database: string;
  epoch: number;
}

/** This browser's household config, read from its sync database in the worker. */
function readConfig(ext: Launched): Promise<Config | undefined> {
  return ext.sw.evaluate(
    () =>
      new Promise<Config | undefined>((resolve, reject) => {
        const req = indexedDB.open('subkeeper-sync');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('config').objectStore('config').get('household');
          get.onsuccess = () => resolve((get.result as { value?: Config } | undefined)?.value);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

async function subscription(ext: Launched, service: string) {
  return ext.sw.evaluate(async (name) => {
    const g = globalThis as unknown as {
      subkeeper: { db: { subscriptions: { toArray(): Promise<Array<Record<string, unknown>>> } } };
    };
    return (await g.subkeeper.db.subscriptions.toArray()).find((s) => s.service === name);
  }, service);
}

async function settingsPage(ext: Launched): Promise<Page> {
  const page = await ext.openPage('options.html#/settings');
  await page.getByTestId('household-sync').waitFor();
  return page;
}

const basic = (c: Config) => `Basic ${Buffer.from(`${c.user}:${c.password}`).toString('base64')}`;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  couch = await startCouch();
  extDir = await mkdtemp(path.join(tmpdir(), 'subkeeper-ext-'));
  cpSync(EXTENSION_DIR, extDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [`${new URL(couch.url).origin}/*`];
  writeFileSync(path.join(extDir, 'manifest.json'), JSON.stringify(manifest));
  anna = await launchExtension({ locale: 'en-GB', extensionDir: extDir });
  ola = await launchExtension({ locale: 'en-GB', extensionDir: extDir });
  // Anna and Ola read English but pay in kroner: both chose NOK as main currency (an en-GB browser proposes GBP).
  for (const ext of [anna, ola]) {
    await ext.sw.evaluate(
      async (settings) => {
        const g = globalThis as unknown as {
          subkeeper: { db: { settings: { put(x: unknown): Promise<unknown> } } };
        };
        await g.subkeeper.db.settings.put({ key: 'settings', value: settings });
      },
      { ...DEFAULT_SETTINGS, baseCurrency: 'NOK' },
    );
  }
  for (const ext of [anna, ola]) ext.context.on('request', (r) => requests.push(r.url()));
}, 120_000);

afterAll(async () => {
  await anna?.close();
  await ola?.close();
  await couch?.stop();
  if (extDir) await rm(extDir, { recursive: true, force: true });
});

describe('household sync between two browsers', () => {
  it('Anna creates a household and invites Ola, who joins with the code and its passcode', async () => {
    const page = await settingsPage(anna);
    await page.getByLabel('Server address').fill(couch.url);
    await page.getByLabel('Database name').fill('berg-household');
    await page.getByLabel('Admin user').fill(couch.admin.username);
    await page.getByLabel('Admin password').fill(couch.admin.password);
    await page.getByLabel('Household name (optional)').fill('Berg');
    await page.getByLabel('Your name').fill('Anna');
    await page.getByRole('button', { name: 'Create household' }).click();
    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 30_000 }).toContain('Synced');

    await page.getByLabel('Their name').fill('Ola');
    await page.getByRole('button', { name: 'Create invite' }).click();
    await page.getByTestId('sync-invite-made').waitFor();
    const code = await page.locator('#sync-invite-made-code').inputValue();
    const passcode = (await page.getByTestId('sync-passcode').textContent()) ?? '';
    expect(code).toMatch(/^SK1\./);
    expect(passcode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.getByTestId('household-sync').screenshot({ path: path.join(SHOTS, 'en-sync-invite.png') });
    await page.close();

    const join = await settingsPage(ola);
    await join.getByLabel('Invite code').fill(code);
    await join.getByLabel('Passcode').fill('WRNG-CODE');
    await join.getByRole('button', { name: 'Open invite' }).click();
    await expect.poll(() => join.getByRole('alert').first().textContent()).toContain('passcode does not open');
    await join.getByLabel('Passcode').fill(passcode.toLowerCase());
    await join.getByRole('button', { name: 'Open invite' }).click();
    await expect
      .poll(() => join.getByTestId('sync-join-preview').textContent())
      .toContain(`Join “Berg” on ${new URL(couch.url).host} as Ola.`);
    await join.getByRole('button', { name: 'Join', exact: true }).click();
    await expect.poll(() => join.getByTestId('sync-status').textContent(), { timeout: 30_000 }).toContain('Synced');
    // Both members, each with their browser.
    await expect
      .poll(async () => (await join.getByTestId('sync-member').allTextContents()).sort())
      .toEqual([expect.stringContaining('Anna'), expect.stringContaining('Ola')]);
    await join.getByTestId('household-sync').screenshot({ path: path.join(SHOTS, 'en-sync-settings.png') });
    await join.close();
    // The popup shows the sync status after its first paint.
    const popup = await ola.context.newPage();
    await popup.setViewportSize({ width: 380, height: 560 });
    await popup.goto(`chrome-extension://${ola.extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('sync-status').textContent(), { timeout: 15_000 }).toContain('Synced');
    await popup.screenshot({ path: path.join(SHOTS, 'en-popup-sync.png') });
    await popup.close();
  });

  it('a subscription Anna adds appears live in Ola’s household view', async () => {
    const view = await ola.openPage('options.html#/household');
    await view.getByTestId('household-view').waitFor();
    const page = await anna.openPage('options.html#/add');
    await page.getByLabel('Service').fill('Netflix');
    await page.getByLabel('Price').fill('179,00');
    await page.getByLabel('Currency').selectOption('NOK');
    const next = new Date(Date.now() + 10 * 86400000).toISOString().slice(0, 10);
    await page.getByLabel('Next renewal').fill(next);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/subscription/'));
    await page.close();
    // Live: Ola's open page shows it without reloading.
    await expect
      .poll(() => view.getByTestId('household-item').allTextContents(), { timeout: 30_000 })
      .toEqual([expect.stringMatching(/Netflix.*added by Anna/)]);
    expect(await view.getByTestId('household-total').textContent()).toContain('179.00');
    await view.screenshot({ path: path.join(SHOTS, 'en-dashboard-household-live.png'), fullPage: true });
    await view.close();
  });

  it('edits on both sides while Ola is offline merge field by field', async () => {
    const netflix = await subscription(ola, 'Netflix');
    expect(netflix).toBeDefined();
    const id = String(netflix?.id);

    await ola.context.setOffline(true);
    const olaEdit = await ola.openPage(`options.html#/edit/${id}`);
    await olaEdit.getByLabel('Price', { exact: true }).fill('199,00');
    await olaEdit.getByRole('button', { name: 'Save' }).click();
    await olaEdit.waitForFunction(() => location.hash.startsWith('#/subscription/'));
    await olaEdit.close();
    const offline = await settingsPage(ola);
    await offline.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => offline.getByTestId('sync-status').textContent(), { timeout: 30_000 })
      .toContain('Could not reach the server');
    // The price edit is two changes: the subscription and its entry in the price history (issue 13 item 8).
    expect(await offline.getByTestId('sync-status').textContent()).toContain('2 changes waiting to be sent');
    await offline.getByTestId('household-sync').screenshot({ path: path.join(SHOTS, 'en-sync-offline.png') });

    const annaEdit = await anna.openPage(`options.html#/edit/${id}`);
    await annaEdit.getByLabel('Payment method').fill('Visa');
    await annaEdit.getByRole('button', { name: 'Save' }).click();
    await annaEdit.waitForFunction(() => location.hash.startsWith('#/subscription/'));
    await annaEdit.close();
    await expect.poll(async () => (await subscription(anna, 'Netflix'))?.paymentMethod).toBe('Visa');
    // Anna is online: her change goes to the server by itself, right after the write.
    const edited = new Date().toISOString();
    await expect
      .poll(
        async () => {
          const s = await anna.sw.evaluate(() =>
            (
              globalThis as unknown as { subkeeper: { sync: { status(): { pending: number; lastSyncAt?: string } } } }
            ).subkeeper.sync.status(),
          );
          return s.pending === 0 && (s.lastSyncAt ?? '') >= edited;
        },
        { timeout: 30_000 },
      )
      .toBe(true);

    await ola.context.setOffline(false);
    await offline.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => offline.getByTestId('sync-status').textContent(), { timeout: 30_000 }).toContain('Synced');
    await offline.close();
    const annaSettings = await settingsPage(anna);
    await annaSettings.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(async () => (await subscription(anna, 'Netflix'))?.amountMinor, { timeout: 30_000 }).toBe(19900);
    await annaSettings.close();
    const a = await subscription(anna, 'Netflix');
    const o = await subscription(ola, 'Netflix');
    expect(a).toMatchObject({ amountMinor: 19900, paymentMethod: 'Visa' });
    expect(o).toEqual(a);
  });

  it('stores only ciphertext on the server', async () => {
    const r = await couch.asAdmin('/berg-household/_all_docs?include_docs=true');
    const rows = ((await r.json()) as { rows: Array<{ id: string; doc: Record<string, unknown> }> }).rows.filter(
      (row) => !row.id.startsWith('_'),
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const { doc } of rows) {
      expect(Object.keys(doc).sort()).toEqual(['_id', '_rev', 'ct', 'e', 'iv', 'v']);
      // The random-looking fields are looked at as the bytes they encode: their base64 text can hold a short word
      // such as 'NOK' or 'Ola' by chance.
      const { _id, iv, ct, ...beside } = doc as Record<string, string>;
      const bytes = [_id, iv, ct].map((x) => Buffer.from(String(x), 'base64url'));
      const text = JSON.stringify(beside);
      for (const plain of ['Netflix', '19900', '17900', 'Visa', 'Anna', 'Ola', 'Berg', 'NOK', 'subscriptions']) {
        expect(text).not.toContain(plain);
        for (const b of bytes) expect(b.includes(Buffer.from(plain))).toBe(false);
      }
    }
  });

  it('sets aside a document someone altered on the server, shows it, and changes nothing', async () => {
    const before = await subscription(anna, 'Netflix');
    const listed = await couch.asAdmin('/berg-household/_all_docs?include_docs=true');
    const docs = ((await listed.json()) as { rows: Array<{ id: string; doc: Record<string, string> }> }).rows
      .filter((r) => !r.id.startsWith('_'))
      .map((r) => r.doc);
    // Flip one character of every document's ciphertext: one of them is Netflix.
    for (const doc of docs) {
      const ct = doc.ct as string;
      const altered = { ...doc, ct: `${ct.slice(0, 20)}${ct[20] === 'A' ? 'B' : 'A'}${ct.slice(21)}` };
      await couch.asAdmin(`/berg-household/${doc._id}`, { method: 'PUT', body: JSON.stringify(altered) });
    }
    const page = await settingsPage(anna);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => page.getByTestId('sync-quarantine').textContent(), { timeout: 30_000 })
      .toContain('does not open with the household key');
    expect(await page.getByTestId('sync-status').textContent()).toContain('documents from the server were set aside');
    await page.getByTestId('sync-quarantine').screenshot({ path: path.join(SHOTS, 'en-sync-quarantine.png') });
    expect(await subscription(anna, 'Netflix')).toEqual(before);
    // Dismissed from the list; the data stays as it was.
    await page.getByRole('button', { name: 'Dismiss all' }).click();
    await expect.poll(() => page.getByTestId('sync-quarantine').count()).toBe(0);
    await page.close();
    // The next change from Anna's browser is written over the altered revisions, and the household goes on.
    const edit = await anna.openPage(`options.html#/edit/${String(before?.id)}`);
    await edit.getByLabel('Payment method').fill('Mastercard');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitForFunction(() => location.hash.startsWith('#/subscription/'));
    await edit.close();
  });

  it('Ola leaves; once Anna’s browser syncs, Ola’s login opens nothing', async () => {
    const before = (await readConfig(ola)) as Config;
    expect(before.epoch).toBe(1);
    const page = await settingsPage(ola);
    await page.getByRole('button', { name: 'Leave household' }).click();
    await page.getByRole('button', { name: 'Leave', exact: true }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Create household' }).count(), { timeout: 30_000 })
      .toBe(1);
    expect(await readConfig(ola)).toBeUndefined();
    // Ola keeps what she had.
    expect(await subscription(ola, 'Netflix')).toBeDefined();
    await page.close();

    const manage = await settingsPage(anna);
    await manage.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(async () => (await readConfig(anna))?.epoch, { timeout: 30_000 }).toBe(2);
    const after = (await readConfig(anna)) as Config;
    expect(after.database).toBe('berg-household-k2');
    for (const database of ['berg-household-k2', 'berg-household']) {
      const r = await fetch(`${couch.url}/${database}`, { headers: { authorization: basic(before) } });
      expect(r.status).toBe(401);
    }
    await expect
      .poll(() => manage.getByTestId('sync-member').nth(1).textContent(), { timeout: 30_000 })
      .toContain('removed');
    // Anna goes on syncing with the new key and database.
    await manage.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => manage.getByTestId('sync-status').textContent(), { timeout: 30_000 }).toContain('Synced');
    const annaLogin = await fetch(`${couch.url}/berg-household-k2`, { headers: { authorization: basic(after) } });
    expect(annaLogin.status).toBe(200);
    await manage.close();
  });

  it('made no request to anything but the household’s server', () => {
    const outside = requests.filter(
      (url) => /^https?:/.test(url) && !url.startsWith(`${couch.url}/`) && url !== couch.url,
    );
    expect(requests.some((url) => url.startsWith(`${couch.url}/berg-household`))).toBe(true);
    expect(outside).toEqual([]);
  });
});
