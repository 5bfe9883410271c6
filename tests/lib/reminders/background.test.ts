import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ALARM_NAME,
  type NotificationOptions,
  type NotificationsApi,
  setupReminders,
  startOfLocalDay,
} from '../../../entrypoints/background/reminders';
import { getState, SubkeeperDb, saveSubscription, setState } from '../../../lib/db';

/** Tests of the background wiring with WXT's in-memory browser and fake-indexeddb. */

let db: SubkeeperDb;
let clock: Date;
const now = () => clock;
const stamp = '2025-01-01T00:00:00.000Z';

/** Noon local time on a day, so the local calendar day is that day in any time zone. */
function at(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0, 0);
}

/** Stores a subscription (with its own id: `s1` unless given; an id given to saveSubscription means an edit). */
async function addSub(fields: Record<string, unknown>) {
  const { id = 's1', ...rest } = fields;
  const v = await saveSubscription(
    db,
    {
      service: 'Streamly',
      amountMinor: 12900,
      currency: 'NOK',
      period: 'P1M',
      status: 'active',
      billingAnchor: '2025-01-15',
      ...rest,
    },
    stamp,
  );
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  // Give it the id the tests name it by.
  await db.subscriptions.delete(v.value.id);
  await db.subscriptions.put({ ...v.value, id: id as string });
}

/** A notifications API that records what was shown (wrapping the fake browser's in-memory one). */
function recordingNotifications(opts: { buttons: boolean }) {
  const created: { id: string; options: NotificationOptions }[] = [];
  const n = fakeBrowser.notifications;
  const api: NotificationsApi = {
    async create(id, options) {
      created.push({ id, options });
      return n.create(id, options);
    },
    clear: (id) => n.clear(id),
    getAll: () => n.getAll(),
    onClicked: n.onClicked,
    ...(opts.buttons ? { onButtonClicked: n.onButtonClicked } : {}),
  };
  return { api, created };
}

function setup(opts: { buttons?: boolean } = {}) {
  const rec = recordingNotifications({ buttons: opts.buttons ?? true });
  const handle = setupReminders({
    db,
    browser: fakeBrowser,
    now,
    notifications: rec.api,
    languages: () => ['en-GB'],
    onError: (e) => {
      throw e;
    },
  });
  return { ...rec, handle };
}

