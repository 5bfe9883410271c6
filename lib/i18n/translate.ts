import type { Language } from '../model';

/**
 * The light half of i18n: languages, locales and the translator over whichever catalogs a page loaded. The popup
 * paints with the `common` area only (lib/i18n/common.ts); everything else uses all areas (lib/i18n/index.ts).
 */
export const LANGUAGES: readonly Language[] = ['en', 'nb', 'sv', 'da'];

/** BCP 47 locale used for Intl formatting of each UI language. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', nb: 'nb-NO', sv: 'sv-SE', da: 'da-DK' };

export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;
/** One language's catalog: area → key → text. */
export type Catalog = Record<string, Record<string, string>>;

/** Picks the UI language from a setting (`auto` follows the browser's languages). */
export function resolveLanguage(setting: Language | 'auto', browserLanguages: readonly string[]): Language {
  if (setting !== 'auto') return setting;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'no' || base === 'nn' || base === 'nb') return 'nb';
    if (base === 'sv' || base === 'da' || base === 'en') return base;
  }
  return 'en';
}

function lookup(catalog: Catalog, key: string): string | undefined {
  const dot = key.indexOf('.');
  if (dot < 0) return undefined;
  return catalog[key.slice(0, dot)]?.[key.slice(dot + 1)];
}

/** A translator for one language over `catalogs`; falls back to English, then to the key itself (never throws). */
export function translatorOver(catalogs: Record<Language, Catalog>, lang: Language): Translate {
  return (key, params) => {
    const text = lookup(catalogs[lang], key) ?? lookup(catalogs.en, key) ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}
