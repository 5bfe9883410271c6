import { describe, expect, it } from 'vitest';
import { addDays } from '../../../lib/dates';
import { findRecurring, type RecurringSeries } from '../../../lib/io/recurring';
import type { Transaction } from '../../../lib/io/statement';
import { addPeriods } from '../../../lib/schedule';
import { makeShopStress, prng } from '../../fixtures/statements/generate';

const TODAY = '2026-11-23';

function tx(date: string, description: string, amountMinor: number, currency = 'NOK'): Transaction {
  return { date, description, amountMinor, currency };
}

/** Charges every period from `anchor`, `n` times. */
function every(period: string, anchor: string, n: number, description: string, amount: (k: number) => number) {
  return Array.from({ length: n }, (_, k) => tx(addPeriods(anchor, period, k), description, amount(k)));
}

const brief = (s: RecurringSeries) => ({
  payee: s.payee,
  amountMinor: s.amountMinor,
  period: s.period,
  count: s.count,
  firstDate: s.firstDate,
  lastDate: s.lastDate,
  nextDate: s.nextDate,
  active: s.active,
});

describe('findRecurring: periods', () => {
  const cases: Array<[string, string, number]> = [
    ['P1W', '2026-07-07', 20],
    ['P2W', '2026-06-16', 12],
    ['P4W', '2025-12-02', 12],
    ['P1M', '2025-12-09', 12],
    ['P3M', '2025-12-15', 4],
    ['P6M', '2025-05-20', 3],
    ['P1Y', '2024-11-12', 3],
  ];
  for (const [period, anchor, n] of cases) {
    it(`finds a ${period} series with its next date`, () => {
      const { series } = findRecurring(
        every(period, anchor, n, 'KLATREKLUBBEN', () => 35000),
        { today: TODAY },
      );
      expect(series.map(brief)).toEqual([
        {
          payee: 'KLATREKLUBBEN',
          amountMinor: 35000,
          period,
          count: n,
          firstDate: anchor,
          lastDate: addPeriods(anchor, period, n - 1),
          nextDate: addPeriods(anchor, period, n),
          active: true,
        },
      ]);
    });
  }

  it('keeps month ends: 31st, 28th, 31st, 30th ... and the next is the month end', () => {
    const dates = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30'];
    const { series } = findRecurring(
      dates.map((d) => tx(d, 'TELENOR NORGE AS', 39900)),
      { today: '2026-07-10' },
    );
    expect(series).toHaveLength(1);
    expect(series[0]?.nextDate).toBe('2026-07-31');
    expect(series[0]?.billingAnchor.slice(8)).toBe('31');
  });

  it('allows jitter of a few days and weekend shifts, and reports the schedule day', () => {
    // Nominal day: the 14th. Weekend days move to Monday; some charges are a day or three off.
    const dates = [
      '2026-01-14',
      '2026-02-16',
      '2026-03-16',
      '2026-04-13',
      '2026-05-14',
      '2026-06-15',
      '2026-07-17',
      '2026-08-14',
    ];
    const { series } = findRecurring(
      dates.map((d) => tx(d, 'NETFLIX.COM', 15900)),
      { today: '2026-08-20' },
    );
    expect(series.map(brief)).toEqual([
      {
        payee: 'NETFLIX.COM',
        amountMinor: 15900,
        period: 'P1M',
        count: 8,
        firstDate: '2026-01-14',
        lastDate: '2026-08-14',
        nextDate: '2026-09-14',
        active: true,
      },
    ]);
  });
});

describe('findRecurring: prices', () => {
  it('follows a price increase and reports the latest amount', () => {
    const txs = every('P1M', '2025-11-14', 9, 'NETFLIX.COM', (k) => (k < 5 ? 13900 : 15900));
    const [s] = findRecurring(txs, { today: '2026-07-20' }).series;
    expect(s).toMatchObject({ amountMinor: 15900, count: 9, amountChanged: true });
    expect(s?.introAmountMinor).toBeUndefined();
  });

  it('follows an increase charged only once so far', () => {
    const txs = every('P1M', '2026-01-03', 7, 'SPOTIFY', (k) => (k < 6 ? 11900 : 12900));
    const [s] = findRecurring(txs, { today: '2026-07-10' }).series;
    expect(s).toMatchObject({ amountMinor: 12900, count: 7, amountChanged: true, lastDate: '2026-07-03' });
  });

  it('recognises an intro price: the first charges lower, then stable', () => {
    const txs = every('P1M', '2026-01-20', 8, 'STORYTEL AB', (k) => (k < 2 ? 4900 : 22900));
    const [s] = findRecurring(txs, { today: '2026-09-01' }).series;
    expect(s).toMatchObject({ amountMinor: 22900, count: 8, introAmountMinor: 4900, firstDate: '2026-01-20' });
    expect(s?.amountChanged).toBeUndefined();
  });

  it('keeps two subscriptions at one payee with different prices apart', () => {
    const txs = [
      ...every('P1M', '2026-01-05', 6, 'APPLE.COM/BILL', () => 2900),
      ...every('P1M', '2026-01-18', 6, 'APPLE.COM/BILL', () => 10900),
    ];
    const { series } = findRecurring(txs, { today: '2026-07-01' });
    expect(series.map((s) => [s.amountMinor, s.count, s.serviceId])).toEqual([
      [2900, 6, 'apple'],
      [10900, 6, 'apple'],
    ]);
  });
});

