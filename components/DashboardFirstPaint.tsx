import { NAV, type Route } from '../lib/app/route';
import type { Translate } from '../lib/i18n/translate';
import type { Renewal, Totals } from '../lib/summary';
import { RenewalList } from './RenewalList';
import { TotalsCard } from './TotalsCard';

/**
 * The dashboard's first frame while its app loads, from the small summary in storage.local: the same header and
 * navigation as the app, what you pay and the next renewals; where the chosen view goes, a loading line. The app
 * replaces it as soon as the database answers.
 */
export function DashboardFirstPaint(props: {
  view: Route['view'];
  totals: Totals;
  base: string;
  ratesDate: string;
  renewals: readonly Renewal[];
  locale: string;
  t: Translate;
}) {
  const { t, locale } = props;
  return (
    <div class="app">
      <a class="skip" href="#main">
        {t('dashboard.skip')}
      </a>
      <header class="top">
        <h1>Subkeeper</h1>
        <nav aria-label={t('dashboard.navLabel')}>
          <ul>
            {NAV.map((v) => (
              <li key={v}>
                <a href={`#/${v}`} aria-current={props.view === v ? 'page' : undefined}>
                  {t(`dashboard.nav.${v}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <a class="button primary" href="#/add">
          {t('common.addManually')}
        </a>
      </header>
      <main id="main" tabIndex={-1} data-testid="summary-paint">
        <TotalsCard totals={props.totals} base={props.base} ratesDate={props.ratesDate} locale={locale} t={t} />
        <section class="card" aria-labelledby="soon-h">
          <h2 id="soon-h">{t('common.nextRenewals')}</h2>
          <RenewalList renewals={props.renewals} locale={locale} t={t} empty={t('common.noRenewals')} />
        </section>
        <p class="loading" aria-busy="true">
          …
        </p>
      </main>
    </div>
  );
}
