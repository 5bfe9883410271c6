import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate } from '../../lib/dates';
import type { Translate } from '../../lib/i18n';
import type { ExchangeRates, Language, Member, Settings, Subscription } from '../../lib/model';
import { ConfirmButton } from './ConfirmButton';
import { PALETTE } from './chartConfig';
import {
  draftFrom,
  errorsByField,
  type FieldErrors,
  normaliseSite,
  readDraft,
  type SettingsDraft,
} from './settingsForm';
import './views.css';

export type SaveResult = { ok: true } | { ok: false; errors: Record<string, string> };

export interface SettingsViewProps {
  settings: Settings;
  members: readonly Member[];
  /** The exchange rates shipped with the extension ("reset" goes back to these). */
  bundledRates: ExchangeRates;
  t: Translate;
  locale: string;
  /** Saves the settings; errors are keyed by the setting's path (`reminders.renewalDays`). */
  onSave: (settings: Settings) => Promise<SaveResult>;
  /** Adds or updates a household member (saved right away). */
  onSaveMember: (member: Member) => unknown;
  onDeleteMember: (id: string) => unknown;
  /** Id for a new member; defaults to `crypto.randomUUID()`. */
  newId?: () => string;
  /** The subscriptions, to say what a change of main currency means for them. */
  subscriptions?: readonly Subscription[];
  /** What a bare `kr` means when the setting follows the browser. */
  browserKrone?: string;
  /** Changes the currency of subscriptions saved in the wrong one (`from` → `to`, amounts kept). */
  onRelabel?: (ids: string[], from: string, to: string) => Promise<number>;
  /** More sections after the members (household sync). */
  extra?: ComponentChildren;
}

/** Each language's name in that language (shown the same whatever the UI language is). */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nb: 'Norsk bokmål', sv: 'Svenska', da: 'Dansk' };

function currencyName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string');
  return list.length > 0 ? list.join(' ') : undefined;
}

function FieldError({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p id={id} class="field-error">
      {messages.join(' ')}
    </p>
  );
}

/**
 * Settings: base currency, language, reminder defaults, household members, detection and exchange rates.
 * Settings are checked before `onSave` is called (nothing is saved while a field is wrong) and errors are
 * shown beside their fields; members are saved right away through their own callbacks.
 */
