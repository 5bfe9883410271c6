/**
 * Accuracy of the detection engine over the fixture corpora (web pages and e-mails), per field and overall, and per
 * kind of input.
 *
 *   npm run eval:detect [-- --verbose] [-- --only mails|pages] [-- --round N]   (--round: a held-out page round, or with
 *   --only mails a mail round)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectMail, detectPage } from '../lib/detect';
import { loadHtml } from '../lib/detect/load';
import { readMail } from '../lib/detect/mail-mime';
import { type DetectReport, toReport } from '../lib/detect/report';
import { DIRECTORY_OPTIONS } from '../lib/directory';
import { canonical, diffFields, FIELDS, readCorpus, readMailCorpus } from './corpus';

type Tally = { n: number; all: number; right: Record<string, number> };

function tally(): Tally {
  return { n: 0, all: 0, right: Object.fromEntries(Object.keys(FIELDS).map((f) => [f, 0])) };
}

function add(t: Tally, wrong: string[]): void {
  t.n++;
  for (const f of Object.keys(FIELDS)) if (!wrong.includes(f)) t.right[f] = (t.right[f] ?? 0) + 1;
  if (wrong.length === 0) t.all++;
}

function print(title: string, t: Tally): void {
  const pct = (k: number) => `${((100 * k) / Math.max(1, t.n)).toFixed(1)}%`.padStart(6);
  console.log(title);
  for (const [f, k] of Object.entries(t.right)) console.log(`  ${f.padEnd(12)} ${pct(k)}  (${k}/${t.n})`);
  console.log(`  ${'overall'.padEnd(12)} ${pct(t.all)}  (${t.all}/${t.n} entirely right)`);
}

/** One line per group: `kind 12/14, service 13/14, … overall 9/14`. */
function line(t: Tally): string {
  return `${Object.entries(t.right)
    .map(([f, k]) => `${f} ${k}/${t.n}`)
    .join(', ')}, overall ${t.all}/${t.n}`;
}

/** Charges scored as a set over all inputs: precision, recall, F1. */
class ChargeScore {
  tp = 0;
  fp = 0;
  fn = 0;
  add(expected: DetectReport, actual: DetectReport): void {
    const key = (c: DetectReport['charges'][number]) => `${c.date} ${c.amount} ${c.currency}`;
    const want = new Set(expected.charges.map(key));
    const got = new Set(actual.charges.map(key));
    for (const k of got)
      if (want.has(k)) this.tp++;
      else this.fp++;
    for (const k of want) if (!got.has(k)) this.fn++;
  }
  toString(): string {
    const p = this.tp / Math.max(1, this.tp + this.fp);
    const r = this.tp / Math.max(1, this.tp + this.fn);
    const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    return `charges precision ${p.toFixed(3)}, recall ${r.toFixed(3)}, F1 ${f1.toFixed(3)}`;
  }
}

function explain(name: string, wrong: string[], expected: DetectReport, actual: DetectReport): void {
  console.log(`✗ ${name}: ${wrong.join(', ')}`);
  for (const f of wrong) {
    const read = FIELDS[f] as (r: DetectReport) => unknown;
    console.log(
      `    ${f}: expected ${canonical(read(expected))}\n    ${' '.repeat(f.length)}  got      ${canonical(read(actual))}`,
    );
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const verbose = argv.includes('--verbose');
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const root = join(import.meta.dirname, '..', 'tests', 'fixtures');
  const heldout = JSON.parse(readFileSync(join(root, 'heldout.json'), 'utf8')) as {
    rounds: Array<{ round: number; pages: string[]; firstRun?: Record<string, string> }>;
    mailRounds?: Array<{ round: number; mails: string[]; firstRun?: Record<string, string> }>;
  };
  const rounds = heldout.rounds;
  const onlyRound = argv.includes('--round') ? Number(argv[argv.indexOf('--round') + 1]) : undefined;
  const roundOf = new Map<string, number>();
  for (const r of rounds) for (const p of r.pages) roundOf.set(p, r.round);

  if (only !== 'mails') {
    const total = tally();
    const held = tally();
    const charges = new ChargeScore();
    for (const fx of readCorpus(join(root, 'pages'))) {
      if (onlyRound !== undefined && roundOf.get(fx.name) !== onlyRound) continue;
      const { document, close } = loadHtml(fx.html);
      const actual = toReport(detectPage(document, fx.url, fx.now, DIRECTORY_OPTIONS));
      await close();
      const wrong = diffFields(fx.expected, actual);
      add(total, wrong);
      if (roundOf.has(fx.name)) add(held, wrong);
      charges.add(fx.expected, actual);
      if (wrong.length > 0 && verbose) explain(fx.name, wrong, fx.expected, actual);
    }
    print(`Web pages: ${total.n} fixture pages`, total);
    console.log(`  ${charges}`);
    if (onlyRound === undefined) print(`Held-out pages only (${held.n}), today`, held);
    for (const r of rounds) {
      if (!r.firstRun) continue;
      const fields = Object.entries(r.firstRun).map(([f, v]) => `${f} ${v}`);
      console.log(`Held-out round ${r.round}, first unseen run: ${fields.join(', ')}`);
    }
  }

  if (only !== 'pages') {
    const total = tally();
    const byGroup = new Map<string, Tally>();
    const charges = new ChargeScore();
    let falseSubscriptions = 0;
    const mailRoundOf = new Map<string, number>();
    for (const r of heldout.mailRounds ?? []) for (const m of r.mails) mailRoundOf.set(m, r.round);
    for (const fx of readMailCorpus(join(root, 'mails'))) {
      if (onlyRound !== undefined && mailRoundOf.get(fx.name) !== onlyRound) continue;
      const actual = toReport(detectMail(await readMail(fx.raw), fx.now, DIRECTORY_OPTIONS));
      const wrong = diffFields(fx.expected, actual);
      add(total, wrong);
      const group =
        fx.expected.event ??
        (fx.expected.kind === 'receipt' && !fx.expected.subscription ? 'one-off' : fx.expected.kind);
      if (!byGroup.has(group)) byGroup.set(group, tally());
      add(byGroup.get(group) as Tally, wrong);
      charges.add(fx.expected, actual);
      if (!fx.expected.subscription && actual.subscription && actual.kind !== 'none') falseSubscriptions++;
      if (wrong.length > 0 && verbose) explain(fx.name, wrong, fx.expected, actual);
    }
    print(`E-mails: ${total.n} fixture mails`, total);
    console.log(`  ${charges}; false subscriptions ${falseSubscriptions}`);
    for (const [group, t] of [...byGroup.entries()].sort()) console.log(`  ${group.padEnd(17)} ${line(t)}`);
    for (const r of heldout.mailRounds ?? []) {
      if (!r.firstRun) continue;
      const fields = Object.entries(r.firstRun).map(([f, v]) => `${f} ${v}`);
      console.log(`Mail round ${r.round} (${r.mails.length} mails), first unseen run: ${fields.join(', ')}`);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
