import type { Language } from '../model';
import { CATALOGS } from './catalogs';
import { type Translate, translatorOver } from './translate';

/**
 * UI text in four languages. Catalogs are JSON data files, one per language and area:
 * `lib/i18n/locales/<lang>/<area>.json`; a key is `<area>.<name>`. `{name}` placeholders are filled from params.
 */
export { type Catalog, LANGUAGES, LOCALES, type Params, resolveLanguage, type Translate } from './translate';

/** A translator for one language; falls back to English, then to the key itself (never throws). */
export function createTranslator(lang: Language): Translate {
  return translatorOver(CATALOGS, lang);
}

/** Every key of one language (for the completeness test). */
export function catalogKeys(lang: Language): string[] {
  return Object.entries(CATALOGS[lang]).flatMap(([area, entries]) => Object.keys(entries).map((k) => `${area}.${k}`));
}
