import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { dueNow, markFired, nextDueDate, planReminders, type Reminder, snoozeReminder } from '../../../lib/reminders';
import { priceChange, settings, sub } from './helpers';

const ids = (plan: Reminder[]) => plan.map((r) => r.id);
const byKind = (plan: Reminder[], kind: Reminder['kind']) => plan.filter((r) => r.kind === kind);

describe('renewal reminders', () => {
  it('reminds a monthly renewal 3 days ahead by default', () => {
    const plan = planReminders({ subscriptions: [sub()], settings: settings(), today: '2025-03-01' });
    const r = plan.find((x) => x.eventDate === '2025-03-15');
    expect(r).toMatchObject({
      id: 'renewal:s1:2025-03-15:3',
      kind: 'renewal',
      subscriptionId: 's1',
      dueDate: '2025-03-12',
      amountMinor: 10000,
      currency: 'NOK',
    });
    expect(dueNow(plan, '2025-03-11').map((x) => x.id)).not.toContain(r?.id);
    expect(dueNow(plan, '2025-03-12').map((x) => x.id)).toContain(r?.id);
  });

  it('uses the settings lead time, and the longer yearly lead time for yearly plans', () => {
    const monthly = planReminders({
      subscriptions: [sub()],
      settings: settings({ renewalDays: 5 }),
      today: '2025-03-01',
    });
    expect(monthly.find((r) => r.eventDate === '2025-03-15')?.dueDate).toBe('2025-03-10');

    const yearly = planReminders({
      subscriptions: [sub({ period: 'P1Y', billingAnchor: '2024-06-20' })],
      settings: settings(),
      today: '2025-05-10',
    });
    expect(ids(yearly)).toEqual(['renewal:s1:2025-06-20:14']);
    expect(yearly[0]?.dueDate).toBe('2025-06-06');
  });

  it("lets a subscription's reminderDays override both defaults (including 0 = on the day)", () => {
    const seven = planReminders({
      subscriptions: [sub({ period: 'P1Y', billingAnchor: '2024-06-20', reminderDays: 7 })],
      settings: settings(),
      today: '2025-05-10',
    });
    expect(seven[0]?.dueDate).toBe('2025-06-13');
    const zero = planReminders({
      subscriptions: [sub({ reminderDays: 0 })],
      settings: settings(),
      today: '2025-03-01',
    });
    expect(zero.find((r) => r.eventDate === '2025-03-15')?.dueDate).toBe('2025-03-15');
  });

  it('rolls renewal dates forward from an old billing anchor, clamping month ends like the schedule', () => {
    const plan = planReminders({
      subscriptions: [sub({ billingAnchor: '2019-01-31' })],
      settings: settings(),
      today: '2025-02-20',
      horizonDays: 60,
    });
    const renewals = byKind(plan, 'renewal').map((r) => r.eventDate);
    expect(renewals[0]).toBe('2025-02-28');
    expect(renewals).toContain('2025-03-31');
    expect(renewals.every((d) => d >= '2025-02-20')).toBe(true);
  });

  it('keeps an overdue renewal reminder until the renewal day, then drops it', () => {
    const s = sub();
    // Due 03-12, browser opened 03-14: still shown (renews tomorrow).
    expect(
      ids(dueNow(planReminders({ subscriptions: [s], settings: settings(), today: '2025-03-14' }), '2025-03-14')),
    ).toEqual(['renewal:s1:2025-03-15:3']);
    // Opened 03-16: that renewal is past, nothing is due.
    expect(
      dueNow(planReminders({ subscriptions: [s], settings: settings(), today: '2025-03-16' }), '2025-03-16'),
    ).toEqual([]);
  });

  it('gives paused and cancelled subscriptions no renewal reminders', () => {
    const plan = planReminders({
      subscriptions: [
        sub({ id: 'p', status: 'paused' }),
        sub({ id: 'p2', status: 'paused', pausedUntil: '2025-03-05' }),
        sub({ id: 'c', status: 'cancelled' }),
      ],
      settings: settings(),
      today: '2025-03-01',
    });
    expect(plan).toEqual([]);
  });

  it('reminds the day before a cancelled subscription loses access', () => {
    const plan = planReminders({
      subscriptions: [sub({ status: 'cancelled', cancelledOn: '2025-02-20', endsOn: '2025-03-15' })],
      settings: settings(),
      today: '2025-03-01',
    });
    expect(plan.map((r) => [r.kind, r.dueDate])).toEqual([['accessEnds', '2025-03-14']]);
  });

  it('ignores unconfirmed detections and respects the master switch', () => {
    expect(
      planReminders({ subscriptions: [sub({ confirmed: false })], settings: settings(), today: '2025-03-01' }),
    ).toEqual([]);
    expect(
      planReminders({ subscriptions: [sub()], settings: settings({ enabled: false }), today: '2025-03-01' }),
    ).toEqual([]);
  });

  it('accepts the whole Settings object as well as the reminder settings', () => {
    const plan = planReminders({ subscriptions: [sub()], settings: DEFAULT_SETTINGS, today: '2025-03-01' });
    expect(plan[0]?.id).toBe('renewal:s1:2025-03-15:3');
  });

  it('plans only up to the horizon', () => {
    const plan = planReminders({ subscriptions: [sub()], settings: settings(), today: '2025-03-01', horizonDays: 20 });
    expect(plan.every((r) => r.dueDate <= '2025-03-21')).toBe(true);
    expect(ids(plan)).toEqual(['renewal:s1:2025-03-15:3']);
  });
});

