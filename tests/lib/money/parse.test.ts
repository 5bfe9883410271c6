import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPrices, MAX_PRICE_MATCHES, type PriceContext, parsePrice } from '../../../lib/money';

type Expect = { amount: string; minor: number; currency: string | null; text?: string | null; negative?: boolean };

function ok(text: string, ctx?: PriceContext) {
  const r = parsePrice(text, ctx);
  if (!r.ok) throw new Error(`no price in ${JSON.stringify(text)}: ${r.reason}`);
  return r;
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const THIN = '\u2009';

const CASES: Array<[string, PriceContext | undefined, Expect]> = [
  ['kr 129,00', { lang: 'nb' }, { amount: '129', minor: 12900, currency: 'NOK', text: 'kr' }],
  ['129,- kr/mnd', { lang: 'nb' }, { amount: '129', minor: 12900, currency: 'NOK', text: 'kr' }],
  [`1${NBSP}299 kr`, { lang: 'nb' }, { amount: '1299', minor: 129900, currency: 'NOK' }],
  [`1${NNBSP}299 kr`, { lang: 'sv' }, { amount: '1299', minor: 129900, currency: 'SEK' }],
  [`1${THIN}299 kr`, { lang: 'da' }, { amount: '1299', minor: 129900, currency: 'DKK' }],
  ['1.299,00 kr.', { lang: 'da' }, { amount: '1299', minor: 129900, currency: 'DKK', text: 'kr.' }],
  ['SEK 1.188', undefined, { amount: '1188', minor: 118800, currency: 'SEK' }],
  ['DKK 99,00', undefined, { amount: '99', minor: 9900, currency: 'DKK' }],
  ['€9,99', undefined, { amount: '9.99', minor: 999, currency: 'EUR', text: '€' }],
  ['9,99 €', undefined, { amount: '9.99', minor: 999, currency: 'EUR' }],
  ['$9.99', undefined, { amount: '9.99', minor: 999, currency: 'USD', text: '$' }],
  ['US$ 12.99', undefined, { amount: '12.99', minor: 1299, currency: 'USD', text: 'US$' }],
  ['£10.99', undefined, { amount: '10.99', minor: 1099, currency: 'GBP' }],
  ['USD 20.00', undefined, { amount: '20', minor: 2000, currency: 'USD' }],
  ['NOK 1 990', undefined, { amount: '1990', minor: 199000, currency: 'NOK' }],
  ['1,299.00', undefined, { amount: '1299', minor: 129900, currency: null, text: null }],
  ['129:-', { lang: 'sv' }, { amount: '129', minor: 12900, currency: 'SEK', text: ':-' }],
  ['99 SEK/mån', undefined, { amount: '99', minor: 9900, currency: 'SEK' }],
  ['kr. 99,00', { lang: 'da' }, { amount: '99', minor: 9900, currency: 'DKK', text: 'kr.' }],
  ['−49,00 kr', { lang: 'nb' }, { amount: '49', minor: 4900, currency: 'NOK', negative: true }],
  ['-$9.99', undefined, { amount: '9.99', minor: 999, currency: 'USD', negative: true }],
  ['$-9.99', undefined, { amount: '9.99', minor: 999, currency: 'USD', negative: true }],
  ['-NOK 1,234.56', undefined, { amount: '1234.56', minor: 123456, currency: 'NOK', negative: true }],
  ['99 Nkr', undefined, { amount: '99', minor: 9900, currency: 'NOK' }],
  ["CHF 1'299.50", undefined, { amount: '1299.5', minor: 129950, currency: 'CHF' }],
  ['1 234,5 Kč', undefined, { amount: '1234.5', minor: 123450, currency: 'CZK' }],
  ['49,99 zł', undefined, { amount: '49.99', minor: 4999, currency: 'PLN' }],
  ['¥1,200', undefined, { amount: '1200', minor: 1200, currency: 'JPY' }],
  ['KWD 1.250', undefined, { amount: '1.25', minor: 1250, currency: 'KWD' }],
  ['35€99', undefined, { amount: '35.99', minor: 3599, currency: 'EUR' }],
  ['SGD$4.90', undefined, { amount: '4.9', minor: 490, currency: 'SGD' }],
  ['$1,190.00 AUD', undefined, { amount: '1190', minor: 119000, currency: 'AUD' }],
  ['Price: 12.99 (incl. VAT) EUR', undefined, { amount: '12.99', minor: 1299, currency: 'EUR' }],
  ['Gratis', undefined, { amount: '0', minor: 0, currency: null }],
];

describe('parsePrice', () => {
  it.each(CASES)('reads %j', (text, ctx, want) => {
    const r = ok(text, ctx);
    expect(r.amount).toBe(want.amount);
    expect(r.amountMinor).toBe(want.minor);
    expect(r.currency).toBe(want.currency);
    if (want.text !== undefined) expect(r.currencyText).toBe(want.text);
    expect(r.negative).toBe(want.negative ?? false);
  });

  it('resolves kr from the language, then the hostname, else leaves the currency unknown', () => {
    expect(ok('129 kr', { lang: 'nb-NO' }).currency).toBe('NOK');
    expect(ok('129 kr', { lang: 'no' }).currency).toBe('NOK');
    expect(ok('129 kr', { lang: 'sv-SE' }).currency).toBe('SEK');
    expect(ok('129 kr', { lang: 'da' }).currency).toBe('DKK');
    expect(ok('129 kr', { hostname: 'www.viaplay.no' }).currency).toBe('NOK');
    expect(ok('129 kr', { hostname: 'tidal.se' }).currency).toBe('SEK');
    expect(ok('129 kr', { hostname: 'yousee.dk' }).currency).toBe('DKK');
    expect(ok('129 kr', { lang: 'sv', hostname: 'example.no' }).currency).toBe('SEK');
    expect(ok('129 kr', { lang: 'en', hostname: 'example.com' }).currency).toBeNull();
    expect(ok('129 kr').currency).toBeNull();
    expect(ok('129 kr').currencyText).toBe('kr');
    expect(ok('129 kr', { defaultCurrency: 'DKK' }).currency).toBe('DKK');
    expect(ok('129 kr', { defaultCurrency: 'EUR' }).currency).toBeNull();
    expect(ok('129:-').currency).toBeNull();
  });

  it('reads $ as USD unless the context says another dollar', () => {
    expect(ok('$5').currency).toBe('USD');
    expect(ok('$5', { lang: 'en-CA' }).currency).toBe('CAD');
    expect(ok('$5', { hostname: 'shop.com.au' }).currency).toBe('AUD');
    expect(ok('$5', { defaultCurrency: 'NZD' }).currency).toBe('NZD');
  });

  it('trusts short or common currency words only next to the number', () => {
    expect(ok('Real price: 9.99').currency).toBeNull();
    expect(ok('R 199').currency).toBe('ZAR');
    expect(ok('99 Fr.').currency).toBe('CHF');
  });

  it('uses the hint, then the default currency, when the text names none', () => {
    expect(ok('12.99', { hint: 'Price in GBP' }).currency).toBe('GBP');
    expect(ok('12.99', { defaultCurrency: 'EUR' }).currency).toBe('EUR');
    expect(ok('12.99', { defaultCurrency: 'EUR' }).currencyText).toBeNull();
    expect(ok('12.99').currency).toBeNull();
  });

  it('guesses the decimal mark from the digits, unless told', () => {
    expect(ok('1.188').amount).toBe('1188');
    expect(ok('1,188').amount).toBe('1188');
    expect(ok('0,500').amount).toBe('0.5');
    expect(ok('12,5').amount).toBe('12.5');
    expect(ok('1.234.567').amount).toBe('1234567');
    expect(ok('1.234.567,89').amount).toBe('1234567.89');
    expect(ok('1.188', { decimalSeparator: '.' }).amount).toBe('1.188');
    expect(ok('1.188,5', { decimalSeparator: '.' }).amount).toBe('1.1885');
    expect(ok('9.99', { decimalSeparator: ',' }).amount).toBe('999');
  });

  it('prefers the number next to a currency over other numbers', () => {
    expect(ok('2 months for $10').amount).toBe('10');
    expect(ok('Save 20% – now 99 kr', { lang: 'nb' }).amount).toBe('99');
  });

  it('gives amountMinor in the currency digits, and 2 digits when unknown', () => {
    expect(ok('¥1200').amountMinor).toBe(1200);
    expect(ok('1200').amountMinor).toBe(120000);
    expect(ok('9.999 €', { decimalSeparator: '.' }).amountMinor).toBe(1000);
  });

  it('returns a typed failure instead of throwing', () => {
    expect(parsePrice('no price here')).toEqual({ ok: false, reason: 'no-amount' });
    expect(parsePrice('50%').ok).toBe(false);
    expect(parsePrice('').ok).toBe(false);
    expect(parsePrice(null as unknown as string)).toEqual({ ok: false, reason: 'not-text' });
    expect(parsePrice(42 as unknown as string).ok).toBe(false);
  });

  it('only reads the first 2,000 characters', () => {
    expect(parsePrice(`${'x'.repeat(2000)} 129 kr`).ok).toBe(false);
    expect(ok(`${'x'.repeat(1990)} 129 kr`).amount).toBe('129');
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 20 }), (text, hint) => {
        const r = parsePrice(text, { hint, lang: 'nb' });
        expect(typeof r.ok).toBe('boolean');
        if (r.ok) expect(r.amount).toMatch(/^\d+(\.\d+)?$/);
      }),
    );
  });
});

