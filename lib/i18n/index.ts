import type { Language } from '../model';
import { CATALOGS } from './catalogs';

/**
 * UI text in four languages. Catalogs are JSON data files, one per language and area:
 * `lib/i18n/locales/<lang>/<area>.json`; a key is `<area>.<name>`. `{name}` placeholders are filled from params.
 */
export const LANGUAGES: readonly Language[] = ['en', 'nb', 'sv', 'da'];

/** BCP 47 locale used for Intl formatting of each UI language. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', nb: 'nb-NO', sv: 'sv-SE', da: 'da-DK' };

export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

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

function lookup(lang: Language, key: string): string | undefined {
  const dot = key.indexOf('.');
  if (dot < 0) return undefined;
  const area = CATALOGS[lang][key.slice(0, dot)];
  return area?.[key.slice(dot + 1)];
}

/** A translator for one language; falls back to English, then to the key itself (never throws). */
export function createTranslator(lang: Language): Translate {
  return (key, params) => {
    const text = lookup(lang, key) ?? lookup('en', key) ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}

/** Every key of one language (for the completeness test). */
export function catalogKeys(lang: Language): string[] {
  return Object.entries(CATALOGS[lang]).flatMap(([area, entries]) => Object.keys(entries).map((k) => `${area}.${k}`));
}
