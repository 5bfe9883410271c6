import { describe, expect, it } from 'vitest';
import { isValidIsoDate } from '../../../lib/dates';
import { ExchangeRates } from '../../../lib/model';
import { bundledRates, convert } from '../../../lib/money';

describe('bundledRates', () => {
  it('is a dated table valid for the data model, with the Nordic and common currencies', () => {
    expect(isValidIsoDate(bundledRates.date)).toBe(true);
    expect(ExchangeRates.safeParse(bundledRates).success).toBe(true);
    expect(bundledRates.perEur.EUR).toBe(1);
    for (const c of [
      'NOK',
      'SEK',
      'DKK',
      'USD',
      'GBP',
      'CHF',
      'PLN',
      'CZK',
      'ISK',
      'JPY',
      'CAD',
      'AUD',
      'NZD',
      'HUF',
    ]) {
      expect(bundledRates.perEur[c], c).toBeGreaterThan(0);
    }
  });
});

describe('convert', () => {
  const rates = { date: '2026-01-01', perEur: { EUR: 1, NOK: 11.5, SEK: 11, JPY: 160, KWD: 0.35 } };

  it('converts through EUR and rounds to whole minor units', () => {
    expect(convert({ amountMinor: 10000, currency: 'EUR' }, 'NOK', rates)).toEqual({
      amountMinor: 115000,
      currency: 'NOK',
    });
    expect(convert({ amountMinor: 115000, currency: 'NOK' }, 'EUR', rates)).toEqual({
      amountMinor: 10000,
      currency: 'EUR',
    });
    expect(convert({ amountMinor: 11500, currency: 'NOK' }, 'SEK', rates)).toEqual({
      amountMinor: 11000,
      currency: 'SEK',
    });
  });

  it('respects different minor digits', () => {
    expect(convert({ amountMinor: 100, currency: 'EUR' }, 'JPY', rates)).toEqual({ amountMinor: 160, currency: 'JPY' });
    expect(convert({ amountMinor: 160, currency: 'JPY' }, 'EUR', rates)).toEqual({ amountMinor: 100, currency: 'EUR' });
    expect(convert({ amountMinor: 1000, currency: 'EUR' }, 'KWD', rates)).toEqual({
      amountMinor: 3500,
      currency: 'KWD',
    });
  });

  it('rounds half away from zero', () => {
    const r = { date: '2026-01-01', perEur: { EUR: 1, XTS: 0.5 } };
    expect(convert({ amountMinor: 1, currency: 'EUR' }, 'XTS', r)?.amountMinor).toBe(1);
    expect(convert({ amountMinor: -1, currency: 'EUR' }, 'XTS', r)?.amountMinor).toBe(-1);
  });

  it('returns null when a rate is missing or unusable, and the same amount for the same currency', () => {
    expect(convert({ amountMinor: 100, currency: 'EUR' }, 'USD', rates)).toBeNull();
    expect(convert({ amountMinor: 100, currency: 'USD' }, 'EUR', rates)).toBeNull();
    expect(convert({ amountMinor: 100, currency: 'EUR' }, 'NOK', { date: 'x', perEur: { EUR: 1, NOK: 0 } })).toBeNull();
    expect(convert({ amountMinor: 100, currency: 'USD' }, 'USD', rates)).toEqual({ amountMinor: 100, currency: 'USD' });
  });

  it('works with the bundled table', () => {
    const nok = convert({ amountMinor: 100_00, currency: 'EUR' }, 'NOK', bundledRates);
    expect(nok?.currency).toBe('NOK');
    expect(nok?.amountMinor).toBe(Math.round(100_00 * (bundledRates.perEur.NOK ?? 0)));
  });
});
