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
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { detectFromSnapshot } from '../lib/detect';
import type { PageData } from '../lib/detect/dom';
import { extractPage } from '../lib/detect/dom';
import { loadHtml } from '../lib/detect/load';
import { DIRECTORY_OPTIONS } from '../lib/directory';
import { exportSubscriptionsCsv } from '../lib/io/csv';
import { generateDemo } from '../scripts/demo';
import { EXTENSION_DIR, type Launched, launchExtension } from '../tests/e2e/harness';
import { median, pageCost } from './page-cost';
import { bigSubscriptionPage } from './pages';

const N = Number(process.env.BENCH_RUNS ?? 15);
const ms = (x: number) => `${x.toFixed(2)} ms`;

function bundleSizes() {
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

/**
 * Milliseconds from navigation start to the first frame with data (`subkeeper:first`: from the storage.local
 * summary when there is a usable one, else the same as ready) and to the database's data (`subkeeper:ready`).
 */
async function paintTimes(page: Page): Promise<{ first: number; ready: number }> {
  await page.waitForFunction(() => performance.getEntriesByName('subkeeper:ready').length > 0, null, {
    timeout: 60000,
  });
  return page.evaluate(() => {
    const ready = performance.getEntriesByName('subkeeper:ready')[0]!.startTime;
    const first = performance.getEntriesByName('subkeeper:first')[0]?.startTime ?? ready;
    return { first: Math.min(first, ready), ready };
  });
}

/** Waits until the background has made the first-paint summary for what was just seeded (lib/app/paint-summary). */
async function summaryReady(ext: Launched) {
  for (let i = 0; i < 100; i++) {
    const ok = await ext.sw.evaluate(async () => {
      type Stored = { 'paint.summary'?: { stamp?: string }; 'paint.stamp'?: string };
      const g = globalThis as unknown as { chrome: { storage: { local: { get(k: string[]): Promise<Stored> } } } };
      const s = await g.chrome.storage.local.get(['paint.summary', 'paint.stamp']);
      return s['paint.summary']?.stamp !== undefined && s['paint.summary'].stamp === s['paint.stamp'];
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** CPU burners: `n` Node processes spinning, for the busy-machine runs. */
function burn(n: number): () => void {
  const kids = Array.from({ length: n }, () =>
    spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore', detached: false }),
  );
  return () => {
    for (const k of kids) k.kill('SIGKILL');
  };
}

const spread = (xs: number[]) => `${ms(median(xs))} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

/**
 * Popup (500 subscriptions) and dashboard (1,000 subscriptions + 50,000 charges) first paint, on an idle machine and
 * with BENCH_BURNERS (default 2) CPU-burning processes running. With BENCH_BEFORE=/path/to/an/older e2e build, the
 * same loads are made in it, alternated, under the same load.
 */
async function popupAndDashboard() {
  const builds: Array<[string, Launched]> = [['now', await launchExtension()]];
  if (process.env.BENCH_BEFORE) {
    builds.push(['before', await launchExtension({ extensionDir: process.env.BENCH_BEFORE })]);
  }
  const burners = Number(process.env.BENCH_BURNERS ?? 2);
  for (const [, ext] of builds) await seed(ext, 500, 5000);
  await summaryReady(builds[0]![1]);
  for (const busy of [false, true]) {
    const stop = busy ? burn(burners) : () => {};
    const label = busy ? `busy (${burners} CPU-burning processes)` : 'idle';
    try {
      const t: Record<string, { first: number[]; ready: number[] }> = {};
      for (let i = 0; i < N; i++) {
        for (const [name, ext] of i % 2 ? [...builds].reverse() : builds) {
          const page = await ext.openPage('popup.html');
          const x = await paintTimes(page);
          t[name] ??= { first: [], ready: [] };
          t[name]!.first.push(x.first);
          t[name]!.ready.push(x.ready);
          await page.close();
        }
      }
      for (const [name, x] of Object.entries(t)) {
        console.log(
          `popup, 500 subscriptions, ${label}, ${name}: first paint with data ${spread(x.first)}, the database's data ${spread(x.ready)} after navigation start (median (min–max), n=${N})`,
        );
      }
    } finally {
      stop();
    }
  }

  for (const [, ext] of builds) await seed(ext, 1000, 50000);
  await summaryReady(builds[0]![1]);
  const D = Math.min(N, 9);
  for (const busy of [false, true]) {
    const stop = busy ? burn(burners) : () => {};
    const label = busy ? `busy (${burners} CPU-burning processes)` : 'idle';
    try {
      const t: Record<string, { first: number[]; ready: number[]; search: number[]; sort: number[] }> = {};
      for (let i = 0; i < D; i++) {
        for (const [name, ext] of i % 2 ? [...builds].reverse() : builds) {
          const page = await ext.openPage('options.html#/subscriptions');
          const x = await paintTimes(page);
          t[name] ??= { first: [], ready: [], search: [], sort: [] };
          t[name]!.first.push(x.first);
          t[name]!.ready.push(x.ready);
          await page.waitForSelector('table.subs tbody tr');
          const timing = (fn: string) =>
            page.evaluate(async (code) => {
              const t0 = performance.now();
              new Function(code)();
              await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
              return performance.now() - t0;
            }, fn);
          t[name]!.search.push(
            await timing(
              `const i=document.querySelector('input[type=search]'); i.value='net'; i.dispatchEvent(new Event('input',{bubbles:true}));`,
            ),
          );
          await timing(
            `const i=document.querySelector('input[type=search]'); i.value=''; i.dispatchEvent(new Event('input',{bubbles:true}));`,
          );
          t[name]!.sort.push(await timing(`document.querySelectorAll('button.sort')[1].click();`));
          await page.close();
        }
      }
      for (const [name, x] of Object.entries(t)) {
        console.log(
          `dashboard, 1,000 subscriptions + 50,000 charges, ${label}, ${name}: first paint with data ${spread(x.first)}, the table with the database's data ${spread(x.ready)}; search ${spread(x.search)}, sort by cost ${spread(x.sort)} (n=${D})`,
        );
      }
    } finally {
      stop();
    }
  }
  for (const [, ext] of builds) await ext.close();
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
if (!only || only === 'content') {
  await pageCost();
  backgroundDetection(bigSubscriptionPage());
  bundleSizes();
}
if (!only || only === 'ui') await popupAndDashboard();
if (!only || only === 'data') await csvImport();
if (!only || only === 'mail') {
  const { chromiumRun, ensureMbox, nodeRun } = await import('./mbox');
  const file = process.env.BENCH_MBOX ?? '/tmp/subkeeper-bench.mbox';
  await ensureMbox(file);
  await nodeRun(file);
  await chromiumRun(file);
}
