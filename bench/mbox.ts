/**
 * Mail import benchmark: a generated mailbox (bench/mbox-gen.ts; 20,000 messages, about 500 MB, Google Takeout's
 * format) read end to end — split, filtered, parsed, detected — first in Node (the same lib/io/mail-job.ts the
 * dashboard's Web Worker runs), then in Chromium through the dashboard (Import & export, the file chosen, until
 * "Done."). Prints time, messages per second and peak memory; asserts nothing.
 *
 *   npx tsx bench/mbox.ts [MBOX]            (Node only)
 *   npm run build:e2e && BENCH_ONLY=mail npm run bench   (both)
 *
 * Memory in Node: the process's peak resident set, sampled every 50 ms. In Chromium: the proportional set size
 * (shared pages split between processes, so the sum is not inflated) of the browser and all its processes,
 * sampled every 250 ms, peak minus the level before the file was chosen; and the peak of the dashboard's own
 * renderer process, which holds the worker.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { runMailJob } from '../lib/io/mail-job';
import { generateMbox } from './mbox-gen';

const TODAY = '2026-11-23';
const MB = 1048576;
const fmt = (b: number) => `${(b / MB).toFixed(0)} MB`;

export async function ensureMbox(file: string): Promise<void> {
  if (existsSync(file) && statSync(file).size > 100 * MB) return;
  const t0 = Date.now();
  const { bytes, count } = await generateMbox(file);
  console.log(`generated ${file}: ${count} messages, ${fmt(bytes)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

export async function nodeRun(file: string): Promise<void> {
  const size = statSync(file).size;
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  let finds = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await runMailJob(
    [
      {
        name: file,
        size,
        stream: () =>
          Readable.toWeb(createReadStream(file, { highWaterMark: 1 * MB })) as unknown as ReadableStream<Uint8Array>,
      },
    ],
    {
      today: TODAY,
      onFound: (f) => {
        finds += f.length;
      },
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    },
  );
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `mail import, Node: ${fmt(size)}, ${r.messages} messages in ${secs.toFixed(1)} s = ${(r.messages / secs).toFixed(0)} messages/s ` +
      `(${(size / MB / secs).toFixed(1)} MB/s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s); ` +
      `${r.read} read after the sender/subject filter, ${r.found} about a subscription (${finds} handed on), ` +
      `${r.malformed} malformed skipped, ${r.truncated} cut at the size limit; peak RSS ${fmt(peak)} (${fmt(before)} before)`,
  );
}

/** Process ids of a process and all its descendants. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(d));
      children.set(ppid, list);
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(root);
  return out;
}

function pss(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** The browser process of a launched context: the one whose command line names its profile directory. */
function browserPid(profileHint: string): number | undefined {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const c = cmdline(Number(d));
    if (c.includes(profileHint) && !c.includes('--type=')) return Number(d);
  }
  return undefined;
}

export async function chromiumRun(file: string): Promise<void> {
  const { launchExtension } = await import('../tests/e2e/harness');
  const ext = await launchExtension();
  const profile = /--user-data-dir=(\S+)/.exec(
    readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map((d) => cmdline(Number(d)))
      .find((c) => c.includes('subkeeper-e2e-') && c.includes(ext.extensionId) && !c.includes('--type=')) ?? '',
  )?.[1];
  const pid = browserPid(profile ?? 'subkeeper-e2e-');
  const page = await ext.openPage('options.html#/data');
  await page.waitForFunction(() => performance.getEntriesByName('subkeeper:ready').length > 0);
  await page.waitForTimeout(1000);
  const total = () => (pid ? tree(pid).reduce((n, p) => n + pss(p), 0) : 0);
  const renderers = () => (pid ? tree(pid).filter((p) => cmdline(p).includes('--type=renderer')) : []);
  const before = total();
  const rendererBefore = new Map(renderers().map((p) => [p, pss(p)]));
  let peak = before;
  const rendererPeak = new Map<number, number>();
  const timer = setInterval(() => {
    peak = Math.max(peak, total());
    for (const p of renderers()) rendererPeak.set(p, Math.max(rendererPeak.get(p) ?? 0, pss(p)));
  }, 250);
  const t0 = Date.now();
  await page.locator('#mail-files').setInputFiles(file);
  await page.getByText('Done.').waitFor({ timeout: 3_600_000 });
  const secs = (Date.now() - t0) / 1000;
  clearInterval(timer);
  const summary = (await page.locator('.mail-summary').textContent()) ?? '';
  const messages = Number(/([\d,\s]+) messages/.exec(summary)?.[1]?.replace(/[,\s]/g, '') ?? 0);
  // The renderer that grew most is the dashboard's (its worker runs in it).
  let dash = 0;
  let grew = -Infinity;
  for (const [p, v] of rendererPeak) {
    const g = v - (rendererBefore.get(p) ?? 0);
    if (g > grew) {
      grew = g;
      dash = v;
    }
  }
  console.log(
    `mail import, Chromium dashboard (file chosen → "Done."): ${messages} messages in ${secs.toFixed(1)} s = ${(messages / secs).toFixed(0)} messages/s; ` +
      `all processes' memory (PSS) peak ${fmt(peak)}, ${fmt(peak - before)} above the ${fmt(before)} before; dashboard renderer (with the worker) peak ${fmt(dash)}`,
  );
  console.log(`  summary: ${summary.replace(/\s+/g, ' ').trim()}`);
  await ext.close();
}

if (process.argv[1]?.endsWith('mbox.ts')) {
  const file = process.argv[2] ?? '/tmp/subkeeper-bench.mbox';
  await ensureMbox(file);
  await nodeRun(file);
}
