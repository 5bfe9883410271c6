import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  exportChargesCsv,
  exportSubscriptionsCsv,
  guessMapping,
  previewSubscriptions,
  readCategory,
  readCsv,
  readPeriod,
  readStatus,
  safeCell,
} from '../../../lib/io/csv';
import { charge, sub } from './helpers';

const TODAY = '2026-11-23';

describe('exportSubscriptionsCsv', () => {
  const subs = [
    sub({ id: '2', service: 'Spotify', amountMinor: 11900, billingAnchor: '2026-01-05', category: 'music' }),
    sub({ id: '1', service: 'Netflix', amountMinor: 15900, billingAnchor: '2026-01-31', notes: '=HYPERLINK("x")' }),
    sub({
      id: '3',
      service: 'Yearly',
      amountMinor: 123456,
      currency: 'SEK',
      period: 'P1Y',
      billingAnchor: '2025-02-10',
    }),
  ];

  it('writes a header and one row per subscription, sorted by name, amounts with "." and ISO dates', () => {
    const text = exportSubscriptionsCsv(subs, { today: TODAY });
    const rows = Papa.parse<string[]>(text.replace(/^\ufeff/, '').trim()).data;
    expect(rows[0]).toEqual([
      'Name',
      'Price',
      'Currency',
      'Period',
      'Next renewal',
      'Category',
      'Status',
      'Start date',
      'Website',
      'Notes',
      'Paid with',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Netflix', 'Spotify', 'Yearly']);
    expect(rows[1]?.slice(1, 5)).toEqual(['159.00', 'NOK', 'Monthly', '2026-11-30']);
    expect(rows[2]?.[4]).toBe('2026-12-05');
    expect(rows[3]?.slice(1, 5)).toEqual(['1234.56', 'SEK', 'Yearly', '2027-02-10']);
  });

  it('defuses formulas in cells', () => {
    const text = exportSubscriptionsCsv(subs, { today: TODAY });
    const netflix = Papa.parse<string[]>(text.replace(/^\ufeff/, '').trim()).data[1];
    expect(netflix?.[9]).toBe(`'=HYPERLINK("x")`);
    for (const start of ['=', '+', '-', '@']) expect(safeCell(`${start}1`)).toBe(`'${start}1`);
    expect(safeCell('Netflix')).toBe('Netflix');
  });

  it('reads back through guessMapping and previewSubscriptions to the same values', () => {
    const table = readCsv(exportSubscriptionsCsv(subs, { today: TODAY }));
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    const mapping = guessMapping(table.headers);
    const preview = previewSubscriptions(table.rows, mapping, { today: TODAY, defaultCurrency: 'NOK' });
    const values = preview.map((p) =>
      p.ok ? [p.value.service, p.value.amountMinor, p.value.currency, p.value.period] : p.errors,
    );
    expect(values).toEqual([
      ['Netflix', 15900, 'NOK', 'P1M'],
      ['Spotify', 11900, 'NOK', 'P1M'],
      ['Yearly', 123456, 'SEK', 'P1Y'],
    ]);
  });
});

describe('exportChargesCsv', () => {
  it('writes date, service, amount, currency and source sorted by date', () => {
    const text = exportChargesCsv(
      [
        charge({ id: 'b', subscriptionId: 's', date: '2026-02-14', amountMinor: 15900 }),
        charge({ id: 'a', subscriptionId: 's', date: '2026-01-14', amountMinor: 12900 }),
      ],
      [sub({ id: 's', service: '@Netflix' })],
    );
    expect(text).toBe(
      "\ufeffDate,Name,Price,Currency,Source\r\n2026-01-14,'@Netflix,129.00,NOK,Entered by hand\r\n2026-02-14,'@Netflix,159.00,NOK,Entered by hand\r\n",
    );
  });
});

describe('readCsv', () => {
  it('detects semicolons and quoted cells and skips empty lines', () => {
    const r = readCsv('\ufeffNavn;Pris\n"Viaplay; Total";"449,00"\n\nNetflix;159\n');
    expect(r).toEqual({
      ok: true,
      delimiter: ';',
      headers: ['Navn', 'Pris'],
      rows: [
        ['Viaplay; Total', '449,00'],
        ['Netflix', '159'],
      ],
    });
  });
  it('refuses an empty file', () => {
    expect(readCsv('').ok).toBe(false);
  });
});

describe('guessMapping', () => {
  it('maps English headers', () => {
    expect(guessMapping(['Name', 'Price', 'Currency', 'Period', 'Next renewal', 'Category'])).toEqual({
      service: 0,
      amount: 1,
      currency: 2,
      period: 3,
      nextRenewal: 4,
      category: 5,
    });
  });
  it('maps Norwegian, Swedish and Danish headers in any order', () => {
    expect(guessMapping(['Beløp', 'Tjeneste', 'Neste fornyelse', 'Intervall'])).toEqual({
      amount: 0,
      service: 1,
      nextRenewal: 2,
      period: 3,
    });
    expect(guessMapping(['Tjänst', 'Belopp', 'Valuta', 'Nästa förnyelse', 'Kategori'])).toEqual({
      service: 0,
      amount: 1,
      currency: 2,
      nextRenewal: 3,
      category: 4,
    });
    expect(guessMapping(['Navn', 'Beløb', 'Periode', 'Næste fornyelse'])).toEqual({
      service: 0,
      amount: 1,
      period: 2,
      nextRenewal: 3,
    });
  });
  it('matches titles that contain a word, and uses each column once', () => {
    expect(guessMapping(['Beløp (NOK)', 'Navn på tjeneste', 'Ukjent'])).toEqual({ amount: 0, service: 1 });
    const m = guessMapping(['Pris', 'Pris']);
    expect(m).toEqual({ amount: 0 });
  });
});

describe('words', () => {
  it('reads period words in four languages and ISO durations', () => {
    const cases: Array<[string, string]> = [
      ['monthly', 'P1M'],
      ['Månedlig', 'P1M'],
      ['månadsvis', 'P1M'],
      ['yearly', 'P1Y'],
      ['årlig', 'P1Y'],
      ['årligen', 'P1Y'],
      ['weekly', 'P1W'],
      ['ukentlig', 'P1W'],
      ['quarterly', 'P3M'],
      ['kvartalsvis', 'P3M'],
      ['P1M', 'P1M'],
      ['p6m', 'P6M'],
      ['per måned', 'P1M'],
      ['halvårlig', 'P6M'],
    ];
    for (const [text, period] of cases) expect(readPeriod(text), text).toBe(period);
    expect(readPeriod('sometimes')).toBeNull();
  });
  it('reads statuses and categories', () => {
    expect(readStatus('Oppsagt')).toBe('cancelled');
    expect(readStatus('pausad')).toBe('paused');
    expect(readStatus('maybe')).toBeNull();
    expect(readCategory('Musikk')).toBe('music');
    expect(readCategory('tidningar')).toBe('news');
    expect(readCategory('video')).toBe('video');
  });
});

describe('previewSubscriptions', () => {
  const headers = ['Tjeneste', 'Pris', 'Valuta', 'Periode', 'Neste fornyelse', 'Kategori', 'Status'];
  const mapping = guessMapping(headers);
  const opts = { today: TODAY, defaultCurrency: 'NOK', lang: 'nb' as const };

  it('reads a valid Norwegian row with decimal comma and a day-first date', () => {
    const [row] = previewSubscriptions(
      [['Min avis', '1 299,50', 'NOK', 'årlig', '31.01.2027', 'Aviser', 'Aktiv']],
      mapping,
      opts,
    );
    expect(row).toMatchObject({
      row: 2,
      ok: true,
      value: {
        service: 'Min avis',
        amountMinor: 129950,
        currency: 'NOK',
        period: 'P1Y',
        billingAnchor: '2027-01-31',
        category: 'news',
        status: 'active',
        source: 'imported',
      },
    });
  });

  it('reports problems per field and per file line', () => {
    const rows = [
      ['Ok', '99', '', 'monthly', '', '', ''],
      ['', 'abc', 'XX1', 'sometimes', '32.13.2026', '', 'maybe'],
    ];
    const preview = previewSubscriptions(rows, mapping, opts);
    expect(preview[0]?.ok).toBe(true);
    expect(preview[1]).toEqual({
      row: 3,
      ok: false,
      errors: {
        amount: 'not an amount',
        currency: 'unknown currency',
        period: 'unknown period',
        nextRenewal: 'not a date',
        status: 'unknown status',
        service: 'a name is required',
      },
    });
  });

  it('detects month-first dates from the whole column', () => {
    const m = guessMapping(['name', 'price', 'next renewal']);
    const preview = previewSubscriptions(
      [
        ['A', '9.99', '03/04/2027'],
        ['B', '9.99', '12/25/2026'],
      ],
      m,
      { today: TODAY, defaultCurrency: 'USD' },
    );
    const anchors = preview.map((p) => (p.ok ? p.value.billingAnchor : null));
    expect(anchors).toEqual(['2027-03-04', '2026-12-25']);
  });

  it('takes the currency from the amount text, then the default; without a date the anchor is today', () => {
    const m = guessMapping(['name', 'price']);
    const [a, b] = previewSubscriptions(
      [
        ['Thing', '€9,99'],
        ['Other', '49'],
      ],
      m,
      { today: TODAY, defaultCurrency: 'SEK' },
    );
    expect(a?.ok && [a.value.amountMinor, a.value.currency, a.value.billingAnchor, a.value.period]).toEqual([
      999,
      'EUR',
      TODAY,
      'P1M',
    ]);
    expect(b?.ok && [b.value.amountMinor, b.value.currency]).toEqual([4900, 'SEK']);
  });

  it('says when no price column is chosen', () => {
    const [r] = previewSubscriptions([['Thing']], { service: 0 }, { today: TODAY, defaultCurrency: 'NOK' });
    expect(r?.ok === false && r.errors.amount).toBe('no column is chosen for the price');
  });
});
