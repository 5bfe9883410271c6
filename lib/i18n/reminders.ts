import type { Language } from '../model';
import da from './locales/da/reminders.json';
import en from './locales/en/reminders.json';
import nb from './locales/nb/reminders.json';
import sv from './locales/sv/reminders.json';
import { type Catalog, type Translate, translatorOver } from './translate';

/**
 * The `reminders` area only, in every language: all the background needs for its notifications, so that the
 * background does not carry the texts of every page (the dashboard's, the household view's...).
 */
const REMINDERS: Record<Language, Catalog> = {
  en: { reminders: en },
  nb: { reminders: nb },
  sv: { reminders: sv },
  da: { reminders: da },
};

/** A translator for `reminders.*` keys (other keys come back as the key itself). */
export function createRemindersTranslator(lang: Language): Translate {
  return translatorOver(REMINDERS, lang);
}
