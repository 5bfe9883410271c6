import { describe, expect, it } from 'vitest';
import type { RightsCountry, Subscription, Terms } from '../../../lib/model';
import {
  boundUntilOf,
  cancelByOf,
  danishCapOf,
  danishEnd,
  lastNoticeDay,
  longBindingOf,
  renewalReminderOf,
  withdrawalOf,
} from '../../../lib/rights/deadlines';
import { sub } from '../../helpers';

/**
 * Every rule with dates on both sides of each of its deadlines. A subscription found on a sign-up page on 10 March
 * 2026 is the usual example: the day of conclusion is not counted, so its withdrawal period's last day is 24 March.
 */
const signedUp = (over: Partial<Subscription> = {}, terms: Terms = {}) =>
  sub({
    source: 'detected',
    startDate: '2026-03-10',
    billingAnchor: '2026-03-10',
    terms: { contractDate: '2026-03-10', withdrawal: 'stated', ...terms },
    ...over,
  });

describe('the right of withdrawal', () => {
  for (const country of ['NO', 'SE', 'DK', 'FI', 'EU', 'GB'] as const) {
    it(`${country}: 14 days from the day after the contract; open on the last day, closed the day after`, () => {
      const s = signedUp();
      const last = withdrawalOf(s, country, '2026-03-24');
      expect(last).toMatchObject({ state: 'open', lastDay: '2026-03-24', daysLeft: 0, contractDate: '2026-03-10' });
      expect(withdrawalOf(s, country, '2026-03-10')).toMatchObject({ state: 'open', daysLeft: 14 });
      expect(withdrawalOf(s, country, '2026-03-25')).toMatchObject({ state: 'closed', daysLeft: -1 });
    });
  }

  it('without withdrawal information on the sign-up page, runs up to 12 months longer', () => {
    const s = signedUp({}, { withdrawal: 'none' });
    expect(withdrawalOf(s, 'NO', '2026-03-24')).toMatchObject({ state: 'open', extendedLastDay: '2027-03-24' });
    expect(withdrawalOf(s, 'NO', '2026-03-25')).toMatchObject({ state: 'extended', daysLeft: 364 });
    expect(withdrawalOf(s, 'NO', '2027-03-24')).toMatchObject({ state: 'extended', daysLeft: 0 });
    expect(withdrawalOf(s, 'NO', '2027-03-25')).toMatchObject({ state: 'closed' });
    // When the page stated it, there is no extension.
    expect(withdrawalOf(signedUp(), 'NO', '2026-03-25')).toMatchObject({ state: 'closed' });
  });

  it('keeps the withdrawal function seen on the page, and what the page said', () => {
    const url = 'https://www.strimla.no/angre';
    const w = withdrawalOf(signedUp({}, { withdrawalUrl: url, withdrawal: 'waived' }), 'SE', '2026-03-12');
    expect(w).toMatchObject({ state: 'open', url, info: 'waived' });
    if (w.state !== 'none') expect(w.rule.law.citation).toBe('distansavtalslagen 2 kap. 10–12 §§');
  });

  it('expects the EU withdrawal function for contracts from 19 June 2026 where none was seen, in the EU only', () => {
    const on = (contractDate: string, withdrawalUrl?: string) =>
      signedUp({ startDate: contractDate }, { contractDate, ...(withdrawalUrl ? { withdrawalUrl } : {}) });
    for (const country of ['SE', 'DK', 'FI', 'EU'] as const) {
      // The day before the rule applies: no expectation; from its first day on: due.
      expect(withdrawalOf(on('2026-06-18'), country, '2026-06-20')).not.toHaveProperty('functionDue');
      const due = withdrawalOf(on('2026-06-19'), country, '2026-06-20');
      expect(due).toMatchObject({ state: 'open', functionDue: { id: 'eu-withdrawal-function' } });
      if (due.state !== 'none') expect(due.functionDue?.law.citation).toBe('Directive 2011/83/EU art. 11a');
      // Seen on the page: it is linked instead.
      const seen = withdrawalOf(on('2026-06-19', 'https://www.strimla.se/angra'), country, '2026-06-20');
      expect(seen).toMatchObject({ url: 'https://www.strimla.se/angra' });
      expect(seen).not.toHaveProperty('functionDue');
    }
    // Norway (EEA; whether and from when it applies art. 11a was not verified) and the United Kingdom: never.
    for (const country of ['NO', 'GB'] as const) {
      expect(withdrawalOf(on('2026-07-01'), country, '2026-07-02')).not.toHaveProperty('functionDue');
    }
  });

  it('needs a country, a rule for the category, a contract date and a running subscription', () => {
    expect(withdrawalOf(signedUp(), undefined, '2026-03-12')).toEqual({ state: 'none', reason: 'no-country' });
    expect(withdrawalOf(signedUp({ category: 'insurance' }), 'NO', '2026-03-12')).toEqual({
      state: 'none',
      reason: 'no-rule',
    });
    expect(withdrawalOf(signedUp({ category: 'finance' }), 'DK', '2026-03-12')).toMatchObject({ reason: 'no-rule' });
    expect(withdrawalOf(sub({ source: 'manual', startDate: '2026-03-10' }), 'NO', '2026-03-12')).toMatchObject({
      reason: 'no-date',
    });
    expect(withdrawalOf(signedUp({ status: 'cancelled' }), 'NO', '2026-03-12')).toMatchObject({ reason: 'cancelled' });
    // A subscription the user added gets a period once they enter the contract date.
    const manual = sub({ source: 'manual', terms: { contractDate: '2026-03-10' } });
    expect(withdrawalOf(manual, 'DK', '2026-03-24')).toMatchObject({ state: 'open', lastDay: '2026-03-24' });
  });

  it('counts from a detected subscription’s start when the terms have no contract date', () => {
    const s = sub({ source: 'detected', startDate: '2026-01-31' });
    expect(withdrawalOf(s, 'SE', '2026-02-14')).toMatchObject({ state: 'open', lastDay: '2026-02-14' });
    expect(withdrawalOf(s, 'SE', '2026-02-15')).toMatchObject({ state: 'closed' });
  });
});

