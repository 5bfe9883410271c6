/**
 * What the content script costs a page's own DOM work (issue 15, item 9). The page changes its own text and tree in
 * loops and times itself with performance.now(), on two pages of the same size: an account page (the gate fires,
 * the page is read and the watcher armed) and a news page (the gate does not fire). Per build, the ratio between
 * the two is what the armed watcher costs the page. Minimum of BENCH_RUNS loads each (the minimum is the
 * estimator least disturbed by other work on a shared machine), loads interleaved across builds.
 *   npm run build && npx tsx bench/mutations.ts [/path/to/older/chrome-mv3]
 * Prints figures; asserts nothing.
 */
import path from 'node:path';
import { type Launched, launchExtension, ROOT, startServer } from '../tests/e2e/harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const ROWS = '<div><p><span>rad</span> <b>0</b></p></div>'.repeat(300);
const ACCOUNT = `<!doctype html><html lang="nb"><head><title>Mitt abonnement</title></head><body><main>
<h1>Mitt abonnement</h1><p>Premium: 129 kr/mnd</p><p>Neste trekk: 3. desember 2027</p>
<section id="app">${ROWS}</section></main></body></html>`;
const NEWS = `<!doctype html><html lang="nb"><head><title>Nyheter</title></head><body><main>
<h1>Nyheter</h1><p>Været i dag: sol og lett bris.</p><section id="app">${ROWS}</section></main></body></html>`;

/**
 * The page's own work: text node updates, textContent replacements, and inserting/removing elements deep inside.
 * A string, so that the bundler's helpers do not end up in the page.
 */
const PAGE_WORK = `(() => {
  const spans = Array.from(document.querySelectorAll('#app b'));
  const time = (f) => { const t0 = performance.now(); f(); return performance.now() - t0; };
  return {
    'text node data x 100,000': time(() => { for (let i = 0; i < 100000; i++) spans[i % spans.length].firstChild.data = String(i); }),
    'textContent x 50,000': time(() => { for (let i = 0; i < 50000; i++) spans[i % spans.length].textContent = String(i); }),
    'append + remove x 20,000': time(() => {
      for (let i = 0; i < 20000; i++) {
        const el = document.createElement('i');
        el.textContent = 'x';
        spans[i % spans.length].parentElement.append(el);
        el.remove();
      }
    }),
  };
})()`;

const PAGES = { account: '/min-side/abonnement', news: '/nyheter' } as const;

async function once(ext: Launched, pathname: string): Promise<Record<string, number>> {
  const page = await ext.context.newPage();
  await page.goto(`https://www.strikkeboksen.no${pathname}`);
  // Let the content script read the page and arm its watcher.
  await page.waitForTimeout(1200);
  const result = (await page.evaluate(PAGE_WORK)) as Record<string, number>;
  await page.close();
  return result;
}

async function main() {
  const builds: Array<[string, string]> = [['this build', path.join(ROOT, '.output/chrome-mv3')]];
  const older = process.argv[2];
  if (older) builds.push([`older build (${older})`, older]);
  const server = await startServer((_h, p) => (p.startsWith('/min-side') ? ACCOUNT : NEWS));
  const browsers = await Promise.all(
    builds.map(([, dir]) => launchExtension({ mapAllHostsToPort: server.port, extensionDir: dir })),
  );
  const best = builds.map(() => ({ account: {} as Record<string, number>, news: {} as Record<string, number> }));
  for (let r = 0; r < RUNS; r++) {
    for (const [i, ext] of browsers.entries()) {
      for (const kind of ['account', 'news'] as const) {
        for (const [k, v] of Object.entries(await once(ext, PAGES[kind]))) {
          best[i]![kind][k] = Math.min(best[i]![kind][k] ?? Number.POSITIVE_INFINITY, v);
        }
      }
    }
  }
  for (const b of browsers) await b.close();
  await server.close();
  for (const [i, [label]] of builds.entries()) {
    const { account, news } = best[i]!;
    const cells = Object.keys(account).map(
      (k) => `${k}: ${account[k]!.toFixed(1)} vs ${news[k]!.toFixed(1)} ms (${(account[k]! / news[k]!).toFixed(2)}×)`,
    );
    console.log(`${label}, watcher armed vs not: ${cells.join(' · ')}`);
  }
}

void main();
