import { addDays, parseIsoDate, todayFromInstant } from '../../lib/dates';
import {
  getSettings,
  getState,
  getSubscription,
  listPaymentFailures,
  listPriceChanges,
  listSubscriptions,
  type SubkeeperDb,
  setState,
} from '../../lib/db';
import { createRemindersTranslator } from '../../lib/i18n/reminders';
import { LOCALES, resolveLanguage } from '../../lib/i18n/translate';
import { applyDuePriceChanges } from '../../lib/proposal/accept';
import {
  actionOfButton,
  alarmDayOf,
  appendHistory,
  cancelUrlOf,
  type DirectoryCancel,
  markFired,
  type PendingLog,
  type PendingNotification,
  parseReminderId,
  readFiredLog,
  readHistory,
  readPendingLog,
  readSnoozeLog,
  reminderCycle,
  snoozeReminder,
} from '../../lib/reminders';
import { countryOf } from '../../lib/rights/country';

/**
 * The reminder loop of the background: one alarm, notifications, the toolbar badge. All decisions are made by
 * lib/reminders (`reminderCycle`); this file only reads/writes the DB and talks to the browser.
 *
 * Exactly once: a run writes the fired log together with the notifications it is about to show
 * (`reminders.pending`) in one transaction, then shows them, then clears `pending`. If the worker stops in
 * between, the next run shows whatever is still pending unless `notifications.getAll()` says it is already on
 * screen. Runs are serialised, so concurrent triggers (start-up, onStartup, onInstalled, resync) never overlap.
 */

export const ALARM_NAME = 'subkeeper-reminders';
const FIRED_KEY = 'reminders.fired';
const SNOOZED_KEY = 'reminders.snoozed';
const PENDING_KEY = 'reminders.pending';
const HISTORY_KEY = 'reminders.history';
/** How far back price changes are read (the planner ignores older ones). */
const PRICE_CHANGE_DAYS = 40;

interface EventLike<F> {
  addListener(callback: F): void;
}

export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  buttons?: { title: string }[];
}

/** The parts of `browser.notifications` used here (inject a fake in tests, or where it is missing). */
export interface NotificationsApi {
  create(id: string, options: NotificationOptions): Promise<string>;
  clear(id: string): Promise<boolean>;
  getAll(): Promise<Record<string, unknown>>;
  onClicked: EventLike<(id: string) => void>;
  /** Chrome. Firefox defines this event too, but it never fires: Firefox rejects `buttons` in `create`. */
  onButtonClicked?: EventLike<(id: string, buttonIndex: number) => void>;
}

/** The parts of the WXT `browser` object used here. */
export interface RemindersBrowser {
  alarms: {
    create(name: string, info: { when: number }): Promise<void>;
    onAlarm: EventLike<(alarm: { name: string }) => void>;
  };
  notifications?: NotificationsApi;
  runtime: {
    getURL(path: string): string;
    onStartup: EventLike<() => void>;
    onInstalled: EventLike<(details: { reason: string }) => void>;
  };
  action?: {
    setBadgeText(details: { text: string }): Promise<void>;
    setBadgeBackgroundColor?(details: { color: string }): Promise<void>;
  };
  tabs: { create(props: { url: string }): Promise<unknown> };
}

export interface RemindersDeps {
  db: SubkeeperDb;
  browser: RemindersBrowser;
  /** The clock. */
  now: () => Date;
  /** Overrides `browser.notifications` (tests; browsers where it is partial). */
  notifications?: NotificationsApi;
  /**
   * Whether notifications can carry buttons (default: when `onButtonClicked` exists). Pass false for Firefox, which
   * has the event but no buttons: then no button listener is registered and notifications are created without.
   */
  notificationButtons?: boolean;
  /** The browser's preferred languages (default: `navigator.languages`). */
  languages?: () => readonly string[];
  /** Where errors go (default: console.error). */
  onError?: (error: unknown) => void;
  /** The directory's cancel page of a service (notifications offer it when the subscription has no trusted link). */
  directoryCancel?: DirectoryCancel;
}

