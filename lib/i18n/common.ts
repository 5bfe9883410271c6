import type { Language } from '../model';
import da from './locales/da/common.json';
import en from './locales/en/common.json';
import nb from './locales/nb/common.json';
import sv from './locales/sv/common.json';
import { type Catalog, type Translate, translatorOver } from './translate';

/** The `common` area only, in every language: all the popup needs for its first paint. */
const COMMON: Record<Language, Catalog> = {
  en: { common: en },
  nb: { common: nb },
  sv: { common: sv },
  da: { common: da },
};

/** A translator for `common.*` keys (other keys come back as the key itself). */
export function createCommonTranslator(lang: Language): Translate {
  return translatorOver(COMMON, lang);
}
