import { addDays } from '../dates';
import {
  type FieldErrors,
  type PageDetection,
  type Subscription,
  Subscription as SubscriptionSchema,
  sameValue,
  validate,
} from '../model';
import { type PriceContext, parsePrice, toMajor, toMinor } from '../money';
import { isOccurrence } from '../schedule';
import { nextRenewal } from '../summary';

/** The add/edit form's fields, as the strings the inputs hold. */
export interface FormValues {
  service: string;
  /** "Free trial until `trialEnd`, then `amount` per `period`": the first charge is on the trial's last day. */
  hasTrial: boolean;
  amount: string;
  currency: string;
  period: string;
  status: string;
  nextRenewal: string;
  category: string;
  trialEnd: string;
  introAmount: string;
  introEnd: string;
  ownerId: string;
  paymentMethod: string;
  notes: string;
  reminderDays: string;
  manage: string;
  cancel: string;
  pause: string;
}

export const EMPTY_FORM: FormValues = {
  service: '',
  hasTrial: false,
  amount: '',
  currency: 'NOK',
  period: 'P1M',
  status: 'active',
  nextRenewal: '',
  category: 'other',
  trialEnd: '',
  introAmount: '',
  introEnd: '',
  ownerId: '',
  paymentMethod: '',
  notes: '',
  reminderDays: '',
  manage: '',
  cancel: '',
  pause: '',
};

/** Schema paths → the form field that shows the message. */
const FIELD_OF: Record<string, keyof FormValues> = {
  amountMinor: 'amount',
  billingAnchor: 'nextRenewal',
  introAmountMinor: 'introAmount',
  'links.manage.url': 'manage',
  'links.cancel.url': 'cancel',
  'links.pause.url': 'pause',
};

/** A decimal amount as typed: `129`, `129,50`, `1 299,00`, `1,299.00`, `9.99`. Null when not a number. */
export function parseAmountInput(text: string): string | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/[^\d.,-]/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const lastSep = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
  if (lastSep === -1) return s;
  const decimals = s.length - lastSep - 1;
  if (decimals === 3 && (s.match(/[.,]/g) ?? []).length >= 1 && !/[.,]\d{1,2}$/.test(s)) {
    // `1.299` or `1,299`: a thousands separator.
    return s.replace(/[.,]/g, '');
  }
  return `${s.slice(0, lastSep).replace(/[.,]/g, '')}.${s.slice(lastSep + 1)}`;
}

/**
 * A price typed with its currency (`149 kr`, `€12,99`, `9.99 USD`): the amount as the field shows it and the
 * currency, read with `ctx` (a bare `kr` is the user's krone). Null when the text names no currency.
 */
export function priceFromInput(text: string, ctx: PriceContext): { amount: string; currency: string } | null {
  if (!/[^\d\s.,\u00a0\u202f-]/.test(text)) return null;
  const p = parsePrice(text, ctx);
  if (!p.ok || !p.currency || p.negative) return null;
  return { amount: p.amount, currency: p.currency };
}

/** What the form is filled from: a subscription, or one a page proposes to add (lib/proposal). */
export type FormSource = Pick<
  Subscription,
  'service' | 'amountMinor' | 'currency' | 'period' | 'status' | 'billingAnchor' | 'category' | 'links'
> &
  Partial<
    Pick<
      Subscription,
      'trialEnd' | 'introAmountMinor' | 'introEnd' | 'ownerId' | 'paymentMethod' | 'notes' | 'reminderDays'
    >
  >;

/**
 * Fills the form from a subscription (for editing), or from a proposed one. With `today`, "next renewal" is the
 * coming renewal (the stored anchor may be a past billing day); saving it unchanged keeps the anchor (readForm).
 */
