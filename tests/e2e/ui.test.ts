import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/demo';
import { type Launched, launchExtension, ROOT } from './harness';

/**
 * The popup and every dashboard view in all four languages: axe-core finds no serious or critical violation,
 * the page shows text in the chosen language, and a screenshot is saved to test-results/screenshots/.
 */
const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SHOTS = path.join(ROOT, 'test-results/screenshots');
const LANGS = [
  { lang: 'en', nav: 'Overview' },
  { lang: 'nb', nav: 'Oversikt' },
  { lang: 'sv', nav: 'Översikt' },
  { lang: 'da', nav: 'Oversigt' },
] as const;
const VIEWS = [
  'overview',
  'subscriptions',
  'calendar',
  'reminders',
  'charts',
  'household',
  'data',
  'settings',
  'add',
] as const;

type Db = Record<
  string,
  { clear(): Promise<void>; bulkPut(x: unknown[]): Promise<unknown>; put(x: unknown): Promise<unknown> }
>;

async function axeViolations(page: Page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            o: unknown,
          ): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('popup and dashboard in four languages', () => {
  let ext: Launched;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ext = await launchExtension({ locale: 'en-GB' });
    const today = new Date().toISOString().slice(0, 10);
    const demo = generateDemo({ subscriptions: 36, charges: 700, today });
    await ext.sw.evaluate(async (b) => {
      const db = (globalThis as unknown as { subkeeper: { db: Db } }).subkeeper.db;
      await db.subscriptions!.bulkPut(b.subscriptions);
      await db.charges!.bulkPut(b.charges);
      await db.priceChanges!.bulkPut(b.priceChanges);
      await db.members!.bulkPut(b.members);
    }, demo);
  });
  afterAll(async () => {
    await ext?.close();
  });

  for (const { lang, nav } of LANGS) {
    it(`${lang}: every view passes axe and is in ${lang}`, async () => {
      await ext.sw.evaluate(async (l) => {
        const db = (globalThis as unknown as { subkeeper: { db: Db } }).subkeeper.db;
        const settings = {
          baseCurrency: 'NOK',
          language: l,
          reminders: {
            renewalDays: 3,
            yearlyRenewalDays: 14,
            trialDays: [3, 1],
            introEnd: true,
            priceIncrease: true,
            weeklyDigest: false,
            enabled: true,
          },
          detection: { enabled: true, neverSites: [], onlyKnownServices: false },
        };
        await db.settings!.put({ key: 'settings', value: settings });
      }, lang);
      const failures: string[] = [];
      const firstId = await ext.sw.evaluate(async () => {
        const db = (
          globalThis as unknown as {
            subkeeper: { db: { subscriptions: { toCollection(): { first(): Promise<{ id: string }> } } } };
          }
        ).subkeeper.db;
        return (await db.subscriptions.toCollection().first()).id;
      });
      for (const view of [...VIEWS, `subscription/${firstId}`]) {
        const page = await ext.openPage(`options.html#/${view}`);
        await page.waitForFunction(() => performance.getEntriesByName('subkeeper:ready').length > 0);
        await page.waitForTimeout(view === 'charts' ? 800 : 150);
        expect(await page.getByRole('navigation').textContent()).toContain(nav);
        expect(await page.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${lang}`));
        await page.screenshot({
          path: path.join(SHOTS, `${lang}-dashboard-${view.split('/')[0]}.png`),
          fullPage: view !== 'subscriptions',
        });
        for (const v of await axeViolations(page)) failures.push(`${lang} ${view}: ${v}`);
        await page.close();
      }
      const popup = await ext.context.newPage();
      await popup.setViewportSize({ width: 380, height: 560 });
      await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
      await popup.waitForFunction(() => performance.getEntriesByName('subkeeper:ready').length > 0);
      await popup.screenshot({ path: path.join(SHOTS, `${lang}-popup.png`) });
      for (const v of await axeViolations(popup)) failures.push(`${lang} popup: ${v}`);
      await popup.close();
      expect(failures).toEqual([]);
    });
  }

  it('follows the system dark mode', async () => {
    const page = await ext.openPage('options.html#/overview');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => performance.getEntriesByName('subkeeper:ready').length > 0);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(18, 21, 19)');
    await page.screenshot({ path: path.join(SHOTS, 'dark-dashboard-overview.png') });
    for (const v of await axeViolations(page)) expect(v).toBe('');
    await page.close();
  });
});
