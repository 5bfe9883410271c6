import { readFileSync } from 'node:fs';
import { readStatementFile } from './lib/io/statement-file';
const id = process.argv[2];
const exp = JSON.parse(readFileSync(`tests/fixtures/statements/banks/${id}.expected.json`, 'utf8'));
const r = await readStatementFile(new Uint8Array(readFileSync(`tests/fixtures/statements/banks/${exp.file}`)), exp.file, { defaultCurrency: exp.base });
if (!r.ok) { console.log(r); process.exit(); }
console.log(JSON.stringify({ ...r.format, sample: undefined }, null, 0));
const got = new Map<string, number>();
for (const t of r.transactions) { const k = `${t.date}|${Math.abs(t.amountMinor)}`; got.set(k, (got.get(k) ?? 0) + 1); }
for (const e of exp.transactions) { const k = `${e.date}|${Math.abs(e.amountMinor)}`; if (e.date && !got.get(k)) console.log('missing', e); else got.set(k, (got.get(k) ?? 0) - 1); }
for (const t of r.transactions.filter(t=>t.pending)) console.log('pending', t);
