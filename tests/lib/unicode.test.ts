import { describe, expect, it } from 'vitest';
import { isLetterCode, isLetterOrDigitCode } from '../../lib/unicode';

describe('character classes by code unit', () => {
  it('agree with \\p{L} and [\\p{L}\\p{N}] for every UTF-16 code unit', () => {
    const letter = /\p{L}/u;
    const letterOrDigit = /[\p{L}\p{N}]/u;
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isLetterCode(c) !== letter.test(ch)) wrong.push(`L ${c.toString(16)}`);
      if (isLetterOrDigitCode(c) !== letterOrDigit.test(ch)) wrong.push(`LN ${c.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('says no for positions outside the text', () => {
    expect(isLetterCode(Number.NaN)).toBe(false);
    expect(isLetterOrDigitCode(Number.NaN)).toBe(false);
  });
});
