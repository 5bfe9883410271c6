import { describe, expect, it } from 'vitest';
import { loadExpected, scoreFile } from '../../fixtures/statements/banks/evaluate';
import { reader } from '../../fixtures/statements/banks/run';

/**
 * Every bank fixture (tests/fixtures/statements/banks, FORMATS.md) read as the dashboard reads it: every row with its
 * date, amount and sign, payee, currency (or asked) and pending mark, and exactly the recurring series in it.
 */
describe('bank exports, one file per bank and UI language', () => {
  for (const exp of loadExpected()) {
    it(`${exp.id} (${exp.bank}, ${exp.language}): read entirely right, series found with no false ones`, async () => {
      const s = await scoreFile(exp, reader);
      expect({
        id: s.id,
        accepted: s.accepted,
        rows: s.rows,
        signs: s.signs,
        payees: s.detail.wrongPayee,
        pending: s.pending,
      }).toEqual({
        id: exp.id,
        accepted: true,
        rows: true,
        signs: true,
        payees: [],
        pending: true,
      });
      expect(s.currency).not.toBe('wrong');
      expect(s.series).toMatchObject({ fn: 0, fp: 0 });
    });
  }
});