beforeEach(() => {
  fakeBrowser.reset();
  db = new SubkeeperDb(`test-${Math.random().toString(36).slice(2)}`);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('setupReminders', () => {
  it('shows a due reminder at start, records it, arms the alarm for tomorrow and sets the badge', async () => {
    await addSub({ links: { cancel: { url: 'https://streamly.example/cancel', source: 'user' } } });
    clock = at('2025-03-12');
    const { handle, created } = setup();
    await handle.resync();

    expect(created.map((c) => c.id)).toEqual(['renewal:s1:2025-03-15:3']);
    const shown = created[0]?.options;
    expect(shown?.title).toBe('Streamly renews in 3 days');
    expect(shown?.iconUrl).toBe('chrome-extension://test-extension-id/icon/128.png');
    expect(shown?.buttons?.map((b) => b.title)).toEqual(['Snooze 1 day', 'Open cancel page']);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['renewal:s1:2025-03-15:3']);

    const fired = await getState<Record<string, unknown>>(db, 'reminders.fired', {});
    expect(Object.keys(fired)).toEqual(['renewal:s1:2025-03-15:3']);
    expect(await getState(db, 'reminders.pending', null)).toEqual({});
    const alarm = await fakeBrowser.alarms.get(ALARM_NAME);
    expect(alarm?.scheduledTime).toBe(startOfLocalDay('2025-03-13'));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('never shows a reminder twice, however often it re-syncs (also concurrently, also after a restart)', async () => {
    await addSub({});
    clock = at('2025-03-12');
    const first = setup();
    await Promise.all([first.handle.resync(), first.handle.resync(), fakeBrowser.runtime.onStartup.trigger()]);
    await first.handle.resync();
    expect(first.created).toHaveLength(1);

    // The user dismissed it; a new service worker starts the same day.
    await fakeBrowser.notifications.clear('renewal:s1:2025-03-15:3');
    const second = setup();
    await second.handle.resync();
    expect(second.created).toEqual([]);
  });

  it('shows a notification the worker recorded but did not get to show, unless it is already on screen', async () => {
    await addSub({});
    clock = at('2025-03-01');
    const pending = { 'renewal:s1:2025-03-15:3': { title: 'T', message: 'M', actions: [], on: '2025-03-01' } };
    await setState(db, 'reminders.pending', pending);
    const a = setup();
    await a.handle.resync();
    expect(a.created.map((c) => [c.id, c.options.title])).toEqual([['renewal:s1:2025-03-15:3', 'T']]);
    expect(await getState(db, 'reminders.pending', null)).toEqual({});

    // Already displayed: not shown again.
    fakeBrowser.reset();
    await setState(db, 'reminders.pending', pending);
    await fakeBrowser.notifications.create('renewal:s1:2025-03-15:3', { type: 'basic', title: 'T', message: 'M' });
    const b = setup();
    await b.handle.resync();
    expect(b.created).toEqual([]);
  });

  it('fires on the alarm when the next reminder comes due', async () => {
    await addSub({});
    clock = at('2025-03-10');
    const { handle, created } = setup();
    await handle.resync();
    expect(created).toEqual([]);
    expect((await fakeBrowser.alarms.get(ALARM_NAME))?.scheduledTime).toBe(startOfLocalDay('2025-03-11'));

    clock = at('2025-03-11');
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARM_NAME, scheduledTime: clock.getTime() });
    await handle.resync();
    expect(created).toEqual([]);
    expect((await fakeBrowser.alarms.get(ALARM_NAME))?.scheduledTime).toBe(startOfLocalDay('2025-03-12'));

    clock = at('2025-03-12');
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARM_NAME, scheduledTime: clock.getTime() });
    await handle.resync();
    expect(created.map((c) => c.id)).toEqual(['renewal:s1:2025-03-15:3']);
  });

  it('combines several reminders that came due while the browser was closed into one notification', async () => {
    await addSub({ id: 'a', service: 'Alpha', billingAnchor: '2025-01-15' });
    await addSub({ id: 'b', service: 'Beta', billingAnchor: '2025-01-16' });
    clock = at('2025-03-14');
    const { handle, created } = setup();
    await handle.resync();
    expect(created).toHaveLength(1);
    expect(created[0]?.id).toMatch(/^digest:2025-03-14:/);
    expect(created[0]?.options.title).toBe('2 subscription reminders');
    expect(created[0]?.options.message.split('\n')).toHaveLength(2);
    expect(created[0]?.options.buttons).toBeUndefined();
    const fired = await getState<Record<string, unknown>>(db, 'reminders.fired', {});
    expect(Object.keys(fired).sort()).toEqual(['renewal:a:2025-03-15:3', 'renewal:b:2025-03-16:3']);
  });

  it('opens the subscription on click, and the cancel page (http(s) only) from its button', async () => {
    await addSub({ links: { cancel: { url: 'https://streamly.example/cancel', source: 'user' } } });
    clock = at('2025-03-12');
    const { handle } = setup();
    await handle.resync();
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');

    await fakeBrowser.notifications.onClicked.trigger('renewal:s1:2025-03-15:3');
    await vi.waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
    expect(opened.mock.calls[0]?.[0]).toEqual({
      url: 'chrome-extension://test-extension-id/options.html#/subscription/s1',
    });

    await fakeBrowser.notifications.onButtonClicked.trigger('renewal:s1:2025-03-15:3', 1);
    await vi.waitFor(() => expect(opened).toHaveBeenCalledTimes(2));
    expect(opened.mock.calls[1]?.[0]).toEqual({ url: 'https://streamly.example/cancel' });

    // Someone else's notification id is left alone.
    await fakeBrowser.notifications.onClicked.trigger('not-ours');
    await handle.resync();
    expect(opened).toHaveBeenCalledTimes(2);
  });

  it('never opens a cancel link a page planted (no button, and a stale button click opens nothing)', async () => {
    await addSub({ links: { cancel: { url: 'https://streamly-cancel.example/login', source: 'page' } } });
    clock = at('2025-03-12');
    const { handle, created } = setup();
    await handle.resync();
    expect(created[0]?.options.buttons).toHaveLength(1);
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    opened.mockClear();
    await fakeBrowser.notifications.onButtonClicked.trigger('renewal:s1:2025-03-15:3', 1);
    await handle.resync();
    expect(opened).not.toHaveBeenCalled();
  });

  it('snoozes a reminder to the next day', async () => {
    await addSub({});
    clock = at('2025-03-12');
    const { handle, created } = setup();
    await handle.resync();
    await fakeBrowser.notifications.onButtonClicked.trigger('renewal:s1:2025-03-15:3', 0);
    await vi.waitFor(async () =>
      expect(await getState(db, 'reminders.snoozed', {})).toEqual({
        'renewal:s1:2025-03-15:3': { until: '2025-03-13' },
      }),
    );
    await handle.resync();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
    expect(created).toHaveLength(1);

    clock = at('2025-03-13');
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARM_NAME, scheduledTime: clock.getTime() });
    await handle.resync();
    expect(created.map((c) => c.id)).toEqual(['renewal:s1:2025-03-15:3', 'renewal:s1:2025-03-15:3|snooze:2025-03-13']);
    expect(created[1]?.options.title).toBe('Streamly renews in 2 days');
  });

  it('shows no buttons where the browser has none (Firefox), and an empty badge when nothing renews soon', async () => {
    await addSub({ links: { cancel: { url: 'https://streamly.example/cancel', source: 'user' } } });
    clock = at('2025-03-12');
    const { handle, created } = setup({ buttons: false });
    await handle.resync();
    expect(created[0]?.options.buttons).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');

    clock = at('2025-03-16');
    await handle.resync();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('in Firefox (the event exists, buttons are rejected) registers no button listener and asks once, without buttons', async () => {
    await addSub({ links: { cancel: { url: 'https://streamly.example/cancel', source: 'page' } } });
    clock = at('2025-03-12');
    const calls: NotificationOptions[] = [];
    const buttonListeners: unknown[] = [];
    const n = fakeBrowser.notifications;
    const firefoxLike: NotificationsApi = {
      async create(id, options) {
        calls.push(options);
        // What Firefox's schema validation answers for `buttons` (marked unsupported in its notifications.json).
        if (options.buttons)
          throw new TypeError(
            'Type error for parameter options (Property "buttons" is unsupported by Firefox) for notifications.create.',
          );
        return n.create(id, options);
      },
      clear: (id) => n.clear(id),
      getAll: () => n.getAll(),
      onClicked: n.onClicked,
      onButtonClicked: { addListener: (f) => void buttonListeners.push(f) },
    };
    const handle = setupReminders({
      db,
      browser: fakeBrowser,
      now,
      notifications: firefoxLike,
      notificationButtons: false,
      languages: () => ['en-GB'],
      onError: (e) => {
        throw e;
      },
    });
    await handle.resync();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.buttons).toBeUndefined();
    expect(buttonListeners).toEqual([]);
    expect(Object.keys(await n.getAll())).toEqual(['renewal:s1:2025-03-15:3']);
  });

  it('speaks the language chosen in the settings', async () => {
    await addSub({});
    await db.settings.put({
      key: 'settings',
      value: { ...(await import('../../../lib/model')).DEFAULT_SETTINGS, language: 'sv' },
    });
    clock = at('2025-03-12');
    const { handle, created } = setup();
    await handle.resync();
    expect(created[0]?.options.title).toBe('Streamly förnyas om 3 dagar');
    expect(created[0]?.options.buttons?.map((b) => b.title)).toEqual(['Påminn om 1 dag']);
  });
});

