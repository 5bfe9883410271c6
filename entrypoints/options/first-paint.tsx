import { render } from 'preact';
import { DashboardFirstPaint } from '../../components/DashboardFirstPaint';
import { usableSummary } from '../../lib/app/paint-summary';
import { parseRoute } from '../../lib/app/route';
import { todayFromInstant } from '../../lib/dates/today';
import { createDashboardPaintTranslator } from '../../lib/i18n/dashboard-paint';
import { LOCALES, resolveLanguage } from '../../lib/i18n/translate';

/**
 * The dashboard's first frame from the summary kept in storage.local (lib/app/paint-summary), drawn while the app
 * (Dexie, zod, the store, every text) loads, unless the app is already there (`done`). Returns whether it drew.
 */
export function paintSummary(root: HTMLElement, stored: Record<string, unknown> | undefined, done: () => boolean) {
  const summary = usableSummary(stored, todayFromInstant(new Date()));
  if (!summary || done()) return false;
  const lang = resolveLanguage(summary.settings.language, navigator.languages);
  document.documentElement.lang = LOCALES[lang];
  render(
    <DashboardFirstPaint
      view={parseRoute(location.hash).view}
      totals={summary.popup.totals}
      base={summary.settings.baseCurrency}
      ratesDate={summary.ratesDate}
      renewals={summary.popup.renewals}
      locale={LOCALES[lang]}
      t={createDashboardPaintTranslator(lang)}
    />,
    root,
  );
  return true;
}