export function SettingsView(props: SettingsViewProps) {
  const { settings, bundledRates, t, locale } = props;
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(settings, bundledRates, locale));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const [siteText, setSiteText] = useState('');
  /** Subscriptions ticked to move from the old main currency to the new one. */
  const [relabel, setRelabel] = useState<ReadonlySet<string>>(new Set());
  const [siteError, setSiteError] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const focusError = useRef(false);

  // Start over from the stored settings when they change (not when the parent only re-renders).
  const sourceKey = JSON.stringify([settings, bundledRates]);
  const lastSource = useRef(sourceKey);
  useEffect(() => {
    if (lastSource.current === sourceKey) return;
    lastSource.current = sourceKey;
    const [stored, bundled] = JSON.parse(sourceKey) as [Settings, ExchangeRates];
    setDraft(draftFrom(stored, bundled, locale));
    setErrors({});
  }, [sourceKey]);

  useEffect(() => {
    if (!focusError.current) return;
    focusError.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const byField = errorsByField(errors);
  const err = (field: string) => byField[field];
  const invalid = (field: string) => (byField[field] ? true : undefined);

  function update(patch: Partial<SettingsDraft>) {
    setDraft((d) => ({ ...d, ...patch }));
    setStatus('');
  }

  function addSite() {
    const site = normaliseSite(siteText);
    if (!site) {
      setSiteError(t('views.settings.error.hostname'));
      return;
    }
    if (draft.neverSites.includes(site)) {
      setSiteError(t('views.settings.error.hostnameTwice', { site }));
      return;
    }
    update({ neverSites: [...draft.neverSites, site].sort() });
    setSiteText('');
    setSiteError('');
  }

  async function save(event: Event) {
    event.preventDefault();
    const read = readDraft(draft, t);
    if (!read.ok) {
      focusError.current = true;
      setErrors(read.errors);
      setStatus(t('views.settings.fixErrors'));
      return;
    }
    setSaving(true);
    try {
      const from = settings.baseCurrency;
      const result = await props.onSave(read.settings);
      if (result.ok) {
        setErrors({});
        const ids = inOld.filter((s) => relabel.has(s.id)).map((s) => s.id);
        const moved =
          ids.length > 0 && props.onRelabel ? await props.onRelabel(ids, from, read.settings.baseCurrency) : 0;
        setRelabel(new Set());
        setStatus(
          moved > 0
            ? `${t('views.settings.saved')} ${t('views.settings.relabeled', { count: moved, to: read.settings.baseCurrency })}`
            : t('views.settings.saved'),
        );
      } else {
        focusError.current = true;
        setErrors(result.errors);
        setStatus(t('views.settings.fixErrors'));
      }
    } catch {
      setStatus(t('views.settings.saveFailed'));
    } finally {
      setSaving(false);
    }
  }

  const currencies = [...new Set([...Object.keys(draft.rates), 'EUR', draft.baseCurrency])].sort();
  const baseChanged = draft.baseCurrency !== settings.baseCurrency;
  /** Subscriptions in the old main currency (they keep it; the user may say some were saved in it by mistake). */
  const inOld = baseChanged
    ? (props.subscriptions ?? []).filter((s) => s.currency === settings.baseCurrency && s.status !== 'cancelled')
    : [];
  const rateCodes = Object.keys(draft.rates).sort((a, b) => (a === 'EUR' ? -1 : b === 'EUR' ? 1 : a.localeCompare(b)));
  const general = err('');
  // The rate table is long: folded away unless the user's own rates are in use or one of them is wrong.
  const ratesOpen = draft.ratesCustom || Object.keys(errors).some((k) => k.startsWith('exchangeRates'));

  return (
    <section class="view settings-view" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('views.settings.title')}</h2>
      <form ref={formRef} class="settings-form" onSubmit={save} noValidate>
        {general && (
          <div class="field-error" role="alert">
            {general.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        )}

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
              {props.onRelabel && (
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
              <option value="">{t('views.settings.kroneAuto', { currency: props.browserKrone ?? 'NOK' })}</option>
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

        <fieldset class="card">
          <legend>{t('views.settings.reminders')}</legend>
          <Check
            id="settings-reminders-on"
            label={t('views.settings.remindersEnabled')}
            checked={draft.remindersEnabled}
            onChange={(v) => update({ remindersEnabled: v })}
          />
          <DaysField
            id="settings-renewal-days"
            label={t('views.settings.renewalDays')}
            hint={t('views.settings.renewalDaysHint')}
            value={draft.renewalDays}
            max={90}
            errors={err('reminders.renewalDays')}
            onInput={(v) => update({ renewalDays: v })}
          />
          <DaysField
            id="settings-yearly-days"
            label={t('views.settings.yearlyRenewalDays')}
            hint={t('views.settings.yearlyRenewalDaysHint')}
            value={draft.yearlyRenewalDays}
            max={90}
            errors={err('reminders.yearlyRenewalDays')}
            onInput={(v) => update({ yearlyRenewalDays: v })}
          />
          <div class="field">
            <label for="settings-trial-days">{t('views.settings.trialDays')}</label>
            <input
              id="settings-trial-days"
              type="text"
              inputMode="numeric"
              value={draft.trialDays}
              aria-invalid={invalid('reminders.trialDays')}
              aria-describedby={describedBy(
                'settings-trial-days-hint',
                invalid('reminders.trialDays') && 'settings-trial-days-error',
              )}
              onInput={(e) => update({ trialDays: e.currentTarget.value })}
            />
            <p id="settings-trial-days-hint" class="hint">
              {t('views.settings.trialDaysHint')}
            </p>
            <FieldError id="settings-trial-days-error" messages={err('reminders.trialDays')} />
          </div>
          <Check
            id="settings-intro-end"
            label={t('views.settings.introEnd')}
            checked={draft.introEnd}
            onChange={(v) => update({ introEnd: v })}
          />
          <Check
            id="settings-price-increase"
            label={t('views.settings.priceIncrease')}
            checked={draft.priceIncrease}
            onChange={(v) => update({ priceIncrease: v })}
          />
          <Check
            id="settings-digest"
            label={t('views.settings.weeklyDigest')}
            checked={draft.weeklyDigest}
            onChange={(v) => update({ weeklyDigest: v })}
          />
        </fieldset>

        <fieldset class="card">
          <legend>{t('views.settings.detection')}</legend>
          <Check
            id="settings-detection-on"
            label={t('views.settings.detectionEnabled')}
            hint={t('views.settings.detectionHint')}
            checked={draft.detectionEnabled}
            onChange={(v) => update({ detectionEnabled: v })}
          />
          <Check
            id="settings-known-only"
            label={t('views.settings.onlyKnownServices')}
            hint={t('views.settings.onlyKnownServicesHint')}
            checked={draft.onlyKnownServices}
            onChange={(v) => update({ onlyKnownServices: v })}
          />
          <h3 class="fieldset-heading" id="settings-never-title">
            {t('views.settings.neverSites')}
          </h3>
          {draft.neverSites.length === 0 ? (
            <p class="muted">{t('views.settings.noNeverSites')}</p>
          ) : (
            <ul class="site-list" aria-labelledby="settings-never-title">
              {draft.neverSites.map((site) => (
                <li key={site}>
                  <span class="site-name">{site}</span>
                  <button
                    type="button"
                    class="link-button"
                    aria-label={t('views.settings.removeSiteNamed', { site })}
                    onClick={() => update({ neverSites: draft.neverSites.filter((s) => s !== site) })}
                  >
                    {t('views.settings.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <FieldError id="settings-never-error" messages={err('detection.neverSites')} />
          <div class="field field-inline">
            <label for="settings-add-site">{t('views.settings.addSite')}</label>
            <input
              id="settings-add-site"
              type="text"
              autoComplete="off"
              spellcheck={false}
              placeholder="example.com"
              value={siteText}
              aria-invalid={siteError ? true : undefined}
              aria-describedby={describedBy(siteError && 'settings-add-site-error')}
              onInput={(e) => {
                setSiteText(e.currentTarget.value);
                setSiteError('');
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addSite();
                }
              }}
            />
            <button type="button" onClick={addSite}>
              {t('views.settings.add')}
            </button>
            {siteError && (
              <p id="settings-add-site-error" class="field-error">
                {siteError}
              </p>
            )}
          </div>
        </fieldset>

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
              <button
                type="button"
                onClick={() => {
                  const bundled = draftFrom({ ...settings, exchangeRates: undefined }, bundledRates, locale);
                  update({ ratesCustom: false, ratesDate: bundled.ratesDate, rates: bundled.rates });
                  setErrors((e) =>
                    Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('exchangeRates'))),
                  );
                }}
              >
                {t('views.settings.resetRates')}
              </button>
            </div>
          </details>
        </fieldset>

        <div class="button-row">
          <button type="submit" class="primary" disabled={saving}>
            {t('views.settings.save')}
          </button>
        </div>
        <p class="form-status" role="status">
          {status}
        </p>
      </form>

      <Members {...props} />
      {props.extra}
    </section>
  );
}

interface CheckProps {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

function Check({ id, label, hint, checked, onChange }: CheckProps) {
  return (
    <div class="field field-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface DaysFieldProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  max: number;
  errors: readonly string[] | undefined;
  onInput: (value: string) => void;
}

function DaysField({ id, label, hint, value, max, errors, onInput }: DaysFieldProps) {
  const hasError = errors !== undefined && errors.length > 0;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        max={max}
        step={1}
        value={value}
        aria-invalid={hasError ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, hasError && `${id}-error`)}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <p id={`${id}-hint`} class="hint">
        {hint}
      </p>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

/** Household members: each saved right away (name and colour), added and removed here. */
function Members({ members, t, onSaveMember, onDeleteMember, newId }: SettingsViewProps) {
  const [name, setName] = useState('');
  const [color, setColor] = useState<string>(PALETTE[members.length % PALETTE.length]!);
  const [error, setError] = useState('');

  function add(event: Event) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 60) {
      setError(t('views.settings.error.memberName'));
      return;
    }
    const id = newId ? newId() : crypto.randomUUID();
    void onSaveMember({ id, name: trimmed, color: color.toLowerCase() });
    setName('');
    setError('');
    setColor(PALETTE[(members.length + 1) % PALETTE.length]!);
  }

  return (
    <section class="card members">
      <h3 id="settings-members-title">{t('views.settings.members')}</h3>
      <p class="hint">{t('views.settings.membersHint')}</p>
      {members.length === 0 ? (
        <p class="muted">{t('views.settings.noMembers')}</p>
      ) : (
        <ul class="member-list">
          {members.map((m) => (
            <MemberRow key={m.id} member={m} t={t} onSave={onSaveMember} onDelete={onDeleteMember} />
          ))}
        </ul>
      )}
      <form class="member-add" onSubmit={add} noValidate>
        <div class="field field-inline">
          <label for="settings-member-name">{t('views.settings.memberName')}</label>
          <input
            id="settings-member-name"
            type="text"
            maxLength={60}
            autoComplete="off"
            value={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(error && 'settings-member-name-error')}
            onInput={(e) => {
              setName(e.currentTarget.value);
              setError('');
            }}
          />
          <label for="settings-member-color">{t('views.settings.memberColor')}</label>
          <input
            id="settings-member-color"
            type="color"
            value={color}
            onInput={(e) => setColor(e.currentTarget.value)}
          />
          <button type="submit">{t('views.settings.addMember')}</button>
          {error && (
            <p id="settings-member-name-error" class="field-error">
              {error}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}

interface MemberRowProps {
  member: Member;
  t: Translate;
  onSave: (member: Member) => unknown;
  onDelete: (id: string) => unknown;
}

function MemberRow({ member, t, onSave, onDelete }: MemberRowProps) {
  const [name, setName] = useState(member.name);
  const [color, setColor] = useState(member.color);
  const [error, setError] = useState('');
  const changed = name !== member.name || color.toLowerCase() !== member.color.toLowerCase();
  const nameId = `member-${member.id}-name`;
  const colorId = `member-${member.id}-color`;

  useEffect(() => {
    setName(member.name);
    setColor(member.color);
  }, [member.name, member.color]);

  function save(event: Event) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 60) {
      setError(t('views.settings.error.memberName'));
      return;
    }
    setError('');
    void onSave({ ...member, name: trimmed, color: color.toLowerCase() });
  }

  return (
    <li class="member-row">
      <form onSubmit={save} noValidate class="field-inline">
        <span class="member-swatch" style={{ backgroundColor: color }} aria-hidden="true" />
        <label for={nameId} class="sr-only">
          {t('views.settings.memberNameNamed', { name: member.name })}
        </label>
        <input
          id={nameId}
          type="text"
          maxLength={60}
          value={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && `${nameId}-error`)}
          onInput={(e) => {
            setName(e.currentTarget.value);
            setError('');
          }}
        />
        <label for={colorId} class="sr-only">
          {t('views.settings.memberColorNamed', { name: member.name })}
        </label>
        <input id={colorId} type="color" value={color} onInput={(e) => setColor(e.currentTarget.value)} />
        <button type="submit" disabled={!changed}>
          {t('views.settings.saveMember')}
        </button>
        <ConfirmButton
          label={t('views.settings.removeMember', { name: member.name })}
          question={t('views.settings.removeMemberQuestion', { name: member.name })}
          confirmLabel={t('views.settings.remove')}
          keepLabel={t('common.keep')}
          onConfirm={() => void onDelete(member.id)}
        />
        {error && (
          <p id={`${nameId}-error`} class="field-error">
            {error}
          </p>
        )}
      </form>
    </li>
  );
}
