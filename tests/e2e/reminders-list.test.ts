import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/model';
import { seriousViolations } from './axe';
import { type Launched, launchExtension, ROOT } from './harness';

/**
 * The reminders list in real Chromium (issue 13 item 6): what was shown (the background's history) and what will
 * be shown when; snooze, skip and turning a subscription's reminders off and on again go through the background and
 * show at once; in all four languages.
 */
const SHOTS = path.join(ROOT, 'test-results/screenshots');

type Table = { put(x: unknown): Promise<unknown>; get(k: string): Promise<{ value: unknown } | undefined> };
type Hooks = { subkeeper: { db: Record<string, Table>; resync(): Promise<void> } };

/** Today in the browser's own zone, plus `days`. */
function seed(ext: Launched) {
  return ext.sw.evaluate(async (settings) => {
    const g = globalThis as unknown as Hooks;
    const local = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
    const [y, m, d] = local.format(new Date()).split('-').map(Number) as [number, number, number];
    const day = (n: number) => new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
    const sub = (id: string, service: string, renews: number) => ({
      id,
      service,
      category: 'video',
      amountMinor: 12900,
      currency: 'NOK',
      period: 'P1M',
      status: 'active',
      statusHistory: [],
      billingAnchor: day(renews),
      links: {},
      source: 'manual',
      confirmed: true,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    await g.subkeeper.db.settings!.put({ key: 'settings', value: { ...settings, baseCurrency: 'NOK' } });
    await g.subkeeper.db.subscriptions!.put(sub('a', 'Alfaflix', 3));
    await g.subkeeper.db.subscriptions!.put(sub('b', 'Betabox', 10));
    await g.subkeeper.db.subscriptions!.put(sub('c', 'Cirkus', 20));
    await g.subkeeper.resync();
    return { today: day(0), bDue: day(7), bSnoozed: day(7), cDue: day(17) };
  }, DEFAULT_SETTINGS);
}

const state = (ext: Launched, key: string) =>
  ext.sw.evaluate(async (k) => (await (globalThis as unknown as Hooks).subkeeper.db.state!.get(k))?.value, key);

async function openReminders(ext: Launched): Promise<Page> {
  const page = await ext.openPage('options.html#/reminders');
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  await page.locator('.reminders-view').waitFor();
  return page;
}

/** Opens a row's menu and chooses an action. */
async function act(page: Page, title: string, action: string) {
  const row = page.locator('li.reminder', { hasText: title });
  await row.locator('summary').click();
  await row.getByRole('button', { name: action }).click();
}

describe('the reminders list', () => {
  let ext: Launched;
  let dates: Awaited<ReturnType<typeof seed>>;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ext = await launchExtension({ locale: 'en-GB' });
    dates = await seed(ext);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('lists what was shown and what will be shown when', async () => {
    const page = await openReminders(ext);
    // Alfaflix renews in 3 days: its reminder was shown now, so it is in the history.
    const history = page.locator('section.card', { has: page.getByRole('heading', { name: 'Shown before' }) });
    await expect.poll(() => history.textContent()).toContain('Alfaflix renews in 3 days');
    // Betabox's reminder shows in 7 days, Cirkus's in 17.
    const b = page.locator(`section.reminder-day:has(time[datetime="${dates.bDue}"])`);
    expect(await b.textContent()).toContain('Betabox renews in 3 days');
    const c = page.locator(`section.reminder-day:has(time[datetime="${dates.cDue}"])`);
    expect(await c.textContent()).toContain('Cirkus renews in 3 days');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'en-reminders-list.png'), fullPage: true });
    await page.close();
  });

  it('snoozes, skips, and turns a subscription’s reminders off and on', async () => {
    const page = await openReminders(ext);
    await act(page, 'Betabox renews in 3 days', 'Snooze 1 week');
    const snoozedRow = page.locator('li.reminder', { hasText: 'Betabox renews' });
    await expect.poll(() => snoozedRow.textContent()).toContain('snoozed');
    const snoozed = (await state(ext, 'reminders.snoozed')) as Record<string, { until: string }>;
    expect(Object.entries(snoozed).map(([id, s]) => [id.split(':')[1], s.until])).toEqual([['b', dates.bSnoozed]]);

    await act(page, 'Cirkus renews in 3 days', 'Skip this reminder');
    await expect.poll(() => page.locator('li.reminder', { hasText: 'Cirkus renews' }).count()).toBe(0);
    const fired = (await state(ext, 'reminders.fired')) as Record<string, unknown>;
    expect(Object.keys(fired).some((id) => id.startsWith('renewal:c:'))).toBe(true);

    await act(page, 'Betabox renews', 'No reminders for Betabox');
    const off = page.locator('section.card', { has: page.getByRole('heading', { name: 'Turned off' }) });
    await expect.poll(() => off.textContent()).toContain('Betabox');
    expect(await page.locator('li.reminder', { hasText: 'Betabox renews' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Turn reminders on again for Betabox' }).click();
    await expect.poll(() => page.locator('li.reminder', { hasText: 'Betabox renews' }).count()).toBe(1);
    await page.close();
  });

  for (const [lang, title, history] of [
    ['nb', 'Kommende påminnelser', 'Vist tidligere'],
    ['sv', 'Kommande påminnelser', 'Visade tidigare'],
    ['da', 'Kommende påmindelser', 'Vist tidligere'],
  ] as const) {
    it(`speaks ${lang}`, async () => {
      await ext.sw.evaluate(async (l) => {
        const db = (globalThis as unknown as Hooks).subkeeper.db;
        const row = (await db.settings!.get('settings')) as { value: Record<string, unknown> };
        await db.settings!.put({ key: 'settings', value: { ...row.value, language: l } });
      }, lang);
      const page = await openReminders(ext);
      expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe(title);
      expect(await page.getByRole('heading', { name: history }).count()).toBe(1);
      expect(await page.locator('nav a[aria-current="page"]').getAttribute('href')).toBe('#/reminders');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `${lang}-reminders-list.png`), fullPage: true });
      await page.close();
    });
  }
});
