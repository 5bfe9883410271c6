import { describe, expect, it } from 'vitest';
import { bundledRates, currencyDefaults, currencyOfLocale, formatMoney, regionOf } from '../../../lib/money';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const known = (c: string) => c in bundledRates.perEur;

describe('currency from the browser locale', () => {
  it('reads the region, or the language’s likely region', () => {
    expect(regionOf('nb-NO')).toBe('NO');
    expect(regionOf('sv')).toBe('SE');
    expect(regionOf('zh-Hant-HK')).toBe('HK');
    expect(regionOf('en')).toBe('US');
    expect(regionOf('xx')).toBeUndefined();
  });

  it.each([
    [['nb-NO', 'nb', 'en'], 'NOK', 'NOK'],
    [['nb'], 'NOK', 'NOK'],
    [['no'], 'NOK', 'NOK'],
    [['sv-SE', 'sv'], 'SEK', 'SEK'],
    [['da-DK'], 'DKK', 'DKK'],
    [['en-GB', 'en'], 'GBP', 'NOK'],
    [['en-US'], 'USD', 'NOK'],
    [['en'], 'USD', 'NOK'],
    [['fi-FI'], 'EUR', 'NOK'],
    [['de-DE', 'de'], 'EUR', 'NOK'],
    [['en-GB', 'sv'], 'GBP', 'SEK'],
    [['sv-FI'], 'EUR', 'SEK'],
    [['is-IS'], 'ISK', 'ISK'],
    [['en-CA'], 'CAD', 'NOK'],
  ])('%j → base %s, "kr" means %s', (languages, base, krone) => {
    expect(currencyDefaults(languages, known)).toEqual({ base, krone });
  });

  it('falls back to EUR when no language names a currency with a rate', () => {
    expect(currencyDefaults(['xx-ZZ'], known)).toEqual({ base: 'EUR', krone: 'NOK' });
    expect(currencyDefaults([], known).base).toBe('EUR');
    // A currency without a bundled rate (Argentina) is skipped for the next language.
    expect(currencyDefaults(['es-AR', 'en-GB'], known).base).toBe('GBP');
  });

  it('knows which currency a locale writes with its own symbol', () => {
    expect(currencyOfLocale('sv-SE')).toBe('SEK');
    expect(currencyOfLocale('en-GB')).toBe('GBP');
  });
});

describe('one way to write each currency per locale', () => {
  const write = (currency: string, locale: string) => plain(formatMoney({ amountMinor: 28900, currency }, locale));

  it('writes "kr" only for the locale’s own krone, other kroner by code', () => {
    expect(write('SEK', 'sv-SE')).toBe('289,00 kr');
    expect(write('NOK', 'sv-SE')).toBe('289,00 NOK');
    expect(write('DKK', 'sv-SE')).toBe('289,00 DKK');
    expect(write('NOK', 'nb-NO')).toBe('289,00 kr');
    expect(write('SEK', 'nb-NO')).toBe('289,00 SEK');
    expect(write('DKK', 'da-DK')).toBe('289,00 kr.');
    expect(write('NOK', 'da-DK')).toBe('289,00 NOK');
    expect(write('NOK', 'en-GB')).toBe('NOK 289.00');
  });

  it('never writes two currencies with the same mark in one locale', () => {
    for (const locale of ['nb-NO', 'sv-SE', 'da-DK', 'en-GB']) {
      const marks = ['NOK', 'SEK', 'DKK', 'ISK', 'EUR', 'USD', 'GBP', 'CHF'].map((c) =>
        write(c, locale).replace(/[\d\s.,]/g, ''),
      );
      expect(new Set(marks).size, `${locale}: ${marks.join(' ')}`).toBe(marks.length);
      expect(
        marks.filter((m) => /^.kr$/i.test(m)),
        locale,
      ).toEqual([]);
    }
  });
});
