import type { PaintSummary } from '../lib/app/paint-summary-check';
import type { CurrentSite } from '../lib/app/popup';
import { formatDate } from '../lib/dates/format';
import {
  activeTrials as da_activeTrials,
  addManually as da_addManually,
  afterTrials as da_afterTrials,
  inDays as da_inDays,
  nextRenewals as da_nextRenewals,
  noRenewals as da_noRenewals,
  nothingHere as da_nothingHere,
  openDashboard as da_openDashboard,
  perMonth as da_perMonth,
  perYear as da_perYear,
  thisMonth as da_thisMonth,
  today as da_today,
  tomorrow as da_tomorrow,
} from '../lib/i18n/locales/da/common.json';
import {
  activeCount as da_activeCount,
  navLabel as da_navLabel,
  skip as da_skip,
  totals as da_totals,
  trialCount as da_trialCount,
} from '../lib/i18n/locales/da/dashboard.json';
import {
  activeTrials as en_activeTrials,
  addManually as en_addManually,
  afterTrials as en_afterTrials,
  inDays as en_inDays,
  nextRenewals as en_nextRenewals,
  noRenewals as en_noRenewals,
  nothingHere as en_nothingHere,
  openDashboard as en_openDashboard,
  perMonth as en_perMonth,
  perYear as en_perYear,
  thisMonth as en_thisMonth,
  today as en_today,
  tomorrow as en_tomorrow,
} from '../lib/i18n/locales/en/common.json';
import {
  activeCount as en_activeCount,
  navLabel as en_navLabel,
  skip as en_skip,
  totals as en_totals,
  trialCount as en_trialCount,
} from '../lib/i18n/locales/en/dashboard.json';
import {
  activeTrials as nb_activeTrials,
  addManually as nb_addManually,
  afterTrials as nb_afterTrials,
  inDays as nb_inDays,
  nextRenewals as nb_nextRenewals,
  noRenewals as nb_noRenewals,
  nothingHere as nb_nothingHere,
  openDashboard as nb_openDashboard,
  perMonth as nb_perMonth,
  perYear as nb_perYear,
  thisMonth as nb_thisMonth,
  today as nb_today,
  tomorrow as nb_tomorrow,
} from '../lib/i18n/locales/nb/common.json';
import {
  activeCount as nb_activeCount,
  navLabel as nb_navLabel,
  skip as nb_skip,
  totals as nb_totals,
  trialCount as nb_trialCount,
} from '../lib/i18n/locales/nb/dashboard.json';
import {
  activeTrials as sv_activeTrials,
  addManually as sv_addManually,
  afterTrials as sv_afterTrials,
  inDays as sv_inDays,
  nextRenewals as sv_nextRenewals,
  noRenewals as sv_noRenewals,
  nothingHere as sv_nothingHere,
  openDashboard as sv_openDashboard,
  perMonth as sv_perMonth,
  perYear as sv_perYear,
  thisMonth as sv_thisMonth,
  today as sv_today,
  tomorrow as sv_tomorrow,
} from '../lib/i18n/locales/sv/common.json';
import {
  activeCount as sv_activeCount,
  navLabel as sv_navLabel,
  skip as sv_skip,
  totals as sv_totals,
  trialCount as sv_trialCount,
} from '../lib/i18n/locales/sv/dashboard.json';
import { type Catalog, LOCALES, resolveLanguage, type Translate, translatorOver } from '../lib/i18n/translate';
import type { Language } from '../lib/model';
import { formatMoney } from '../lib/money/format';
import type { Renewal } from '../lib/summary';

/**
 * The popup's and the dashboard's first frames, drawn from the summary kept in storage.local
 * (lib/app/paint-summary) by their tiny entry scripts, before Preact, the views and the texts have loaded: the same
 * markup and classes as PopupView and the dashboard's header, totals and renewals, with a few words per language
 * (named imports of the word lists). Plain DOM because a Preact view here would have to load first (measured on
 * the dashboard: the first paint no earlier, the app later). All text is set as text, never as HTML. The views
 * replace these frames as soon as the database answers; a click on them before then does nothing.
 */
