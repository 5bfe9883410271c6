import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogKeys, LANGUAGES } from '../../../lib/i18n';
import { CATEGORIES, LINK_KINDS, STATUSES } from '../../../lib/model';

const dir = join(process.cwd(), 'components/views');
const sources = readdirSync(dir)
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n');

/** Every literal `views.…` key the view components pass to `t`. */
const literalKeys = [...new Set([...sources.matchAll(/t\('(views\.[A-Za-z0-9_.]+)'/g)].map((m) => m[1]!))];

/** Keys built from data: categories, statuses, link kinds, periods, sources, price directions. */
const builtKeys = [
  ...CATEGORIES.map((c) => `common.category.${c}`),
  ...STATUSES.map((s) => `common.status.${s}`),
  ...LINK_KINDS.map((k) => `views.detail.link.${k}`),
  ...['D', 'W', 'M', 'Y'].flatMap((u) => [`common.period.${u}`, `common.period.n${u}`]),
  ...['detected', 'manual', 'imported'].map((s) => `views.detail.source.${s}`),
  'views.detail.price.up',
  'views.detail.price.down',
];

describe('views catalog', () => {
  it('finds the keys in the sources (the scan works)', () => {
    expect(literalKeys.length).toBeGreaterThan(100);
    expect(literalKeys).toContain('views.settings.save');
  });

  for (const lang of LANGUAGES) {
    it(`has every key the views use in ${lang}`, () => {
      const keys = new Set(catalogKeys(lang));
      const missing = [...literalKeys, ...builtKeys].filter((k) => !keys.has(k));
      expect(missing).toEqual([]);
    });
  }

  it('has the same keys in every language, and no empty text', () => {
    const en = catalogKeys('en')
      .filter((k) => k.startsWith('views.'))
      .sort();
    for (const lang of LANGUAGES) {
      expect(
        catalogKeys(lang)
          .filter((k) => k.startsWith('views.'))
          .sort(),
        lang,
      ).toEqual(en);
      const file = JSON.parse(readFileSync(join(process.cwd(), `lib/i18n/locales/${lang}/views.json`), 'utf8'));
      for (const [key, text] of Object.entries(file)) expect(String(text).trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('keeps placeholders the same across languages', () => {
    const placeholders = (s: string) =>
      [...new Set([...s.matchAll(/\{(\w+)(?:\}|, *plural,)/g)].map((m) => m[1]))].sort();
    const read = (lang: string) =>
      JSON.parse(readFileSync(join(process.cwd(), `lib/i18n/locales/${lang}/views.json`), 'utf8')) as Record<
        string,
        string
      >;
    const en = read('en');
    for (const lang of LANGUAGES) {
      const other = read(lang);
      for (const key of Object.keys(en))
        expect(placeholders(other[key]!), `${lang} ${key}`).toEqual(placeholders(en[key]!));
    }
  });
});
