import { decimal } from '../../lib/app/format';
import type { Translate } from '../../lib/i18n';
import { type ExchangeRates, type FieldErrors, Hostname, IsoDate, type Language, Settings } from '../../lib/model';

/**
 * The settings form as plain data: what the inputs hold (numbers as typed text), how it is read back into
 * `Settings`, and the validation messages keyed by the setting's path (`reminders.renewalDays`,
 * `exchangeRates.perEur.NOK`, …).
 */

export interface SettingsDraft {
  baseCurrency: string;
  /** What a bare `kr` means; '' follows the browser. */
  krone: string;
  language: Language | 'auto';
  renewalDays: string;
  yearlyRenewalDays: string;
  /** Days before a trial ends, as typed: `3, 1`. */
  trialDays: string;
  introEnd: boolean;
  priceIncrease: boolean;
  weeklyDigest: boolean;
  remindersEnabled: boolean;
  detectionEnabled: boolean;
  onlyKnownServices: boolean;
  neverSites: string[];
  /** True when the user's own rates are used (false: the bundled table). */
  ratesCustom: boolean;
  ratesDate: string;
  /** Units per 1 EUR by currency, as typed. */
  rates: Record<string, string>;
}

export type { FieldErrors };

/** The paths that have a field of their own; other error paths are shown with the nearest one or at the top. */
export const FIELD_PATHS = [
  'baseCurrency',
  'language',
  'reminders.renewalDays',
  'reminders.yearlyRenewalDays',
  'reminders.trialDays',
  'detection.neverSites',
  'exchangeRates.date',
  'exchangeRates.perEur',
] as const;

/** The form's starting values for the given settings (rates from the settings, or the bundled table). */
/** `locale` writes the rates with its decimal mark (`4,253` in Nordic languages); both marks are read back. */
export function draftFrom(settings: Settings, bundled: ExchangeRates, locale = 'en'): SettingsDraft {
  const rates = settings.exchangeRates ?? bundled;
  return {
    baseCurrency: settings.baseCurrency,
    krone: settings.krone ?? '',
    language: settings.language,
    renewalDays: String(settings.reminders.renewalDays),
    yearlyRenewalDays: String(settings.reminders.yearlyRenewalDays),
    trialDays: settings.reminders.trialDays.join(', '),
    introEnd: settings.reminders.introEnd,
    priceIncrease: settings.reminders.priceIncrease,
    weeklyDigest: settings.reminders.weeklyDigest,
    remindersEnabled: settings.reminders.enabled,
    detectionEnabled: settings.detection.enabled,
    onlyKnownServices: settings.detection.onlyKnownServices,
    neverSites: [...settings.detection.neverSites],
    ratesCustom: settings.exchangeRates !== undefined,
    ratesDate: rates.date,
    rates: Object.fromEntries(Object.entries(rates.perEur).map(([code, rate]) => [code, decimal(rate, locale)])),
  };
}

function wholeDays(text: string, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= max ? n : null;
}

/** A positive decimal typed with `.` or `,` (spaces allowed as thousands separators); null otherwise. */
export function parseRate(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(compact) && !/^\.\d+$/.test(compact)) return null;
  const n = Number(compact);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/**
 * Normalises what someone typed as a site to ignore: a hostname, or a URL whose hostname is taken
 * (`https://www.Example.com/x` → `www.example.com`). Returns null when it is not a valid hostname.
 */
export function normaliseSite(text: string): string | null {
  let value = text.trim().toLowerCase();
  if (!value) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(value)) {
    try {
      value = new URL(value).hostname;
    } catch {
      return null;
    }
  }
  value = value.replace(/\.$/, '');
  return Hostname.safeParse(value).success ? value : null;
}

/** Reads the form back into settings, or returns the messages for the fields that are wrong. */
export function readDraft(
  draft: SettingsDraft,
  t: Translate,
): { ok: true; settings: Settings } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const renewalDays = wholeDays(draft.renewalDays, 90);
  if (renewalDays === null) errors['reminders.renewalDays'] = t('views.settings.error.days', { max: 90 });
  const yearlyRenewalDays = wholeDays(draft.yearlyRenewalDays, 90);
  if (yearlyRenewalDays === null) errors['reminders.yearlyRenewalDays'] = t('views.settings.error.days', { max: 90 });

  const parts = draft.trialDays
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const trialDays = parts.map((p) => wholeDays(p, 30));
  if (trialDays.some((d) => d === null)) errors['reminders.trialDays'] = t('views.settings.error.trialDays');
  else if (trialDays.length > 5) errors['reminders.trialDays'] = t('views.settings.error.trialDaysCount');

  const perEur: Record<string, number> = {};
  let ratesValid = true;
  if (draft.ratesCustom) {
    if (!IsoDate.safeParse(draft.ratesDate).success) errors['exchangeRates.date'] = t('views.settings.error.date');
    for (const [code, text] of Object.entries(draft.rates)) {
      const rate = parseRate(text);
      if (rate === null) {
        errors[`exchangeRates.perEur.${code}`] = t('views.settings.error.rate');
        ratesValid = false;
      } else perEur[code] = rate;
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const candidate = {
    baseCurrency: draft.baseCurrency,
    ...(draft.krone ? { krone: draft.krone } : {}),
    language: draft.language,
    reminders: {
      renewalDays,
      yearlyRenewalDays,
      trialDays: [...new Set(trialDays as number[])].sort((a, b) => b - a),
      introEnd: draft.introEnd,
      priceIncrease: draft.priceIncrease,
      weeklyDigest: draft.weeklyDigest,
      enabled: draft.remindersEnabled,
    },
    detection: {
      enabled: draft.detectionEnabled,
      neverSites: draft.neverSites,
      onlyKnownServices: draft.onlyKnownServices,
    },
    exchangeRates: draft.ratesCustom && ratesValid ? { date: draft.ratesDate, perEur } : undefined,
  };
  const parsed = Settings.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  // The checks above cover every field; this catches anything the schema adds later.
  const schemaErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    schemaErrors[path] ??= issue.message;
  }
  return { ok: false, errors: schemaErrors };
}

/** The field an error path belongs to (itself, or the nearest field path above it), or null for none. */
export function fieldFor(path: string): string | null {
  if (path.startsWith('exchangeRates.perEur.')) return path.split('.').slice(0, 3).join('.');
  for (const field of FIELD_PATHS) {
    if (path === field || path.startsWith(`${field}.`)) return field;
  }
  return null;
}

/** Groups error paths by the field they are shown beside; errors without a field are under ''. */
export function errorsByField(errors: FieldErrors): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = fieldFor(path) ?? '';
    const list = out[field] ?? [];
    list.push(message);
    out[field] = list;
  }
  return out;
}
