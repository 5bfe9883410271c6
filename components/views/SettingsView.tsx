import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import type { ExchangeRates, Member, Settings, Subscription } from '../../lib/model';
import { DetectionSettings } from '../settings/DetectionSettings';
import { GeneralSettings } from '../settings/GeneralSettings';
import { MembersSettings } from '../settings/MembersSettings';
import { RatesSettings } from '../settings/RatesSettings';
import { ReminderSettings } from '../settings/ReminderSettings';
import { draftFrom, errorsByField, type FieldErrors, readDraft, type SettingsDraft } from './settingsForm';
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

/**
 * Settings: base currency, language, reminder defaults, household members, detection and exchange rates, one
 * section per file in components/settings/.
 * Settings are checked before `onSave` is called (nothing is saved while a field is wrong) and errors are
 * shown beside their fields; members are saved right away through their own callbacks.
 */
export function SettingsView(props: SettingsViewProps) {
  const { settings, bundledRates, t, locale } = props;
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(settings, bundledRates, locale));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  /** Subscriptions ticked to move from the old main currency to the new one. */
  const [relabel, setRelabel] = useState<ReadonlySet<string>>(new Set());
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

  function resetRates() {
    const bundled = draftFrom({ ...settings, exchangeRates: undefined }, bundledRates, locale);
    update({ ratesCustom: false, ratesDate: bundled.ratesDate, rates: bundled.rates });
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('exchangeRates'))));
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
  const general = err('');
  const section = { draft, update, err, invalid, t, locale };

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

        <GeneralSettings
          {...section}
          settings={settings}
          currencies={currencies}
          inOld={inOld}
          relabel={relabel}
          setRelabel={setRelabel}
          canRelabel={Boolean(props.onRelabel)}
          browserKrone={props.browserKrone}
        />
        <ReminderSettings {...section} />
        <DetectionSettings {...section} />
        <RatesSettings
          {...section}
          bundledRates={bundledRates}
          ratesWrong={Object.keys(errors).some((k) => k.startsWith('exchangeRates'))}
          onReset={resetRates}
        />

        <div class="button-row">
          <button type="submit" class="primary" disabled={saving}>
            {t('views.settings.save')}
          </button>
        </div>
        <p class="form-status" role="status">
          {status}
        </p>
      </form>

      <MembersSettings
        members={props.members}
        t={t}
        onSaveMember={props.onSaveMember}
        onDeleteMember={props.onDeleteMember}
        newId={props.newId}
      />
      {props.extra}
    </section>
  );
}
