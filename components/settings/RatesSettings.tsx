import { formatDate } from '../../lib/dates';
import type { ExchangeRates } from '../../lib/model';
import { currencyName, describedBy, FieldError, type SectionProps } from './fields';

interface RatesSettingsProps extends SectionProps {
  bundledRates: ExchangeRates;
  /** Whether any exchange-rate field is wrong (the table then opens). */
  ratesWrong: boolean;
  /** Back to the rates shipped with the extension, clearing their errors. */
  onReset: () => void;
}

/** Exchange rates: the shipped ones, or the user's own per currency (folded away unless in use or wrong). */
export function RatesSettings({
  draft,
  update,
  err,
  invalid,
  t,
  locale,
  bundledRates,
  ratesWrong,
  onReset,
}: RatesSettingsProps) {
  const rateCodes = Object.keys(draft.rates).sort((a, b) => (a === 'EUR' ? -1 : b === 'EUR' ? 1 : a.localeCompare(b)));
  const ratesOpen = draft.ratesCustom || ratesWrong;
  return (
    <fieldset class="card">
      <legend>{t('views.settings.rates')}</legend>
      <p class="hint">
        {draft.ratesCustom
          ? t('views.settings.ratesCustom')
          : t('views.settings.ratesBundled', { date: formatDate(bundledRates.date, locale) })}
      </p>
      <details class="rates-details" open={ratesOpen}>
        <summary>{t('views.settings.ratesEdit')}</summary>
        <div class="rates-body">
          <div class="field">
            <label for="settings-rates-date">{t('views.settings.ratesDate')}</label>
            <input
              id="settings-rates-date"
              type="date"
              value={draft.ratesDate}
              aria-invalid={invalid('exchangeRates.date')}
              aria-describedby={describedBy(invalid('exchangeRates.date') && 'settings-rates-date-error')}
              onInput={(e) => update({ ratesDate: e.currentTarget.value, ratesCustom: true })}
            />
            <FieldError id="settings-rates-date-error" messages={err('exchangeRates.date')} />
          </div>
          <FieldError id="settings-rates-error" messages={err('exchangeRates.perEur')} />
          <table class="rates-table">
            <caption>{t('views.settings.ratesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('views.settings.currency')}</th>
                <th scope="col">{t('views.settings.perEur')}</th>
              </tr>
            </thead>
            <tbody>
              {rateCodes.map((code) => {
                const id = `settings-rate-${code}`;
                const field = `exchangeRates.perEur.${code}`;
                return (
                  <tr key={code}>
                    <th scope="row">
                      <label for={id}>
                        {code}
                        <span class="sr-only"> {t('views.settings.perEur')}</span>
                      </label>
                      <span class="currency-name muted">{currencyName(code, locale)}</span>
                    </th>
                    <td>
                      <input
                        id={id}
                        type="text"
                        inputMode="decimal"
                        class="rate-input"
                        value={draft.rates[code]}
                        readOnly={code === 'EUR'}
                        aria-invalid={invalid(field)}
                        aria-describedby={describedBy(invalid(field) && `${id}-error`)}
                        onInput={(e) =>
                          update({ rates: { ...draft.rates, [code]: e.currentTarget.value }, ratesCustom: true })
                        }
                      />
                      <FieldError id={`${id}-error`} messages={err(field)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="button" onClick={onReset}>
            {t('views.settings.resetRates')}
          </button>
        </div>
      </details>
    </fieldset>
  );
}
