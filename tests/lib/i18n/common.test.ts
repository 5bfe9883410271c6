import { describe, expect, it } from 'vitest';
import { catalogKeys, createTranslator, LANGUAGES } from '../../../lib/i18n';
import { createCommonTranslator } from '../../../lib/i18n/common';

describe('the popup’s first-paint translator (common texts only)', () => {
  it('gives the same text as the full translator for every common key, in every language', () => {
    for (const lang of LANGUAGES) {
      const full = createTranslator(lang);
      const common = createCommonTranslator(lang);
      const keys = catalogKeys('en').filter((k) => k.startsWith('common.'));
      expect(keys.length).toBeGreaterThan(30);
      for (const k of keys) expect(common(k, { n: 2, name: 'X' })).toBe(full(k, { n: 2, name: 'X' }));
    }
  });
});
