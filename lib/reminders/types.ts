/** Types shared by the reminder planner, the fired/snooze logs and the notification text. */

/** What a reminder is about. */
export type ReminderKind =
  | 'renewal'
  | 'trialEnd'
  | 'introEnd'
  | 'priceIncrease'
  | 'accessEnds'
  | 'weeklyDigest'
  /** The right of withdrawal ends (lib/rights, issue 14): two days before its last day. */
  | 'withdrawalEnds'
  /** The last day to give notice before the next period (or the end of the binding period) under the terms. */
  | 'cancelBy'
  | 'paymentFailed';

/** One renewal inside a weekly digest. */
export interface DigestItem {
  subscriptionId: string;
  service: string;
  date: string;
  amountMinor: number;
  currency: string;
}

/**
 * A reminder the planner decided on. `id` is stable: the same subscription, event and lead time always give the
 * same id, so the fired log can tell whether it was already shown.
 */
export interface Reminder {
  id: string;
  kind: ReminderKind;
  /** The subscription it is about (absent for the weekly digest). */
  subscriptionId?: string;
  /** Every subscription it mentions (one, or several for the weekly digest). */
  subscriptionIds: string[];
  /** The day it should be shown (`YYYY-MM-DD`). */
  dueDate: string;
  /** The day of the event: the renewal, the trial's end, the price change, the access end, the digest's Monday. */
  eventDate: string;
  /** After this day it is no longer worth showing (an overdue reminder for a past event is dropped). */
  lastDay: string;
  /**
   * Reminders of one event (same kind, subscription and event day) share this key; they differ only in lead
   * time. When one of them has been shown, the ones with a longer lead are superseded.
   */
  eventKey: string;
  /** Days between the planned due day and the event (the lead time this reminder stands for). */
  leadDays: number;
  /** The expected charge (renewal, trial end, intro end) or the new price (price increase). */
  amountMinor?: number;
  currency?: string;
  /** The price before: the old price of a price increase, the intro price of an intro end. */
  previousAmountMinor?: number;
  /** Renewals listed by a weekly digest. */
  items?: DigestItem[];
  /** For a snoozed copy: the id of the reminder that was snoozed. */
  snoozedFrom?: string;
}

/** When a fired reminder was shown, and the day of its event (entries are pruned by both). */
export interface FiredEntry {
  on: string;
  eventDate: string;
}

/** Reminder id → when it was shown. Stored in the state table as `reminders.fired`. */
export type FiredLog = Record<string, FiredEntry>;

/** Snoozed reminder id (the original) → the day it should come back. Stored as `reminders.snoozed`. */
export type SnoozeLog = Record<string, { until: string }>;

/** What a notification offers besides a click. */
export type ReminderAction = 'snooze' | 'cancelPage';

/** One notification to show: a single reminder, or one digest of several. */
export interface Delivery {
  /** The notification id (the reminder id for a single reminder). */
  notificationId: string;
  kind: 'single' | 'digest';
  /** The reminders the notification shows. */
  reminders: Reminder[];
  /** Every reminder id this notification settles (shown ones plus superseded ones): all go into the fired log. */
  covers: string[];
}
