import type { Language, Settings, Subscription } from '../../lib/model';
import { currencyName, describedBy, FieldError, type SectionProps } from './fields';

/** Each language's name in that language (shown the same whatever the UI language is). */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nb: 'Norsk bokmål', sv: 'Svenska', da: 'Dansk' };

interface GeneralSettingsProps extends SectionProps {
  settings: Settings;
  currencies: readonly string[];
  /** Subscriptions in the old main currency when the main currency is being changed. */
  inOld: readonly Subscription[];
  relabel: ReadonlySet<string>;
  setRelabel: (ids: ReadonlySet<string>) => void;
  canRelabel: boolean;
  browserKrone: string | undefined;
}

/** Main currency (and what it means for saved subscriptions), what a bare `kr` is, and the language. */
export function GeneralSettings({
  draft,
  update,
  err,
  invalid,
  t,
  locale,
  settings,
  currencies,
  inOld,
  relabel,
  setRelabel,
  canRelabel,
  browserKrone,
}: GeneralSettingsProps) {
  return (
    <fieldset class="card">
      <legend>{t('views.settings.general')}</legend>
      <div class="field">
        <label for="settings-base">{t('views.settings.baseCurrency')}</label>
        <select
          id="settings-base"
          value={draft.baseCurrency}
          aria-invalid={invalid('baseCurrency')}
          aria-describedby={describedBy('settings-base-hint', invalid('baseCurrency') && 'settings-base-error')}
          onChange={(e) => update({ baseCurrency: e.currentTarget.value })}
        >
          {currencies.map((code) => (
            <option key={code} value={code}>
              {code} – {currencyName(code, locale)}
            </option>
          ))}
        </select>
        <p id="settings-base-hint" class="hint">
          {t('views.settings.baseCurrencyHint')}
        </p>
        <FieldError id="settings-base-error" messages={err('baseCurrency')} />
      </div>
      {inOld.length > 0 && (
        <div class="note base-change" data-testid="base-change">
          <p>
            {t('views.settings.baseChange', {
              to: draft.baseCurrency,
              from: settings.baseCurrency,
              count: inOld.length,
            })}
          </p>
          {canRelabel && (
            <details>
              <summary>{t('views.settings.relabelTitle', { from: settings.baseCurrency })}</summary>
              <p class="hint">{t('views.settings.relabelHint', { to: draft.baseCurrency })}</p>
              <ul class="relabel-list">
                {inOld.map((s) => (
                  <li key={s.id}>
                    <label class="check">
                      <input
                        type="checkbox"
                        checked={relabel.has(s.id)}
                        onChange={(e) => {
                          const next = new Set(relabel);
                          if (e.currentTarget.checked) next.add(s.id);
                          else next.delete(s.id);
                          setRelabel(next);
                        }}
                      />{' '}
                      <span class="name">{s.service}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      <div class="field">
        <label for="settings-krone">{t('welcome.krone')}</label>
        <select
          id="settings-krone"
          value={draft.krone}
          aria-describedby="settings-krone-hint"
          onChange={(e) => update({ krone: e.currentTarget.value })}
        >
          <option value="">{t('views.settings.kroneAuto', { currency: browserKrone ?? 'NOK' })}</option>
          {['NOK', 'SEK', 'DKK', 'ISK'].map((code) => (
            <option key={code} value={code}>
              {code} – {currencyName(code, locale)}
            </option>
          ))}
        </select>
        <p id="settings-krone-hint" class="hint">
          {t('welcome.kroneHint')}
        </p>
      </div>
      <div class="field">
        <label for="settings-language">{t('views.settings.language')}</label>
        <select
          id="settings-language"
          value={draft.language}
          aria-invalid={invalid('language')}
          aria-describedby={describedBy(invalid('language') && 'settings-language-error')}
          onChange={(e) => update({ language: e.currentTarget.value as Language | 'auto' })}
        >
          <option value="auto">{t('views.settings.languageAuto')}</option>
          {(Object.keys(LANGUAGE_NAMES) as Language[]).map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {LANGUAGE_NAMES[lang]}
            </option>
          ))}
        </select>
        <FieldError id="settings-language-error" messages={err('language')} />
      </div>
    </fieldset>
  );
}
