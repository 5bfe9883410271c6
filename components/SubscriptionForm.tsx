import { useState } from 'preact/hooks';
import {
  type ErrorCode,
  editInput,
  type FormValues,
  formFieldOf,
  priceFromInput,
  readForm,
  rebaseValues,
  valuesFrom,
} from '../lib/app/form';
import { decimal } from '../lib/app/format';
import { addDays } from '../lib/dates';
import type { Translate } from '../lib/i18n';
import { CATEGORIES, type FieldErrors, type Member, STATUSES, type Subscription } from '../lib/model';
import type { PriceContext } from '../lib/money';
import { addPeriods } from '../lib/schedule';

export const CURRENCIES = ['NOK', 'SEK', 'DKK', 'EUR', 'USD', 'GBP', 'CHF', 'PLN', 'ISK', 'CAD', 'AUD', 'JPY'];
export const PERIODS = ['P1W', 'P2W', 'P4W', 'P1M', 'P2M', 'P3M', 'P6M', 'P1Y', 'P2Y'];

type SaveResult =
  | { ok: true }
  | {
      ok: false;
      errors: FieldErrors;
      /** `conflict`: someone else changed `conflicts` meanwhile (`current` is the record now); `gone`: deleted. */
      reason?: 'invalid' | 'conflict' | 'gone';
      conflicts?: string[];
      current?: Subscription;
    };

type Trouble = { kind: 'conflict'; conflicts: string[]; current: Subscription } | { kind: 'gone' };

/**
 * Add or edit a subscription by hand. Problems are shown beside their field and nothing is saved until every
 * field is valid. An edit saves only the fields changed in the form, against the record the form was filled from
 * (`existing` when it opened): when another tab or the background changed one of those fields meanwhile, or
 * deleted the subscription, the form says so, saves nothing, and offers to load the latest (keeping the user's
 * other changes) or to add it as new.
 */
