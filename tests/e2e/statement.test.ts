import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Launched, launchExtension, ROOT } from './harness';

/**
 * Importing bank statements in the dashboard, as a user would: a CSV and an .xlsx straight to the recurring payments
 * (read in a Web Worker), a file without a header through the column preview, which is then remembered for the next
 * file from that bank, and a PDF refused with a clear message.
 */
const FIXTURES = path.join(ROOT, 'tests/fixtures/statements/banks');
const SHOTS = path.join(ROOT, 'test-results/screenshots');
type Db = Record<
  string,
  { put(x: unknown): Promise<unknown>; count(): Promise<number>; toArray(): Promise<unknown[]> }
>;

async function choose(page: Page, file: string, mimeType: string) {
  await page
    .locator('#statement-file')
    .setInputFiles({ name: file, mimeType, buffer: readFileSync(path.join(FIXTURES, file)) });
}

describe('bank statement import in the dashboard', () => {
  let ext: Launched;
  let page: Page;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ext = await launchExtension({ locale: 'en-GB' });
    await ext.sw.evaluate(async () => {
      const db = (globalThis as unknown as { subkeeper: { db: Db } }).subkeeper.db;
      await db.settings!.put({
        key: 'settings',
        value: {
          baseCurrency: 'NOK',
          language: 'en',
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
        },
      });
    });
    page = await ext.openPage('options.html#/data');
    await page.waitForFunction(() => performance.getEntriesByName('subkeeper:ready').length > 0);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('reads a DNB CSV in a worker and lists the recurring payments with their charges; adding one saves it', async () => {
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await choose(page, 'no-dnb.csv', 'text/csv');
    await page.getByText('Recurring payments found: 8').waitFor();
    expect(workers.some((u) => u.includes('statement-worker'))).toBe(true);
    expect(await page.getByText('DNB', { exact: true }).count()).toBe(1);
    await page.getByText('Found from 13 charges').first().click();
    await page.screenshot({ path: path.join(SHOTS, 'en-statement-csv.png'), fullPage: true });
    await page.getByRole('button', { name: 'Add Netflix' }).click();
    await page.getByText('Added').waitFor();
    const saved = await ext.sw.evaluate(async () => {
      const db = (globalThis as unknown as { subkeeper: { db: Db } }).subkeeper.db;
      return (await db.subscriptions!.toArray()) as Array<{ service: string; amountMinor: number; period: string }>;
    });
    expect(saved.map((s) => [s.service, s.amountMinor, s.period])).toContainEqual(['Netflix', 19900, 'P1M']);
  });

  it('reads an American Express .xlsx (purchases positive, a header on row 7)', async () => {
    await choose(page, 'no-amex.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await page.getByText('Recurring payments found: 5').waitFor();
    expect(await page.getByRole('button', { name: 'Add Spotify' }).count()).toBe(1);
  });

  it('asks for the columns of a file without a header, then remembers them for the next file from that bank', async () => {
    await choose(page, 'se-sparbank.csv', 'text/csv');
    await page.getByText('Check the columns').waitFor();
    expect(await page.getByLabel('Date').inputValue()).toBe('1');
    await page.getByLabel('Currency', { exact: true }).selectOption('SEK');
    await page.screenshot({ path: path.join(SHOTS, 'en-statement-mapping.png'), fullPage: true });
    await page.getByRole('button', { name: 'Use these columns' }).click();
    await page.getByText('Recurring payments found: 8').waitFor();
    const layouts = await ext.sw.evaluate(async () => {
      const db = (
        globalThis as unknown as {
          subkeeper: { db: { state: { get(k: string): Promise<{ value: unknown } | undefined> } } };
        }
      ).subkeeper.db;
      return (await db.state.get('statement.layouts'))?.value as Record<string, { currency: string }>;
    });
    expect(Object.values(layouts).map((l) => l.currency)).toEqual(['SEK']);
    await choose(page, 'se-sparbank.csv', 'text/csv');
    await page.getByText('Read with the columns you chose for this bank before.').waitFor();
    expect(await page.getByText('Check the columns').count()).toBe(0);
  });

  it('refuses a PDF renamed .csv with a clear message', async () => {
    await page.locator('#statement-file').setInputFiles({
      name: 'statement.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n'),
    });
    await page
      .getByText('This is a PDF. Export the transactions as CSV or Excel from your online bank instead.')
      .waitFor();
    expect(await page.getByText(/Recurring payments found/).count()).toBe(0);
  });
});
