import { describe, expect, it } from 'vitest';
import {
  byCategory,
  chargesByMonth,
  endingSoon,
  recentIncreases,
  renewalCalendar,
  spendBy,
  totals,
  upcomingRenewals,
} from '../../../lib/summary';
import { sub } from '../../helpers';

const rates = { date: '2026-11-20', perEur: { EUR: 1, NOK: 11.5, SEK: 11.0, USD: 1.05 } };
const ctx = { today: '2026-11-23', base: 'NOK', rates };

describe('summary', () => {
  it('totals per month and year across currencies: what is paid now (a free trial is kept apart)', () => {
    const subs = [
      sub({ amountMinor: 10000, currency: 'NOK', period: 'P1M' }),
      sub({ amountMinor: 120000, currency: 'NOK', period: 'P1Y' }),
      sub({ amountMinor: 1000, currency: 'EUR', period: 'P1M', status: 'trial', trialEnd: '2026-12-10' }),
      sub({ amountMinor: 2000, currency: 'EUR', period: 'P1M', status: 'trial', trialEnd: '2026-11-20' }),
      sub({ amountMinor: 99999, status: 'paused' }),
      sub({ amountMinor: 99999, status: 'cancelled' }),
      sub({ amountMinor: 500, currency: 'XYZ' }),
    ];
    const t = totals(subs, ctx);
    // The trial that ended on 20 November is paid for now; the one ending 10 December is not yet.
    expect(t.monthlyMinor).toBe(10000 + 10000 + 23000);
    expect(t.yearlyMinor).toBe(120000 + 120000 + 276000);
    expect(t.afterTrialsMonthlyMinor).toBe(11500);
    expect(t.activeCount).toBe(4);
    expect(t.trialCount).toBe(1);
    expect(t.pausedCount).toBe(1);
    expect(t.missingRates).toEqual(['XYZ']);
    expect(t.byCurrency.map((c) => c.currency)).toEqual(['NOK', 'EUR', 'XYZ']);
  });

  it('a free trial: nothing in the monthly total or by category before it ends; its first charge is a renewal', () => {
    const trial = sub({
      service: 'Trial',
      amountMinor: 9900,
      period: 'P1M',
      status: 'trial',
      trialEnd: '2026-12-01',
      billingAnchor: '2026-12-01',
    });
    expect(totals([trial], ctx)).toMatchObject({ monthlyMinor: 0, afterTrialsMonthlyMinor: 9900, trialCount: 1 });
    expect(spendBy([trial], ctx, byCategory)).toEqual([]);
    const next = upcomingRenewals([trial], ctx.today, 30);
    expect(next.map((r) => [r.date, r.amountMinor])).toEqual([['2026-12-01', 9900]]);
    expect(renewalCalendar([trial], ctx, 2)[1]!.totalMinor).toBe(9900);
    // The day it ends, it is paid for.
    expect(totals([trial], { ...ctx, today: '2026-12-01' }).monthlyMinor).toBe(9900);
  });

  it('counts only what the user has: a find not accepted is in no total or renewal list (issue 13, item 4)', () => {
    const mine = sub({ id: 'mine', amountMinor: 10000, billingAnchor: '2026-12-01' });
    const found = sub({
      id: 'found',
      amountMinor: 99900,
      billingAnchor: '2026-12-01',
      source: 'detected',
      confirmed: false,
    });
    expect(totals([mine, found], ctx)).toMatchObject({ monthlyMinor: 10000, activeCount: 1 });
    expect(upcomingRenewals([mine, found], ctx.today, 30).map((r) => r.subscription.id)).toEqual(['mine']);
  });

  it('uses the intro price while it lasts', () => {
    const s = sub({ amountMinor: 12900, introAmountMinor: 900, introEnd: '2027-01-01' });
    expect(totals([s], ctx).monthlyMinor).toBe(900);
    expect(totals([s], { ...ctx, today: '2027-01-01' }).monthlyMinor).toBe(12900);
  });

  it('lists renewals in the window with days left, month-end anchors clamped', () => {
    const s = sub({ service: 'A', billingAnchor: '2026-01-31', period: 'P1M' });
    const w = sub({ service: 'B', billingAnchor: '2026-11-23', period: 'P1W' });
    const r = upcomingRenewals([s, w], '2026-11-23', 14);
    expect(r.map((x) => [x.subscription.service, x.date, x.daysLeft])).toEqual([
      ['B', '2026-11-23', 0],
      ['A', '2026-11-30', 7],
      ['B', '2026-11-30', 7],
      ['B', '2026-12-07', 14],
    ]);
  });

  it('finds trials and intro prices ending soon', () => {
    const e = endingSoon(
      [
        sub({ status: 'trial', trialEnd: '2026-11-26' }),
        sub({ introAmountMinor: 1, introEnd: '2026-12-01' }),
        sub({ status: 'trial', trialEnd: '2027-02-01' }),
      ],
      '2026-11-23',
      14,
    );
    expect(e.map((x) => [x.kind, x.daysLeft])).toEqual([
      ['trial', 3],
      ['intro', 8],
    ]);
  });

  it('builds a 12-month calendar whose totals add up', () => {
    const cal = renewalCalendar(
      [
        sub({ amountMinor: 10000, billingAnchor: '2026-12-05' }),
        sub({ amountMinor: 120000, period: 'P1Y', billingAnchor: '2027-03-01' }),
      ],
      ctx,
    );
    expect(cal).toHaveLength(12);
    expect(cal[0]?.month).toBe('2026-11');
    expect(cal[1]?.totalMinor).toBe(10000);
    expect(cal.find((b) => b.month === '2027-03')?.totalMinor).toBe(130000);
    expect(cal.reduce((a, b) => a + b.renewals.length, 0)).toBe(12);
  });

  it('groups spend by category and sums charges by month', () => {
    const by = spendBy(
      [sub({ category: 'video', amountMinor: 100 }), sub({ category: 'music', amountMinor: 300 })],
      ctx,
      byCategory,
    );
    expect(by).toEqual([
      { key: 'music', monthlyMinor: 300 },
      { key: 'video', monthlyMinor: 100 },
    ]);
    const months = chargesByMonth(
      [
        { id: '1', subscriptionId: 's', date: '2026-11-02', amountMinor: 100, currency: 'EUR', source: 'receipt' },
        { id: '2', subscriptionId: 's', date: '2025-11-30', amountMinor: 100, currency: 'NOK', source: 'receipt' },
      ],
      ctx,
    );
    expect(months).toHaveLength(12);
    expect(months[11]).toEqual({ month: '2026-11', totalMinor: 1150 });
    expect(months[0]).toEqual({ month: '2025-12', totalMinor: 0 });
  });

  it('keeps only increases from the last 90 days', () => {
    const mk = (date: string, o: number, n: number) => ({
      id: date,
      subscriptionId: 's',
      date,
      oldAmountMinor: o,
      newAmountMinor: n,
      currency: 'NOK',
    });
    expect(
      recentIncreases([mk('2026-11-01', 1, 2), mk('2026-11-02', 3, 2), mk('2026-08-01', 1, 2)], '2026-11-23').map(
        (c) => c.date,
      ),
    ).toEqual(['2026-11-01']);
  });
});
