/**
 * CPU profile of the content script on one page load: prints the functions with the most self time in the
 * extension's scripts. For deciding what to optimise; the figures that count come from bench/run.ts.
 *   npm run build:e2e && tsx bench/profile-content.ts [article|big|FIXTURE.html] [runs]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchExtension, ROOT, startServer } from '../tests/e2e/harness';
import { articlePage, bigSubscriptionPage } from './pages';

interface Profile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }>;
  samples?: number[];
  timeDeltas?: number[];
}

const which = process.argv[2] ?? 'big';
const runs = Number(process.argv[3] ?? 5);
const html =
  which === 'article'
    ? articlePage(600)
    : which === 'big'
      ? bigSubscriptionPage()
      : readFileSync(path.join(ROOT, 'tests/fixtures/pages', which), 'utf8');
const server = await startServer(() => html);
const ext = await launchExtension({ mapAllHostsToPort: server.port });
const self = new Map<string, number>();
let total = 0;
for (let r = 0; r < runs; r++) {
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(`https://www.nyheter.example/p${r}`, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id)!;
    const url = n.callFrame.url;
    const ms = (dt[i + 1] ?? 0) / 1000;
    const ours = url.startsWith('chrome-extension://');
    const key = ours
      ? `${n.callFrame.functionName || '(anon)'} ${url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`
      : n.callFrame.functionName.startsWith('(')
        ? n.callFrame.functionName
        : null;
    if (!key) return;
    self.set(key, (self.get(key) ?? 0) + ms);
    if (ours) total += ms;
  });
  await page.close();
}
console.log(`extension self time per load: ${(total / runs).toFixed(2)} ms (sampled)`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
  console.log(`${(v / runs).toFixed(2).padStart(8)} ms  ${k}`);
await ext.close();
await server.close();