describe('binding and notice', () => {
  it('is bound until the contract date plus the binding months', () => {
    expect(boundUntilOf(signedUp({}, { bindingMonths: 12 }))).toBe('2027-03-10');
    expect(boundUntilOf(signedUp({}, { bindingMonths: 0 }))).toBeUndefined();
    expect(boundUntilOf(signedUp())).toBeUndefined();
  });

  it('gives the last day to give notice for each kind of notice period', () => {
    // To end before a renewal on 1 April 2026 (the last paid day is 31 March):
    expect(lastNoticeDay('2026-04-01', undefined)).toBe('2026-03-31');
    expect(lastNoticeDay('2026-04-01', { n: 30, unit: 'D' })).toBe('2026-03-01');
    expect(lastNoticeDay('2026-04-01', { n: 2, unit: 'W' })).toBe('2026-03-17');
    expect(lastNoticeDay('2026-04-01', { n: 1, unit: 'M' })).toBe('2026-02-28');
    // "The current month + 1 month": notice in February ends the contract at the end of March.
    expect(lastNoticeDay('2026-04-01', { n: 1, unit: 'M', currentMonth: true })).toBe('2026-02-28');
    // … and to end before 15 April, the last whole month that fits is March: notice by the end of February.
    expect(lastNoticeDay('2026-04-15', { n: 1, unit: 'M', currentMonth: true })).toBe('2026-02-28');
    expect(lastNoticeDay('2026-05-01', { n: 2, unit: 'M', currentMonth: true })).toBe('2026-02-28');
  });

  it('says when to cancel to avoid the next period, on both sides of the last day', () => {
    const s = sub({ billingAnchor: '2026-04-01', terms: { notice: { n: 1, unit: 'M' } } });
    expect(cancelByOf(s, '2026-02-28')).toEqual({
      day: '2026-02-28',
      end: '2026-04-01',
      reason: 'renewal',
      daysLeft: 0,
    });
    // A day too late for April: the next period is May's.
    expect(cancelByOf(s, '2026-03-01')).toMatchObject({ day: '2026-03-30', end: '2026-05-01', reason: 'renewal' });
  });

  it('while bound, says when to give notice to end with the binding period', () => {
    const s = signedUp({ billingAnchor: '2026-03-10' }, { bindingMonths: 12, notice: { n: 1, unit: 'M' } });
    expect(cancelByOf(s, '2027-02-09')).toMatchObject({ day: '2027-02-09', end: '2027-03-10', reason: 'binding' });
    // Too late for the end of the binding period: the first renewal after it.
    expect(cancelByOf(s, '2027-02-10')).toMatchObject({ day: '2027-03-09', end: '2027-04-10', reason: 'renewal' });
  });

  it('says nothing without a notice or binding period, for a contract that ends by itself, or when not running', () => {
    expect(cancelByOf(sub({ billingAnchor: '2026-04-01' }), '2026-03-01')).toBeUndefined();
    expect(cancelByOf(sub({ terms: { notice: { n: 1, unit: 'M' }, autoRenew: false } }), '2026-03-01')).toBeUndefined();
    const paused = sub({ status: 'paused', terms: { notice: { n: 1, unit: 'M' } } });
    expect(cancelByOf(paused, '2026-03-01')).toBeUndefined();
  });
});

