/**
 * Benchmarks in real Chromium (Debian's), with the built extension. Prints numbers; asserts nothing.
 *   npm run build:e2e && npm run bench   (the test build: the benchmark reads the database through its hooks)
 * 1. Content-script cost per page load: extra main-thread script time (CDP Performance.getMetrics
 *    ScriptDuration) with the extension vs. without, on a large article with no subscription and on a 2 MB page
 *    with one. Median over N loads each.
 * 2. Popup: time to first paint with data, 500 subscriptions.
 * 3. Dashboard: time to first paint with data, 1,000 subscriptions and 50,000 charges; search and sort response.
 * 4. Data: importing a 10,000-row CSV file through the dashboard (choose the file → preview; click → all saved).
 * 5. Mail: a generated 500 MB mailbox of 20,000 messages read in Node and in the dashboard (bench/mbox.ts).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { detectFromSnapshot } from '../lib/detect';
import type { PageData } from '../lib/detect/dom';
import { extractPage } from '../lib/detect/dom';
import { loadHtml } from '../lib/detect/load';
import { DIRECTORY_OPTIONS } from '../lib/directory';
import { exportSubscriptionsCsv } from '../lib/io/csv';
import { generateDemo } from '../scripts/demo';
import { EXTENSION_DIR, type Launched, launchExtension, startServer } from '../tests/e2e/harness';
import { articlePage, bigSubscriptionPage, plainPage } from './pages';

const N = Number(process.env.BENCH_RUNS ?? 15);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function scriptDuration(context: BrowserContext, url: string, referer?: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load', ...(referer ? { referer } : {}) });
  await page.waitForTimeout(300);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await page.close();
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

async function contentScriptCost() {
  const pages: Record<string, string> = { '/article': articlePage(600), '/big': bigSubscriptionPage() };
  const server = await startServer((_h, p) => pages[p]);
  const url = (p: string) =>
    p === '/known' || p === '/known-internal'
      ? 'https://www.netflix.com/browse/article'
      : `https://www.nyheter.example/${p.slice(1)}`;
  // A catalogue page with nothing to detect, at an unknown host and on a directory service's site: on the latter the
  // content script also reports a visit (lib/rights/usage), so the difference between the two is what that costs.
  pages['/plain'] = plainPage();
  pages['/known'] = pages['/plain'];
  pages['/browse/article'] = pages['/plain'];
  const withExt = await launchExtension({ mapAllHostsToPort: server.port });
  const without = await launchExtension({ mapAllHostsToPort: server.port, withoutExtension: true });
  for (const [name, p] of [
    ['large article, no subscription', '/article'],
    ['2 MB page with a subscription', '/big'],
    ['catalogue page, unknown site', '/plain'],
    ['the same page on a directory service’s site, a visit starts (one is reported)', '/known'],
    ['… reached from another page of that site (nothing reported)', '/known-internal'],
  ] as const) {
    const a: number[] = [];
    const b: number[] = [];
    const referer = p === '/known-internal' ? 'https://www.netflix.com/browse' : undefined;
    for (let i = 0; i < N; i++) {
      a.push(await scriptDuration(withExt.context, url(p), referer));
      b.push(await scriptDuration(without.context, url(p), referer));
    }
    const bytes = Buffer.byteLength(pages[p === '/known-internal' ? '/known' : p]!);
    console.log(
      `content script, ${name} (${(bytes / 1024 / 1024).toFixed(2)} MB): extra script time median ${ms(median(a) - median(b))} (with ${ms(median(a))}, without ${ms(median(b))}, n=${N})`,
    );
  }
  // The figures above only mean something if the 2 MB page really was read and detected: the background must
  // have stored what it found there.
  const found = await withExt.sw.evaluate(async () => {
    const db = (globalThis as unknown as { subkeeper: { db: Record<string, { count(): Promise<number> }> } }).subkeeper
      .db;
    return (await db.detections!.count()) + (await db.subscriptions!.count());
  });
  console.log(`  (check: the background stored ${found} detection(s) from these page loads)`);
  await withExt.close();
  await without.close();
  await server.close();
  backgroundDetection(pages['/big']!);
  const size = statSync(path.join(EXTENSION_DIR, 'detector.js')).size;
  const reader = statSync(path.join(EXTENSION_DIR, 'page-reader.js')).size;
  console.log(
    `content script bundle: detector.js ${(size / 1024).toFixed(1)} KB; page-reader.js (only after a gate hit) ${(reader / 1024).toFixed(1)} KB`,
  );
}

/**
 * The detection itself runs in the background, off the page's main thread. Its cost per page, measured here in
 * Node (the same V8) on the page data the content script sends: the first page after the worker started
 * (lexicon built, code cold) and the median of the pages after it.
 */
function backgroundDetection(html: string) {
  const { document, close } = loadHtml(html, 'https://www.viaplay.no/konto/betalinger');
  const snapshot = JSON.parse(JSON.stringify(extractPage(document))) as PageData;
  void close();
  const url = 'https://www.viaplay.no/konto/betalinger';
  const today = new Date().toISOString().slice(0, 10);
  const times: number[] = [];
  let kind = '';
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    kind = detectFromSnapshot(snapshot, url, today, DIRECTORY_OPTIONS).kind;
    times.push(performance.now() - t0);
  }
  console.log(
    `detection in the background (Node, 2 MB page's data, kind '${kind}'): first page ${ms(times[0]!)}, later pages median ${ms(median(times.slice(1)))}`,
  );
}

