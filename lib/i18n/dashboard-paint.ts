import type { Language } from '../model';
import da_common from './locales/da/common.json';
import da_dashboard from './locales/da/dashboard.json';
import en_common from './locales/en/common.json';
import en_dashboard from './locales/en/dashboard.json';
import nb_common from './locales/nb/common.json';
import nb_dashboard from './locales/nb/dashboard.json';
import sv_common from './locales/sv/common.json';
import sv_dashboard from './locales/sv/dashboard.json';
import { type Catalog, type Translate, translatorOver } from './translate';

/** The `common` and `dashboard` areas only, in every language: what the dashboard's summary paint shows. */
const AREAS: Record<Language, Catalog> = {
  en: { common: en_common, dashboard: en_dashboard },
  nb: { common: nb_common, dashboard: nb_dashboard },
  sv: { common: sv_common, dashboard: sv_dashboard },
  da: { common: da_common, dashboard: da_dashboard },
};

/** A translator for `common.*` and `dashboard.*` keys (other keys come back as the key itself). */
export function createDashboardPaintTranslator(lang: Language): Translate {
  return translatorOver(AREAS, lang);
}
