/**
 * Writes a valid backup file with realistic demo data.
 *   npm run --silent demo-data -- --subscriptions N --charges M [--today YYYY-MM-DD] [--seed S] [--out FILE]
 * Without --out the JSON goes to stdout.
 */
import { writeFileSync } from 'node:fs';
import { todayFromInstant } from '../lib/dates';
import { Backup } from '../lib/model';
import { generateDemo } from './demo';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const subscriptions = Number(arg('subscriptions', '40'));
const charges = Number(arg('charges', '600'));
const seed = Number(arg('seed', '42'));
if (!Number.isInteger(subscriptions) || !Number.isInteger(charges) || subscriptions < 0 || charges < 0) {
  process.stderr.write('demo-data: --subscriptions and --charges take whole numbers\n');
  process.exit(2);
}
const today = arg('today') ?? todayFromInstant(new Date());
const backup = generateDemo({ subscriptions, charges, today, seed });
const checked = Backup.safeParse(backup);
if (!checked.success) {
  process.stderr.write(`demo-data: generated data failed validation: ${checked.error.issues[0]?.message}\n`);
  process.exit(1);
}
const text = JSON.stringify(backup, null, 1);
const out = arg('out');
if (out) writeFileSync(out, text);
else process.stdout.write(`${text}\n`);