describe('the reminders list’s side of the background (issue 13 item 6)', () => {
  it('keeps a history of what was shown, with its words', async () => {
    await addSub({});
    clock = at('2025-03-12');
    const { handle } = setup();
    await handle.resync();
    expect(await getState(db, 'reminders.history', [])).toEqual([
      {
        id: 'renewal:s1:2025-03-15:3',
        on: '2025-03-12',
        title: 'Streamly renews in 3 days',
        message: expect.stringContaining('will be charged on 15 Mar 2025'),
        subscriptionId: 's1',
      },
    ]);
  });

  it('a digest opens the list of reminders', async () => {
    for (const id of ['a', 'b', 'c', 'd']) await addSub({ id, service: `Service ${id}`, billingAnchor: '2025-01-15' });
    clock = at('2025-03-12');
    const { handle, created } = setup();
    await handle.resync();
    expect(created).toHaveLength(1);
    const digest = created[0]!.id;
    expect(digest).toMatch(/^digest:/);
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(digest);
    await vi.waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
    expect(opened.mock.calls[0]?.[0]).toEqual({ url: 'chrome-extension://test-extension-id/options.html#/reminders' });
  });

  it('snoozes by days and skips one reminder when the list asks', async () => {
    await addSub({ billingAnchor: '2025-01-20' });
    clock = at('2025-03-12');
    const { handle, created } = setup();
    await handle.snooze('renewal:s1:2025-03-20:3', 7);
    expect(await getState(db, 'reminders.snoozed', {})).toEqual({ 'renewal:s1:2025-03-20:3': { until: '2025-03-19' } });
    await handle.skip('renewal:s1:2025-04-20:3', '2025-04-20');
    expect(Object.keys(await getState<Record<string, unknown>>(db, 'reminders.fired', {}))).toContain(
      'renewal:s1:2025-04-20:3',
    );
    clock = at('2025-04-17');
    await handle.resync();
    expect(created.map((c) => c.id)).not.toContain('renewal:s1:2025-04-20:3');
  });
});