export function valuesFrom(sub: FormSource, today?: string): FormValues {
  const coming = today !== undefined && 'id' in sub ? nextRenewal(sub as Subscription, today) : undefined;
  return {
    service: sub.service,
    hasTrial: sub.status === 'trial',
    amount: String(toMajor(sub.amountMinor, sub.currency)),
    currency: sub.currency,
    period: sub.period,
    status: sub.status,
    nextRenewal: coming ?? sub.billingAnchor,
    category: sub.category,
    trialEnd: sub.trialEnd ?? '',
    introAmount: sub.introAmountMinor !== undefined ? String(toMajor(sub.introAmountMinor, sub.currency)) : '',
    introEnd: sub.introEnd ?? '',
    ownerId: sub.ownerId ?? '',
    paymentMethod: sub.paymentMethod ?? '',
    notes: sub.notes ?? '',
    reminderDays: sub.reminderDays !== undefined ? String(sub.reminderDays) : '',
    manage: sub.links.manage?.url ?? '',
    cancel: sub.links.cancel?.url ?? '',
    pause: sub.links.pause?.url ?? '',
  };
}

/** Problems the form reports, each shown in the user's language. */
export type ErrorCode = 'required' | 'amount' | 'number' | 'link' | 'invalid';

/** A new-subscription form filled from what a page showed (or blank), in the user's base currency by default. */
export function valuesForNew(detected: PageDetection | undefined, base: string, today: string): FormValues {
  const sub = detected?.subscription;
  const trialEnd = sub?.trialDays ? addDays(today, sub.trialDays) : undefined;
  return {
    ...EMPTY_FORM,
    ...(trialEnd ? { hasTrial: true, trialEnd } : {}),
    currency: sub?.currency ?? base,
    nextRenewal: sub?.nextRenewal ?? today,
    service: detected?.service?.name ?? '',
    amount: sub ? String(toMajor(sub.amountMinor, sub.currency)) : '',
    period: sub?.period ?? 'P1M',
  };
}

export type FormResult = { ok: true; input: Record<string, unknown> } | { ok: false; errors: FieldErrors };

/**
 * Turns form values into a subscription input, with a message per field for anything wrong.
 * `errorText` gives the (translated) message for a problem code.
 */
export function readForm(
  v: FormValues,
  existing: Subscription | undefined,
  errorText: (code: ErrorCode) => string,
): FormResult {
  const errors: FieldErrors = {};
  const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());
  if (!v.service.trim()) errors.service = errorText('required');
  const amount = parseAmountInput(v.amount);
  if (!v.amount.trim()) errors.amount = errorText('required');
  else if (amount === null) errors.amount = errorText('amount');
  if (v.hasTrial && !v.trialEnd) errors.trialEnd = errorText('required');
  if (!v.hasTrial && !v.nextRenewal) errors.nextRenewal = errorText('required');
  const intro = opt(v.introAmount) ? parseAmountInput(v.introAmount) : undefined;
  if (intro === null) errors.introAmount = errorText('amount');
  const reminder = opt(v.reminderDays);
  if (reminder !== undefined && !/^\d{1,2}$/.test(reminder)) errors.reminderDays = errorText('number');
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const linkOf = (kind: 'manage' | 'cancel' | 'pause') => {
    const url = opt(v[kind]);
    if (!url) return undefined;
    const before = existing?.links[kind];
    return before && before.url === url ? before : { url, source: 'user' as const };
  };
  const links = Object.fromEntries(
    (['manage', 'cancel', 'pause'] as const).flatMap((k) => {
      const l = linkOf(k);
      return l ? [[k, l]] : [];
    }),
  );
  // A trial's first charge is on its last day; otherwise the renewal typed, or the stored anchor when the typed day
  // is on its schedule (a 31st survives an edit that shows the 28th as the next renewal).
  const keepAnchor =
    existing &&
    existing.period === v.period &&
    existing.billingAnchor <= v.nextRenewal &&
    isOccurrence(existing.billingAnchor, existing.period, v.nextRenewal);
  const input: Record<string, unknown> = {
    ...(existing ? { id: existing.id } : {}),
    service: v.service.trim(),
    amountMinor: toMinor(amount!, v.currency),
    currency: v.currency,
    period: v.period,
    status: v.hasTrial ? 'trial' : v.status === 'trial' ? 'active' : v.status,
    billingAnchor: v.hasTrial ? v.trialEnd : keepAnchor ? existing.billingAnchor : v.nextRenewal,
    category: v.category,
    trialEnd: v.hasTrial ? v.trialEnd : undefined,
    introAmountMinor: intro ? toMinor(intro, v.currency) : undefined,
    introEnd: opt(v.introEnd),
    ownerId: opt(v.ownerId),
    paymentMethod: opt(v.paymentMethod),
    notes: opt(v.notes),
    reminderDays: reminder !== undefined ? Number(reminder) : undefined,
    links,
    confirmed: true,
  };
  // Check the shape now, so every message lands beside its field before anything is saved.
  const check = validate(SubscriptionSchema, {
    id: 'x',
    source: 'manual',
    createdAt: '2000-01-01T00:00:00.000Z',
    updatedAt: '2000-01-01T00:00:00.000Z',
    ...existing,
    ...input,
  });
  if (!check.ok) {
    const errs = fieldErrors(check.errors);
    for (const f of Object.keys(errs))
      errs[f] = errorText(f === 'manage' || f === 'cancel' || f === 'pause' ? 'link' : 'invalid');
    return { ok: false, errors: errs };
  }
  return { ok: true, input };
}

