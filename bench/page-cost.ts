/**
 * What the content script costs a page, measured the way a user pays it (issue 16): in one run, three headless
 * Debian Chromium instances with the same flags — one with the extension, two without (the second is the noise
 * floor: the difference between two identical browsers) — a fresh tab per measurement, CDP
 * `Performance.getMetrics` read at load + 1.5 s. Per page, cost = median(with) − median(without A) over the rounds,
 * for ScriptDuration (JavaScript on the page's main thread) and TaskDuration (all its main-thread work, layout
 * included); the spread is the min–max of the per-round differences. The noise floor is median(without B) −
 * median(without A), shown the same way. Cross-check: a CPU profile of separate loads in the browser with the
 * extension, summing the samples in `chrome-extension://` frames. The background's cost: CPU time of the
 * extension's process (where its service worker runs) from navigation to load + 1.5 s, minus the same window
 * with no page loading. Prints numbers; asserts nothing.
 *   npm run build:e2e && BENCH_ONLY=content npm run bench
 *   BENCH_RUNS (rounds, default 7, at least 5), BENCH_PAGES (comma-separated page keys), BENCH_PROFILE_RUNS.
 *   BENCH_BEFORE=/path/to/an/older/chrome-mv3 adds a browser with that build, measured in the same rounds
 *   (before/after figures taken under the same load); several builds, comma-separated, add one browser each.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { gate } from '../lib/detect/gate';
import { collectGateInput } from '../lib/detect/gate-collect';
import { loadHtml } from '../lib/detect/load';
import { readCorpus } from '../scripts/corpus';
import { type Launched, launchExtension, ROOT, startServer } from '../tests/e2e/harness';
import { articlePage, bigSubscriptionPage, englishArticlePage, plainPage } from './pages';
import { cpuNs, extensionProcess } from './proc';

const ROUNDS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const PROFILE_RUNS = Number(process.env.BENCH_PROFILE_RUNS ?? 3);
const SETTLE_MS = 1500;

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const f = (x: number) => x.toFixed(2);
const range = (xs: readonly number[]) => `${f(Math.min(...xs))} … ${f(Math.max(...xs))}`;

interface BenchPage {
  key: string;
  group: 'nothing to find' | 'subscription' | 'not a subscription' | 'large';
  label: string;
  url: string;
  html: string;
}

function fixture(name: string, group: BenchPage['group'], label: string): BenchPage {
  const dir = path.join(ROOT, 'tests/fixtures/pages');
  const meta = JSON.parse(readFileSync(path.join(dir, `${name}.meta.json`), 'utf8')) as { url: string };
  return { key: name, group, label, url: meta.url, html: readFileSync(path.join(dir, `${name}.html`), 'utf8') };
}

export function benchPages(): BenchPage[] {
  return [
    {
      key: 'article-nb',
      group: 'nothing to find',
      label: 'long news article (nb, 144 KB)',
      url: 'https://www.nyheter.example/innenriks/stromstotte-nye-regler',
      html: articlePage(600),
    },
    {
      key: 'article-en',
      group: 'nothing to find',
      label: 'long blog article (en, 230 KB)',
      url: 'https://www.longreads.example/2026/11/the-harbour-walk',
      html: englishArticlePage(900),
    },
    {
      key: 'catalogue',
      group: 'nothing to find',
      label: 'catalogue page, unknown site (nb)',
      url: 'https://www.strommetjeneste.example/hjem',
      html: plainPage(),
    },
    {
      key: 'catalogue-directory',
      group: 'nothing to find',
      label: 'the same page on a directory service’s site (days of use off, the default)',
      url: 'https://www.netflix.com/browse',
      html: plainPage(),
    },
    fixture('nb-viaplay-checkout', 'subscription', 'sign-up with card field (nb)'),
    fixture('en-netflix-signup', 'subscription', 'sign-up (en)'),
    fixture('sv-spotify-receipt', 'subscription', 'receipt (sv)'),
    fixture('da-viaplay-account', 'subscription', 'account page (da)'),
    fixture('nb-elkjop-product-none', 'not a subscription', 'shop: product page (nb)'),
    fixture('da-dyrehjaelpen-donation-none', 'not a subscription', 'donation page with card field (da)'),
    fixture('en-weekly-digest-newsletter-none', 'not a subscription', 'newsletter sign-up (en)'),
    fixture('sv-dn-article-none', 'not a subscription', 'article about a streaming price rise (sv)'),
    {
      key: 'big',
      group: 'large',
      label: '2 MB billing page (nb)',
      url: 'https://www.viaplay.no/konto/betalinger',
      html: bigSubscriptionPage(),
    },
  ];
}

/** How many fixture pages open the gate, computed with the content script's own gate code (in Node). */
export async function gateOnFixtures() {
  const corpus = readCorpus(path.join(ROOT, 'tests/fixtures/pages'));
  const tally = { subscription: [0, 0], pricing: [0, 0], none: [0, 0] } as Record<string, [number, number]>;
  const opened: string[] = [];
  for (const fx of corpus) {
    const { document, close } = loadHtml(fx.html);
    const u = new URL(fx.url);
    const open = gate(collectGateInput(document, { href: u.href, hostname: u.hostname }));
    await close();
    const group =
      fx.expected.subscription !== null ? 'subscription' : fx.expected.kind === 'pricing' ? 'pricing' : 'none';
    tally[group]![1]++;
    if (open) {
      tally[group]![0]++;
      if (group === 'none') opened.push(fx.name);
    }
  }
  console.log(
    `gate on the fixture pages: opens on ${tally.subscription![0]} / ${tally.subscription![1]} subscription pages, ` +
      `${tally.pricing![0]} / ${tally.pricing![1]} pricing pages, ${tally.none![0]} / ${tally.none![1]} pages that are not a subscription` +
      (opened.length ? ` (${opened.join(', ')})` : ''),
  );
}

