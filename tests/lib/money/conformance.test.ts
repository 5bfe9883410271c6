import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PriceContext, parsePrice } from '../../../lib/money';

/**
 * Conformance against the scrapinghub/price-parser test cases (real price strings from shops in many countries),
 * kept in the repository (tests/fixtures/conformance/price-parser, BSD-3-Clause, with its LICENSE). XFAIL groups are
 * left out, as the original parser fails them too.
 */
const CASES_FILE = path.resolve(__dirname, '../../fixtures/conformance/price-parser/price-parser-cases.json');

type Case = {
  text: string;
  currencyHint: string | null;
  amount: string | null;
  currency: string | null;
  decimalSeparator: string | null;
};

/** Canonical decimal string (no sign handling needed: the cases hold no negatives). */
function canonical(d: string): string {
  const [int = '', frac = ''] = d.split('.');
  const i = int.replace(/^0+(?=\d)/, '') || '0';
  const f = frac.replace(/0+$/, '');
  return f ? `${i}.${f}` : i;
}

function passes(c: Case): boolean {
  const ctx: PriceContext = {};
  if (c.currencyHint) ctx.hint = c.currencyHint;
  if (c.decimalSeparator === '.' || c.decimalSeparator === ',') ctx.decimalSeparator = c.decimalSeparator;
  const r = parsePrice(c.text, ctx);
  if (c.amount === null) return !r.ok;
  return r.ok && canonical(r.amount) === canonical(c.amount);
}

describe('price-parser conformance', () => {
  it('reads at least 97% of the real-world price strings', () => {
    if (!fs.existsSync(CASES_FILE)) {
      throw new Error(`Conformance data missing: expected ${CASES_FILE} (kept in the repository).`);
    }
    const data = JSON.parse(fs.readFileSync(CASES_FILE, 'utf8')) as { cases: Record<string, Case[]> };
    let total = 0;
    let passed = 0;
    const failures: string[] = [];
    for (const [group, cases] of Object.entries(data.cases)) {
      if (group.includes('XFAIL')) continue;
      let groupPassed = 0;
      for (const c of cases) {
        if (passes(c)) groupPassed++;
        else failures.push(`${group}: ${JSON.stringify(c.text)} expected ${c.amount}`);
      }
      total += cases.length;
      passed += groupPassed;
      console.log(`  ${group}: ${groupPassed}/${cases.length} = ${((100 * groupPassed) / cases.length).toFixed(1)}%`);
    }
    if (failures.length) console.log(`failing cases:\n${failures.join('\n')}`);
    const pct = (100 * passed) / total;
    console.log(`price-parser conformance: ${passed}/${total} = ${pct.toFixed(1)}%`);
    expect(total).toBeGreaterThan(1000);
    expect(pct).toBeGreaterThanOrEqual(97);
  });
});
