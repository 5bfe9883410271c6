import { describe, expect, it } from 'vitest';
import {
  badgeCount,
  baseIdOf,
  digestIdOf,
  eventKeyOf,
  expectedCharges,
  isYearlyOrLonger,
  leadDaysFor,
  leadIdOf,
  nextExpectedCharge,
  parseReminderId,
  priceIncreaseId,
  snoozedId,
} from '../../../lib/reminders';
import { settings, sub } from './helpers';

describe('expectedCharges', () => {
  it('lists schedule days from the billing anchor, month ends clamped', () => {
    const s = sub({ billingAnchor: '2024-01-31' });
    expect(expectedCharges(s, '2024-02-01', '2024-05-31').map((c) => c.date)).toEqual([
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
    ]);
  });

  it('charges the intro price before introEnd and the full price after', () => {
    const s = sub({ billingAnchor: '2025-01-05', introAmountMinor: 1000, introEnd: '2025-03-01' });
    expect(expectedCharges(s, '2025-01-01', '2025-04-30').map((c) => [c.date, c.amountMinor, c.intro])).toEqual([
      ['2025-01-05', 1000, true],
      ['2025-02-05', 1000, true],
      ['2025-03-05', 10000, false],
      ['2025-04-05', 10000, false],
    ]);
  });

  it('starts after a trial, after a pause, on the start date; none when cancelled or paused without end', () => {
    const range = ['2025-01-01', '2025-04-30'] as const;
    const dates = (s: ReturnType<typeof sub>) => expectedCharges(s, ...range).map((c) => c.date);
    expect(dates(sub({ status: 'trial', trialEnd: '2025-02-20' }))).toEqual(['2025-03-15', '2025-04-15']);
    expect(dates(sub({ status: 'paused', pausedUntil: '2025-03-15' }))).toEqual(['2025-03-15', '2025-04-15']);
    expect(dates(sub({ startDate: '2025-02-01' }))).toEqual(['2025-02-15', '2025-03-15', '2025-04-15']);
    expect(dates(sub({ status: 'paused' }))).toEqual([]);
    expect(dates(sub({ status: 'cancelled' }))).toEqual([]);
  });

  it('keeps the expected charges apart from what was actually charged (a pure function of the subscription)', () => {
    const s = sub();
    expect(nextExpectedCharge(s, '2025-03-16')).toEqual({
      date: '2025-04-15',
      amountMinor: 10000,
      currency: 'NOK',
      intro: false,
    });
  });

  it('returns nothing for broken stored data instead of throwing', () => {
    const broken = { ...sub(), period: 'monthly' };
    expect(expectedCharges(broken, '2025-01-01', '2025-12-31')).toEqual([]);
    expect(nextExpectedCharge(broken, '2025-01-01')).toBeUndefined();
  });
});

describe('lead times', () => {
  it('treats plans of a year or longer as yearly', () => {
    expect(['P1Y', 'P2Y', 'P12M', 'P52W', 'P365D'].map(isYearlyOrLonger)).toEqual([true, true, true, true, true]);
    expect(['P1M', 'P6M', 'P11M', 'P4W', 'P30D'].map(isYearlyOrLonger)).toEqual([false, false, false, false, false]);
  });

  it('picks the subscription override, else the yearly or normal default', () => {
    const s = settings({ renewalDays: 2, yearlyRenewalDays: 20 });
    expect(leadDaysFor({ period: 'P1M' }, s)).toBe(2);
    expect(leadDaysFor({ period: 'P1Y' }, s)).toBe(20);
    expect(leadDaysFor({ period: 'P1Y', reminderDays: 5 }, s)).toBe(5);
  });
});

describe('badgeCount', () => {
  it('counts tracked active/trial subscriptions renewing within today + 6 days', () => {
    const subs = [
      sub({ id: 'a', billingAnchor: '2025-01-10' }), // 03-10: today
      sub({ id: 'b', billingAnchor: '2025-01-16' }), // 03-16: day 7 of the window
      sub({ id: 'c', billingAnchor: '2025-01-17' }), // 03-17: outside
      sub({ id: 'd', billingAnchor: '2025-01-12', status: 'paused' }),
      sub({ id: 'e', billingAnchor: '2025-01-12', status: 'cancelled' }),
      sub({ id: 'f', billingAnchor: '2025-01-12', confirmed: false }),
      sub({ id: 'g', status: 'trial', trialEnd: '2025-03-12', billingAnchor: '2025-03-12' }),
      sub({ id: 'h', period: 'P1W', billingAnchor: '2025-01-01' }),
    ];
    expect(badgeCount(subs, '2025-03-10')).toBe(4);
    expect(badgeCount([], '2025-03-10')).toBe(0);
  });
});

describe('reminder ids', () => {
  it('reads subscription ids back, even with separators in them', () => {
    const weird = 'a:b|c%d';
    const id = leadIdOf(eventKeyOf('renewal', weird, '2025-03-15'), 3);
    expect(parseReminderId(id)).toEqual({ kind: 'renewal', subscriptionId: weird, baseId: id });
    const snoozed = snoozedId(id, '2025-03-13');
    expect(baseIdOf(snoozed)).toBe(id);
    expect(parseReminderId(snoozed)).toEqual({ kind: 'renewal', subscriptionId: weird, baseId: id });
    expect(snoozedId(snoozed, '2025-03-14')).toBe(`${id}|snooze:2025-03-14`);
    expect(parseReminderId(priceIncreaseId('pc:1', weird))).toMatchObject({
      kind: 'priceIncrease',
      subscriptionId: weird,
    });
    expect(parseReminderId('weekly:2025-03-03')).toEqual({ kind: 'weeklyDigest', baseId: 'weekly:2025-03-03' });
  });

  it('rejects ids it did not make', () => {
    expect(parseReminderId('something-else')).toBeNull();
    expect(parseReminderId('renewal:%E0%A4%A:2025-01-01:3')).toBeNull();
    expect(parseReminderId('renewal:')).toBeNull();
  });

  it('names a digest by day and by the set it covers', () => {
    const a = digestIdOf('2025-03-13', ['x', 'y']);
    expect(a).toMatch(/^digest:2025-03-13:[0-9a-z]+$/);
    expect(digestIdOf('2025-03-13', ['y', 'x'])).toBe(a);
    expect(digestIdOf('2025-03-13', ['x', 'z'])).not.toBe(a);
    expect(parseReminderId(a)).toEqual({ kind: 'digest', baseId: a });
  });
});