const CATALOGS: Record<Language, Catalog> = {
  en: {
    common: {
      perMonth: en_perMonth,
      perYear: en_perYear,
      nextRenewals: en_nextRenewals,
      noRenewals: en_noRenewals,
      today: en_today,
      tomorrow: en_tomorrow,
      inDays: en_inDays,
      addManually: en_addManually,
      openDashboard: en_openDashboard,
      thisMonth: en_thisMonth,
      activeTrials: en_activeTrials,
      afterTrials: en_afterTrials,
      nothingHere: en_nothingHere,
    },
    dashboard: {
      totals: en_totals,
      activeCount: en_activeCount,
      trialCount: en_trialCount,
      skip: en_skip,
      navLabel: en_navLabel,
    },
  },
  nb: {
    common: {
      perMonth: nb_perMonth,
      perYear: nb_perYear,
      nextRenewals: nb_nextRenewals,
      noRenewals: nb_noRenewals,
      today: nb_today,
      tomorrow: nb_tomorrow,
      inDays: nb_inDays,
      addManually: nb_addManually,
      openDashboard: nb_openDashboard,
      thisMonth: nb_thisMonth,
      activeTrials: nb_activeTrials,
      afterTrials: nb_afterTrials,
      nothingHere: nb_nothingHere,
    },
    dashboard: {
      totals: nb_totals,
      activeCount: nb_activeCount,
      trialCount: nb_trialCount,
      skip: nb_skip,
      navLabel: nb_navLabel,
    },
  },
  sv: {
    common: {
      perMonth: sv_perMonth,
      perYear: sv_perYear,
      nextRenewals: sv_nextRenewals,
      noRenewals: sv_noRenewals,
      today: sv_today,
      tomorrow: sv_tomorrow,
      inDays: sv_inDays,
      addManually: sv_addManually,
      openDashboard: sv_openDashboard,
      thisMonth: sv_thisMonth,
      activeTrials: sv_activeTrials,
      afterTrials: sv_afterTrials,
      nothingHere: sv_nothingHere,
    },
    dashboard: {
      totals: sv_totals,
      activeCount: sv_activeCount,
      trialCount: sv_trialCount,
      skip: sv_skip,
      navLabel: sv_navLabel,
    },
  },
  da: {
    common: {
      perMonth: da_perMonth,
      perYear: da_perYear,
      nextRenewals: da_nextRenewals,
      noRenewals: da_noRenewals,
      today: da_today,
      tomorrow: da_tomorrow,
      inDays: da_inDays,
      addManually: da_addManually,
      openDashboard: da_openDashboard,
      thisMonth: da_thisMonth,
      activeTrials: da_activeTrials,
      afterTrials: da_afterTrials,
      nothingHere: da_nothingHere,
    },
    dashboard: {
      totals: da_totals,
      activeCount: da_activeCount,
      trialCount: da_trialCount,
      skip: da_skip,
      navLabel: da_navLabel,
    },
  },
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...kids: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
}

