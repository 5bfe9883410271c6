import { describe, expect, it } from 'vitest';
import { loadExpected, scoreFile } from '../../fixtures/statements/banks/evaluate';
import { reader } from '../../fixtures/statements/banks/run';
import { HELDOUT_DIR } from '../../fixtures/statements/heldout/score';

/**
 * The held-out round (tests/fixtures/statements/heldout, README.md there): exports in layouts the reader was not
 * written for, with expected results written before the reader first saw them. Each must be read as the dashboard
 * reads it — every row with its date, amount and sign, payee, currency (or asked) and pending mark — with exactly
 * the recurring series in it.
 */
describe('held-out bank exports', () => {
  const files = loadExpected(HELDOUT_DIR);
  it('has the whole round (24 files)', () => {
    expect(files.length).toBeGreaterThanOrEqual(24);
  });
  for (const exp of files) {
    it(`${exp.id} (${exp.bank}, ${exp.language}): read entirely right, series found with no false ones`, async () => {
      const s = await scoreFile(exp, reader, HELDOUT_DIR);
      expect({
        id: s.id,
        accepted: s.accepted,
        rows: s.rows,
        signs: s.signs,
        payees: s.detail.wrongPayee,
        pending: s.pending,
      }).toEqual({ id: exp.id, accepted: true, rows: true, signs: true, payees: [], pending: true });
      expect(s.currency).not.toBe('wrong');
      expect(s.series).toMatchObject({ fn: 0, fp: 0 });
    });
  }
});