describe('Denmark: forbrugeraftaleloven § 28', () => {
  const bound = (over: Partial<Subscription> = {}, months = 12) =>
    signedUp(
      { startDate: '2026-01-15', currency: 'DKK', amountMinor: 14900, ...over },
      {
        contractDate: '2026-01-15',
        bindingMonths: months,
      },
    );

  it('allows notice from five months after the contract, to the end of the month after a month', () => {
    const s = bound();
    expect(danishCapOf(s, 'DK', '2026-06-14')).toMatchObject({
      noticeFrom: '2026-06-15',
      endsOn: '2026-07-31',
      termsBoundUntil: '2027-01-15',
    });
    expect(danishCapOf(s, 'DK', '2026-06-14')?.endsIfToday).toBeUndefined();
    expect(danishCapOf(s, 'DK', '2026-06-15')?.endsIfToday).toBe('2026-07-31');
    expect(danishCapOf(s, 'DK', '2026-06-30')?.endsIfToday).toBe('2026-07-31');
    expect(danishCapOf(s, 'DK', '2026-07-01')?.endsIfToday).toBe('2026-08-31');
    expect(danishCapOf(s, 'DK', '2026-06-14')?.rule.law.citation).toBe('forbrugeraftaleloven § 28');
  });

  it('ends a notice at the end of the month after one month', () => {
    expect(danishEnd('2026-01-31', 1)).toBe('2026-02-28');
    expect(danishEnd('2026-02-01', 1)).toBe('2026-03-31');
  });

  it('does not claim the terms bind longer when they do not', () => {
    expect(danishCapOf(bound({}, 6), 'DK', '2026-06-15')?.termsBoundUntil).toBeUndefined();
  });

  it('applies only in Denmark, to bound subscriptions, in its categories, below 20,000 kr a year', () => {
    expect(danishCapOf(bound(), 'NO', '2026-06-15')).toBeUndefined();
    expect(danishCapOf(bound(), 'SE', '2026-06-15')).toBeUndefined();
    expect(danishCapOf(bound({}, 0), 'DK', '2026-06-15')).toBeUndefined();
    for (const category of ['telecom', 'insurance', 'finance', 'energy', 'transport'] as const) {
      expect(danishCapOf(bound({ category }), 'DK', '2026-06-15'), category).toBeUndefined();
    }
    for (const category of ['video', 'news', 'fitness', 'food', 'software'] as const) {
      expect(danishCapOf(bound({ category }), 'DK', '2026-06-15'), category).toBeDefined();
    }
    // 1,666 kr a month is 19,992 kr a year; 1,667 kr is 20,004 kr.
    expect(danishCapOf(bound({ amountMinor: 166600 }), 'DK', '2026-06-15')).toBeDefined();
    expect(danishCapOf(bound({ amountMinor: 166700 }), 'DK', '2026-06-15')).toBeUndefined();
  });
});

describe('Norway: electricity binding', () => {
  const energy = (months: number, country: RightsCountry = 'NO', category: Subscription['category'] = 'energy') =>
    longBindingOf(signedUp({ category }, { bindingMonths: months }), country);

  it('points out a binding period over 12 months, only for electricity in Norway', () => {
    expect(energy(12)).toBeUndefined();
    expect(energy(13)).toMatchObject({ months: 13, maxMonths: 12 });
    expect(energy(24, 'SE')).toBeUndefined();
    expect(energy(24, 'NO', 'telecom')).toBeUndefined();
  });
});

