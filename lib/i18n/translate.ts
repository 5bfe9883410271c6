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

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();
function rulesFor(locale: string): Intl.PluralRules {
  let r = pluralRules.get(locale);
  if (!r) {
    r = new Intl.PluralRules(locale);
    pluralRules.set(locale, r);
  }
  return r;
}
function numberFor(locale: string): Intl.NumberFormat {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberFormats.set(locale, f);
  }
  return f;
}

/** The index just past the `}` that closes the `{` at `open` (or -1). */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Fills ICU-style plural blocks: `{count, plural, =0 {none} one {# trial} other {# trials}}` picks the branch by
 * an exact `=n` match, else by `Intl.PluralRules` of the locale (`one`, `other`, …), and writes `#` as the number
 * in the locale's digits. A block whose parameter is missing or not a number is left as it is.
 */
function fillPlurals(text: string, params: Params, locale: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const at = text.indexOf('{', i);
    if (at < 0) return out + text.slice(i);
    const head = /^\{(\w+), *plural, */.exec(text.slice(at));
    const end = head ? closing(text, at) : -1;
    const value = head ? params[head[1]!] : undefined;
    if (!head || end < 0 || typeof value !== 'number') {
      out += text.slice(i, at + 1);
      i = at + 1;
      continue;
    }
    const branches = new Map<string, string>();
    let j = at + head[0].length;
    while (j < end - 1) {
      const sel = /^\s*(=\d+|\w+)\s*\{/.exec(text.slice(j, end - 1));
      if (!sel) break;
      const open = j + sel[0].length - 1;
      const close = closing(text, open);
      if (close < 0) break;
      branches.set(sel[1]!, text.slice(open + 1, close - 1));
      j = close;
    }
    const chosen = branches.get(`=${value}`) ?? branches.get(rulesFor(locale).select(value)) ?? branches.get('other');
    out += text.slice(i, at) + (chosen ?? '').replace(/#/g, numberFor(locale).format(value));
    i = end;
  }
}

/**
 * A translator for one language over `catalogs`; falls back to English, then to the key itself (never throws).
 * `{name}` is filled from `params`; `{name, plural, one {…} other {…}}` chooses by the language's plural rules.
 */
export function translatorOver(catalogs: Record<Language, Catalog>, lang: Language): Translate {
  return (key, params) => {
    const own = lookup(catalogs[lang], key);
    let text = own ?? lookup(catalogs.en, key) ?? key;
    if (!params) return text;
    if (text.includes(', plural,')) text = fillPlurals(text, params, LOCALES[own !== undefined ? lang : 'en']);
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}