describe('findRecurring: payees', () => {
  it('merges spellings of a service the directory knows and names it', () => {
    const texts = ['PAYPAL *SPOTIFY P2F8K1X9Q3', 'Spotify P1A2B3C4D5 Stockholm SE', 'SPOTIFY', 'SPOTIFY'];
    const txs = every('P1M', '2026-01-03', 8, '', () => 11900).map((t, i) => ({
      ...t,
      description: texts[i % 4] as string,
    }));
    const { series } = findRecurring(txs, { today: '2026-09-01' });
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ payee: 'SPOTIFY', serviceId: 'spotify', category: 'music', count: 8 });
  });

  it('accepts two charges of a known service, but needs three of an unknown payee', () => {
    const known = every('P1M', '2026-09-10', 2, 'VIAPLAY', () => 44900);
    const unknown = every('P1M', '2026-09-12', 2, 'SOME SHOP', () => 19900);
    const { series } = findRecurring([...known, ...unknown], { today: '2026-10-20' });
    expect(series.map((s) => s.payee)).toEqual(['VIAPLAY']);
  });

  it('marks a series that stopped more than two periods ago as not active', () => {
    const txs = every('P1M', '2025-10-28', 6, 'VIAPLAY', () => 44900);
    const [s] = findRecurring(txs, { today: TODAY }).series;
    expect(s).toMatchObject({ active: false, lastDate: '2026-03-28', nextDate: '2026-04-28' });
    const [recent] = findRecurring(txs, { today: '2026-04-30' }).series;
    expect(recent?.active).toBe(true);
  });
});

describe('findRecurring: what is not a subscription', () => {
  const rand = prng(42);
  const groceries: Transaction[] = [];
  for (let d = '2025-11-01'; d <= '2026-10-31'; d = addDays(d, 1)) {
    if (rand() < 0.5) groceries.push(tx(d, 'REMA 1000 MAJORSTUEN', 3500 + Math.floor(rand() * 100000)));
    if (rand() < 0.3) groceries.push(tx(d, 'GODT BRØD GRÜNERLØKKA', 4500));
  }

  it('ignores shops with varying amounts and a coffee at one price bought often', () => {
    expect(findRecurring(groceries, { today: TODAY }).series).toEqual([]);
  });

  it('ignores income, transfers to savings and one-off purchases', () => {
    const txs = [
      ...every('P1M', '2025-11-20', 12, 'Lønn Firma AS', () => -4200000),
      ...every('P1M', '2025-11-25', 12, 'Overføring til sparekonto', () => 300000),
      tx('2026-02-14', 'IKEA FURUSET', 234550),
      tx('2026-06-10', 'NARVESEN OSLO S', 5900),
      tx('2026-07-10', 'NARVESEN OSLO S', 5900),
    ];
    expect(findRecurring(txs, { today: TODAY }).series).toEqual([]);
  });

  it('finds a subscription among the noise', () => {
    const txs = [...groceries, ...every('P1M', '2025-11-09', 12, 'SATS NORGE AS', () => 54900)];
    const { series } = findRecurring(txs, { today: TODAY });
    expect(series.map((s) => [s.payee, s.count])).toEqual([['SATS NORGE AS', 12]]);
  });

  it('ignores rows with broken dates or amounts instead of failing', () => {
    const txs = [
      tx('not a date', 'X', 100),
      tx('2026-13-45', 'X', 100),
      { ...tx('2026-01-01', 'X', 1), amountMinor: Number.NaN },
      ...every('P1M', '2026-01-05', 4, 'KLATREKLUBBEN', () => 35000),
    ];
    expect(findRecurring(txs, { today: '2026-05-01' }).series.map((s) => s.count)).toEqual([4]);
  });

  it('does not take three visits a month apart, give or take days, at an unknown shop for a subscription', () => {
    const txs = ['2026-01-08', '2026-02-03', '2026-03-11', '2026-04-06'].map((d) => tx(d, 'FRISØR STUDIO', 45000));
    expect(findRecurring(txs, { today: '2026-04-20' }).series).toEqual([]);
  });

  it('on five years of shop visits, finds the two identical memberships and at most 3 false series', () => {
    const { transactions, today } = makeShopStress(5);
    const { series } = findRecurring(transactions, { today });
    const clubs = series.filter((s) => s.payee === 'IL SKJETTEN FOTBALL');
    expect(clubs.map((s) => [s.count, s.amountMinor, s.period])).toEqual([
      [10, 30000, 'P1M'],
      [10, 30000, 'P1M'],
    ]);
    expect(series.length - clubs.length).toBeLessThanOrEqual(3);
  });
});
