/**
 * Accuracy of the detection engine over the fixture corpus, per field and overall.
 *
 *   npm run eval:detect [-- --verbose]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectPage } from '../lib/detect';
import { canonical, diffFields, FIELDS, readCorpus } from '../lib/detect/corpus';
import { loadHtml } from '../lib/detect/load';
import { toReport } from '../lib/detect/report';
import { DIRECTORY_OPTIONS } from '../lib/directory';

type Tally = { n: number; all: number; right: Record<string, number> };

function tally(): Tally {
  return { n: 0, all: 0, right: Object.fromEntries(Object.keys(FIELDS).map((f) => [f, 0])) };
}

function print(title: string, t: Tally): void {
  const pct = (k: number) => `${((100 * k) / Math.max(1, t.n)).toFixed(1)}%`.padStart(6);
  console.log(title);
  for (const [f, k] of Object.entries(t.right)) console.log(`  ${f.padEnd(12)} ${pct(k)}  (${k}/${t.n})`);
  console.log(`  ${'overall'.padEnd(12)} ${pct(t.all)}  (${t.all}/${t.n} pages entirely right)`);
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const root = join(import.meta.dirname, '..', 'tests', 'fixtures');
  const corpus = readCorpus(join(root, 'pages'));
  const rounds = (
    JSON.parse(readFileSync(join(root, 'heldout.json'), 'utf8')) as {
      rounds: Array<{ round: number; pages: string[]; firstRun?: Record<string, string> }>;
    }
  ).rounds;
  const heldOut = new Set<string>(rounds.flatMap((r) => r.pages));
  const total = tally();
  const held = tally();
  for (const fx of corpus) {
    const { document, close } = loadHtml(fx.html);
    const actual = toReport(detectPage(document, fx.url, fx.now, DIRECTORY_OPTIONS));
    await close();
    const wrong = diffFields(fx.expected, actual);
    for (const t of heldOut.has(fx.name) ? [total, held] : [total]) {
      t.n++;
      for (const f of Object.keys(FIELDS)) if (!wrong.includes(f)) t.right[f] = (t.right[f] ?? 0) + 1;
      if (wrong.length === 0) t.all++;
    }
    if (wrong.length > 0 && verbose) {
      console.log(`✗ ${fx.name}: ${wrong.join(', ')}`);
      for (const f of wrong) {
        const read = FIELDS[f] as (r: typeof actual) => unknown;
        console.log(
          `    ${f}: expected ${canonical(read(fx.expected))}\n    ${' '.repeat(f.length)}  got      ${canonical(read(actual))}`,
        );
      }
    }
  }
  print(`Detection accuracy over all ${total.n} fixture pages`, total);
  print(`Held-out pages only (${held.n}), today`, held);
  for (const r of rounds) {
    if (!r.firstRun) continue;
    const fields = Object.entries(r.firstRun).map(([f, v]) => `${f} ${v}`);
    console.log(`Held-out round ${r.round}, first unseen run: ${fields.join(', ')}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
