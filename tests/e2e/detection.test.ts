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
      detections: { count(): Promise<number> };
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

  it('finds the subscription on a confirmation page and shows it in the dashboard', async () => {
    const page = await ext.context.newPage();
    await page.goto(confirmation.url);
    expect(new URL(page.url()).host).toBe(new URL(confirmation.url).host);
    const read = () => ext.sw.evaluate(() => (globalThis as unknown as Sw).subkeeper.db.subscriptions.toArray());
    await expect.poll(read, { timeout: 15000 }).toHaveLength(1);
    const [sub] = await read();
    expect(sub).toMatchObject({
      service: 'Storytel',
      amountMinor: 22900,
      currency: 'NOK',
      status: 'trial',
      source: 'detected',
      confirmed: false,
    });

    const dash = await ext.openPage('options.html#/subscriptions');
    await expect.poll(() => dash.getByRole('row', { name: /Storytel/ }).count()).toBe(1);
    expect(await dash.getByRole('row', { name: /Storytel/ }).textContent()).toContain('found, not confirmed');
    // Accept it from the inbox.
    await dash.getByRole('button', { name: 'Track Storytel' }).click();
    await expect.poll(async () => (await read())[0]?.confirmed).toBe(true);
    await dash.close();
    await page.close();
  });
});
