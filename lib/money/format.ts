import { minorDigits, toMajor } from './currency';
import { currencyOfLocale, isKrone } from './locale';
import type { Money } from './types';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${compact}`;
  let f = cache.get(key);
  if (!f) {
    const digits = minorDigits(currency);
    // `kr` only for the locale's own krone; other kroner by their code (never `Nkr` beside `kr`).
    const currencyDisplay = isKrone(currency) && currencyOfLocale(locale) !== currency ? 'code' : 'symbol';
    const options: Intl.NumberFormatOptions = compact
      ? { style: 'currency', currency, currencyDisplay, notation: 'compact', maximumFractionDigits: 1 }
      : { style: 'currency', currency, currencyDisplay, minimumFractionDigits: digits, maximumFractionDigits: digits };
    try {
      f = new Intl.NumberFormat(locale, options);
    } catch {
      f = new Intl.NumberFormat('en', options);
    }
    cache.set(key, f);
  }
  return f;
}

/**
 * Formats money for people with Intl (`129,00 kr`, `$9.99`, `1 299,00 kr`). A krone is written `kr` only in its own
 * locale (NOK in nb-NO, SEK in sv-SE, DKK in da-DK); elsewhere by its code (`129,00 NOK` in sv-SE, not `Nkr`). `compact` gives short forms
 * (`1,2k kr`). An unknown locale falls back to English. Throws RangeError for an invalid currency code.
 */
export function formatMoney(m: Money, locale: string, opts?: { compact?: boolean }): string {
  return formatter(locale, m.currency, opts?.compact === true).format(toMajor(m.amountMinor, m.currency));
}

/** Formats a major-unit amount (e.g. a per-month average that is not whole minor units). */
export function formatMajor(major: number, currency: string, locale: string, opts?: { compact?: boolean }): string {
  return formatter(locale, currency, opts?.compact === true).format(major);
}

/** Formats a possibly fractional minor-unit amount (e.g. from perMonthMinor), rounding to whole minor units. */
export function formatMinor(minor: number, currency: string, locale: string, opts?: { compact?: boolean }): string {
  return formatMoney({ amountMinor: Math.round(minor), currency }, locale, opts);
}
