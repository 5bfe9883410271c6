import type { Translate } from '../../lib/i18n';
import type { SettingsDraft } from '../views/settingsForm';

/** What every settings section gets: the form's draft, how to change it, and its errors by field. */
export interface SectionProps {
  draft: SettingsDraft;
  update: (patch: Partial<SettingsDraft>) => void;
  /** The messages for a field's path (`reminders.renewalDays`), if it is wrong. */
  err: (field: string) => readonly string[] | undefined;
  invalid: (field: string) => true | undefined;
  t: Translate;
  locale: string;
}

export function currencyName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string');
  return list.length > 0 ? list.join(' ') : undefined;
}

export function FieldError({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p id={id} class="field-error">
      {messages.join(' ')}
    </p>
  );
}

interface CheckProps {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function Check({ id, label, hint, checked, onChange }: CheckProps) {
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

export function DaysField({ id, label, hint, value, max, errors, onInput }: DaysFieldProps) {
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