async function seed(ext: Launched, subscriptions: number, charges: number) {
  const today = new Date().toISOString().slice(0, 10);
  const backup = generateDemo({ subscriptions, charges, today });
  await ext.sw.evaluate(async (b) => {
    const db = (
      globalThis as unknown as {
        subkeeper: { db: Record<string, { clear(): Promise<void>; bulkPut(x: unknown[]): Promise<unknown> }> };
      }
    ).subkeeper.db;
    for (const t of ['subscriptions', 'charges', 'priceChanges', 'members']) await db[t]!.clear();
    await db.subscriptions!.bulkPut(b.subscriptions);
    await db.charges!.bulkPut(b.charges);
    await db.priceChanges!.bulkPut(b.priceChanges);
    await db.members!.bulkPut(b.members);
  }, backup);
}

/** Milliseconds from navigation start to the first paint with data, and from Subkeeper's first line to it. */
async function readyTimes(page: Page): Promise<[number, number]> {
  await page.waitForFunction(() => performance.getEntriesByName('subkeeper:ready').length > 0, null, {
    timeout: 30000,
  });
  return page.evaluate(() => {
    const ready = performance.getEntriesByName('subkeeper:ready')[0]!.startTime;
    const start = performance.getEntriesByName('subkeeper:start')[0]?.startTime ?? 0;
    return [ready, ready - start] as [number, number];
  });
}

async function popupAndDashboard() {
  const ext = await launchExtension();
  await seed(ext, 500, 5000);
  const popup: number[] = [];
  const popupOwn: number[] = [];
  for (let i = 0; i < N; i++) {
    const page = await ext.openPage('popup.html');
    const [total, own] = await readyTimes(page);
    popup.push(total);
    popupOwn.push(own);
    await page.close();
  }
  console.log(
    `popup, 500 subscriptions: first paint with data median ${ms(median(popup))} after navigation start, ${ms(median(popupOwn))} of it Subkeeper's own code (n=${N})`,
  );

  await seed(ext, 1000, 50000);
  const dash: number[] = [];
  const dashOwn: number[] = [];
  const search: number[] = [];
  const sort: number[] = [];
  for (let i = 0; i < Math.min(N, 7); i++) {
    const page = await ext.openPage('options.html#/subscriptions');
    const [total, own] = await readyTimes(page);
    dash.push(total);
    dashOwn.push(own);
    await page.waitForSelector('table.subs tbody tr');
    const timing = (fn: string) =>
      page.evaluate(async (code) => {
        const t0 = performance.now();
        new Function(code)();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      }, fn);
    search.push(
      await timing(
        `const i=document.querySelector('input[type=search]'); i.value='net'; i.dispatchEvent(new Event('input',{bubbles:true}));`,
      ),
    );
    await timing(
      `const i=document.querySelector('input[type=search]'); i.value=''; i.dispatchEvent(new Event('input',{bubbles:true}));`,
    );
    sort.push(await timing(`document.querySelectorAll('button.sort')[1].click();`));
    await page.close();
  }
  console.log(
    `dashboard, 1,000 subscriptions + 50,000 charges: first paint with data median ${ms(median(dash))} after navigation start, ${ms(median(dashOwn))} of it Subkeeper's own code`,
  );
  console.log(
    `dashboard: search over 1,000 rows responds in median ${ms(median(search))}; sort by cost ${ms(median(sort))}`,
  );
  await ext.close();
}

/** A 10,000-row CSV file (Norwegian style) imported through the Data view, over 1,000 stored subscriptions. */
async function csvImport() {
  const ext = await launchExtension();
  await seed(ext, 1000, 5000);
  const today = new Date().toISOString().slice(0, 10);
  const rows = generateDemo({ subscriptions: 10000, charges: 0, today }).subscriptions.map((s, i) => ({
    ...s,
    service: `${s.service} ${i}`,
  }));
  const csv = exportSubscriptionsCsv(rows, { today, lang: 'nb' });
  const preview: number[] = [];
  const save: number[] = [];
  for (let i = 0; i < Math.min(N, 3); i++) {
    const page = await ext.openPage('options.html#/data');
    await page.waitForSelector('#csv-file');
    const t0 = Date.now();
    await page.setInputFiles('#csv-file', { name: 'subs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const button = page.getByRole('button', { name: /^Import \d+/ });
    await button.waitFor({ timeout: 120000 });
    preview.push(Date.now() - t0);
    const t1 = Date.now();
    await button.click();
    await page.getByText(/subscriptions imported/).waitFor({ timeout: 300000 });
    save.push(Date.now() - t1);
    await page.close();
    await seed(ext, 1000, 5000);
  }
  const count = await ext.sw.evaluate(() =>
    (
      globalThis as unknown as { subkeeper: { db: { subscriptions: { count(): Promise<number> } } } }
    ).subkeeper.db.subscriptions.count(),
  );
  console.log(
    `CSV import, 10,000 rows over 1,000 stored: file to preview median ${ms(median(preview))}; import click to done ${ms(median(save))} (n=${preview.length}; ${count} stored after the last reseed)`,
  );
  await ext.close();
}

// BENCH_ONLY=content, ui, data or mail runs one part.
const only = process.env.BENCH_ONLY;
if (!only || only === 'content') await contentScriptCost();
if (!only || only === 'ui') await popupAndDashboard();
if (!only || only === 'data') await csvImport();
if (!only || only === 'mail') {
  const { chromiumRun, ensureMbox, nodeRun } = await import('./mbox');
  const file = process.env.BENCH_MBOX ?? '/tmp/subkeeper-bench.mbox';
  await ensureMbox(file);
  await nodeRun(file);
  await chromiumRun(file);
}
