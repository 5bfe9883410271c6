import { describe, expect, it } from 'vitest';
import { addDays } from '../../../lib/dates';
import { findRecurring } from '../../../lib/io/recurring';
import {
  easterSunday,
  holidays,
  isBankingDay,
  nextBankingDay,
  previousBankingDay,
} from '../../../lib/io/recurring-calendar';
import type { Transaction } from '../../../lib/io/statement';
import { addPeriods } from '../../../lib/schedule';

const tx = (date: string, description: string, amountMinor: number, currency = 'NOK'): Transaction => ({
  date,
  description,
  amountMinor,
  currency,
});

describe('Nordic banking days', () => {
  it('knows Easter and each country’s holidays', () => {
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(holidays('NO', 2025).has('2025-05-17')).toBe(true);
    expect(holidays('SE', 2025).has('2025-06-06')).toBe(true);
    expect(holidays('SE', 2025).has('2025-06-20')).toBe(true); // Midsummer Eve
    expect(holidays('DK', 2025).has('2025-06-05')).toBe(true);
    expect(holidays('FI', 2025).has('2025-12-06')).toBe(true);
    expect(holidays('NO', 2026).has('2026-04-02')).toBe(true); // Maundy Thursday
    expect(holidays('SE', 2026).has('2026-04-02')).toBe(false);
  });

  it('moves a due day to the next or previous banking day', () => {
    expect(nextBankingDay('2026-04-02', 'NO')).toBe('2026-04-07'); // Thursday, Good Friday, weekend, Easter Monday
    expect(nextBankingDay('2026-04-02', 'SE')).toBe('2026-04-02');
    expect(previousBankingDay('2025-05-17', 'NO')).toBe('2025-05-16');
    expect(isBankingDay('2025-12-31', 'SE')).toBe(false);
    expect(isBankingDay('2025-12-31', 'FI')).toBe(true);
  });
});

describe('findRecurring: months stay months', () => {
  it('a bill due on the 1st, paid on the next banking day around weekends and holidays, is monthly', () => {
    const txs: Transaction[] = [];
    for (let k = 0; k < 13; k++) {
      const due = addPeriods('2025-01-01', 'P1M', k);
      txs.push(tx(nextBankingDay(due, 'NO'), 'TRENINGSSENTERET LOKAL AS', 54900));
    }
    const [s, ...rest] = findRecurring(txs, { today: '2026-01-10' }).series;
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ period: 'P1M', count: 13, nextDate: '2026-02-01', amountMinor: 54900 });
  });

  it('a monthly bill that drifts a few days around weekends (both ways) stays monthly, not every 4 weeks', () => {
    const txs: Transaction[] = [];
    for (let k = 0; k < 13; k++) {
      const due = addPeriods('2025-01-28', 'P1M', k);
      // Some billers take the banking day before a weekend, some the one after.
      txs.push(tx(k % 2 ? previousBankingDay(due, 'SE') : nextBankingDay(due, 'SE'), 'HYRESVÄRDEN AB', 812500, 'SEK'));
    }
    const { series } = findRecurring(txs, { today: '2026-02-01' });
    expect(series.map((s) => [s.period, s.count])).toEqual([['P1M', 13]]);
    expect(series[0]?.nextDate).toBe('2026-02-28');
  });
});

describe('findRecurring: prices', () => {
  it('an unknown payee needs a stable amount: varying amounts a month apart are no series', () => {
    const txs = [0, 1, 2, 3, 4, 5].map((k) =>
      tx(addPeriods('2025-01-10', 'P1M', k), 'FRISØR HANNE', [45000, 52000, 47000, 61000, 45500, 39000][k] as number),
    );
    expect(findRecurring(txs, { today: '2025-07-01' }).series).toEqual([]);
  });

  it('an intro price then the full price is one series with its intro', () => {
    const txs = [0, 1, 2, 3, 4, 5, 6].map((k) =>
      tx(addPeriods('2025-01-10', 'P1M', k), 'LOKALAVISA DIGITAL', k === 0 ? 100 : 19900),
    );
    const { series } = findRecurring(txs, { today: '2025-08-01' });
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ count: 7, amountMinor: 19900, introAmountMinor: 100 });
  });

  it('a price that goes up and down again is not one subscription', () => {
    const txs = [0, 1, 2, 3, 4, 5, 6].map((k) =>
      tx(addPeriods('2025-01-10', 'P1M', k), 'VINKLUBBEN', k % 2 ? 29900 : 34900),
    );
    expect(findRecurring(txs, { today: '2025-08-01' }).series.filter((s) => s.count > 4)).toEqual([]);
  });
});

