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

  it('finds the subscription on a confirmation page and proposes it, once, in the inbox; adding it tracks it', async () => {
    const page = await ext.context.newPage();
    await page.goto(confirmation.url);
    expect(new URL(page.url()).host).toBe(new URL(confirmation.url).host);
    const pending = () =>
      ext.sw.evaluate(() =>
        (globalThis as unknown as Sw).subkeeper.db.detections
          .toArray()
          .then((ds) => ds.filter((d) => d.status === 'pending')),
      );
    await expect.poll(pending, { timeout: 15000 }).toHaveLength(1);
    const [d] = await pending();
    expect(d?.proposal).toMatchObject({
      type: 'new',
      subscription: { service: 'Storytel', amountMinor: 22900, currency: 'NOK', status: 'trial' },
    });
    // Not the user's until added: no subscription, nothing in the totals or the table.
    const subs = () => ext.sw.evaluate(() => (globalThis as unknown as Sw).subkeeper.db.subscriptions.toArray());
    expect(await subs()).toHaveLength(0);

    const dash = await ext.openPage('options.html#/subscriptions');
    await expect.poll(() => dash.getByTestId('inbox-waiting').count()).toBe(1);
    expect(await dash.getByRole('row', { name: /Storytel/ }).count()).toBe(0);
    await dash.goto(dash.url().replace('#/subscriptions', '#/overview'));
    // Shown once: one entry in the inbox.
    await expect.poll(() => dash.locator('.inbox-item', { hasText: 'Storytel' }).count()).toBe(1);
    await dash.getByRole('button', { name: 'Add Storytel' }).click();
    await expect
      .poll(async () => (await subs())[0])
      .toMatchObject({
        service: 'Storytel',
        amountMinor: 22900,
        confirmed: true,
        source: 'detected',
      });
    await expect.poll(() => dash.locator('.inbox-item').count()).toBe(0);
    await dash.close();
    await page.close();
  });
});
