import { money } from '../lib/app/format';
import { formatDate } from '../lib/dates';
import type { Translate } from '../lib/i18n';
import type { Totals } from '../lib/summary';

/** Monthly and yearly totals in the base currency, with the per-currency breakdown. */
export function TotalsCard(props: { totals: Totals; base: string; ratesDate: string; locale: string; t: Translate }) {
  const { totals, base, locale, t } = props;
  const mixed = totals.byCurrency.length > 1 || totals.byCurrency.some((c) => c.currency !== base);
  return (
    <section class="card totals" aria-labelledby="totals-h">
      <h2 id="totals-h">{t('dashboard.totals')}</h2>
      <dl class="totals-figures">
        <div>
          <dt>{t('common.perMonth')}</dt>
          <dd class="figure" data-testid="monthly-total">
            {money(totals.monthlyMinor, base, locale)}
          </dd>
          {totals.trialCount > 0 && totals.afterTrialsMonthlyMinor > 0 && (
            <dd class="muted small" data-testid="after-trials">
              {t('common.afterTrials', {
                amount: money(totals.afterTrialsMonthlyMinor, base, locale),
                count: totals.trialCount,
              })}
            </dd>
          )}
        </div>
        <div>
          <dt>{t('common.perYear')}</dt>
          <dd class="figure" data-testid="yearly-total">
            {money(totals.yearlyMinor, base, locale)}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.activeCount')}</dt>
          <dd class="figure">{totals.activeCount}</dd>
        </div>
        <div>
          <dt>{t('dashboard.trialCount')}</dt>
          <dd class="figure">{totals.trialCount}</dd>
        </div>
      </dl>
      {mixed && (
        <table class="breakdown">
          <caption>{t('dashboard.byCurrency')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.currency')}</th>
              <th scope="col">{t('common.perMonth')}</th>
              <th scope="col">{t('common.perYear')}</th>
            </tr>
          </thead>
          <tbody>
            {totals.byCurrency.map((c) => (
              <tr key={c.currency}>
                <th scope="row">{c.currency}</th>
                <td>{money(c.monthlyMinor, c.currency, locale)}</td>
                <td>{money(c.yearlyMinor, c.currency, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mixed && (
        <p class="muted small">{t('dashboard.ratesFrom', { date: formatDate(props.ratesDate, locale, 'medium') })}</p>
      )}
      {totals.missingRates.length > 0 && (
        <p class="warning small">{t('dashboard.missingRates', { list: totals.missingRates.join(', ') })}</p>
      )}
    </section>
  );
}
