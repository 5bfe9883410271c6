import type { Translate } from '../../lib/i18n';
import { RIGHTS_COUNTRIES, type RightsCountry, type RightsSettings as Settings } from '../../lib/model';
import './rights.css';

/** Where the user lives (whose consumer rules apply), and the opt-in count of days of use. */
export function RightsSettings(props: {
  value: Settings;
  /** The country `auto` resolves to now (from the base currency or the language). */
  auto?: RightsCountry;
  t: Translate;
  onChange: (next: Settings) => void;
  /** Counting was asked for, and the browser's access to the directory's sites was not given. */
  refused?: boolean;
}) {
  const { t, value } = props;
  return (
    <section class="card rights-settings" aria-labelledby="rights-settings-h" data-testid="rights-settings">
      <h2 id="rights-settings-h">{t('rights.settings.title')}</h2>
      <div class="field">
        <label for="rights-country">{t('rights.settings.country')}</label>
        <select
          id="rights-country"
          value={value.country}
          onChange={(e) => props.onChange({ ...value, country: e.currentTarget.value as Settings['country'] })}
        >
          <option value="auto">
            {props.auto
              ? t('rights.settings.auto', { country: t(`rights.country.${props.auto}`) })
              : t('rights.settings.autoNone')}
          </option>
          {RIGHTS_COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {t(`rights.country.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field check">
        <label>
          <input
            id="rights-usage"
            type="checkbox"
            checked={value.usage}
            aria-describedby="rights-usage-hint"
            onChange={(e) => props.onChange({ ...value, usage: e.currentTarget.checked })}
          />{' '}
          {t('rights.settings.usage')}
        </label>
        <p class="muted small" id="rights-usage-hint">
          {t('rights.usage.note')}
        </p>
        {props.refused && (
          <p class="error small" role="alert" data-testid="rights-usage-refused">
            {t('rights.usage.refused')}
          </p>
        )}
      </div>
      <p class="muted small">{t('rights.disclaimer')}</p>
    </section>
  );
}