export function SubscriptionForm(props: {
  initial: FormValues;
  existing?: Subscription;
  members: readonly Member[];
  /** Service names to suggest while typing (from the directory). */
  suggestions?: readonly string[];
  t: Translate;
  /** Saves `input` (for an edit: the id and the changed fields), made from `base`, the record as the form read it. */
  onSave: (input: Record<string, unknown>, base?: Subscription) => Promise<SaveResult>;
  onCancel: () => void;
  /** Today (YYYY-MM-DD), for the trial-length shortcuts. */
  today?: string;
  /** The popup's narrow layout: one column. */
  compact?: boolean;
  /** How a price typed with its currency is read (`149 kr` → the user's krone); `lang` is the UI locale. */
  priceContext?: PriceContext;
}) {
  const { t } = props;
  const [values, setValues] = useState<FormValues>(props.initial);
  // What the form was filled from: kept as it was when the form opened, whatever the live data does since.
  const [base, setBase] = useState<Subscription | undefined>(props.existing);
  const [start, setStart] = useState<FormValues>(props.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [trouble, setTrouble] = useState<Trouble | null>(null);
  const [busy, setBusy] = useState(false);
  const [more, setMore] = useState(Boolean(props.existing));

  type TextKey = Exclude<keyof FormValues, 'hasTrial'>;
  const set = (k: TextKey) => (e: Event) => setValues({ ...values, [k]: (e.currentTarget as HTMLInputElement).value });
  /** Sets the trial's end `days` (or whole months) from today. */
  const trialIn = (days: number, months = 0) => {
    const base = props.today ?? new Date().toISOString().slice(0, 10);
    const end = months > 0 ? addPeriods(base, `P${months}M`, 1) : addDays(base, days);
    setValues({ ...values, hasTrial: true, trialEnd: end });
  };

  /** `149 kr` or `€12,99` typed in the price field: the currency select follows, the field keeps the number. */
  function readTypedCurrency() {
    const read = props.priceContext ? priceFromInput(values.amount, props.priceContext) : null;
    if (!read) return;
    const locale = props.priceContext?.lang ?? 'en';
    setValues((v) => ({ ...v, amount: decimal(Number(read.amount), locale, 3), currency: read.currency }));
  }

  const errorText = (code: ErrorCode) => t(`dashboard.error.${code}`);

  async function send(input: Record<string, unknown>, from: Subscription | undefined) {
    setBusy(true);
    const saved = await props.onSave(input, from);
    setBusy(false);
    if (saved.ok) {
      setErrors({});
      setTrouble(null);
    } else if (saved.reason === 'conflict' && saved.current) {
      const fields = (saved.conflicts ?? []).flatMap((c) => formFieldOf(c) ?? []);
      setErrors(Object.fromEntries(fields.map((f) => [f, t('dashboard.changedElsewhere')])));
      setTrouble({ kind: 'conflict', conflicts: saved.conflicts ?? [], current: saved.current });
    } else if (saved.reason === 'gone') {
      setErrors({});
      setTrouble({ kind: 'gone' });
    } else {
      setErrors(saved.errors);
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    const read = editInput(values, start, base, errorText);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    await send(read.input, base);
  }

  /** After a conflict: the form on the stored record, with the user's changes to the other fields kept. */
  function loadLatest() {
    if (trouble?.kind !== 'conflict') return;
    const latest = valuesFrom(trouble.current, props.today);
    setValues(rebaseValues(values, start, latest, trouble.conflicts));
    setStart(latest);
    setBase(trouble.current);
    setErrors({});
    setTrouble(null);
  }

  /** After the subscription was deleted elsewhere: save what the form shows as a new one. */
  async function addAsNew() {
    const read = readForm(values, undefined, errorText);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    const { id: _id, ...input } = read.input;
    setBase(undefined);
    await send(input, undefined);
  }

  const fieldNames = (paths: readonly string[]) =>
    paths
      .flatMap((p) => formFieldOf(p) ?? [])
      .map((f) => t(`dashboard.field.${f === 'ownerId' ? 'owner' : f}`))
      .join(', ');

  const field = (k: keyof FormValues, label: string, input: preact.JSX.Element) => (
    <div class={`field${errors[k] ? ' has-error' : ''}`}>
      <label for={`f-${k}`}>{label}</label>
      {input}
      {errors[k] && (
        <p class="error" id={`e-${k}`} role="alert">
          {errors[k]}
        </p>
      )}
    </div>
  );
  const aria = (k: TextKey) =>
    errors[k] ? { 'aria-invalid': true, 'aria-describedby': `e-${k}` } : { 'aria-invalid': false };
  const text = (k: TextKey, label: string, type = 'text', extra: Record<string, unknown> = {}) =>
    field(
      k,
      label,
      <input id={`f-${k}`} type={type as 'text'} value={values[k]} onInput={set(k)} {...aria(k)} {...extra} />,
    );
  const select = (k: TextKey, label: string, options: Array<[string, string]>) =>
    field(
      k,
      label,
      <select id={`f-${k}`} value={values[k]} onChange={set(k)} {...aria(k)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>,
    );

  return (
    <form
      class={`sub-form card${props.compact ? ' compact' : ''}`}
      onSubmit={submit}
      noValidate
      aria-labelledby="form-h"
    >
      <h2 id="form-h">{props.existing ? t('dashboard.editTitle') : t('dashboard.addTitle')}</h2>
      {trouble && (
        <div class="form-trouble" role="alert">
          <p>
            {trouble.kind === 'conflict'
              ? t('dashboard.conflict', { fields: fieldNames(trouble.conflicts) })
              : t('dashboard.gone')}
          </p>
          {trouble.kind === 'conflict' ? (
            <button type="button" onClick={loadLatest}>
              {t('dashboard.conflictReload')}
            </button>
          ) : (
            <button type="button" onClick={addAsNew} disabled={busy}>
              {t('dashboard.goneAddNew')}
            </button>
          )}
        </div>
      )}
      <div class="grid">
        {text('service', t('dashboard.field.service'), 'text', {
          autocomplete: 'off',
          required: true,
          list: props.suggestions ? 'service-names' : undefined,
        })}
        {props.suggestions && (
          <datalist id="service-names">
            {props.suggestions.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        )}
      </div>
      <div class="trial-step">
        <label class="check">
          <input
            type="checkbox"
            checked={values.hasTrial}
            onChange={(e) => setValues({ ...values, hasTrial: e.currentTarget.checked })}
          />{' '}
          {t('dashboard.field.hasTrial')}
        </label>
        {values.hasTrial && (
          <div class="trial-until">
            {text('trialEnd', t('dashboard.field.trialUntil'), 'date', { required: true })}
            <fieldset class="chips">
              <legend class="sr-only">{t('dashboard.field.trialLength')}</legend>
              <button type="button" class="chip" onClick={() => trialIn(7)}>
                {t('dashboard.trialLength.week')}
              </button>
              <button type="button" class="chip" onClick={() => trialIn(14)}>
                {t('dashboard.trialLength.twoWeeks')}
              </button>
              <button type="button" class="chip" onClick={() => trialIn(0, 1)}>
                {t('dashboard.trialLength.month')}
              </button>
            </fieldset>
          </div>
        )}
      </div>
      <div class="grid price-line">
        {text('amount', t(values.hasTrial ? 'dashboard.field.amountAfterTrial' : 'dashboard.field.amount'), 'text', {
          inputmode: 'decimal',
          required: true,
          onBlur: readTypedCurrency,
        })}
        {select(
          'currency',
          t('dashboard.field.currency'),
          [...new Set([...CURRENCIES, values.currency])].map((c) => [c, c]),
        )}
        {select(
          'period',
          t('dashboard.field.period'),
          PERIODS.map((p) => [p, t(`common.periodName.${p}`)]),
        )}
      </div>
      <div class="grid">
        {!values.hasTrial && text('nextRenewal', t('dashboard.field.nextRenewal'), 'date', { required: true })}
        {select(
          'category',
          t('dashboard.field.category'),
          CATEGORIES.map((c) => [c, t(`common.category.${c}`)]),
        )}
        {props.existing &&
          !values.hasTrial &&
          select(
            'status',
            t('dashboard.field.status'),
            STATUSES.filter((s) => s !== 'trial').map((s) => [s, t(`common.status.${s}`)]),
          )}
      </div>
      <button type="button" class="linkish" aria-expanded={more} onClick={() => setMore(!more)}>
        {more ? t('dashboard.fewerFields') : t('dashboard.moreFields')}
      </button>
      {more && (
        <div class="grid">
          {text('introAmount', t('dashboard.field.introAmount'), 'text', { inputmode: 'decimal' })}
          {text('introEnd', t('dashboard.field.introEnd'), 'date')}
          {select('ownerId', t('dashboard.field.owner'), [
            ['', t('dashboard.noOwner')],
            ...props.members.map((m): [string, string] => [m.id, m.name]),
          ])}
          {text('paymentMethod', t('dashboard.field.paymentMethod'))}
          {text('reminderDays', t('dashboard.field.reminderDays'), 'number', { min: 0, max: 90 })}
          {text('manage', t('dashboard.field.manage'), 'url')}
          {text('cancel', t('dashboard.field.cancel'), 'url')}
          {text('pause', t('dashboard.field.pause'), 'url')}
          {field(
            'notes',
            t('dashboard.field.notes'),
            <textarea id="f-notes" value={values.notes} onInput={set('notes')} rows={3} />,
          )}
        </div>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
