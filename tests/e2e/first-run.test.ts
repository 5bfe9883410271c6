import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { type Launched, launchExtension, ROOT } from './harness';

/**
 * A new user's first run in real Chromium, in each of the four languages (the browser started with `--lang` and the
 * matching locale): installing opens the first-run page in the browser's language with the browser's currency and
 * "kr" proposed; the empty popup says how to start; saving the settings stores them; "add your first" leads to the
 * form, where a free trial is one step and a price typed with "kr" takes the user's krone; the popup then says
 * what the trial will cost. Screenshots go to test-results/screenshots/.
 */
const SHOTS = path.join(ROOT, 'test-results/screenshots');

const CASES = [
  {
    lang: 'en',
    locale: 'en-GB',
    title: 'Welcome to Subkeeper',
    base: 'GBP',
    krone: 'NOK',
    save: 'Save and continue',
    saved: 'Saved.',
    add: 'Add your first subscription',
    empty: 'No subscriptions yet',
    hasTrial: 'Starts with a free trial',
    week: '1 week',
    price: 'Price after the trial',
    typed: '7.99',
    currency: 'GBP',
    afterTrial: /free trial ends, then £7\.99 per month/,
  },
  {
    lang: 'nb',
    locale: 'nb-NO',
    title: 'Velkommen til Subkeeper',
    base: 'NOK',
    krone: 'NOK',
    save: 'Lagre og fortsett',
    saved: 'Lagret.',
    add: 'Legg til ditt første abonnement',
    empty: 'Ingen abonnementer ennå',
    hasTrial: 'Starter med en gratis prøveperiode',
    week: '1 uke',
    price: 'Pris etter prøveperioden',
    typed: '149 kr',
    currency: 'NOK',
    afterTrial: /prøveperioden slutter, deretter 149,00\skr per måned/,
  },
  {
    lang: 'sv',
    locale: 'sv-SE',
    title: 'Välkommen till Subkeeper',
    base: 'SEK',
    krone: 'SEK',
    save: 'Spara och fortsätt',
    saved: 'Sparat.',
    add: 'Lägg till din första prenumeration',
    empty: 'Inga prenumerationer ännu',
    hasTrial: 'Börjar med en gratis provperiod',
    week: '1 vecka',
    price: 'Pris efter provperioden',
    typed: '149 kr',
    currency: 'SEK',
    afterTrial: /provperioden tar slut, sedan 149,00\skr per månad/,
  },
  {
    lang: 'da',
    locale: 'da-DK',
    title: 'Velkommen til Subkeeper',
    base: 'DKK',
    krone: 'DKK',
    save: 'Gem og fortsæt',
    saved: 'Gemt.',
    add: 'Tilføj dit første abonnement',
    empty: 'Ingen abonnementer endnu',
    hasTrial: 'Starter med en gratis prøveperiode',
    week: '1 uge',
    price: 'Pris efter prøveperioden',
    typed: '149 kr.',
    currency: 'DKK',
    afterTrial: /prøveperioden slutter, derefter 149,00\skr\. pr\. måned/,
  },
] as const;

type Hooks = {
  subkeeper: { db: { settings: { get(k: string): Promise<{ value: Record<string, unknown> } | undefined> } } };
};

/** The page the background opened on install (it may open a moment after the worker starts). */
async function welcomePage(ext: Launched, locale: string): Promise<Page> {
  const open = () => ext.context.pages().find((p) => p.url().endsWith('/welcome.html'));
  const page =
    open() ??
    (await ext.context.waitForEvent('page', {
      predicate: (p) => p.url().endsWith('/welcome.html'),
      timeout: 30000,
    }));
  await page.waitForFunction(() => performance.getEntriesByName('subkeeper:ready').length > 0);
  // Playwright emulates the browser's languages per page; on a page the extension itself opened, that can arrive
  // after the page's first script read navigator.languages. A user's browser has its languages from the start:
  // once the emulation is in place, the page is loaded again, as it would have been.
  await page.waitForFunction((tag) => navigator.languages[0] === tag, locale);
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('subkeeper:ready').length > 0);
  return page;
}

const storedSettings = (ext: Launched) =>
  ext.sw.evaluate(async () => (await (globalThis as unknown as Hooks).subkeeper.db.settings.get('settings'))?.value);