/** Maps schema error paths to form fields. */
export function fieldErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, msg] of Object.entries(errors)) {
    const field = FIELD_OF[path] ?? path.split('.')[0] ?? path;
    out[field] ??= msg;
  }
  return out;
}

/**
 * What an edit form saves: only the fields the user changed since the form was filled (`start`, from `base`), so
 * that a save never writes back what another tab or the background changed meanwhile (issue 15, item 5). The
 * result carries the id; a subscription that was not confirmed yet is confirmed by the edit. For a new
 * subscription (no `base`) it is {@link readForm}'s whole input.
 */
export function editInput(
  values: FormValues,
  start: FormValues,
  base: Subscription | undefined,
  errorText: (code: ErrorCode) => string,
): FormResult {
  const read = readForm(values, base, errorText);
  if (!read.ok || !base) return read;
  const before = readForm(start, base, errorText);
  // A form that did not start valid cannot say what changed: everything it shows is saved.
  if (!before.ok) return read;
  const patch: Record<string, unknown> = { id: base.id };
  for (const [key, value] of Object.entries(read.input)) {
    if (!sameValue(value, before.input[key])) patch[key] = value;
  }
  if (!base.confirmed) patch.confirmed = true;
  return { ok: true, input: patch };
}

/** The form field that shows a schema path (`amountMinor` → `amount`, `links.cancel` → `cancel`). */
export function formFieldOf(path: string): keyof FormValues | undefined {
  const [head, kind] = path.split('.');
  if (head === 'links') return kind as keyof FormValues;
  const field = FIELD_OF[path] ?? FIELD_OF[head ?? ''] ?? head;
  return field && field in EMPTY_FORM ? (field as keyof FormValues) : undefined;
}

/**
 * The form after "load the latest": the stored record's values, with the user's own changes (fields that differ
 * from where the form started) kept, except in the fields someone else changed too (`conflicts`, schema paths).
 */
export function rebaseValues(
  values: FormValues,
  start: FormValues,
  latest: FormValues,
  conflicts: readonly string[],
): FormValues {
  const lost = new Set(conflicts.map(formFieldOf));
  const next = { ...latest };
  for (const key of Object.keys(values) as Array<keyof FormValues>) {
    if (values[key] !== start[key] && !lost.has(key)) (next as Record<string, unknown>)[key] = values[key];
  }
  return next;
}
