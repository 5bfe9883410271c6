import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findRecurring } from '../../../lib/io/recurring';
import { toReport } from '../../../lib/io/recurring-report';
import { parseStatement } from '../../../lib/io/statement';
import { decodeText } from '../../../lib/io/text';
import { compare, evaluate } from '../../fixtures/statements/evaluate';
import { BANK_CURRENCY, BANKS, makeScenario, renderStatement } from '../../fixtures/statements/generate';

const FIXTURES = join(__dirname, '../../fixtures/statements');

describe('finder on generated statements (every bank format)', () => {
  for (const seed of [1, 2]) {
    const scenario = makeScenario(seed);
    for (const bank of BANKS) {
      it(`seed ${seed}, ${bank}: finds exactly the generated series`, () => {
        const parsed = parseStatement(renderStatement(bank, scenario, seed), { defaultCurrency: BANK_CURRENCY[bank] });
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.transactions).toHaveLength(scenario.transactions.length);
        const { series } = findRecurring(parsed.transactions, { today: scenario.today });
        expect(compare(series, scenario.expected, true)).toEqual({ tp: scenario.expected.length, fp: 0, fn: 0 });
        expect(series.every((s) => s.currency === BANK_CURRENCY[bank])).toBe(true);
      });
    }
  }

  it('over 12 more scenarios: every series found with no false ones, next dates right for at least 97%', () => {
    const r = evaluate(12, ['generic-tab']);
    expect(r.series).toMatchObject({ fp: 0, fn: 0 });
    expect(r.strict.recall).toBeGreaterThanOrEqual(0.97);
  });
});

describe('committed sample statements', () => {
  for (const bank of BANKS) {
    it(`${bank}.csv gives ${bank}.expected.json`, () => {
      const text = decodeText(readFileSync(join(FIXTURES, `${bank}.csv`)));
      const parsed = parseStatement(text, { defaultCurrency: BANK_CURRENCY[bank] });
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const expected = JSON.parse(readFileSync(join(FIXTURES, `${bank}.expected.json`), 'utf8'));
      expect(toReport(findRecurring(parsed.transactions, { today: '2026-11-23' }).series)).toEqual(expected);
    });
  }

  it('a Windows-1252 export reads the same as UTF-8', () => {
    const latin1 = Uint8Array.from([...'Dato;Beløp\n'].map((c) => c.charCodeAt(0)));
    expect(decodeText(latin1)).toBe('Dato;Beløp\n');
    expect(decodeText(new TextEncoder().encode('Dato;Beløp\n'))).toBe('Dato;Beløp\n');
  });
});

// Each case starts Node with tsx, seconds apiece on a loaded machine: more time than the default 20 s.
describe('npm run recurring', { timeout: 120_000 }, () => {
  const run = promisify(execFile);
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', join(__dirname, '../../../scripts/recurring.ts'), ...args], {
      cwd: join(__dirname, '../../..'),
    });

  it('prints the series as JSON and exits 0', async () => {
    const { stdout } = await cli(['--now', '2026-11-23', join(FIXTURES, 'dnb.csv')]);
    const out = JSON.parse(stdout);
    expect(out).toEqual(JSON.parse(readFileSync(join(FIXTURES, 'dnb.expected.json'), 'utf8')));
    const netflix = out.series.find((s: { payee: string }) => s.payee === 'NETFLIX.COM');
    expect(netflix).toMatchObject({ amount: 159, currency: 'NOK', period: 'P1M' });
    expect(out.series.map((s: { payee: string }) => s.payee)).toEqual(
      [...out.series.map((s: { payee: string }) => s.payee)].sort(),
    );
  });

  it('exits 2 with a message on stderr for a file it cannot read', async () => {
    await expect(cli(['--now', '2026-11-23', join(FIXTURES, 'missing.csv')])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('cannot read'),
    });
    await expect(cli([join(FIXTURES, 'generate.ts')])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('generate.ts'),
    });
  });
});