describe('trials, intro prices, price increases', () => {
  const trial = sub({ status: 'trial', trialEnd: '2025-03-10', billingAnchor: '2025-03-10' });

  it('reminds 3 days and 1 day before a free trial becomes paid, instead of a renewal reminder that day', () => {
    const plan = planReminders({ subscriptions: [trial], settings: settings(), today: '2025-03-01', horizonDays: 60 });
    expect(byKind(plan, 'trialEnd').map((r) => [r.dueDate, r.leadDays, r.amountMinor])).toEqual([
      ['2025-03-07', 3, 10000],
      ['2025-03-09', 1, 10000],
    ]);
    const renewals = byKind(plan, 'renewal').map((r) => r.eventDate);
    expect(renewals).not.toContain('2025-03-10');
    expect(renewals).toContain('2025-04-10');
  });

  it('follows the configured trial lead days', () => {
    const plan = planReminders({ subscriptions: [trial], settings: settings({ trialDays: [7] }), today: '2025-03-01' });
    expect(byKind(plan, 'trialEnd').map((r) => r.dueDate)).toEqual(['2025-03-03']);
  });

  it('reminds before the first full-price charge after an intro price', () => {
    const s = sub({ billingAnchor: '2025-01-05', introAmountMinor: 1000, introEnd: '2025-04-01' });
    const plan = planReminders({ subscriptions: [s], settings: settings(), today: '2025-03-01' });
    expect(byKind(plan, 'introEnd')).toEqual([
      expect.objectContaining({
        eventDate: '2025-04-05',
        dueDate: '2025-04-02',
        amountMinor: 10000,
        previousAmountMinor: 1000,
      }),
    ]);
    const renewals = byKind(plan, 'renewal');
    expect(renewals.map((r) => r.eventDate)).not.toContain('2025-04-05');
    expect(renewals.find((r) => r.eventDate === '2025-03-05')?.amountMinor).toBe(1000);
    const off = planReminders({ subscriptions: [s], settings: settings({ introEnd: false }), today: '2025-03-01' });
    expect(byKind(off, 'introEnd')).toEqual([]);
    expect(byKind(off, 'renewal').map((r) => r.eventDate)).toContain('2025-04-05');
  });

  it('reminds a price increase once, as soon as it is recorded', () => {
    const input = {
      subscriptions: [sub()],
      priceChanges: [priceChange({ date: '2025-04-01' })],
      settings: settings(),
      today: '2025-03-01',
    };
    const first = byKind(planReminders(input), 'priceIncrease');
    expect(first).toEqual([
      expect.objectContaining({ dueDate: '2025-03-01', amountMinor: 12000, previousAmountMinor: 10000 }),
    ]);
    const fired = markFired({}, first, '2025-03-01');
    expect(byKind(planReminders({ ...input, fired }), 'priceIncrease')).toEqual([]);
    expect(byKind(planReminders({ ...input, fired, today: '2025-04-02' }), 'priceIncrease')).toEqual([]);
  });

  it('ignores price decreases, old increases and disabled price reminders', () => {
    const base = { subscriptions: [sub()], settings: settings(), today: '2025-03-01' };
    const cheaper = priceChange({ newAmountMinor: 9000 });
    const old = priceChange({ id: 'old', date: '2025-01-01' });
    expect(byKind(planReminders({ ...base, priceChanges: [cheaper, old] }), 'priceIncrease')).toEqual([]);
    expect(
      byKind(
        planReminders({ ...base, priceChanges: [priceChange()], settings: settings({ priceIncrease: false }) }),
        'priceIncrease',
      ),
    ).toEqual([]);
  });
});

