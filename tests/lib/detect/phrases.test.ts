import { describe, expect, it } from 'vitest';
import { findOffers } from '../../../lib/detect/phrases';
import { findCandidates } from '../../../lib/detect/prices';
import { trialDays } from '../../../lib/detect/subscription';
import { linesOf } from './helpers';

const CTX: Record<string, { lang: string; hostname: string; defaultCurrency?: string }> = {
  en: { lang: 'en', hostname: 'example.com' },
  nb: { lang: 'nb', hostname: 'example.no', defaultCurrency: 'NOK' },
  sv: { lang: 'sv', hostname: 'example.se', defaultCurrency: 'SEK' },
  da: { lang: 'da', hostname: 'example.dk', defaultCurrency: 'DKK' },
};

function firstPrice(text: string, lang: string) {
  const c = findCandidates(linesOf([text]), CTX[lang]!)[0];
  if (!c) throw new Error(`no price in ${text}`);
  return c;
}

describe('period words after and before a price', () => {
  const cases: Array<[string, string, number, string, string]> = [
    ['129 kr/mnd', 'nb', 12900, 'NOK', 'P1M'],
    ['129,- pr. mnd', 'nb', 12900, 'NOK', 'P1M'],
    ['129 kr i måneden', 'nb', 12900, 'NOK', 'P1M'],
    ['1 188 kr/år', 'nb', 118800, 'NOK', 'P1Y'],
    ['249 kr hver 4. uke', 'nb', 24900, 'NOK', 'P4W'],
    ['495 kr per kvartal', 'nb', 49500, 'NOK', 'P3M'],
    ['Månedspris: 749 kr', 'nb', 74900, 'NOK', 'P1M'],
    ['Årspris 1 188 kr', 'nb', 118800, 'NOK', 'P1Y'],
    ['99 kr/mån', 'sv', 9900, 'SEK', 'P1M'],
    ['249 kr var fjärde vecka', 'sv', 24900, 'SEK', 'P4W'],
    ['1 190 kr per år', 'sv', 119000, 'SEK', 'P1Y'],
    ['Månadsavgift 599 kr', 'sv', 59900, 'SEK', 'P1M'],
    ['149 kr./md.', 'da', 14900, 'DKK', 'P1M'],
    ['99 kr. om måneden', 'da', 9900, 'DKK', 'P1M'],
    ['594 kr. pr. halvår', 'da', 59400, 'DKK', 'P6M'],
    ['1.188 kr. om året', 'da', 118800, 'DKK', 'P1Y'],
    ['€4.99 a month', 'en', 499, 'EUR', 'P1M'],
    ['$8/mo', 'en', 800, 'USD', 'P1M'],
    ['£5 per week', 'en', 500, 'GBP', 'P1W'],
    ['$99 yearly', 'en', 9900, 'USD', 'P1Y'],
    ['$25.00 every 4 weeks', 'en', 2500, 'USD', 'P4W'],
    ['€47.88 billed every 12 months', 'en', 4788, 'EUR', 'P1Y'],
  ];
  for (const [text, lang, minor, currency, period] of cases) {
    it(`${lang}: ${text}`, () => {
      const c = firstPrice(text, lang);
      expect([c.amountMinor, c.currency, c.period]).toEqual([minor, currency, period]);
    });
  }

  it('reads no period where there is none', () => {
    expect(firstPrice('Totalt 1 288,00 kr', 'nb').period).toBeUndefined();
    expect(firstPrice('Kjøp for 1 kr', 'nb').period).toBeUndefined();
  });
});

