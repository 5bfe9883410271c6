/**
 * Finds recurring payments in a bank statement export (CSV) and prints them as JSON.
 *
 *   npm run --silent recurring -- [--now YYYY-MM-DD] [--currency XXX] [--details] STATEMENT.csv
 *
 * `--now` is today (default: the system clock's day), used to mark stopped series `"active": false`;
 * `--currency` is the statement's currency when the file does not say; `--details` adds the directory id,
 * category, intro amount and price-change flag. Exit 0 with `{ "series": [...] }` on stdout (sorted by payee);
 * exit 2 with a message on stderr for bad arguments, an unreadable file, or a file that is not a statement.
 */
import { readFileSync } from 'node:fs';
import { isValidIsoDate, todayFromInstant } from '../lib/dates';
import { findRecurring } from '../lib/io/recurring';
import { toReport } from '../lib/io/recurring-report';
import { parseStatement } from '../lib/io/statement';
import { decodeText } from '../lib/io/text';

const USAGE = 'usage: npm run --silent recurring -- [--now YYYY-MM-DD] [--currency XXX] [--details] STATEMENT.csv';

function fail(message: string): never {
  process.stderr.write(`recurring: ${message}\n${USAGE}\n`);
  process.exit(2);
}

interface Args {
  file: string;
  now?: string;
  currency?: string;
  details: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Partial<Args> & { details: boolean } = { details: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    if (flag === '--now' || flag === '--currency') {
      const v = inline ?? argv[++i];
      if (v === undefined) fail(`${flag} needs a value`);
      if (flag === '--now') args.now = v;
      else args.currency = v.toUpperCase();
    } else if (flag === '--details') args.details = true;
    else if (flag === '--') continue;
    else if (flag.startsWith('--')) fail(`unknown option ${flag}`);
    else if (args.file === undefined) args.file = a;
    else fail('give one STATEMENT file');
  }
  if (!args.file) fail('missing STATEMENT file');
  if (args.now !== undefined && !isValidIsoDate(args.now)) fail(`--now must be a day as YYYY-MM-DD, not ${args.now}`);
  if (args.currency !== undefined && !/^[A-Z]{3}$/.test(args.currency)) fail('--currency must be a three-letter code');
  return args as Args;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  let text: string;
  try {
    text = decodeText(readFileSync(args.file));
  } catch (e) {
    fail(`cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const parsed = parseStatement(text, args.currency ? { defaultCurrency: args.currency } : {});
  if (!parsed.ok) fail(`${args.file}: ${parsed.error}`);
  const today = args.now ?? todayFromInstant(new Date());
  const { series } = findRecurring(parsed.transactions, { today });
  process.stdout.write(`${JSON.stringify(toReport(series, args.details), null, 2)}\n`);
}

main();
