import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../lib/app/route';
import { createTranslator } from '../../../lib/i18n';
import { acceptPageMessage } from '../../../lib/messages';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import {
  appendHistory,
  COMING_DAYS,
  comingReminders,
  HISTORY_MAX,
  markFired,
  planReminders,
  readHistory,
  snoozeReminder,
} from '../../../lib/reminders';
import { sub } from '../../helpers';

const today = '2026-11-23';
const t = createTranslator('en');
const netflix = sub({ id: 'n', service: 'Netflix', amountMinor: 17900, billingAnchor: '2026-12-05' });
const base = {
  subscriptions: [netflix],
  priceChanges: [],
  settings: DEFAULT_SETTINGS,
  today,
  fired: {},
  snoozed: {},
  t,
  locale: 'en-GB',
};

describe('coming reminders (issue 13 item 6)', () => {
  it('lists what will be shown and when, worded as the notification on its day', () => {
    const list = comingReminders({ ...base, horizonDays: 45 });
    expect(list.map((c) => [c.reminder.dueDate, c.reminder.eventDate, c.title])).toEqual([
      ['2026-12-02', '2026-12-05', 'Netflix renews in 3 days'],
      ['2027-01-02', '2027-01-05', 'Netflix renews in 3 days'],
    ]);
    // By default, the next 30 days.
    expect(comingReminders(base).map((c) => c.reminder.dueDate)).toEqual(['2026-12-02']);
    expect(list[0]!.message.replace(/\s/g, ' ')).toBe('NOK 179.00 will be charged on 5 Dec 2026.');
    expect(COMING_DAYS).toBe(30);
  });

  it('is the planner’s own plan (the list and the notifications cannot disagree)', () => {
    const plan = planReminders({ ...base, horizonDays: COMING_DAYS });
    expect(comingReminders(base).map((c) => c.reminder)).toEqual(plan);
  });

  it('a snoozed one moves, a skipped one goes, and a subscription turned off has none', () => {
    const [first] = comingReminders(base);
    const snoozed = snoozeReminder({}, first!.reminder.id, today, 7);
    const moved = comingReminders({ ...base, snoozed });
    expect(moved[0]).toMatchObject({ snoozed: true, reminder: { dueDate: '2026-11-30' } });
    const fired = markFired({}, [first!.reminder], today);
    expect(comingReminders({ ...base, fired, horizonDays: 45 }).map((c) => c.reminder.eventDate)).toEqual([
      '2027-01-05',
    ]);
    expect(comingReminders({ ...base, subscriptions: [{ ...netflix, remindersOff: true }] })).toEqual([]);
  });
});

describe('the history of what was shown', () => {
  const shown = (title: string) => ({ title, message: 'm', actions: [], on: today, subscriptionId: 'n' });

  it('keeps what was shown, newest first, once per notification, within its limits', () => {
    let h = appendHistory([], { a: shown('A') }, '2026-11-01');
    h = appendHistory(h, { b: shown('B'), a: shown('A again') }, today);
    expect(h.map((e) => [e.id, e.on, e.title])).toEqual([
      ['b', today, 'B'],
      ['a', today, 'A again'],
    ]);
    const many = Object.fromEntries(Array.from({ length: HISTORY_MAX + 20 }, (_, i) => [`x${i}`, shown('X')]));
    expect(appendHistory(h, many, today)).toHaveLength(HISTORY_MAX);
    expect(appendHistory([{ id: 'old', on: '2024-01-01', title: 'o', message: '' }], {}, today)).toEqual([]);
  });

  it('reads a stored history defensively', () => {
    expect(readHistory('x')).toEqual([]);
    expect(readHistory([{ id: 'a', on: today, title: 'T', message: 'M' }, { id: 1 }, null])).toEqual([
      { id: 'a', on: today, title: 'T', message: 'M' },
    ]);
  });
});

describe('the reminders view is addressable and its actions are messages only extension pages may send', () => {
  it('has a route', () => {
    expect(parseRoute('#/reminders')).toEqual({ view: 'reminders' });
    expect(routeHash({ view: 'reminders' })).toBe('#/reminders');
    expect(parseRoute('#/data/statement')).toEqual({ view: 'data', section: 'statement' });
    expect(parseRoute('#/data/nonsense')).toEqual({ view: 'data' });
  });

  it('accepts snooze and skip from the extension’s own pages, with valid fields only', () => {
    const own = { id: 'ext', url: 'chrome-extension://ext/options.html' };
    const ok = (m: unknown) => acceptPageMessage(m, own, 'ext', 'chrome-extension://ext/').ok;
    expect(ok({ type: 'reminder-snooze', id: 'renewal:n:2026-12-05:3', days: 7 })).toBe(true);
    expect(ok({ type: 'reminder-skip', id: 'renewal:n:2026-12-05:3', eventDate: '2026-12-05' })).toBe(true);
    expect(ok({ type: 'reminder-snooze', id: 'x', days: 0 })).toBe(false);
    expect(ok({ type: 'reminder-skip', id: 'x', eventDate: 'soon' })).toBe(false);
    const page = { id: 'ext', url: 'https://evil.example/', tab: { id: 1 } };
    expect(
      acceptPageMessage({ type: 'reminder-skip', id: 'x', eventDate: today }, page, 'ext', 'chrome-extension://ext/')
        .ok,
    ).toBe(false);
  });
});