describe('price context', () => {
  it('marks a monthly figure in brackets after a yearly price as an equivalent', () => {
    const [yearly, monthly] = findCandidates(linesOf(['1 188 kr/år (99 kr/mnd)']), CTX.nb!);
    expect(yearly?.equivalent).toBe(false);
    expect(monthly?.equivalent).toBe(true);
  });

  it('marks VAT lines, savings, shipping, one-off fees, totals and prices after "then"', () => {
    const lines = linesOf([
      'Herav mva (25 %)\t35,80 kr',
      'Spar 289 kr',
      'Frakt\t49,00 kr',
      'Startavgift (engångsavgift) 299 kr',
      'Totalt betalt\t179,00 kr',
      'Gratis i 30 dager, deretter 129 kr/mnd',
      '99 kr/mnd eks. mva',
    ]);
    const c = findCandidates(lines, CTX.nb!);
    expect(c.map((x) => [x.vat, x.saving, x.shipping, x.oneOff, x.total, x.afterwards, x.net])).toEqual([
      [true, false, false, false, false, false, false],
      [false, true, false, false, false, false, false],
      [false, false, true, false, false, false, false],
      [false, false, false, true, false, false, false],
      [false, false, false, false, true, false, false],
      [false, false, false, false, false, true, false],
      [false, false, false, false, false, false, true],
    ]);
  });

  it('reads prices with no-break spaces and bidi controls', () => {
    const c = findCandidates(linesOf(['\u200e1\u202f188\u00a0kr/år\u200f']), CTX.nb!);
    // The DOM walk removes bidi controls; the price reader itself copes with the narrow spaces.
    expect(c.some((x) => x.amountMinor === 118800)).toBe(true);
  });
});

describe('trial and intro phrases', () => {
  function offers(text: string, lang: string) {
    const lines = linesOf([text]);
    const cands = findCandidates(lines, CTX[lang]!);
    return { cands, ...findOffers(lines, cands, () => false) };
  }

  const trials: Array<[string, string, number, string]> = [
    ['Gratis i 30 dager, deretter 129 kr/mnd', 'nb', 30, 'D'],
    ['Prøv gratis i 14 dager', 'nb', 14, 'D'],
    ['30 dagers gratis prøveperiode', 'nb', 30, 'D'],
    ['Prova gratis i 30 dagar, därefter 99 kr/mån', 'sv', 30, 'D'],
    ['1 månad gratis, sedan 119 kr/mån', 'sv', 1, 'M'],
    ['Prøv gratis i 30 dage', 'da', 30, 'D'],
    ['1 month free, then $9.99/month', 'en', 1, 'M'],
    ['Start your 7-day free trial', 'en', 7, 'D'],
  ];
  for (const [text, lang, n, unit] of trials) {
    it(`trial (${lang}): ${text}`, () => {
      expect(offers(text, lang).trials[0]).toMatchObject({ n, unit });
    });
  }

  it('reads intro prices, fixed free periods and percentages', () => {
    const a = offers('3 måneder for 9 kr, deretter 249 kr/mnd', 'nb');
    expect(a.intros[0]).toMatchObject({ n: 3, unit: 'M' });
    expect(a.cands[a.intros[0]!.priceId!]?.amountMinor).toBe(900);

    const b = offers('Första månaden för 1 kr, därefter 119 kr/mån', 'sv');
    expect(b.intros[0]).toMatchObject({ n: 1, unit: 'M' });
    expect(b.cands[b.intros[0]!.priceId!]?.amountMinor).toBe(100);

    expect(offers('50 % rabat i 6 måneder – derefter 149 kr./md.', 'da').intros[0]).toMatchObject({ n: 6, pct: 50 });
    expect(offers('50 % rabatt i 6 månader', 'sv').intros[0]).toMatchObject({ n: 6, unit: 'M', pct: 50 });
    expect(offers('First month free, then £10.99/month', 'en').intros[0]).toMatchObject({ n: 1, amountMinor: 0 });
    expect(offers('Første måned 1 kr', 'nb').intros[0]).toMatchObject({ n: 1, unit: 'M' });
    expect(offers('$4.00 every 4 weeks for 12 weeks, then $25.00 every 4 weeks', 'en').intros[0]).toMatchObject({
      n: 12,
      unit: 'W',
    });
  });

  it('finds nothing in ordinary price text', () => {
    const o = offers('Premium 129 kr/mnd, neste trekk 3. desember', 'nb');
    expect(o.trials).toEqual([]);
    expect(o.intros).toEqual([]);
  });

  it('counts trial months as calendar days from today', () => {
    expect(trialDays({ line: 0, n: 1, unit: 'M' }, '2026-11-23')).toBe(30);
    expect(trialDays({ line: 0, n: 1, unit: 'M' }, '2026-01-31')).toBe(28);
    expect(trialDays({ line: 0, n: 2, unit: 'W' }, '2026-11-23')).toBe(14);
    expect(trialDays({ line: 0, n: 1, unit: 'Y' }, '2027-03-01')).toBe(366);
    expect(trialDays({ line: 0, n: 400, unit: 'D' }, '2026-11-23')).toBeUndefined();
  });
});
