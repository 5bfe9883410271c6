import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMajor, formatMinor, formatMoney, parsePrice } from '../../../lib/money';

/** Intl uses narrow no-break spaces and U+2212 in some locales; compare with plain characters. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

describe('formatMoney', () => {
  it('formats per locale with the currency digits', () => {
    expect(plain(formatMoney({ amountMinor: 129900, currency: 'NOK' }, 'nb-NO'))).toBe('1 299,00 kr');
    expect(plain(formatMoney({ amountMinor: 999, currency: 'USD' }, 'en-US'))).toBe('$9.99');
    expect(plain(formatMoney({ amountMinor: 999, currency: 'EUR' }, 'de-DE'))).toBe('9,99 €');
    expect(plain(formatMoney({ amountMinor: 1200, currency: 'JPY' }, 'en-US'))).toBe('¥1,200');
    expect(plain(formatMoney({ amountMinor: 1250, currency: 'KWD' }, 'en-US'))).toBe('KWD 1.250');
    expect(plain(formatMoney({ amountMinor: -4900, currency: 'SEK' }, 'sv-SE'))).toBe('-49,00 kr');
  });

  it('has a compact form', () => {
    expect(plain(formatMoney({ amountMinor: 123_456_700, currency: 'USD' }, 'en-US', { compact: true }))).toBe('$1.2M');
  });

  it('falls back to English for an unknown locale', () => {
    expect(formatMoney({ amountMinor: 999, currency: 'USD' }, 'not a locale!!')).toBe('$9.99');
  });

  it('formats major and fractional minor amounts', () => {
    expect(plain(formatMajor(107.5, 'NOK', 'nb-NO'))).toBe('107,50 kr');
    expect(plain(formatMinor(10749.5, 'NOK', 'nb-NO'))).toBe('107,50 kr');
  });
});

describe('format → parse round trip', () => {
  const LOCALES = ['nb-NO', 'sv-SE', 'da-DK', 'en-US', 'en-GB', 'de-DE'];
  const CURRENCIES = ['NOK', 'SEK', 'DKK', 'USD', 'GBP', 'EUR'];

  it('parsePrice reads back what formatMoney wrote', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...CURRENCIES),
        (amountMinor, locale, currency) => {
          const text = formatMoney({ amountMinor, currency }, locale);
          const r = parsePrice(text, { lang: locale });
          expect(r.ok, text).toBe(true);
          if (!r.ok) return;
          expect(r.currency, text).toBe(currency);
          expect(r.amountMinor, text).toBe(Math.abs(amountMinor));
          expect(r.negative, text).toBe(amountMinor < 0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds the formatted price inside a sentence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...CURRENCIES),
        (amountMinor, locale, currency) => {
          const money = formatMoney({ amountMinor, currency }, locale);
          const found = parsePrice(`Then ${money} per month.`, { lang: locale });
          expect(found.ok && found.amountMinor).toBe(amountMinor);
        },
      ),
      { numRuns: 200 },
    );
  });
});
