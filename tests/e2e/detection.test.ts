import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, type Launched, launchExtension, ROOT, startServer } from './harness';

/** Fixture pages served at their real-looking URLs; the content script runs on them as on the real site. */
const PAGES = path.join(ROOT, 'tests/fixtures/pages');
const fixture = (name: string) => ({
  html: readFileSync(path.join(PAGES, `${name}.html`), 'utf8'),
  url: (JSON.parse(readFileSync(path.join(PAGES, `${name}.meta.json`), 'utf8')) as { url: string }).url,
});
const confirmation = fixture('nb-storytel-confirmation');
const article = fixture('nb-nrk-article-none');

type Sw = {
  subkeeper: {
    db: {
      subscriptions: { toArray(): Promise<Array<Record<string, unknown>>> };
      detections: { count(): Promise<number>; toArray(): Promise<Array<Record<string, unknown>>> };
    };
  };
};

describe('detection end to end', () => {
  let ext: Launched;
  let server: FixtureServer;
  beforeAll(async () => {
    const byUrl = new Map([confirmation, article].map((f) => [new URL(f.url).host + new URL(f.url).pathname, f.html]));
    server = await startServer((host, pathname) => byUrl.get(host + pathname));
    ext = await launchExtension({ mapAllHostsToPort: server.port, locale: 'en-GB' });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('stores nothing from an article page and never throws into it', async () => {
    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(article.url);
    await page.waitForTimeout(1500);
    expect(errors).toEqual([]);
    const count = await ext.sw.evaluate(() => (globalThis as unknown as Sw).subkeeper.db.detections.count());
    expect(count).toBe(0);
    await page.close();
  });

  it('finds the subscription on a confirmation page, proposes it in the inbox, and adds it when the user says so', async () => {
    const page = await ext.context.newPage();
    await page.goto(confirmation.url);
    expect(new URL(page.url()).host).toBe(new URL(confirmation.url).host);
    const finds = () => ext.sw.evaluate(() => (globalThis as unknown as Sw).subkeeper.db.detections.toArray());
    const read = () => ext.sw.evaluate(() => (globalThis as unknown as Sw).subkeeper.db.subscriptions.toArray());
    // A page proposes; nothing becomes a subscription before the user accepts it (pages propose, the user decides).
    await expect.poll(async () => (await finds()).length, { timeout: 15000 }).toBe(1);
    const [find] = await finds();
    expect(find).toMatchObject({
      status: 'pending',
      hostname: 'storytel.com',
      result: { service: { name: 'Storytel' }, subscription: { amountMinor: 22900, currency: 'NOK' } },
    });
    expect(await read()).toEqual([]);

    const dash = await ext.openPage('options.html#/overview');
    await dash.getByRole('button', { name: 'Add Storytel' }).click();
    await expect.poll(read).toHaveLength(1);
    expect((await read())[0]).toMatchObject({
      service: 'Storytel',
      amountMinor: 22900,
      currency: 'NOK',
      status: 'trial',
      source: 'detected',
    });
    await dash.goto(dash.url().replace(/#.*/, '#/subscriptions'));
    await expect.poll(() => dash.getByRole('row', { name: /Storytel/ }).count()).toBe(1);
    await dash.close();
    await page.close();
  });
});
