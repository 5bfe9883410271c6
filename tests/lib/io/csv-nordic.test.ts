import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { PERIODS } from '../../../components/SubscriptionForm';
import { createTranslator, LANGUAGES } from '../../../lib/i18n';
import {
  exportChargesCsv,
  exportSubscriptionsCsv,
  guessMapping,
  previewSubscriptions,
  readCsv,
} from '../../../lib/io/csv';
import { CATEGORIES, type Language, STATUSES, type Subscription } from '../../../lib/model';
import { charge, sub } from './helpers';

/**
 * Spreadsheets in the Nordic locales (issue 13, item 11): Excel with a Norwegian, Swedish or Danish locale
 * splits on semicolons and reads decimal commas, so the export in those UI languages uses both, with column titles
 * in the language and a UTF-8 byte-order mark (without it Excel reads æ, ø and å as two characters each).
 * Whatever the file's style, it imports back to the same values.
 */
const TODAY = '2026-11-23';

const subs: Subscription[] = [
  sub({
    id: '1',
    service: 'Netflix',
    domain: 'netflix.com',
    amountMinor: 17900,
    notes: 'Familie; deles med "Ola"\nandre linje',
  }),
  sub({
    id: '2',
    service: 'Viaplay Total',
    domain: 'viaplay.com',
    amountMinor: 118800,
    period: 'P1Y',
    category: 'video',
    status: 'trial',
  }),
  sub({ id: '3', service: 'Strømmetjenesten Ærlig Å', amountMinor: 9950, currency: 'SEK', startDate: '2025-03-01' }),
  sub({ id: '4', service: 'Storytel', amountMinor: 22900, domain: 'storytel.com', paymentMethod: 'Visa ••1234' }),
  sub({ id: '5', service: 'Avis', amountMinor: 1000099, currency: 'DKK', status: 'paused', category: 'news' }),
  ...PERIODS.map((period, i) => sub({ id: `p${i}`, service: `Period ${period}`, period })),
  ...STATUSES.map((status, i) => sub({ id: `s${i}`, service: `Status ${status}`, status })),
  ...CATEGORIES.map((category, i) => sub({ id: `c${i}`, service: `Category ${category}`, category })),
  // Formula guards: our own import takes off the guard our export put on, so names never gain a `'`.
  ...['=cmd|/c calc', '+47 Mobil', '-minus', '@SUM(A1)', "'=already quoted", "'quoted", "Kari's"].map((name, i) =>
    sub({ id: `f${i}`, service: name, notes: name }),
  ),
];

/** What an import keeps of a subscription, to compare with what was exported. */
const fields = (
  s: Pick<Subscription, 'service' | 'amountMinor' | 'currency' | 'period' | 'status' | 'category'> &
    Partial<Subscription>,
) => ({
  service: s.service,
  amountMinor: s.amountMinor,
  currency: s.currency,
  period: s.period,
  status: s.status,
  category: s.category,
  startDate: s.startDate,
  domain: s.domain,
  notes: s.notes,
  paymentMethod: s.paymentMethod,
});

function importText(text: string, lang: Language) {
  const table = readCsv(text);
  if (!table.ok) throw new Error(table.error);
  const preview = previewSubscriptions(table.rows, guessMapping(table.headers), {
    today: TODAY,
    defaultCurrency: 'NOK',
    lang,
  });
  return { table, preview };
}

describe('CSV in the UI language', () => {
  for (const lang of ['nb', 'sv', 'da'] as const) {
    it(`${lang}: semicolons, decimal commas, titles in ${lang} and a byte-order mark`, () => {
      const t = createTranslator(lang);
      const text = exportSubscriptionsCsv(subs, { today: TODAY, lang });
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = Papa.parse<string[]>(text.slice(1).trim(), { delimiter: ';' }).data;
      expect(rows[0]?.[0]).toBe(t('data.field.service'));
      expect(rows[0]?.[1]).toBe(t('data.field.amount'));
      expect(rows[0]?.[4]).toBe(t('data.field.nextRenewal'));
      const netflix = rows.find((r) => r[0] === 'Netflix');
      expect(netflix?.slice(1, 5)).toEqual(['179,00', 'NOK', t('common.periodName.P1M'), '2026-12-14']);
      expect(rows.find((r) => r[0] === 'Avis')?.[1]).toBe('10000,99');
      expect(rows.find((r) => r[0] === 'Viaplay Total')?.[6]).toBe(t('common.status.trial'));
      expect(readCsv(text)).toMatchObject({ ok: true, delimiter: ';' });
    });
  }

  it('en: commas, decimal points, English titles and a byte-order mark', () => {
    const text = exportSubscriptionsCsv(subs, { today: TODAY, lang: 'en' });
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(readCsv(text)).toMatchObject({ ok: true, delimiter: ',' });
    const rows = Papa.parse<string[]>(text.slice(1).trim()).data;
    expect(rows[0]?.slice(0, 2)).toEqual(['Name', 'Price']);
    expect(rows.find((r) => r[0] === 'Netflix')?.slice(1, 4)).toEqual(['179.00', 'NOK', 'Monthly']);
  });

  for (const exportLang of LANGUAGES) {
    for (const importLang of LANGUAGES) {
      it(`a file exported in ${exportLang} imports back to the same values with the UI in ${importLang}`, () => {
        const text = exportSubscriptionsCsv(subs, { today: TODAY, lang: exportLang });
        const { preview } = importText(text, importLang);
        const bad = preview.filter((p) => !p.ok);
        expect(bad).toEqual([]);
        const back = preview.flatMap((p) => (p.ok ? [fields(p.value)] : []));
        const sorted = [...subs].sort((a, b) => a.service.localeCompare(b.service, 'en') || (a.id < b.id ? -1 : 1));
        expect(back).toEqual(sorted.map(fields));
      });
    }
  }

  it('the formula guard is on the cell in the file and off again after import', () => {
    const text = exportSubscriptionsCsv(subs, { today: TODAY, lang: 'nb' });
    expect(text).toContain("'=cmd|/c calc");
    expect(text).toContain("''=already quoted");
    const { preview } = importText(text, 'nb');
    const names = preview.flatMap((p) => (p.ok ? [p.value.service] : []));
    expect(names).toEqual(expect.arrayContaining(['=cmd|/c calc', '+47 Mobil', "'=already quoted", "'quoted"]));
    expect(names.some((n) => n.startsWith("''") || n === "'+47 Mobil")).toBe(false);
  });

  it('a file someone wrote with semicolons and decimal commas imports with the UI in English', () => {
    const { preview } = importText('\ufeffNavn;Pris;Periode\nNetflix;"1 188,50";årlig\n', 'en');
    expect(preview[0]).toMatchObject({ ok: true, value: { service: 'Netflix', amountMinor: 118850, period: 'P1Y' } });
  });

  for (const lang of LANGUAGES) {
    it(`charges in ${lang}: the same separators and decimals, titles and sources in ${lang}`, () => {
      const t = createTranslator(lang);
      const text = exportChargesCsv(
        [charge({ id: 'a', subscriptionId: 's', date: '2026-01-14', amountMinor: 12950, source: 'receipt' })],
        [sub({ id: 's', service: '=Netflix' })],
        { lang },
      );
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const sep = lang === 'en' ? ',' : ';';
      const amount = lang === 'en' ? '129.50' : '129,50';
      expect(text.slice(1).split('\r\n')[1]).toBe(
        ['2026-01-14', "'=Netflix", amount, 'NOK', t('data.chargeSource.receipt')].join(sep),
      );
    });
  }
});
