import type { Translate } from '../i18n';
import type { PriceChange, ReminderSettings, Settings, Subscription } from '../model';
import { planReminders } from './plan';
import { notificationText } from './text';
import type { FiredLog, Reminder, SnoozeLog } from './types';

/** How far ahead the reminders view lists what will be shown. */
export const COMING_DAYS = 30;

/** One coming reminder as the reminders view lists it: when it is due, and its words as they will be shown. */
export interface ComingReminder {
  reminder: Reminder;
  /** The subscription it is about (absent for the weekly summary). */
  subscription?: Subscription;
  title: string;
  message: string;
  /** It comes back from a snooze. */
  snoozed: boolean;
}

export interface ComingInput {
  subscriptions: readonly Subscription[];
  priceChanges: readonly PriceChange[];
  settings: ReminderSettings | Settings;
  today: string;
  fired: FiredLog;
  snoozed: SnoozeLog;
  t: Translate;
  locale: string;
  horizonDays?: number;
}

/**
 * What will be shown, and when, over the next `horizonDays` (30) days: the planner's own plan (so the list and the
 * notifications cannot disagree), each worded as its notification will be on its due day. Due first.
 */
export function comingReminders(input: ComingInput): ComingReminder[] {
  const plan = planReminders({
    subscriptions: input.subscriptions,
    priceChanges: input.priceChanges,
    settings: input.settings,
    today: input.today,
    fired: input.fired,
    snoozed: input.snoozed,
    horizonDays: input.horizonDays ?? COMING_DAYS,
  });
  const subs = new Map(input.subscriptions.map((s) => [s.id, s]));
  return plan.map((r) => {
    const sub = r.subscriptionId !== undefined ? subs.get(r.subscriptionId) : undefined;
    const due = r.dueDate < input.today ? input.today : r.dueDate;
    const text = notificationText(r, sub, input.t, input.locale, due);
    return { reminder: r, ...(sub ? { subscription: sub } : {}), ...text, snoozed: r.snoozedFrom !== undefined };
  });
}
