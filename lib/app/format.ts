import type { Translate } from '../i18n';
import { formatMoney, minorToDecimal, toMajor } from '../money';
import { parsePeriod } from '../schedule';

/**
 * Money for display (`129,00 kr` in nb-NO); rounds to whole minor units, and falls back to `129.00 XYZ` when
 * Intl refuses the currency code. Never throws. The one money formatter of the UI.
 */
export function money(amountMinor: number, currency: string, locale: string, compact = false): string {
  const minor = Math.round(amountMinor);
  try {
    return formatMoney({ amountMinor: minor, currency }, locale, { compact });
  } catch {
    return `${minorToDecimal(minor, currency)} ${currency}`;
  }
}

/**
 * A compact amount without a currency mark, for chart axes whose caption names the currency: `16k` (en), `16 t`
 * (da), `16 tn` (sv), `1,2 mill.` (nb). Minor units in; never throws.
 */
export function compactAmount(amountMinor: number, currency: string, locale: string): string {
  const major = toMajor(amountMinor, currency);
  try {
    return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(major);
  } catch {
    return String(Math.round(major));
  }
}

/** A rate or other plain decimal in the locale's digits, with no grouping: `4,253` (nb, sv, da), `4.253` (en). */
export function decimal(value: number, locale: string, maxDigits = 6): string {
  try {
    return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: maxDigits }).format(value);
  } catch {
    return String(value);
  }
}

/** "per month", "every 2 weeks", "per year"... */
export function periodLabel(period: string, t: Translate): string {
  const p = parsePeriod(period);
  if (!p) return period;
  const key = `common.period.${p.n === 1 ? p.unit : `n${p.unit}`}`;
  return t(key, { n: p.n });
}

/** "in 3 days", "today", "tomorrow". */
export function daysLeftLabel(days: number, t: Translate): string {
  if (days === 0) return t('common.today');
  if (days === 1) return t('common.tomorrow');
  return t('common.inDays', { n: days });
}
