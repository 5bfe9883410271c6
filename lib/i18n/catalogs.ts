import type { Language } from '../model';
import da_about from './locales/da/about.json';
import da_common from './locales/da/common.json';
import da_dashboard from './locales/da/dashboard.json';
import da_data from './locales/da/data.json';
import da_inbox from './locales/da/inbox.json';
import da_reminders from './locales/da/reminders.json';
import da_rights from './locales/da/rights.json';
import da_sync from './locales/da/sync.json';
import da_views from './locales/da/views.json';
import da_welcome from './locales/da/welcome.json';
import en_about from './locales/en/about.json';
import en_common from './locales/en/common.json';
import en_dashboard from './locales/en/dashboard.json';
import en_data from './locales/en/data.json';
import en_inbox from './locales/en/inbox.json';
import en_reminders from './locales/en/reminders.json';
import en_rights from './locales/en/rights.json';
import en_sync from './locales/en/sync.json';
import en_views from './locales/en/views.json';
import en_welcome from './locales/en/welcome.json';
import nb_about from './locales/nb/about.json';
import nb_common from './locales/nb/common.json';
import nb_dashboard from './locales/nb/dashboard.json';
import nb_data from './locales/nb/data.json';
import nb_inbox from './locales/nb/inbox.json';
import nb_reminders from './locales/nb/reminders.json';
import nb_rights from './locales/nb/rights.json';
import nb_sync from './locales/nb/sync.json';
import nb_views from './locales/nb/views.json';
import nb_welcome from './locales/nb/welcome.json';
import sv_about from './locales/sv/about.json';
import sv_common from './locales/sv/common.json';
import sv_dashboard from './locales/sv/dashboard.json';
import sv_data from './locales/sv/data.json';
import sv_inbox from './locales/sv/inbox.json';
import sv_reminders from './locales/sv/reminders.json';
import sv_rights from './locales/sv/rights.json';
import sv_sync from './locales/sv/sync.json';
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
    inbox: en_inbox,
    about: en_about,
    rights: en_rights,
    sync: en_sync,
    welcome: en_welcome,
  },
  nb: {
    common: nb_common,
    dashboard: nb_dashboard,
    views: nb_views,
    reminders: nb_reminders,
    data: nb_data,
    inbox: nb_inbox,
    about: nb_about,
    rights: nb_rights,
    sync: nb_sync,
    welcome: nb_welcome,
  },
  sv: {
    common: sv_common,
    dashboard: sv_dashboard,
    views: sv_views,
    reminders: sv_reminders,
    data: sv_data,
    inbox: sv_inbox,
    about: sv_about,
    rights: sv_rights,
    sync: sv_sync,
    welcome: sv_welcome,
  },
  da: {
    common: da_common,
    dashboard: da_dashboard,
    views: da_views,
    reminders: da_reminders,
    data: da_data,
    inbox: da_inbox,
    about: da_about,
    rights: da_rights,
    sync: da_sync,
    welcome: da_welcome,
  },
};
