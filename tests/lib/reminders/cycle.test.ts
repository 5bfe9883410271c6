import { describe, expect, it } from 'vitest';
import { addDays } from '../../../lib/dates';
import { createTranslator } from '../../../lib/i18n';
import {
  alarmDayOf,
  cancelUrlOf,
  collapseSuperseded,
  deliveryActions,
  type FiredLog,
  markFired,
  planDeliveries,
  planReminders,
  pruneFired,
  pruneSnoozed,
  type Reminder,
  readFiredLog,
  readPendingLog,
  reminderCycle,
  type SnoozeLog,
  snoozeReminder,
} from '../../../lib/reminders';
import { priceChange, settings, sub } from './helpers';

const t = createTranslator('en');

function reminder(overrides: Partial<Reminder>): Reminder {
  return {
    id: 'renewal:s1:2025-03-15:3',
    kind: 'renewal',
    subscriptionId: 's1',
    subscriptionIds: ['s1'],
    dueDate: '2025-03-12',
    eventDate: '2025-03-15',
    lastDay: '2025-03-15',
    eventKey: 'renewal:s1:2025-03-15',
    leadDays: 3,
    amountMinor: 10000,
    currency: 'NOK',
    ...overrides,
  };
}

describe('planDeliveries', () => {
  it('shows one notification per reminder when at most one is overdue', () => {
    const a = reminder({});
    const b = reminder({
      id: 'renewal:s2:2025-03-16:3',
      subscriptionId: 's2',
      eventKey: 'renewal:s2:2025-03-16',
      dueDate: '2025-03-13',
    });
    const out = planDeliveries([a, b], '2025-03-13');
    expect(out.map((d) => [d.kind, d.notificationId, d.covers])).toEqual([
      ['single', a.id, [a.id]],
      ['single', b.id, [b.id]],
    ]);
  });

  it('puts everything into ONE digest when several are overdue', () => {
    const a = reminder({ dueDate: '2025-03-10' });
    const b = reminder({
      id: 'renewal:s2:2025-03-16:3',
      subscriptionId: 's2',
      eventKey: 'renewal:s2:2025-03-16',
      dueDate: '2025-03-11',
    });
    const c = reminder({
      id: 'renewal:s3:2025-03-16:3',
      subscriptionId: 's3',
      eventKey: 'renewal:s3:2025-03-16',
      dueDate: '2025-03-13',
    });
    const out = planDeliveries([a, b, c], '2025-03-13');
    expect(out).toHaveLength(1);
    expect(out[0]?.kind).toBe('digest');
    expect(out[0]?.notificationId).toMatch(/^digest:2025-03-13:/);
    expect(out[0]?.covers.sort()).toEqual([a.id, b.id, c.id].sort());
  });

  it('also uses a digest when more than three are due at once', () => {
    const many = [1, 2, 3, 4].map((i) =>
      reminder({
        id: `renewal:s${i}:2025-03-16:3`,
        subscriptionId: `s${i}`,
        eventKey: `renewal:s${i}:2025-03-16`,
        dueDate: '2025-03-13',
      }),
    );
    expect(planDeliveries(many, '2025-03-13').map((d) => d.kind)).toEqual(['digest']);
    expect(planDeliveries(many.slice(0, 3), '2025-03-13').map((d) => d.kind)).toEqual(['single', 'single', 'single']);
  });

  it('folds the superseded longer-lead reminder of the same event into the shorter one', () => {
    const three = reminder({
      id: 'trial:s1:2025-03-10:3',
      kind: 'trialEnd',
      eventKey: 'trial:s1:2025-03-10',
      leadDays: 3,
      dueDate: '2025-03-07',
    });
    const one = reminder({
      id: 'trial:s1:2025-03-10:1',
      kind: 'trialEnd',
      eventKey: 'trial:s1:2025-03-10',
      leadDays: 1,
      dueDate: '2025-03-09',
    });
    const { shown } = collapseSuperseded([three, one]);
    expect(shown.map((r) => r.id)).toEqual([one.id]);
    const out = planDeliveries([three, one], '2025-03-09');
    expect(out).toEqual([
      expect.objectContaining({ kind: 'single', notificationId: one.id, covers: [three.id, one.id] }),
    ]);
  });
});