interface Sample {
  script: number;
  task: number;
}

async function load(context: BrowserContext, url: string, before?: () => void): Promise<Sample> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  before?.();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach().catch(() => {});
  await page.close();
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}

interface Profile {
  nodes: Array<{ id: number; callFrame: { url: string } }>;
  samples?: number[];
  timeDeltas?: number[];
}

/** Milliseconds of CPU-profile samples in the extension's frames (`chrome-extension://`) on one page load. */
async function profiledLoad(context: BrowserContext, url: string): Promise<{ ms: number; reader: boolean }> {
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await page.close();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  let us = 0;
  let reader = false;
  (profile.samples ?? []).forEach((id, i) => {
    const u = byId.get(id)?.callFrame.url ?? '';
    if (!u.startsWith('chrome-extension://')) return;
    us += dt[i + 1] ?? 0;
    if (u.endsWith('/page-reader.js')) reader = true;
  });
  return { ms: us / 1000, reader };
}

export async function pageCost() {
  await gateOnFixtures();
  const only = process.env.BENCH_PAGES?.split(',');
  const pages = benchPages().filter((p) => !only || only.includes(p.key));
  const byUrl = new Map(pages.map((p) => [new URL(p.url).host + new URL(p.url).pathname, p.html]));
  const server = await startServer((host, pathname) => byUrl.get(host + pathname));
  const common = { mapAllHostsToPort: server.port };
  const withExt = await launchExtension(common);
  const withoutA = await launchExtension({ ...common, withoutExtension: true });
  const withoutB = await launchExtension({ ...common, withoutExtension: true });
  const instances: Array<[string, Launched]> = [
    ['with', withExt],
    ['A', withoutA],
    ['B', withoutB],
  ];
  const beforeDirs = process.env.BENCH_BEFORE?.split(',').filter(Boolean) ?? [];
  const befores: Array<{ dir: string; name: string; b: Launched; pid: number | undefined }> = [];
  for (const [i, dir] of beforeDirs.entries()) {
    const b = await launchExtension({ ...common, extensionDir: dir });
    const name = `before${i}`;
    instances.push([name, b]);
    befores.push({ dir, name, b, pid: extensionProcess(b.userDataDir) });
  }
  const extPid = extensionProcess(withExt.userDataDir);
  // Warm-up: one load per browser (first navigations pay for the network stack and caches).
  for (const [, b] of instances) await load(b.context, pages[0]!.url);

  // The extension process's own idle CPU in the same window, to subtract from the background's per-page figure.
  const idle: number[] = [];
  if (extPid) {
    for (let i = 0; i < 3; i++) {
      const c0 = cpuNs(extPid);
      await new Promise((r) => setTimeout(r, SETTLE_MS + 150));
      idle.push((cpuNs(extPid) - c0) / 1e6);
    }
  }
  const idleMs = median(idle);

  console.log(
    `\ncontent script cost per page load (ms): median with − median without over ${ROUNDS} rounds, a fresh tab each; ` +
      'spread = min … max of the per-round differences; noise = the same for two browsers without the extension',
  );
  const rows: string[] = [];
  for (const p of pages) {
    const s: Record<string, Sample[]> = Object.fromEntries(instances.map(([name]) => [name, [] as Sample[]]));
    const bg: Record<string, number[]> = Object.fromEntries(instances.map(([name]) => [name, [] as number[]]));
    for (let r = 0; r < ROUNDS; r++) {
      // Rotate the order, so that no browser always goes first.
      for (let k = 0; k < instances.length; k++) {
        const [name, b] = instances[(r + k) % instances.length]!;
        const pid = name === 'with' ? extPid : befores.find((x) => x.name === name)?.pid;
        let c0 = 0;
        const sample = await load(b.context, p.url, () => {
          if (pid) c0 = cpuNs(pid);
        });
        if (pid) bg[name]!.push((cpuNs(pid) - c0) / 1e6 - idleMs);
        s[name]!.push(sample);
      }
    }
    const prof: number[] = [];
    let reader = false;
    for (let r = 0; r < PROFILE_RUNS; r++) {
      const x = await profiledLoad(withExt.context, p.url);
      prof.push(x.ms);
      reader ||= x.reader;
    }
    const diff = (a: Sample[], b: Sample[], k: keyof Sample) => ({
      cost: median(a.map((x) => x[k])) - median(b.map((x) => x[k])),
      spread: range(a.map((x, i) => x[k] - b[i]![k])),
    });
    const script = diff(s.with!, s.A!, 'script');
    const task = diff(s.with!, s.A!, 'task');
    const noise = diff(s.B!, s.A!, 'script');
    const noiseTask = diff(s.B!, s.A!, 'task');
    const kb = Buffer.byteLength(p.html) / 1024;
    rows.push(
      `| ${p.label} | ${p.group} | ${f(script.cost)} (${script.spread}) | ${f(task.cost)} (${task.spread}) | ` +
        `${f(noise.cost)} / ${f(noiseTask.cost)} | ${f(median(prof))} (${range(prof)}) | ${reader ? 'yes' : 'no'} | ` +
        `${extPid ? `${f(median(bg.with!))} (${range(bg.with!)})` : '–'} |`,
    );
    console.log(
      `${p.label} [${p.key}, ${kb.toFixed(0)} KB]: script ${f(script.cost)} ms (${script.spread}), task ${f(task.cost)} ms (${task.spread}); ` +
        `noise script ${f(noise.cost)} (${noise.spread}), task ${f(noiseTask.cost)} (${noiseTask.spread}); ` +
        `profile ${f(median(prof))} ms (${range(prof)}), page reader ${reader ? 'loaded' : 'not loaded'}; ` +
        `background ${extPid ? `${f(median(bg.with!))} ms (${range(bg.with!)})` : 'not found'}; ` +
        `without: script ${f(median(s.A!.map((x) => x.script)))} task ${f(median(s.A!.map((x) => x.task)))}`,
    );
    for (const { dir, name } of befores) {
      const b = diff(s[name]!, s.A!, 'script');
      const bt = diff(s[name]!, s.A!, 'task');
      const g = bg[name]!;
      console.log(
        `  before (${dir}): script ${f(b.cost)} ms (${b.spread}), task ${f(bt.cost)} ms (${bt.spread}); background ${g.length ? `${f(median(g))} ms (${range(g)})` : 'not found'}`,
      );
    }
  }
  console.log(
    '\n| page | kind | script time added, ms (spread) | all main-thread time added, ms (spread) | noise floor, script / task | CPU profile in extension frames, ms | page reader loaded | background CPU per page, ms (spread) |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(
    `(${ROUNDS} rounds, profile ${PROFILE_RUNS} loads; the background's idle CPU in the same window, ${f(idleMs)} ms, subtracted)`,
  );
  for (const [, b] of instances) await b.close();
  await server.close();
}
