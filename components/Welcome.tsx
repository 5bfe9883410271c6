import { useEffect, useState } from 'preact/hooks';
import { kroneOf } from '../lib/app/defaults';
import { LOCALES, resolveLanguage, type Translate } from '../lib/i18n/translate';
import type { Language, Settings } from '../lib/model';
import { GetStarted, type StartLinks } from './GetStarted';

/** Each language's name in that language. */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nb: 'Norsk bokmål', sv: 'Svenska', da: 'Dansk' };
const KRONER = ['NOK', 'SEK', 'DKK', 'ISK'] as const;
/** Offered first in the currency menu; the rest follow by code. */
const FIRST = ['NOK', 'SEK', 'DKK', 'EUR', 'GBP', 'USD'];

function currencyName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export interface WelcomeProps {
  /** The settings to start from: stored ones, or a new user's guessed from the browser (lib/app/defaults). */
  settings: Settings;
  /** Whether settings have been saved before (then this is "getting started", not a first run). */
  saved: boolean;
  browserLanguages: readonly string[];
  /** Currencies the menu offers (those with an exchange rate). */
  currencies: readonly string[];
  /** A translator for a language: the page follows the language chosen here at once. */
  translator: (lang: Language) => Translate;
  onSave: (settings: Settings) => Promise<{ ok: boolean }>;
  links: StartLinks & { dashboard: string };
  /** Told the page's locale when the language changes (the entry sets `<html lang>`). */
  onLanguage?: (locale: string) => void;
}

/**
 * The first-run page, opened when the extension is installed: what Subkeeper finds and where, the settings it
 * guessed from the browser (language, main currency, what "kr" means, reminders) to confirm, and the ways to
 * start. Nothing is stored until the user saves.
 */
export function Welcome(props: WelcomeProps) {
  const [language, setLanguage] = useState<Language | 'auto'>(props.settings.language);
  const [base, setBase] = useState(props.settings.baseCurrency);
  const [krone, setKrone] = useState<string>(props.settings.krone ?? kroneOf({}, props.browserLanguages));
  const [enabled, setEnabled] = useState(props.settings.reminders.enabled);
  const [renewalDays, setRenewalDays] = useState(props.settings.reminders.renewalDays);
  const [trialDays, setTrialDays] = useState(props.settings.reminders.trialDays[0] ?? 3);
  const [status, setStatus] = useState<'' | 'saved' | 'failed'>('');
  const [busy, setBusy] = useState(false);

  const lang = resolveLanguage(language, props.browserLanguages);
  const t = props.translator(lang);
  const locale = LOCALES[lang];
  const { onLanguage } = props;
  useEffect(() => onLanguage?.(locale), [locale, onLanguage]);
  const currencies = [...new Set([...FIRST, ...[...props.currencies].sort(), base])].filter(
    (c) => c === base || props.currencies.includes(c),
  );
  const touched = () => setStatus('');

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    const rest = props.settings.reminders.trialDays.filter((d) => d < trialDays);
    const next: Settings = {
      ...props.settings,
      language,
      baseCurrency: base,
      krone: krone as Settings['krone'],
      reminders: {
        ...props.settings.reminders,
        enabled,
        renewalDays,
        trialDays: [trialDays, ...(rest.length > 0 ? rest : trialDays > 1 ? [1] : [])],
      },
    };
    const r = await props.onSave(next).catch(() => ({ ok: false }));
    setBusy(false);
    setStatus(r.ok ? 'saved' : 'failed');
  }

  const days = (id: string, label: string, value: number, max: number, set: (n: number) => void) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={0}
        max={max}
        value={value}
        disabled={!enabled}
        onInput={(e) => {
          const n = Number(e.currentTarget.value);
          if (Number.isInteger(n) && n >= 0 && n <= max) set(n);
          touched();
        }}
      />
    </div>
  );

  return (
    <main class="welcome" lang={locale}>
      <header class="welcome-head">
        <p class="brand" aria-hidden="true">
          Subkeeper
        </p>
        <h1>{props.saved ? t('welcome.titleAgain') : t('welcome.title')}</h1>
        <p class="lead">{t('welcome.lead')}</p>
        <p class="muted">{t('welcome.privacy')}</p>
      </header>

      <div class="welcome-grid">
        <form class="card welcome-setup" onSubmit={save} aria-labelledby="setup-h">
          <h2 id="setup-h">{t('welcome.setup')}</h2>
          <p class="muted small">{t('welcome.setupHint')}</p>
          <div class="field">
            <label for="w-language">{t('views.settings.language')}</label>
            <select
              id="w-language"
              value={language}
              onChange={(e) => {
                setLanguage(e.currentTarget.value as Language | 'auto');
                touched();
              }}
            >
              <option value="auto">{t('views.settings.languageAuto')}</option>
              {(Object.keys(LANGUAGE_NAMES) as Language[]).map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="w-currency">{t('views.settings.baseCurrency')}</label>
            <select
              id="w-currency"
              value={base}
              aria-describedby="w-currency-hint"
              onChange={(e) => {
                setBase(e.currentTarget.value);
                touched();
              }}
            >
              {currencies.map((c) => (
                <option key={c} value={c}>
                  {c} – {currencyName(c, locale)}
                </option>
              ))}
            </select>
            <p id="w-currency-hint" class="hint">
              {t('welcome.currencyHint')}
            </p>
          </div>
          <div class="field">
            <label for="w-krone">{t('welcome.krone')}</label>
            <select
              id="w-krone"
              value={krone}
              aria-describedby="w-krone-hint"
              onChange={(e) => {
                setKrone(e.currentTarget.value);
                touched();
              }}
            >
              {KRONER.map((c) => (
                <option key={c} value={c}>
                  {c} – {currencyName(c, locale)}
                </option>
              ))}
            </select>
            <p id="w-krone-hint" class="hint">
              {t('welcome.kroneHint')}
            </p>
          </div>
          <fieldset class="plain">
            <legend>{t('views.settings.reminders')}</legend>
            <label class="check">
              <input
                type="checkbox"
                checked={enabled}
                onChange={(e) => {
                  setEnabled(e.currentTarget.checked);
                  touched();
                }}
              />{' '}
              {t('views.settings.remindersEnabled')}
            </label>
            <div class="grid two">
              {days('w-renewal', t('views.settings.renewalDays'), renewalDays, 90, setRenewalDays)}
              {days('w-trial', t('views.settings.trialDays'), trialDays, 30, setTrialDays)}
            </div>
          </fieldset>
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              {t('welcome.save')}
            </button>
            <p role="status" class={status === 'failed' ? 'warning' : 'ok'}>
              {status === 'saved' ? t('welcome.saved') : status === 'failed' ? t('welcome.saveFailed') : ''}
            </p>
          </div>
        </form>

        <section class="card welcome-finds" aria-labelledby="finds-h">
          <h2 id="finds-h">{t('welcome.finds')}</h2>
          <dl>
            {(['sites', 'webmail', 'mail', 'bank'] as const).map((k) => (
              <div key={k} class={`find find-${k}`}>
                <dt>{t(`welcome.finds.${k}`)}</dt>
                <dd>{t(`welcome.finds.${k}Text`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      <section class="welcome-start" aria-labelledby="start-h">
        <h2 id="start-h">{t('welcome.start')}</h2>
        <GetStarted links={props.links} t={t} />
        <p>
          <a href={props.links.dashboard}>{t('welcome.start.dashboard')}</a>
        </p>
      </section>
    </main>
  );
}