export interface RemindersHandle {
  /** Re-plans from the DB: shows what is due, re-arms the alarm, updates the badge. Safe to call any time. */
  resync(): Promise<void>;
  /** Puts a reminder (or a snoozed copy) off by `days` from today, then re-plans. */
  snooze(id: string, days: number): Promise<void>;
  /** Settles one reminder without showing it, then re-plans. */
  skip(id: string, eventDate: string): Promise<void>;
}

const BADGE_COLOR = '#1f5f99';

/** Local midnight at the start of `day` (YYYY-MM-DD), as epoch ms: alarms go off in the user's own day. */
export function startOfLocalDay(day: string): number {
  const p = parseIsoDate(day);
  if (!p) throw new RangeError(`not a day: ${day}`);
  return new Date(p.y, p.m - 1, p.d, 0, 0, 0, 0).getTime();
}

/**
 * Wires reminders into the background: registers the listeners (synchronously, as MV3 requires), runs once for
 * the service worker's start, and returns `resync` for the background to call after data changes.
 */
export function setupReminders(deps: RemindersDeps): RemindersHandle {
  const { db, browser, now } = deps;
  const notifications = deps.notifications ?? browser.notifications;
  const canUseButtons =
    deps.notificationButtons !== false && typeof notifications?.onButtonClicked?.addListener === 'function';
  const report = deps.onError ?? ((e: unknown) => console.error('[subkeeper reminders]', e));
  const languages = deps.languages ?? (() => globalThis.navigator?.languages ?? []);
  const iconUrl = () => browser.runtime.getURL('/icon/128.png');
  const today = () => todayFromInstant(now());

  let chain: Promise<void> = Promise.resolve();
  /** Runs `task` after every earlier one (success or not); a failure is reported, never thrown at listeners. */
  function serial(task: () => Promise<void>): Promise<void> {
    const run = chain.then(task).catch(report);
    chain = run;
    return run;
  }

  async function translator() {
    const settings = await getSettings(db);
    const lang = resolveLanguage(settings.language, languages());
    return { settings, lang, t: createRemindersTranslator(lang), locale: LOCALES[lang] };
  }

  async function show(id: string, p: PendingNotification, t: (key: string) => string): Promise<void> {
    if (!notifications) return;
    const options: NotificationOptions = { type: 'basic', iconUrl: iconUrl(), title: p.title, message: p.message };
    const buttons = p.actions.map((a) => ({
      title: t(a === 'snooze' ? 'reminders.buttonSnooze' : 'reminders.buttonCancelPage'),
    }));
    if (canUseButtons && buttons.length > 0) {
      try {
        await notifications.create(id, { ...options, buttons });
        return;
      } catch {
        // Some browsers reject buttons: show it without them.
      }
    }
    await notifications.create(id, options);
  }

  async function run(): Promise<void> {
    const day = today();
    const { settings, lang, t, locale } = await translator();
    const rightsCountry = countryOf(settings.rights, settings.baseCurrency, lang);
    // Prices announced ahead (a price-change mail) take effect on their day.
    await applyDuePriceChanges(db, day, deps.now().toISOString()).catch(report);
    const [subscriptions, priceChanges, firedRaw, snoozedRaw, pendingRaw, historyRaw, failures] = await Promise.all([
      listSubscriptions(db),
      listPriceChanges(db, addDays(day, -PRICE_CHANGE_DAYS)),
      getState<unknown>(db, FIRED_KEY, {}),
      getState<unknown>(db, SNOOZED_KEY, {}),
      getState<unknown>(db, PENDING_KEY, {}),
      getState<unknown>(db, HISTORY_KEY, []),
      listPaymentFailures(db),
    ]);
    const paymentFailures = failures.map((d) => ({
      subscriptionId: d.subscriptionId as string,
      date: d.mail?.sent ?? d.seenAt.slice(0, 10),
    }));

    // Notifications decided by an earlier run that stopped before showing them.
    const leftOver = readPendingLog(pendingRaw, day);
    if (Object.keys(leftOver).length > 0 && notifications) {
      const onScreen = await notifications.getAll().catch(() => ({}));
      for (const [id, p] of Object.entries(leftOver)) {
        if (id in onScreen) continue;
        await show(id, p, t).catch(report);
      }
    }

    const result = reminderCycle({
      subscriptions,
      priceChanges,
      paymentFailures,
      settings,
      today: day,
      fired: readFiredLog(firedRaw),
      snoozed: readSnoozeLog(snoozedRaw),
      t,
      locale,
      ...(deps.directoryCancel ? { directoryCancel: deps.directoryCancel } : {}),
      ...(rightsCountry ? { rightsCountry } : {}),
    });

    // 1. Record before showing (one transaction), 2. show, 3. clear pending.
    await db.transaction('rw', db.state, async () => {
      await setState(db, FIRED_KEY, result.fired);
      await setState(db, SNOOZED_KEY, result.snoozed);
      await setState(db, PENDING_KEY, result.show);
      // What the reminders view lists as shown.
      if (Object.keys(result.show).length > 0) {
        await setState(db, HISTORY_KEY, appendHistory(readHistory(historyRaw), result.show, day));
      }
    });
    for (const [id, p] of Object.entries(result.show)) {
      try {
        await show(id, p, t);
      } catch (e) {
        report(e);
      }
    }
    await setState(db, PENDING_KEY, {} satisfies PendingLog);

    const alarmDay = alarmDayOf(result.nextDue, day);
    const when = alarmDay <= day ? now().getTime() + 1000 : startOfLocalDay(alarmDay);
    await browser.alarms.create(ALARM_NAME, { when });
    await setBadge(result.badge);
  }

  async function setBadge(count: number): Promise<void> {
    if (!browser.action) return;
    await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
    if (count > 0) await browser.action.setBadgeBackgroundColor?.({ color: BADGE_COLOR });
  }

  function openOptions(hash: string): Promise<unknown> {
    return browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#${hash}` });
  }

  async function onClicked(id: string): Promise<void> {
    const parsed = parseReminderId(id);
    if (!parsed) return; // not ours
    await notifications?.clear(id);
    const subId = parsed.subscriptionId;
    // A reminder about one subscription opens it; a digest or the weekly summary opens the list of reminders.
    await openOptions(subId !== undefined ? `/subscription/${encodeURIComponent(subId)}` : '/reminders');
  }

  async function onButton(id: string, index: number): Promise<void> {
    const parsed = parseReminderId(id);
    if (!parsed) return;
    const action = actionOfButton(index);
    await notifications?.clear(id);
    if (action === 'snooze') {
      await serial(async () => {
        const snoozed = readSnoozeLog(await getState<unknown>(db, SNOOZED_KEY, {}));
        await setState(db, SNOOZED_KEY, snoozeReminder(snoozed, id, today()));
      });
      await resync();
    } else if (action === 'cancelPage' && parsed.subscriptionId !== undefined) {
      // Only a link the user entered or accepted, or the directory's: never one a page planted.
      const url = cancelUrlOf(await getSubscription(db, parsed.subscriptionId), deps.directoryCancel);
      if (url) await browser.tabs.create({ url });
    }
  }

  function resync(): Promise<void> {
    return serial(run);
  }

  async function snooze(id: string, days: number): Promise<void> {
    await serial(async () => {
      const snoozed = readSnoozeLog(await getState<unknown>(db, SNOOZED_KEY, {}));
      await setState(db, SNOOZED_KEY, snoozeReminder(snoozed, id, today(), days));
    });
    await resync();
  }

  async function skip(id: string, eventDate: string): Promise<void> {
    await serial(async () => {
      const fired = readFiredLog(await getState<unknown>(db, FIRED_KEY, {}));
      await setState(db, FIRED_KEY, markFired(fired, [{ id, eventDate }], today()));
    });
    await resync();
  }

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_NAME) void resync();
  });
  browser.runtime.onStartup.addListener(() => void resync());
  browser.runtime.onInstalled.addListener(() => void resync());
  notifications?.onClicked.addListener((id) => void onClicked(id).catch(report));
  if (canUseButtons) {
    notifications?.onButtonClicked?.addListener((id, index) => void onButton(id, index).catch(report));
  }
  void resync();
  return { resync, snooze, skip };
}
