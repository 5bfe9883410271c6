import type { Language } from '../model';
import da_common from './locales/da/common.json';
import da_dashboard from './locales/da/dashboard.json';
import da_data from './locales/da/data.json';
import da_reminders from './locales/da/reminders.json';
import da_views from './locales/da/views.json';
import da_welcome from './locales/da/welcome.json';
import en_common from './locales/en/common.json';
import en_dashboard from './locales/en/dashboard.json';
import en_data from './locales/en/data.json';
import en_reminders from './locales/en/reminders.json';
import en_views from './locales/en/views.json';
import en_welcome from './locales/en/welcome.json';
import nb_common from './locales/nb/common.json';
import nb_dashboard from './locales/nb/dashboard.json';
import nb_data from './locales/nb/data.json';
import nb_reminders from './locales/nb/reminders.json';
import nb_views from './locales/nb/views.json';
import nb_welcome from './locales/nb/welcome.json';
import sv_common from './locales/sv/common.json';
import sv_dashboard from './locales/sv/dashboard.json';
import sv_data from './locales/sv/data.json';
import sv_reminders from './locales/sv/reminders.json';
import sv_views from './locales/sv/views.json';
import sv_welcome from './locales/sv/welcome.json';

type Catalog = Record<string, Record<string, string>>;

/** Every catalog file, by language and area. Adding an area: add its four files here. */
export const CATALOGS: Record<Language, Catalog> = {
  en: {
    common: en_common,
    dashboard: en_dashboard,
    views: en_views,
    reminders: en_reminders,
    data: en_data,
    welcome: en_welcome,
  },
  nb: {
    common: nb_common,
    dashboard: nb_dashboard,
    views: nb_views,
    reminders: nb_reminders,
    data: nb_data,
    welcome: nb_welcome,
  },
  sv: {
    common: sv_common,
    dashboard: sv_dashboard,
    views: sv_views,
    reminders: sv_reminders,
    data: sv_data,
    welcome: sv_welcome,
  },
  da: {
    common: da_common,
    dashboard: da_dashboard,
    views: da_views,
    reminders: da_reminders,
    data: da_data,
    welcome: da_welcome,
  },
};