describe('findRecurring: held-out statements', () => {
  it('a USD subscription booked in SEK at each month’s rate is one monthly series at its latest amount', () => {
    // USD 20 at rates that wander between 9.4 and 11.0 SEK over the year, in no order.
    const rates = [10.92, 9.61, 10.35, 9.44, 10.98, 10.07, 9.83, 10.61, 9.52, 10.24, 9.97, 10.46];
    const txs = rates.map((r, k) =>
      tx(addPeriods('2025-01-08', 'P1M', k), 'OPENAI *CHATGPT SUBSCR', Math.round(2000 * r), 'SEK'),
    );
    const { series } = findRecurring(txs, { today: '2026-01-10' });
    expect(series.map((s) => [s.serviceId, s.period, s.count, s.amountMinor, s.active])).toEqual([
      ['chatgpt', 'P1M', 12, 20920, true],
    ]);
    expect(series[0]?.introAmountMinor).toBeUndefined();
  });

  it('an unknown payee whose price is twice 30% apart stays two prices, not one wandering price', () => {
    const txs = [0, 1, 2, 3, 4, 5, 6, 7].map((k) =>
      tx(
        addPeriods('2025-01-10', 'P1M', k),
        'VINKLUBBEN',
        [29900, 31000, 29900, 31000, 29900, 31000, 29900, 31000][k] as number,
      ),
    );
    expect(findRecurring(txs, { today: '2025-09-01' }).series.filter((s) => s.count > 4)).toEqual([]);
  });

  it('a four-weekly card charge booked a day late on most weekdays is still a series (every charge within a day)', () => {
    // Due every 28 days from Thursday 9 October 2025; 8 of 15 booked a day before or after (card bookings).
    const off = [0, 0, 1, 0, 1, 1, 0, 1, -1, 0, -1, 0, 0, -1, 1];
    const txs = off.map((d, k) => tx(addDays(addDays('2025-10-09', 28 * k), d), 'SATS NORGE AS', 54900));
    const { series } = findRecurring(txs, { today: '2026-11-20' });
    expect(series.map((s) => [s.payee, s.period, s.count])).toEqual([['SATS NORGE AS', 'P4W', 15]]);
    // The same charges two days off now and then are not a schedule.
    const loose = off.map((d, k) => tx(addDays(addDays('2025-10-09', 28 * k), 2 * d), 'SATS NORGE AS', 54900));
    expect(findRecurring(loose, { today: '2026-11-20' }).series).toEqual([]);
  });

  it('one ticket price bought all year is a shop price, even where six of them fall a week apart', () => {
    const txs: Transaction[] = [];
    // Six Mondays in a row at 44 kr, and the same ticket bought on 40 other days through the year.
    for (let k = 0; k < 6; k++) txs.push(tx(addDays('2025-03-03', 7 * k), 'RUTER', 4400));
    for (let k = 0; k < 40; k++) txs.push(tx(addDays('2025-05-02', 5 * k + (k % 3)), 'RUTER', 4400));
    for (let k = 0; k < 12; k++)
      txs.push(tx(addDays('2025-01-09', 23 * k), 'RUTER', [6600, 13200, 89300][k % 3] as number));
    expect(findRecurring(txs, { today: '2025-12-01' }).series).toEqual([]);
  });
});

describe('findRecurring: known services need the same spacing', () => {
  it('one-off purchases at a known service never form a series', () => {
    const txs = [
      tx('2025-04-02', 'GOOGLE PLAY', 4900),
      tx('2025-04-05', 'GOOGLE PLAY', 9900),
      tx('2025-09-27', 'GOOGLE PLAY', 4900),
      tx('2025-02-11', 'APPLE.COM/BILL', 2900),
      tx('2025-03-29', 'APPLE.COM/BILL', 14900),
      tx('2025-05-19', 'APPLE.COM/BILL', 2900),
    ];
    expect(findRecurring(txs, { today: '2025-10-01' }).series).toEqual([]);
  });

  it('transit tickets at varying prices at a known transit service are never monthly', () => {
    const fares = [4400, 4400, 4400, 8800, 13200, 33800];
    const txs: Transaction[] = [];
    let seed = 7;
    for (let d = '2025-01-02'; d <= '2025-12-31'; d = addDays(d, 1)) {
      seed = (seed * 48271) % 2147483647;
      if (seed % 5 === 0) txs.push(tx(d, 'REJSEKORT', fares[seed % fares.length] as number, 'DKK'));
    }
    expect(findRecurring(txs, { today: '2026-01-10' }).series).toEqual([]);
  });

  it('two monthly charges of a known service are a subscription; scattered ones are not', () => {
    const monthly = findRecurring([tx('2025-05-14', 'NETFLIX.COM', 17900), tx('2025-06-14', 'NETFLIX.COM', 17900)], {
      today: '2025-06-20',
    });
    expect(monthly.series.map((s) => [s.serviceId, s.period])).toEqual([['netflix', 'P1M']]);
    const scattered = findRecurring(
      [
        tx('2025-05-14', 'NETFLIX.COM', 17900),
        tx('2025-06-02', 'NETFLIX.COM', 17900),
        tx('2025-06-29', 'NETFLIX.COM', 17900),
      ],
      { today: '2025-07-01' },
    );
    expect(scattered.series.filter((s) => s.period === 'P1M')).toEqual([]);
  });
});