describe('deliveryActions', () => {
  const single = (r: Reminder) => ({ notificationId: r.id, kind: 'single' as const, reminders: [r], covers: [r.id] });
  it('offers snooze, and the cancel page only for an http(s) cancel link', () => {
    const withLink = sub({ links: { cancel: { url: 'https://example.com/cancel', source: 'user' } } });
    expect(deliveryActions(single(reminder({})), withLink)).toEqual(['snooze', 'cancelPage']);
    expect(deliveryActions(single(reminder({})), sub())).toEqual(['snooze']);
    // A non-http link that slipped into stored data is never offered.
    const bad = { ...sub(), links: { cancel: { url: 'javascript:alert(1)', source: 'page' as const } } };
    expect(deliveryActions(single(reminder({})), bad)).toEqual(['snooze']);
  });
  it('never offers a link a page supplied that the user has not accepted (issue 15)', () => {
    const planted = sub({
      links: { cancel: { url: 'https://netflix-cancel.example/login', source: 'page', seenAt: '2025-03-01' } },
    });
    expect(cancelUrlOf(planted)).toBeUndefined();
    expect(deliveryActions(single(reminder({})), planted)).toEqual(['snooze']);
    const acceptedLink = sub({
      links: { cancel: { url: 'https://www.netflix.com/cancelplan', source: 'page', acceptedAt: '2025-03-02' } },
    });
    expect(cancelUrlOf(acceptedLink)).toBe('https://www.netflix.com/cancelplan');
    // Without a usable link of its own, the directory's cancel page of the service is offered instead.
    const directory = (id: string) => (id === 'netflix' ? 'https://help.netflix.com/cancel' : undefined);
    const fromDirectory = { ...planted, serviceId: 'netflix' };
    expect(cancelUrlOf(fromDirectory, directory)).toBe('https://help.netflix.com/cancel');
    expect(deliveryActions(single(reminder({})), fromDirectory, directory)).toEqual(['snooze', 'cancelPage']);
  });

  it('offers nothing on digests', () => {
    const r = reminder({});
    expect(
      deliveryActions({ notificationId: 'digest:x', kind: 'digest', reminders: [r, r], covers: [r.id] }, sub()),
    ).toEqual([]);
  });
});

describe('fired and snooze logs', () => {
  it('prunes entries older than 400 days but keeps any whose event is recent or ahead', () => {
    const log: FiredLog = {
      old: { on: '2023-01-01', eventDate: '2023-01-04' },
      recent: { on: '2024-06-01', eventDate: '2024-06-04' },
      aheadEvent: { on: '2023-01-01', eventDate: '2025-06-01' },
    };
    expect(Object.keys(pruneFired(log, '2025-03-01')).sort()).toEqual(['aheadEvent', 'recent']);
  });

  it('never changes the date an id was first fired', () => {
    const a = markFired({}, [{ id: 'x', eventDate: '2025-03-15' }], '2025-03-12');
    const b = markFired(a, [{ id: 'x', eventDate: '2025-03-15' }], '2025-03-13');
    expect(b.x?.on).toBe('2025-03-12');
  });

  it('reads malformed stored logs as empty or partial, never throwing', () => {
    expect(readFiredLog(null)).toEqual({});
    expect(readFiredLog([1, 2])).toEqual({});
    expect(readFiredLog({ a: { on: '2025-01-01', eventDate: '2025-01-02' }, b: 3, c: { on: 1 } })).toEqual({
      a: { on: '2025-01-01', eventDate: '2025-01-02' },
    });
    expect(
      readPendingLog(
        { n: { title: 'x', message: 'y', on: '2025-03-01', actions: ['snooze', 'rm -rf'] } },
        '2025-03-01',
      ),
    ).toEqual({
      n: { title: 'x', message: 'y', on: '2025-03-01', actions: ['snooze'] },
    });
    // Pending notifications older than a day are given up.
    expect(readPendingLog({ n: { title: 'x', message: 'y', on: '2025-02-01', actions: [] } }, '2025-03-01')).toEqual(
      {},
    );
  });

  it('drops a snooze once its copy was shown', () => {
    const snoozed: SnoozeLog = snoozeReminder({}, 'renewal:s1:2025-03-15:3', '2025-03-12');
    const fired = markFired(
      {},
      [{ id: 'renewal:s1:2025-03-15:3|snooze:2025-03-13', eventDate: '2025-03-15' }],
      '2025-03-13',
    );
    expect(pruneSnoozed(snoozed, {}, '2025-03-13')).toEqual(snoozed);
    expect(pruneSnoozed(snoozed, fired, '2025-03-13')).toEqual({});
  });
});

