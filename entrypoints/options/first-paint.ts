import type { PaintSummary } from '../../lib/app/paint-summary';
import { formatDate } from '../../lib/dates/format';
import {
  addManually as da_addManually,
  inDays as da_inDays,
  nextRenewals as da_nextRenewals,
  noRenewals as da_noRenewals,
  perMonth as da_perMonth,
  perYear as da_perYear,
  today as da_today,
  tomorrow as da_tomorrow,
} from '../../lib/i18n/locales/da/common.json';
import {
  activeCount as da_activeCount,
  navLabel as da_navLabel,
  skip as da_skip,
  totals as da_totals,
  trialCount as da_trialCount,
} from '../../lib/i18n/locales/da/dashboard.json';
import {
  addManually as en_addManually,
  inDays as en_inDays,
  nextRenewals as en_nextRenewals,
  noRenewals as en_noRenewals,
  perMonth as en_perMonth,
  perYear as en_perYear,
  today as en_today,
  tomorrow as en_tomorrow,
} from '../../lib/i18n/locales/en/common.json';
import {
  activeCount as en_activeCount,
  navLabel as en_navLabel,
  skip as en_skip,
  totals as en_totals,
  trialCount as en_trialCount,
} from '../../lib/i18n/locales/en/dashboard.json';
import {
  addManually as nb_addManually,
  inDays as nb_inDays,
  nextRenewals as nb_nextRenewals,
  noRenewals as nb_noRenewals,
  perMonth as nb_perMonth,
  perYear as nb_perYear,
  today as nb_today,
  tomorrow as nb_tomorrow,
} from '../../lib/i18n/locales/nb/common.json';
import {
  activeCount as nb_activeCount,
  navLabel as nb_navLabel,
  skip as nb_skip,
  totals as nb_totals,
  trialCount as nb_trialCount,
} from '../../lib/i18n/locales/nb/dashboard.json';
import {
  addManually as sv_addManually,
  inDays as sv_inDays,
  nextRenewals as sv_nextRenewals,
  noRenewals as sv_noRenewals,
  perMonth as sv_perMonth,
  perYear as sv_perYear,
  today as sv_today,
  tomorrow as sv_tomorrow,
} from '../../lib/i18n/locales/sv/common.json';
import {
  activeCount as sv_activeCount,
  navLabel as sv_navLabel,
  skip as sv_skip,
  totals as sv_totals,
  trialCount as sv_trialCount,
} from '../../lib/i18n/locales/sv/dashboard.json';
import { LOCALES, resolveLanguage } from '../../lib/i18n/translate';
import { formatMoney } from '../../lib/money/format';

/**
 * The dashboard's first frame, drawn from the summary kept in storage.local (lib/app/paint-summary) while the app
 * (Preact, Dexie, zod, the store, every text) loads: the same header, what you pay and the next renewals, and a
 * loading line where the chosen view goes. Plain DOM and a few words per language (named imports of the word
 * lists), so that it is in the dashboard's tiny entry and paints as soon as storage answers; a Preact view here
 * would have to load first and would compete with the app's own loading (measured: it made the app later). All
 * text is set as text, never as HTML. The app replaces it as soon as the database answers.
 */
const TEXTS = {
  en: {
    perMonth: en_perMonth,
    perYear: en_perYear,
    nextRenewals: en_nextRenewals,
    noRenewals: en_noRenewals,
    today: en_today,
    tomorrow: en_tomorrow,
    inDays: en_inDays,
    addManually: en_addManually,
    totals: en_totals,
    activeCount: en_activeCount,
    trialCount: en_trialCount,
    skip: en_skip,
    navLabel: en_navLabel,
  },
  nb: {
    perMonth: nb_perMonth,
    perYear: nb_perYear,
    nextRenewals: nb_nextRenewals,
    noRenewals: nb_noRenewals,
    today: nb_today,
    tomorrow: nb_tomorrow,
    inDays: nb_inDays,
    addManually: nb_addManually,
    totals: nb_totals,
    activeCount: nb_activeCount,
    trialCount: nb_trialCount,
    skip: nb_skip,
    navLabel: nb_navLabel,
  },
  sv: {
    perMonth: sv_perMonth,
    perYear: sv_perYear,
    nextRenewals: sv_nextRenewals,
    noRenewals: sv_noRenewals,
    today: sv_today,
    tomorrow: sv_tomorrow,
    inDays: sv_inDays,
    addManually: sv_addManually,
    totals: sv_totals,
    activeCount: sv_activeCount,
    trialCount: sv_trialCount,
    skip: sv_skip,
    navLabel: sv_navLabel,
  },
  da: {
    perMonth: da_perMonth,
    perYear: da_perYear,
    nextRenewals: da_nextRenewals,
    noRenewals: da_noRenewals,
    today: da_today,
    tomorrow: da_tomorrow,
    inDays: da_inDays,
    addManually: da_addManually,
    totals: da_totals,
    activeCount: da_activeCount,
    trialCount: da_trialCount,
    skip: da_skip,
    navLabel: da_navLabel,
  },
};

type Texts = (typeof TEXTS)['en'];

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

const daysLeft = (n: number, t: Texts) =>
  n <= 0 ? t.today : n === 1 ? t.tomorrow : t.inDays.replace('{n}', String(n));

/** Draws the summary into `root` (empty until the app renders). */
export function paintDashboardSummary(root: HTMLElement, s: PaintSummary): void {
  const lang = resolveLanguage(s.settings.language, navigator.languages);
  const locale = LOCALES[lang];
  const t = TEXTS[lang];
  const base = s.settings.baseCurrency;
  const { totals, renewals } = s.popup;
  document.documentElement.lang = locale;
  const figure = (label: string, value: string) =>
    el('div', {}, el('dt', {}, label), el('dd', { class: 'figure' }, value));
  const list =
    renewals.length === 0
      ? el('p', { class: 'muted' }, t.noRenewals)
      : el(
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
  root.replaceChildren(
    el(
      'div',
      { class: 'app' },
      el('a', { class: 'skip', href: '#main' }, t.skip),
      el(
        'header',
        { class: 'top' },
        el('h1', {}, 'Subkeeper'),
        el('nav', { 'aria-label': t.navLabel }, el('ul')),
        el('a', { class: 'button primary', href: '#/add' }, t.addManually),
      ),
      el(
        'main',
        { id: 'main', tabindex: '-1', 'data-testid': 'summary-paint' },
        el(
          'section',
          { class: 'card totals' },
          el('h2', {}, t.totals),
          el(
            'dl',
            { class: 'totals-figures' },
            figure(t.perMonth, money(totals.monthlyMinor, base, locale)),
            figure(t.perYear, money(totals.yearlyMinor, base, locale)),
            figure(t.activeCount, String(totals.activeCount)),
            figure(t.trialCount, String(totals.trialCount)),
          ),
        ),
        el('section', { class: 'card' }, el('h2', {}, t.nextRenewals), list),
        el('p', { class: 'loading', 'aria-busy': 'true' }, '…'),
      ),
    ),
  );
}
