import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogKeys, createTranslator, LANGUAGES, resolveLanguage } from '../../../lib/i18n';
import { CATEGORIES, PAGE_KINDS, STATUSES } from '../../../lib/model';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Every `t('area.key')` literal in the UI and lib code. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(e.name)) {
        for (const m of readFileSync(p, 'utf8').matchAll(/\bt\(\s*'([a-z]+\.[\w.]+)'/g)) keys.add(m[1]!);
      }
    }
  };
  for (const d of ['components', 'entrypoints', 'lib']) walk(path.join(ROOT, d));
  return keys;
}

describe('i18n', () => {
  it('has every key in every language', () => {
    const en = new Set(catalogKeys('en'));
    expect(en.size).toBeGreaterThan(100);
    for (const lang of LANGUAGES) {
      const keys = new Set(catalogKeys(lang));
      expect(
        [...en].filter((k) => !keys.has(k)),
        `missing in ${lang}`,
      ).toEqual([]);
      expect(
        [...keys].filter((k) => !en.has(k)),
        `extra in ${lang}`,
      ).toEqual([]);
    }
  });

  it('has a text for every key the code uses, and for every status, category and page kind', () => {
    const en = new Set(catalogKeys('en'));
    const needed = [
      ...usedKeys(),
      ...STATUSES.map((s) => `common.status.${s}`),
      ...CATEGORIES.map((c) => `common.category.${c}`),
      ...PAGE_KINDS.map((k) => `common.kind.${k}`),
    ];
    expect(needed.filter((k) => !en.has(k))).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    const en = createTranslator('en');
    for (const lang of LANGUAGES) {
      const t = createTranslator(lang);
      for (const key of catalogKeys('en')) {
        // `{name}` and the parameter of `{name, plural, …}`, each once.
        const ph = (s: string) =>
          [...new Set([...s.matchAll(/\{(\w+)(?:\}|, *plural,)/g)].map((m) => m[1]))].sort().join();
        expect(ph(t(key)), `${lang} ${key}`).toBe(ph(en(key)));
      }
    }
  });

  it('fills placeholders and picks the language from the browser', () => {
    expect(createTranslator('nb')('common.inDays', { n: 3 })).toBe('om 3 dager');
    expect(createTranslator('sv')('no.such.key')).toBe('no.such.key');
    expect(resolveLanguage('auto', ['no-NO', 'en'])).toBe('nb');
    expect(resolveLanguage('auto', ['da-DK'])).toBe('da');
    expect(resolveLanguage('auto', ['fr-FR'])).toBe('en');
    expect(resolveLanguage('sv', ['da-DK'])).toBe('sv');
  });
});