describe('Sweden: lag (2014:1449), the reminder before an automatic renewal', () => {
  const yearly = (over: Partial<Subscription> = {}, terms: Terms = {}) =>
    signedUp({ period: 'P1Y', billingAnchor: '2026-03-10', ...over }, terms);

  it('was due one month before the last day to cancel: upcoming, due, then late after the last day', () => {
    const s = yearly();
    expect(renewalReminderOf(s, 'SE', '2027-02-08')).toMatchObject({
      renewal: '2027-03-10',
      lastCancelDay: '2027-03-09',
      dueBy: '2027-02-09',
      state: 'upcoming',
    });
    expect(renewalReminderOf(s, 'SE', '2027-02-09')?.state).toBe('due');
    expect(renewalReminderOf(s, 'SE', '2027-03-09')?.state).toBe('due');
    expect(renewalReminderOf(s, 'SE', '2027-03-10')).toMatchObject({ renewal: '2027-03-10', state: 'late' });
    // Into the new term Subkeeper keeps asking for a while, then looks at the next renewal.
    expect(renewalReminderOf(s, 'SE', '2027-06-08')).toMatchObject({ renewal: '2027-03-10', state: 'late' });
    expect(renewalReminderOf(s, 'SE', '2027-06-09')).toMatchObject({ renewal: '2028-03-10', state: 'upcoming' });
  });

  it('on the day of sign-up (the first billing day), is about the first renewal a year later, not that day', () => {
    const s = yearly();
    // billingAnchor and contract date are both 10 March 2026: that day is the start, not a renewal.
    expect(renewalReminderOf(s, 'SE', '2026-03-10')).toMatchObject({ renewal: '2027-03-10', state: 'upcoming' });
    expect(renewalReminderOf(s, 'SE', '2026-03-11')).toMatchObject({ renewal: '2027-03-10', state: 'upcoming' });
  });

  it('counts the notice period: the last day to cancel is a month before the renewal', () => {
    const s = yearly({}, { notice: { n: 1, unit: 'M' } });
    expect(renewalReminderOf(s, 'SE', '2027-01-08')).toMatchObject({
      lastCancelDay: '2027-02-09',
      dueBy: '2027-01-09',
      state: 'upcoming',
    });
    expect(renewalReminderOf(s, 'SE', '2027-01-09')?.state).toBe('due');
    expect(renewalReminderOf(s, 'SE', '2027-02-10')?.state).toBe('late');
  });

  it('remembers the answer: received, or missed (then the renewal does not bind)', () => {
    const got = yearly({}, { renewalReminders: [{ renewal: '2027-03-10', received: true }] });
    expect(renewalReminderOf(got, 'SE', '2027-02-20')?.state).toBe('received');
    const missed = yearly({}, { renewalReminders: [{ renewal: '2027-03-10', received: false }] });
    expect(renewalReminderOf(missed, 'SE', '2027-03-11')).toMatchObject({ renewal: '2027-03-10', state: 'missed' });
    expect(renewalReminderOf(missed, 'SE', '2028-03-10')?.state).toBe('missed');
    // A year on, the answer is old: the renewal that just happened is the one to ask about.
    expect(renewalReminderOf(missed, 'SE', '2028-03-11')).toMatchObject({ renewal: '2028-03-10', state: 'late' });
  });

  it('does not hold when the contract can be ended within three months after renewing', () => {
    expect(renewalReminderOf(yearly({ period: 'P1M' }), 'SE', '2027-02-20')).toBeUndefined();
    expect(renewalReminderOf(yearly({ period: 'P3M' }), 'SE', '2027-02-20')).toBeUndefined();
    expect(renewalReminderOf(yearly({ period: 'P4W' }), 'SE', '2027-02-20')).toBeUndefined();
    expect(renewalReminderOf(yearly({ period: 'P6M' }), 'SE', '2026-08-20')).toMatchObject({ renewal: '2026-09-10' });
  });

  it('holds only in Sweden, for contracts that renew by themselves, outside insurance and telecom', () => {
    expect(renewalReminderOf(yearly(), 'NO', '2027-02-20')).toBeUndefined();
    expect(renewalReminderOf(yearly(), 'DK', '2027-02-20')).toBeUndefined();
    expect(renewalReminderOf(yearly({}, { autoRenew: false }), 'SE', '2027-02-20')).toBeUndefined();
    expect(renewalReminderOf(yearly({ category: 'insurance' }), 'SE', '2027-02-20')).toBeUndefined();
    expect(renewalReminderOf(yearly({ category: 'telecom' }), 'SE', '2027-02-20')).toBeUndefined();
    expect(renewalReminderOf(yearly({ status: 'cancelled' }), 'SE', '2027-02-20')).toBeUndefined();
    expect(renewalReminderOf(yearly(), 'SE', '2027-02-20')?.rule.law.citation).toBe('lag (2014:1449) 1 och 3 §§');
  });
});