describe('first run in four languages', () => {
  for (const c of CASES) {
    it(`${c.lang}: install opens the first-run page, settings are confirmed, the first subscription is a trial`, async () => {
      mkdirSync(SHOTS, { recursive: true });
      const ext = await launchExtension({ locale: c.locale });
      try {
        // 1. Installing opened the first-run page, in the browser's language, with its currency proposed.
        const welcome = await welcomePage(ext, c.locale);
        await welcome.setViewportSize({ width: 1280, height: 900 });
        expect(await welcome.getByRole('heading', { level: 1 }).textContent()).toBe(c.title);
        expect(await welcome.evaluate(() => document.documentElement.lang)).toBe(c.locale);
        expect(await welcome.locator('#w-currency').inputValue()).toBe(c.base);
        expect(await welcome.locator('#w-krone').inputValue()).toBe(c.krone);
        expect(await seriousViolations(welcome)).toEqual([]);
        await welcome.screenshot({ path: path.join(SHOTS, `${c.lang}-welcome.png`), fullPage: true });
        // Nothing is stored until the user saves.
        expect(await storedSettings(ext)).toBeUndefined();

        // 2. The popup, before anything is tracked, says how to start (no zeros).
        const popup = await ext.context.newPage();
        await popup.setViewportSize({ width: 380, height: 560 });
        await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
        await popup.waitForFunction(() => performance.getEntriesByName('subkeeper:ready').length > 0);
        expect(await popup.getByTestId('popup-empty').textContent()).toContain(c.empty);
        expect(await popup.getByTestId('popup-monthly-total').count()).toBe(0);
        await popup.screenshot({ path: path.join(SHOTS, `${c.lang}-popup-empty.png`) });
        await popup.close();

        // 3. Saving stores what was proposed.
        await welcome.getByRole('button', { name: c.save }).click();
        await expect.poll(() => welcome.getByRole('status').textContent()).toContain(c.saved);
        expect(await storedSettings(ext)).toMatchObject({ baseCurrency: c.base, krone: c.krone });

        // 4. "Add your first" leads to the form; a free trial is one step, "kr" is the user's krone.
        await welcome.getByRole('link', { name: new RegExp(c.add) }).click();
        await welcome.waitForURL(/options\.html#\/add$/);
        await welcome.getByLabel(c.hasTrial).waitFor();
        await welcome.locator('#f-service').fill('Streamo');
        await welcome.getByLabel(c.hasTrial).check();
        await welcome.getByRole('button', { name: c.week, exact: true }).click();
        await welcome.getByLabel(c.price).fill(c.typed);
        await welcome.getByLabel(c.price).blur();
        expect(await welcome.locator('#f-currency').inputValue()).toBe(c.currency);
        await welcome.locator('form.sub-form button[type="submit"]').click();
        await welcome.waitForURL(/#\/subscription\//);

        // 5. The popup says what the trial will cost after it ends, and keeps it out of this month's total.
        const after = await ext.context.newPage();
        await after.setViewportSize({ width: 380, height: 600 });
        await after.goto(`chrome-extension://${ext.extensionId}/popup.html`);
        await after.waitForFunction(() => performance.getEntriesByName('subkeeper:ready').length > 0);
        await expect.poll(async () => (await after.locator('li.ending').textContent()) ?? '').toMatch(c.afterTrial);
        expect(await after.getByTestId('popup-after-trials').count()).toBe(1);
        expect(await seriousViolations(after)).toEqual([]);
        await after.screenshot({ path: path.join(SHOTS, `${c.lang}-popup-trial.png`) });

        // 6. The other ways to start lead to their part of Import & export, scrolled into view.
        for (const section of ['statement', 'mail', 'backup'] as const) {
          await welcome.goto(`chrome-extension://${ext.extensionId}/welcome.html`);
          await welcome.waitForFunction(() => performance.getEntriesByName('subkeeper:ready').length > 0);
          await welcome.locator(`.get-started a[href$="#/data/${section}"]`).click();
          await welcome.waitForURL(new RegExp(`#/data/${section}$`));
          await expect
            .poll(() =>
              welcome.locator(`#data-${section}`).evaluate((el) => {
                // At the top of the window, or the page scrolled as far as it goes towards it.
                const r = el.getBoundingClientRect();
                const end = document.documentElement.scrollHeight - innerHeight;
                return r.height > 0 && r.top < innerHeight && (Math.abs(r.top) < 2 || scrollY >= end - 2);
              }),
            )
            .toBe(true);
        }
      } finally {
        await ext.close();
      }
    });
  }
});