describe('reminderCycle', () => {
  const base = { settings: settings(), t, locale: 'en-GB', priceChanges: [], snoozed: {} };

  it('shows a due reminder with its words and buttons, marks it fired, and does nothing on a second run', () => {
    const s = sub({ links: { cancel: { url: 'https://streamly.example/cancel', source: 'user' } } });
    const first = reminderCycle({ ...base, subscriptions: [s], today: '2025-03-12', fired: {} });
    expect(Object.keys(first.show)).toEqual(['renewal:s1:2025-03-15:3']);
    const n = first.show['renewal:s1:2025-03-15:3'];
    expect(n?.title).toBe('Streamly renews in 3 days');
    expect(n?.message).toContain('NOK');
    expect(n?.actions).toEqual(['snooze', 'cancelPage']);
    expect(n?.subscriptionId).toBe('s1');
    expect(Object.keys(first.fired)).toEqual(['renewal:s1:2025-03-15:3']);
    expect(first.nextDue).toBe('2025-04-12');

    const second = reminderCycle({ ...base, subscriptions: [s], today: '2025-03-12', fired: first.fired });
    expect(second.show).toEqual({});
    expect(second.fired).toEqual(first.fired);
  });

  it('shows every reminder exactly once over 14 months of daily runs, with gaps while the browser was closed', () => {
    const subs = [
      sub({ id: 'm', service: 'Monthly', billingAnchor: '2024-01-31' }),
      sub({ id: 'y', service: 'Yearly', period: 'P1Y', billingAnchor: '2023-07-01' }),
      sub({ id: 'w', service: 'Weekly', period: 'P2W', billingAnchor: '2024-01-03' }),
      sub({ id: 'd', service: 'Daily news', billingAnchor: '2024-01-01' }),
      sub({ id: 't', service: 'Trial', status: 'trial', trialEnd: '2024-03-20', billingAnchor: '2024-03-20' }),
      sub({ id: 'i', service: 'Intro', billingAnchor: '2024-01-10', introAmountMinor: 100, introEnd: '2024-05-01' }),
    ];
    const priceChanges = [priceChange({ subscriptionId: 'm', date: '2024-06-01' })];
    let fired: FiredLog = {};
    const shownIds: string[] = [];
    const notifications: string[] = [];
    const closed = (d: string) => (d >= '2024-04-01' && d < '2024-04-20') || (d >= '2024-09-02' && d < '2024-09-30');
    for (let day = '2024-01-01'; day <= '2025-03-01'; day = addDays(day, 1)) {
      if (closed(day)) continue;
      // Several runs a day (alarm, start-up, resync) must not matter.
      for (let run = 0; run < 2; run++) {
        const out = reminderCycle({ ...base, subscriptions: subs, priceChanges, today: day, fired });
        const newly = Object.keys(out.fired).filter((id) => !(id in fired));
        shownIds.push(...newly);
        notifications.push(...Object.keys(out.show));
        fired = out.fired;
      }
    }
    expect(new Set(shownIds).size).toBe(shownIds.length);
    expect(new Set(notifications).size).toBe(notifications.length);
    // Monthly renewals outside the closed gaps were each reminded once, on time.
    expect(fired['renewal:m:2024-02-29:3']?.on).toBe('2024-02-26');
    expect(fired['renewal:m:2024-12-31:3']?.on).toBe('2024-12-28');
    // The yearly one 14 days ahead, the trial 3 and 1 days ahead, the intro end, the price increase once.
    expect(fired['renewal:y:2024-07-01:14']?.on).toBe('2024-06-17');
    expect(fired['trial:t:2024-03-20:3']?.on).toBe('2024-03-17');
    expect(fired['trial:t:2024-03-20:1']?.on).toBe('2024-03-19');
    expect(fired['intro:i:2024-05-10:3']?.on).toBe('2024-05-07');
    expect(shownIds.filter((id) => id.startsWith('price:'))).toHaveLength(1);
    // Reminder day in a gap, renewal day after it: shown late, once, on reopening (two of them: one digest).
    expect(fired['renewal:m:2024-09-30:3']?.on).toBe('2024-09-30');
    expect(fired['renewal:d:2024-10-01:3']?.on).toBe('2024-09-30');
    // Reminder day and renewal day both in a gap: never shown.
    expect(fired['renewal:w:2024-04-10:3']).toBeUndefined();
    expect(fired['renewal:w:2024-09-11:3']).toBeUndefined();
    expect(fired['renewal:w:2024-09-25:3']).toBeUndefined();
    expect(fired['renewal:w:2024-10-09:3']?.on).toBe('2024-10-06');
    // The second gap made several reminders overdue at once: they came as one digest.
    expect(notifications.filter((id) => id.startsWith('digest:2024-09-30'))).toHaveLength(1);
  });

  it('returns the badge count and the next due day after showing', () => {
    const out = reminderCycle({ ...base, subscriptions: [sub()], today: '2025-03-10', fired: {} });
    expect(out.badge).toBe(1);
    expect(out.nextDue).toBe('2025-03-12');
    expect(alarmDayOf(out.nextDue, '2025-03-10')).toBe('2025-03-11');
    expect(alarmDayOf('2025-03-11', '2025-03-10')).toBe('2025-03-11');
    expect(alarmDayOf(undefined, '2025-03-10')).toBe('2025-03-11');
  });

  it('brings a snoozed reminder back in the next cycle', () => {
    const first = reminderCycle({ ...base, subscriptions: [sub()], today: '2025-03-12', fired: {} });
    const snoozed = snoozeReminder(first.snoozed, 'renewal:s1:2025-03-15:3', '2025-03-12');
    const same = reminderCycle({ ...base, subscriptions: [sub()], today: '2025-03-12', fired: first.fired, snoozed });
    expect(same.show).toEqual({});
    expect(same.nextDue).toBe('2025-03-13');
    const next = reminderCycle({ ...base, subscriptions: [sub()], today: '2025-03-13', fired: same.fired, snoozed });
    expect(Object.keys(next.show)).toEqual(['renewal:s1:2025-03-15:3|snooze:2025-03-13']);
    expect(next.show['renewal:s1:2025-03-15:3|snooze:2025-03-13']?.title).toBe('Streamly renews in 2 days');
    expect(next.snoozed).toEqual({});
    const plan = planReminders({
      subscriptions: [sub()],
      settings: settings(),
      today: '2025-03-13',
      fired: next.fired,
    });
    expect(plan.filter((r) => r.eventDate === '2025-03-15')).toEqual([]);
  });
});
