/**
 * Accuracy of the detection engine over the fixture corpus, per field and overall.
 *
 *   npm run eval:detect [-- --verbose]
 */
import { join } from 'node:path';
import { detectPage } from '../lib/detect';
import { canonical, diffFields, FIELDS, readCorpus } from '../lib/detect/corpus';
import { loadHtml } from '../lib/detect/load';
import { toReport } from '../lib/detect/report';

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const corpus = readCorpus(join(import.meta.dirname, '..', 'tests', 'fixtures', 'pages'));
  const right: Record<string, number> = Object.fromEntries(Object.keys(FIELDS).map((f) => [f, 0]));
  let allRight = 0;
  for (const fx of corpus) {
    const { document, close } = loadHtml(fx.html);
    const actual = toReport(detectPage(document, fx.url, fx.now));
    await close();
    const wrong = diffFields(fx.expected, actual);
    for (const f of Object.keys(FIELDS)) if (!wrong.includes(f)) right[f] = (right[f] ?? 0) + 1;
    if (wrong.length === 0) allRight++;
    else if (verbose) {
      console.log(`✗ ${fx.name}: ${wrong.join(', ')}`);
      for (const f of wrong) {
        const read = FIELDS[f] as (r: typeof actual) => unknown;
        console.log(
          `    ${f}: expected ${canonical(read(fx.expected))}\n    ${' '.repeat(f.length)}  got      ${canonical(read(actual))}`,
        );
      }
    }
  }
  const n = corpus.length;
  const pct = (k: number) => `${((100 * k) / n).toFixed(1)}%`.padStart(6);
  console.log(`Detection accuracy over ${n} fixture pages`);
  for (const [f, k] of Object.entries(right)) console.log(`  ${f.padEnd(12)} ${pct(k)}  (${k}/${n})`);
  console.log(`  ${'overall'.padEnd(12)} ${pct(allRight)}  (${allRight}/${n} pages entirely right)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