function money(minor: number, currency: string, locale: string) {
  try {
    return formatMoney({ amountMinor: Math.round(minor), currency }, locale);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** lib/app/format's daysLeftLabel. */
const daysLeft = (n: number, t: Translate) =>
  n === 0 ? t('common.today') : n === 1 ? t('common.tomorrow') : t('common.inDays', { n });

/** components/RenewalList's markup (without its buttons). */
function renewalList(renewals: readonly Renewal[], locale: string, t: Translate) {
  if (renewals.length === 0) return el('p', { class: 'muted' }, t('common.noRenewals'));
  return el(
    'ul',
    { class: 'renewals' },
    ...renewals.map((r) =>
      el(
        'li',
        {},
        el('span', { class: 'name' }, r.subscription.service),
        el('span', { class: 'amount' }, money(r.amountMinor, r.currency, locale)),
        el(
          'span',
          { class: 'when' },
          el('time', { datetime: r.date }, formatDate(r.date, locale, 'medium')),
          el('span', { class: 'days' }, ` · ${daysLeft(r.daysLeft, t)}`),
        ),
      ),
    ),
  );
}

/** The element the frame is drawn in: beside the views' root, so that they render into an empty root. */
const FRAME_ID = 'summary-frame';

function show(root: HTMLElement, content: Node) {
  removeSummaryFrame();
  root.before(el('div', { id: FRAME_ID }, content));
}

/** Removes the frame (the view has rendered its data). */
export function removeSummaryFrame(): void {
  document.getElementById(FRAME_ID)?.remove();
}

function setup(s: PaintSummary) {
  const lang = resolveLanguage(s.settings.language, navigator.languages);
  const locale = LOCALES[lang];
  document.documentElement.lang = locale;
  return { locale, t: translatorOver(CATALOGS, lang) };
}

/** The dashboard's first frame (beside `root`): the header, what you pay, the next renewals and a loading line. */
export function paintDashboardSummary(root: HTMLElement, s: PaintSummary): void {
  const { locale, t } = setup(s);
  const base = s.settings.baseCurrency;
  const { totals, renewals } = s.popup;
  const figure = (label: string, value: string) =>
    el('div', {}, el('dt', {}, label), el('dd', { class: 'figure' }, value));
  show(
    root,
    el(
      'div',
      { class: 'app' },
      el('a', { class: 'skip', href: '#main' }, t('dashboard.skip')),
      el(
        'header',
        { class: 'top' },
        el('h1', {}, 'Subkeeper'),
        el('nav', { 'aria-label': t('dashboard.navLabel') }, el('ul')),
        el('a', { class: 'button primary', href: '#/add' }, t('common.addManually')),
      ),
      el(
        'main',
        { id: 'main', tabindex: '-1', 'data-testid': 'summary-paint' },
        el(
          'section',
          { class: 'card totals' },
          el('h2', {}, t('dashboard.totals')),
          el(
            'dl',
            { class: 'totals-figures' },
            figure(t('common.perMonth'), money(totals.monthlyMinor, base, locale)),
            figure(t('common.perYear'), money(totals.yearlyMinor, base, locale)),
            figure(t('dashboard.activeCount'), String(totals.activeCount)),
            figure(t('dashboard.trialCount'), String(totals.trialCount)),
          ),
        ),
        el('section', { class: 'card' }, el('h2', {}, t('common.nextRenewals')), renewalList(renewals, locale, t)),
        el('p', { class: 'loading', 'aria-busy': 'true' }, '…'),
      ),
    ),
  );
}

/**
 * The popup's first frame (PopupView's markup): this month, the next renewals, and the site card when there is
 * nothing to show on it but its name; the trials-ending card comes with the view. Returns false (draws nothing)
 * with no subscriptions (the view's first-run state) or for a site with a detection (its card has actions).
 */
export function paintPopupSummary(root: HTMLElement, s: PaintSummary, site: CurrentSite | null): boolean {
  // No subscriptions: the view says how to start. A detection: its card has actions.
  if (s.subscriptionCount === 0 || (site && (site.detection || site.subscription))) return false;
  const { locale, t } = setup(s);
  const { totals, renewals } = s.popup;
  const base = s.settings.baseCurrency;
  show(
    root,
    el(
      'main',
      { class: 'popup', 'data-testid': 'summary-paint' },
      el(
        'header',
        { class: 'popup-head' },
        el('h1', {}, 'Subkeeper'),
        el('button', { type: 'button', class: 'linkish' }, t('common.openDashboard')),
      ),
      ...(site
        ? [
            el(
              'section',
              { class: 'card site', 'aria-labelledby': 'site-h' },
              el('h2', { id: 'site-h' }, site.hostname),
              el('p', { class: 'muted' }, t('common.nothingHere')),
            ),
          ]
        : []),
      el(
        'section',
        { class: 'card', 'aria-labelledby': 'month-h' },
        el('h2', { id: 'month-h' }, t('common.thisMonth')),
        el('p', { class: 'figure', 'data-testid': 'popup-monthly-total' }, money(totals.monthlyMinor, base, locale)),
        el(
          'p',
          { class: 'muted small' },
          t('common.activeTrials', { active: totals.activeCount, trials: totals.trialCount }),
        ),
        ...(totals.trialCount > 0 && totals.afterTrialsMonthlyMinor > 0
          ? [
              el(
                'p',
                { class: 'muted small', 'data-testid': 'popup-after-trials' },
                t('common.afterTrials', {
                  amount: money(totals.afterTrialsMonthlyMinor, base, locale),
                  count: totals.trialCount,
                }),
              ),
            ]
          : []),
      ),
      el(
        'section',
        { class: 'card', 'aria-labelledby': 'soon-h' },
        el('h2', { id: 'soon-h' }, t('common.nextRenewals')),
        renewalList(renewals, locale, t),
      ),
      el('button', { type: 'button', class: 'primary wide' }, t('common.addManually')),
    ),
  );
  return true;
}