describe('fired, superseded and snoozed reminders', () => {
  it('drops fired reminders, and longer-lead reminders of an event when a shorter one was shown', () => {
    const s = sub({ status: 'trial', trialEnd: '2025-03-10', billingAnchor: '2025-03-10' });
    const input = { subscriptions: [s], settings: settings(), today: '2025-03-09' };
    const fired = markFired({}, [{ id: 'trial:s1:2025-03-10:1', eventDate: '2025-03-10' }], '2025-03-09');
    expect(ids(byKind(planReminders({ ...input, fired }), 'trialEnd'))).toEqual([]);
    // Changing a renewal lead time after the reminder was shown does not bring the renewal back.
    const r = sub();
    const shown = markFired({}, [{ id: 'renewal:s1:2025-03-15:3', eventDate: '2025-03-15' }], '2025-03-12');
    const plan = planReminders({
      subscriptions: [{ ...r, reminderDays: 7 }],
      settings: settings(),
      today: '2025-03-13',
      fired: shown,
    });
    expect(plan.filter((x) => x.eventDate === '2025-03-15')).toEqual([]);
  });

  it('accepts a plain set of fired ids', () => {
    const plan = planReminders({
      subscriptions: [sub()],
      settings: settings(),
      today: '2025-03-12',
      fired: new Set(['renewal:s1:2025-03-15:3']),
    });
    expect(ids(plan)).not.toContain('renewal:s1:2025-03-15:3');
  });

  it('brings a snoozed reminder back the next day as a new copy, once', () => {
    const input = { subscriptions: [sub()], settings: settings() };
    let fired = markFired({}, [{ id: 'renewal:s1:2025-03-15:3', eventDate: '2025-03-15' }], '2025-03-12');
    const snoozed = snoozeReminder({}, 'renewal:s1:2025-03-15:3', '2025-03-12');
    expect(snoozed).toEqual({ 'renewal:s1:2025-03-15:3': { until: '2025-03-13' } });
    expect(dueNow(planReminders({ ...input, today: '2025-03-12', fired, snoozed }), '2025-03-12')).toEqual([]);
    const next = dueNow(planReminders({ ...input, today: '2025-03-13', fired, snoozed }), '2025-03-13');
    expect(next).toEqual([
      expect.objectContaining({
        id: 'renewal:s1:2025-03-15:3|snooze:2025-03-13',
        snoozedFrom: 'renewal:s1:2025-03-15:3',
        dueDate: '2025-03-13',
      }),
    ]);
    fired = markFired(fired, next, '2025-03-13');
    expect(dueNow(planReminders({ ...input, today: '2025-03-14', fired, snoozed }), '2025-03-14')).toEqual([]);
    // Snoozing the copy again puts it off another day.
    const again = snoozeReminder(snoozed, 'renewal:s1:2025-03-15:3|snooze:2025-03-13', '2025-03-13');
    expect(ids(dueNow(planReminders({ ...input, today: '2025-03-14', fired, snoozed: again }), '2025-03-14'))).toEqual([
      'renewal:s1:2025-03-15:3|snooze:2025-03-14',
    ]);
  });

  it('does not bring back a snoozed reminder after its event has passed', () => {
    const fired = markFired({}, [{ id: 'renewal:s1:2025-03-15:3', eventDate: '2025-03-15' }], '2025-03-15');
    const snoozed = snoozeReminder({}, 'renewal:s1:2025-03-15:3', '2025-03-15');
    const plan = planReminders({ subscriptions: [sub()], settings: settings(), today: '2025-03-16', fired, snoozed });
    expect(plan.filter((r) => r.eventDate === '2025-03-15')).toEqual([]);
  });
});

describe('weekly digest and next due day', () => {
  it('plans a Monday digest of the week’s renewals when enabled', () => {
    const subs = [
      sub({ id: 'a', service: 'Alpha', billingAnchor: '2025-01-05' }),
      sub({ id: 'b', service: 'Beta', period: 'P1W', billingAnchor: '2025-03-04' }),
    ];
    // 2025-03-03 is a Monday.
    const plan = planReminders({
      subscriptions: subs,
      settings: settings({ weeklyDigest: true }),
      today: '2025-03-03',
    });
    const digest = byKind(plan, 'weeklyDigest').find((r) => r.dueDate === '2025-03-03');
    expect(digest?.items?.map((i) => [i.service, i.date])).toEqual([
      ['Beta', '2025-03-04'],
      ['Alpha', '2025-03-05'],
    ]);
    expect(digest?.subscriptionIds.sort()).toEqual(['a', 'b']);
    expect(
      byKind(planReminders({ subscriptions: subs, settings: settings(), today: '2025-03-03' }), 'weeklyDigest'),
    ).toEqual([]);
  });

  it('gives the earliest due day, or today when something is overdue', () => {
    const plan = planReminders({ subscriptions: [sub()], settings: settings(), today: '2025-03-01' });
    expect(nextDueDate(plan, '2025-03-01')).toBe('2025-03-12');
    const late = planReminders({ subscriptions: [sub()], settings: settings(), today: '2025-03-14' });
    expect(nextDueDate(late, '2025-03-14')).toBe('2025-03-14');
    expect(nextDueDate([], '2025-03-14')).toBeUndefined();
  });
});
