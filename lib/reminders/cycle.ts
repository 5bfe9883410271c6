import { addDays } from '../dates';
import type { Translate } from '../i18n';
import type { PriceChange, ReminderSettings, RightsCountry, Settings, Subscription } from '../model';
import { type DirectoryCancel, deliveryActions, planDeliveries } from './deliver';
import { markFired, pruneFired, pruneSnoozed } from './log';
import { dueNow, nextDueDate, type PaymentFailure, planReminders } from './plan';
import { badgeCount } from './renewals';
import { deliveryText } from './text';
import type { FiredLog, ReminderAction, SnoozeLog } from './types';

/**
 * One run of the background's reminder loop, as a pure state transition: which notifications to show now, the
 * fired and snooze logs after showing them, the day for the alarm, and the badge number.
 *
 * Exactly-once protocol (the background follows it): (1) write the new fired log AND the notifications to show
 * (`reminders.pending`) in one DB transaction; (2) create the notifications; (3) remove them from `pending`.
 * On the next run, anything still in `pending` (the worker stopped between 1 and 3) is shown again only if it is
 * not already on screen (`notifications.getAll`). A reminder is in the fired log before it is shown, so no later
 * plan can bring it back; `pending` makes sure a stop between writing and showing does not lose it.
 */

/** A notification that was decided on and must be shown (kept until it has been). */
export interface PendingNotification {
  title: string;
  message: string;
  actions: ReminderAction[];
  /** The subscription a click opens (absent for digests). */
  subscriptionId?: string;
  /** The day it was decided (pending entries older than a day are dropped unshown). */
  on: string;
}

export type PendingLog = Record<string, PendingNotification>;

/** Pending notifications older than this many days are given up. */
export const PENDING_MAX_AGE_DAYS = 1;

export interface CycleInput {
  subscriptions: readonly Subscription[];
  priceChanges: readonly PriceChange[];
  /** Failed payments services reported (mails), for the reminders. */
  paymentFailures?: readonly PaymentFailure[];
  settings: ReminderSettings | Settings;
  today: string;
  fired: FiredLog;
  snoozed: SnoozeLog;
  t: Translate;
  locale: string;
  /** The directory's cancel page of a service, for subscriptions without a trusted cancel link of their own. */
  directoryCancel?: DirectoryCancel;
  /** Whose consumer rules apply (lib/rights `countryOf`), for withdrawal reminders. */
  rightsCountry?: RightsCountry;
}

export interface CycleResult {
  /** Notification id → what to show. */
  show: PendingLog;
  /** The fired log with everything shown now, pruned. */
  fired: FiredLog;
  snoozed: SnoozeLog;
  /** The day the alarm should go off next (after today's reminders are shown); undefined when none planned. */
  nextDue?: string;
  /** The toolbar badge number. */
  badge: number;
}

/** Plans, groups and words the reminders due on `today`, and returns the state after showing them. */
export function reminderCycle(input: CycleInput): CycleResult {
  const { today, t, locale } = input;
  const base = {
    subscriptions: input.subscriptions,
    priceChanges: input.priceChanges,
    paymentFailures: input.paymentFailures ?? [],
    settings: input.settings,
    today,
    snoozed: input.snoozed,
    ...(input.rightsCountry ? { rightsCountry: input.rightsCountry } : {}),
  };
  const plan = planReminders({ ...base, fired: input.fired });
  const due = dueNow(plan, today);
  const deliveries = planDeliveries(due, today);
  const subs = new Map(input.subscriptions.map((s) => [s.id, s]));
  const byId = new Map(due.map((r) => [r.id, r]));

  const show: PendingLog = {};
  let fired = input.fired;
  for (const d of deliveries) {
    const first = d.reminders[0];
    const sub = d.kind === 'single' && first?.subscriptionId !== undefined ? subs.get(first.subscriptionId) : undefined;
    show[d.notificationId] = {
      ...deliveryText(d, subs, t, locale, today),
      actions: deliveryActions(d, sub, input.directoryCancel),
      ...(sub ? { subscriptionId: sub.id } : {}),
      on: today,
    };
    fired = markFired(
      fired,
      d.covers.flatMap((id) => byId.get(id) ?? []),
      today,
    );
  }
  fired = pruneFired(fired, today);
  const snoozed = pruneSnoozed(input.snoozed, fired, today);
  const after = planReminders({ ...base, snoozed, fired });
  const next = nextDueDate(after, today);
  return {
    show,
    fired,
    snoozed,
    ...(next !== undefined ? { nextDue: next } : {}),
    badge: badgeCount(input.subscriptions, today),
  };
}

/** Reads a stored pending log defensively, dropping entries older than {@link PENDING_MAX_AGE_DAYS}. */
export function readPendingLog(value: unknown, today: string): PendingLog {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const oldest = addDays(today, -PENDING_MAX_AGE_DAYS);
  const out: PendingLog = {};
  for (const [id, e] of Object.entries(value as Record<string, unknown>)) {
    if (!e || typeof e !== 'object') continue;
    const p = e as Record<string, unknown>;
    if (typeof p.title !== 'string' || typeof p.message !== 'string' || typeof p.on !== 'string') continue;
    if (p.on < oldest) continue;
    const actions = Array.isArray(p.actions)
      ? p.actions.filter((a): a is ReminderAction => a === 'snooze' || a === 'cancelPage')
      : [];
    out[id] = {
      title: p.title,
      message: p.message,
      actions,
      on: p.on,
      ...(typeof p.subscriptionId === 'string' ? { subscriptionId: p.subscriptionId } : {}),
    };
  }
  return out;
}

/**
 * The day the one alarm should go off: the next due day, but no later than tomorrow (the badge counts days, so
 * it is refreshed at least daily). A day on or before `today` means "now".
 */
export function alarmDayOf(nextDue: string | undefined, today: string): string {
  const tomorrow = addDays(today, 1);
  return nextDue === undefined || nextDue > tomorrow ? tomorrow : nextDue;
}
