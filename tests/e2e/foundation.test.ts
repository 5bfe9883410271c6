import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/model';
import { COMPILE_HINT, PAGE_SCRIPTS } from '../../wxt.config';
import { EXTENSION_DIR, type Launched, launchExtension, ROOT } from './harness';

/** A newcomer adds a subscription by hand in the dashboard and sees it in the popup. */
describe('foundation: add by hand, see it in the dashboard and the popup', () => {
  let ext: Launched;
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'en-GB' });
    // A newcomer in Norway with an English browser: on the first-run page they chose NOK (GBP was proposed).
    await ext.sw.evaluate(
      async (settings) => {
        const g = globalThis as unknown as { subkeeper: { db: { settings: { put(x: unknown): Promise<unknown> } } } };
        await g.subkeeper.db.settings.put({ key: 'settings', value: settings });
      },
      { ...DEFAULT_SETTINGS, baseCurrency: 'NOK' },
    );
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('loads the extension with the manifest we expect', async () => {
    const manifest = await ext.sw.evaluate(() => {
      const g = globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> } } };
      return g.chrome.runtime.getManifest() as {
        manifest_version: number;
        permissions?: string[];
        host_permissions?: string[];
        optional_permissions?: string[];
      };
    });
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions?.sort()).toEqual(['activeTab', 'alarms', 'notifications', 'storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    // Asked for only when counting days of use is turned on (lib/rights/visit-script.ts).
    expect(manifest.optional_permissions).toEqual(['scripting']);
  });

  it('also builds for Firefox, with its add-on id and no data collection', () => {
    const m = JSON.parse(readFileSync(path.join(ROOT, '.output/firefox-mv3/manifest.json'), 'utf8'));
    expect(m.manifest_version).toBe(3);
    expect(m.browser_specific_settings.gecko.id).toBe('subkeeper@subkeeper.invalid');
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.permissions.sort()).toEqual(['activeTab', 'alarms', 'notifications', 'storage']);
    expect(m.content_scripts[0].js).toEqual(['detector.js']);
  });

  it('puts V8 compile hints first in the scripts that run in web pages, in both builds', () => {
    // Without the hint V8 pre-parses every function and parses it again on its first call: it doubled the content
    // script's cost on pages with nothing to find (wxt.config.ts).
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad');
    expect(PAGE_SCRIPTS).toEqual(['detector.js', 'page-reader.js', 'visit.js']);
    for (const dir of [EXTENSION_DIR, path.join(ROOT, '.output/firefox-mv3')]) {
      for (const file of PAGE_SCRIPTS) {
        const first = readFileSync(path.join(dir, file), 'utf8').split('\n', 1)[0];
        expect(first, `${dir}/${file}`).toBe(COMPILE_HINT);
      }
      // Only there: the extension's own pages and worker load much code they never call.
      expect(readFileSync(path.join(dir, 'background.js'), 'utf8').startsWith(COMPILE_HINT)).toBe(false);
    }
  });

  it('rejects an invalid form with messages beside the fields and saves nothing', async () => {
    const page = await ext.openPage('options.html#/add');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('#e-service').textContent()).toBe('Required.');
    await page.getByLabel('Service').fill('Broken');
    await page.getByLabel('Price').fill('twelve');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('#e-amount').textContent()).toContain('Enter an amount');
    const count = await ext.sw.evaluate(async () => {
      const g = globalThis as unknown as { subkeeper: { db: { subscriptions: { count(): Promise<number> } } } };
      return g.subkeeper.db.subscriptions.count();
    });
    expect(count).toBe(0);
    await page.close();
  });

  it('adds a subscription in the dashboard and shows it with its monthly cost', async () => {
    const page = await ext.openPage('options.html#/add');
    await page.getByLabel('Service').fill('Viaplay');
    await page.getByLabel('Price').fill('1 188,00');
    await page.getByLabel('Currency').selectOption('NOK');
    await page.getByLabel('Billed').selectOption('P1Y');
    const today = new Date().toISOString().slice(0, 10);
    const next = new Date(Date.now() + 10 * 86400000).toISOString().slice(0, 10);
    await page.getByLabel('Next renewal').fill(next);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/subscription/'));
    await page.goto(page.url().replace(/#.*/, '#/subscriptions'));
    const row = page.getByRole('row', { name: /Viaplay/ });
    await expect.poll(() => row.count()).toBe(1);
    // 1 188 kr per year is 99 kr per month.
    expect(await row.textContent()).toContain('99.00');
    await page.goto(page.url().replace(/#.*/, '#/overview'));
    await expect.poll(() => page.getByTestId('monthly-total').textContent()).toContain('99.00');
    expect(await page.getByTestId('yearly-total').textContent()).toContain('1,188.00');
    expect(today < next).toBe(true);
    await page.close();
  });

  it('shows the monthly total and the next renewal in the popup', async () => {
    const popup = await ext.openPage('popup.html');
    await expect.poll(() => popup.getByTestId('popup-monthly-total').textContent()).toContain('99.00');
    const renewals = popup.locator('.renewals li');
    expect(await renewals.count()).toBe(1);
    expect(await renewals.first().textContent()).toMatch(/Viaplay.*1,188\.00.*in 10 days/);
    await popup.close();
  });
});
