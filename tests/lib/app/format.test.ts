import { describe, expect, it } from 'vitest';
import { draftFrom, readDraft } from '../../../components/views/settingsForm';
import { compactAmount, daysLeftLabel, decimal, money } from '../../../lib/app/format';
import { createTranslator, type LANGUAGES, LOCALES } from '../../../lib/i18n';
import { DEFAULT_SETTINGS } from '../../../lib/model';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers in each language (issue 13 item 9)', () => {
  it('chart axes: compact numbers from Intl, with no currency mark (the caption names it)', () => {
    const axis = (locale: string) => plain(compactAmount(1_600_000, 'NOK', locale));
    expect(axis('en-GB')).toBe('16k');
    expect(axis('nb-NO')).toBe('16k');
    expect(axis('sv-SE')).toBe('16 tn');
    expect(axis('da-DK')).toBe('16 t');
    for (const locale of Object.values(LOCALES)) expect(axis(locale)).not.toMatch(/kr|NOK/);
  });

  it('rates use the decimal mark of the language, and read back either mark', () => {
    expect(decimal(4.253, 'nb-NO')).toBe('4,253');
    expect(decimal(4.253, 'sv-SE')).toBe('4,253');
    expect(decimal(4.253, 'en-GB')).toBe('4.253');
    expect(decimal(1702.5, 'da-DK')).toBe('1702,5');
    const rates = { date: '2026-11-20', perEur: { EUR: 1, NOK: 11.72, AED: 4.253 } };
    const t = createTranslator('nb');
    const draft = draftFrom({ ...DEFAULT_SETTINGS, exchangeRates: rates }, rates, 'nb-NO');
    expect(draft.rates).toEqual({ EUR: '1', NOK: '11,72', AED: '4,253' });
    const read = readDraft(draft, t);
    expect(read.ok && read.settings.exchangeRates?.perEur).toEqual(rates.perEur);
  });

  it('plural rules from Intl.PluralRules: "1 trial", "2 trials", in every language', () => {
    const line = (lang: (typeof LANGUAGES)[number], active: number, trials: number) =>
      createTranslator(lang)('common.activeTrials', { active, trials });
    expect(line('en', 1, 1)).toBe('1 active · 1 trial');
    expect(line('en', 3, 2)).toBe('3 active · 2 trials');
    expect(line('nb', 1, 1)).toBe('1 aktiv · 1 prøveperiode');
    expect(line('nb', 2, 0)).toBe('2 aktive · 0 prøveperioder');
    expect(line('sv', 1, 3)).toBe('1 aktiv · 3 provperioder');
    expect(line('da', 4, 1)).toBe('4 aktive · 1 prøveperiode');
    expect(daysLeftLabel(5, createTranslator('nb'))).toBe('om 5 dager');
    expect(createTranslator('en')('common.inDays', { n: 1 })).toBe('in 1 day');
    expect(plain(createTranslator('nb')('common.inDays', { n: 1500 }))).toBe('om 1 500 dager');
  });

  it('money: one formatter, never throws on an odd code', () => {
    expect(plain(money(28900, 'SEK', 'sv-SE'))).toBe('289,00 kr');
    expect(plain(money(22900, 'NOK', 'sv-SE'))).toBe('229,00 NOK');
    expect(money(100, 'XX1', 'en-GB')).toBe('1.00 XX1');
  });
});