describe('findPrices', () => {
  const spans = (text: string, ctx?: PriceContext) =>
    findPrices(text, ctx).map((m) => [text.slice(m.index, m.index + m.length), m.result.amount, m.result.currency]);

  it('finds prices in sentences', () => {
    expect(spans('Gratis i 30 dager, deretter 129 kr/mnd', { lang: 'nb' })).toEqual([['129 kr', '129', 'NOK']]);
    expect(spans('Then $9.99/month after trial')).toEqual([['$9.99', '9.99', 'USD']]);
    expect(spans('3 måneder for 9 kr', { lang: 'nb' })).toEqual([['9 kr', '9', 'NOK']]);
    expect(spans('Prova gratis i 14 dagar, sedan 129:- per månad', { lang: 'sv' })).toEqual([['129:-', '129', 'SEK']]);
    expect(spans('Fra 23.12.2026 koster det 1 299 kr.', { lang: 'da' })).toEqual([['1 299 kr.', '1299', 'DKK']]);
  });

  it('ignores bare numbers', () => {
    expect(findPrices('Over 30 dager og 4 profiler, 1299 ganger')).toEqual([]);
  });

  it('pairs every number with its own currency text', () => {
    expect(spans('99 kr 129 kr', { lang: 'nb' }).map((s) => s[1])).toEqual(['99', '129']);
    expect(spans('$5 now, $10 later').map((s) => s[1])).toEqual(['5', '10']);
    expect(spans('Was €12,99, now 9,99 € per month').map((s) => s[1])).toEqual(['12.99', '9.99']);
  });

  it('reports the sign in the span', () => {
    const [m] = findPrices('Refund: −49,00 kr', { lang: 'nb' });
    expect(m?.result.negative).toBe(true);
    expect(m && 'Refund: −49,00 kr'.slice(m.index, m.index + m.length)).toBe('−49,00 kr');
  });

  it('is bounded', () => {
    const many = '1 kr '.repeat(1000);
    expect(findPrices(many, { lang: 'nb' })).toHaveLength(MAX_PRICE_MATCHES);
    expect(findPrices(`${'x '.repeat(20_000)} 129 kr`)).toEqual([]);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        for (const m of findPrices(text)) {
          expect(m.index).toBeGreaterThanOrEqual(0);
          expect(m.index + m.length).toBeLessThanOrEqual(text.length);
        }
      }),
    );
  });
});
