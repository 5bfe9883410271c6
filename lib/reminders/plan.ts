import { addDays, isoWeekday } from '../dates';
import type { PriceChange, ReminderSettings, RightsCountry, Settings, Subscription } from '../model';
import { cancelByOf, withdrawalOf } from '../rights/deadlines';
import { eventKeyOf, leadIdOf, priceIncreaseId, snoozedId, weeklyDigestId } from './ids';
import { expectedCharges, isTracked, leadDaysFor, nextExpectedCharge } from './renewals';
import type { DigestItem, FiredLog, Reminder, SnoozeLog } from './types';

/** How far ahead the plan looks for due days (the alarm re-plans at least daily anyway). */
export const PLAN_HORIZON_DAYS = 35;
/** A price increase is reminded only when its date is at most this many days back (so old imports stay quiet). */
export const PRICE_INCREASE_LOOKBACK_DAYS = 30;
/** Days before a cancelled subscription's access ends to remind. */
export const ACCESS_ENDS_LEAD_DAYS = 1;
/** Days before the last day of the right of withdrawal to remind (issue 14). */
export const WITHDRAWAL_LEAD_DAYS = 2;

/** A payment the service said failed (a mail), for a subscription the user has. */
export interface PaymentFailure {
  subscriptionId: string;
  /** The day the failure was reported. */
  date: string;
}

/** A failed payment is told when reported at most this many days back (an old mail import stays quiet). */
export const PAYMENT_FAILED_LOOKBACK_DAYS = 14;

export interface PlanInput {
  subscriptions: readonly Subscription[];
  priceChanges?: readonly PriceChange[];
  /** Failed payments the services reported (lib/ingest-mail). */
  paymentFailures?: readonly PaymentFailure[];
  /** The reminder settings (or the whole settings object). */
  settings: ReminderSettings | Settings;
  today: string;
  /** Ids already shown: the fired log, or a plain set of ids. */
  fired?: FiredLog | ReadonlySet<string>;
  /** Snoozed reminder ids and the day each comes back. */
  snoozed?: SnoozeLog;
  /** Due days up to `today + horizonDays` are planned (default {@link PLAN_HORIZON_DAYS}). */
  horizonDays?: number;
  /** Whose consumer rules apply (lib/rights `countryOf`): withdrawal reminders need them. */
  rightsCountry?: RightsCountry;
}

function reminderSettings(s: ReminderSettings | Settings): ReminderSettings {
  return 'reminders' in s ? s.reminders : s;
}

function firedLookup(fired: PlanInput['fired']): (id: string) => boolean {
  if (!fired) return () => false;
  if (fired instanceof Set) return (id) => fired.has(id);
  const log = fired as FiredLog;
  return (id) => Object.hasOwn(log, id);
}

/** A reminder for one lead time of one subscription event. */
function eventReminder(
  kind: 'renewal' | 'trialEnd' | 'introEnd' | 'accessEnds' | 'paymentFailed' | 'withdrawalEnds' | 'cancelBy',
  sub: Subscription,
  eventDate: string,
  leadDays: number,
  extra: Partial<Reminder> = {},
): Reminder {
  const eventKey = eventKeyOf(kind, sub.id, eventDate);
  return {
    id: leadIdOf(eventKey, leadDays),
    kind,
    subscriptionId: sub.id,
    subscriptionIds: [sub.id],
    dueDate: addDays(eventDate, -leadDays),
    eventDate,
    lastDay: eventDate,
    eventKey,
    leadDays,
    ...extra,
  };
}

/** Every reminder one subscription could give from `today` to `end` (before the fired/snooze filters). */
function subscriptionCandidates(
  sub: Subscription,
  rs: ReminderSettings,
  today: string,
  end: string,
  country?: RightsCountry,
): Reminder[] {
  const out: Reminder[] = [...rightsCandidates(sub, rs, today, country)];
  if (sub.status === 'cancelled') {
    if (sub.endsOn !== undefined && sub.endsOn >= today) {
      out.push(eventReminder('accessEnds', sub, sub.endsOn, ACCESS_ENDS_LEAD_DAYS));
    }
    return out;
  }
  if (sub.status !== 'active' && sub.status !== 'trial') return out;

  const lead = leadDaysFor(sub, rs);
  /** Charge days another reminder already covers (no separate renewal reminder for them). */
  const covered = new Set<string>();

  if (sub.status === 'trial' && sub.trialEnd !== undefined && sub.trialEnd >= today && rs.trialDays.length > 0) {
    const firstPaid = nextExpectedCharge(sub, sub.trialEnd);
    if (firstPaid) covered.add(firstPaid.date);
    for (const days of new Set(rs.trialDays)) {
      out.push(
        eventReminder('trialEnd', sub, sub.trialEnd, days, {
          ...(firstPaid ? { amountMinor: firstPaid.amountMinor, currency: firstPaid.currency } : {}),
        }),
      );
    }
  }

  if (rs.introEnd && sub.introEnd !== undefined) {
    const firstFull = nextExpectedCharge(sub, sub.introEnd);
    if (firstFull && firstFull.date >= today) {
      covered.add(firstFull.date);
      out.push(
        eventReminder('introEnd', sub, firstFull.date, lead, {
          amountMinor: firstFull.amountMinor,
          currency: firstFull.currency,
          ...(sub.introAmountMinor !== undefined ? { previousAmountMinor: sub.introAmountMinor } : {}),
        }),
      );
    }
  }

  for (const charge of expectedCharges(sub, today, addDays(end, lead))) {
    if (covered.has(charge.date)) continue;
    out.push(
      eventReminder('renewal', sub, charge.date, lead, { amountMinor: charge.amountMinor, currency: charge.currency }),
    );
  }
  return out;
}

/**
 * Reminders from a subscription's rights (lib/rights): two days before the right of withdrawal ends (unless the user
 * gave it up when the service started), and — when the terms state a notice period, or while bound — the renewal
 * lead time before the last day to give notice.
 */
function rightsCandidates(sub: Subscription, rs: ReminderSettings, today: string, country?: RightsCountry): Reminder[] {
  const out: Reminder[] = [];
  if (sub.status !== 'active' && sub.status !== 'trial') return out;
  const w = withdrawalOf(sub, country, today);
  if (w.state === 'open' && w.info !== 'waived') {
    out.push(eventReminder('withdrawalEnds', sub, w.lastDay, WITHDRAWAL_LEAD_DAYS));
  }
  const by = cancelByOf(sub, today);
  if (by && (by.reason === 'binding' || sub.terms?.notice)) {
    out.push(eventReminder('cancelBy', sub, by.day, leadDaysFor(sub, rs), { eventDate: by.day }));
  }
  return out;
}

function priceIncreaseCandidates(
  changes: readonly PriceChange[],
  subs: ReadonlyMap<string, Subscription>,
  today: string,
): Reminder[] {
  const oldest = addDays(today, -PRICE_INCREASE_LOOKBACK_DAYS);
  const out: Reminder[] = [];
  for (const c of changes) {
    // A price the user typed in themselves needs no reminder.
    if (c.byUser || c.newAmountMinor <= c.oldAmountMinor || c.date < oldest) continue;
    const sub = subs.get(c.subscriptionId);
    if (!sub || sub.status === 'cancelled') continue;
    const id = priceIncreaseId(c.id, c.subscriptionId);
    out.push({
      id,
      kind: 'priceIncrease',
      subscriptionId: c.subscriptionId,
      subscriptionIds: [c.subscriptionId],
      // Shown as soon as it is recorded: due on its date, or today when the increase is announced ahead.
      dueDate: c.date < today ? c.date : today,
      eventDate: c.date,
      lastDay: addDays(c.date > today ? c.date : today, PRICE_INCREASE_LOOKBACK_DAYS),
      eventKey: id,
      leadDays: 0,
      amountMinor: c.newAmountMinor,
      previousAmountMinor: c.oldAmountMinor,
      currency: c.currency,
    });
  }
  return out;
}

function weeklyCandidates(subs: readonly Subscription[], today: string, end: string): Reminder[] {
  const out: Reminder[] = [];
  for (let monday = addDays(today, 1 - isoWeekday(today)); monday <= end; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    const from = monday > today ? monday : today;
    const items: DigestItem[] = [];
    for (const sub of subs) {
      if (sub.status !== 'active' && sub.status !== 'trial') continue;
      for (const c of expectedCharges(sub, from, sunday)) {
        items.push({
          subscriptionId: sub.id,
          service: sub.service,
          date: c.date,
          amountMinor: c.amountMinor,
          currency: c.currency,
        });
      }
    }
    if (items.length === 0) continue;
    items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.service.localeCompare(b.service)));
    const id = weeklyDigestId(monday);
    out.push({
      id,
      kind: 'weeklyDigest',
      subscriptionIds: [...new Set(items.map((i) => i.subscriptionId))],
      dueDate: monday,
      eventDate: monday,
      lastDay: sunday,
      eventKey: id,
      leadDays: 0,
      items,
    });
  }
  return out;
}

/** A failed payment: told once, right away, while recent (it says nothing about the schedule). */
function paymentFailedCandidates(
  failures: readonly PaymentFailure[],
  subs: ReadonlyMap<string, Subscription>,
  today: string,
): Reminder[] {
  const oldest = addDays(today, -PAYMENT_FAILED_LOOKBACK_DAYS);
  const out: Reminder[] = [];
  for (const f of failures) {
    const sub = subs.get(f.subscriptionId);
    if (!sub || sub.status === 'cancelled' || f.date < oldest || f.date > today) continue;
    const r = eventReminder('paymentFailed', sub, f.date, 0, {
      dueDate: f.date,
      lastDay: addDays(f.date, PAYMENT_FAILED_LOOKBACK_DAYS),
      amountMinor: sub.amountMinor,
      currency: sub.currency,
    });
    out.push(r);
  }
  return out;
}

/**
 * Plans the reminders not yet shown whose due day is on or before `today + horizonDays` (overdue ones included
 * while their event has not passed). Pure: the same input gives the same plan.
 *
 * - Renewals of active (and, after the trial, trial) subscriptions, `leadDaysFor` days ahead; dates roll forward
 *   from `billingAnchor`. Paused and cancelled subscriptions get none; cancelled ones get an "access ends"
 *   reminder the day before `endsOn`.
 * - Trials: one reminder per `settings.trialDays` lead before `trialEnd` (the day it becomes paid).
 * - Intro prices: before the first full-price charge (instead of that charge's renewal reminder).
 * - Price increases: once, as soon as recorded (changes dated more than 30 days back are not reminded).
 * - Weekly digest (if enabled): every Monday, the renewals of that week.
 *
 * A reminder is dropped when it was fired, or when a reminder of the same event with a shorter lead was fired
 * (it is superseded). A snoozed reminder comes back as a new copy (`<id>|snooze:<day>`) due on its snooze day.
 * Sorted by due day, then id.
 */
export function planReminders(input: PlanInput): Reminder[] {
  const rs = reminderSettings(input.settings);
  if (!rs.enabled) return [];
  const { today } = input;
  const end = addDays(today, input.horizonDays ?? PLAN_HORIZON_DAYS);
  const isFired = firedLookup(input.fired);
  const snoozed = input.snoozed ?? {};
  // Turned off for a subscription: none of its reminders, nor a line in the weekly summary.
  const tracked = input.subscriptions.filter((s) => isTracked(s) && s.remindersOff !== true);
  const byId = new Map(tracked.map((s) => [s.id, s]));

  const candidates = tracked.flatMap((sub) => subscriptionCandidates(sub, rs, today, end, input.rightsCountry));
  if (rs.priceIncrease) candidates.push(...priceIncreaseCandidates(input.priceChanges ?? [], byId, today));
  if (rs.weeklyDigest) candidates.push(...weeklyCandidates(tracked, today, end));
  candidates.push(...paymentFailedCandidates(input.paymentFailures ?? [], byId, today));

  const plan: Reminder[] = [];
  for (const original of candidates) {
    if (original.lastDay < today) continue;
    const snooze = snoozed[original.id];
    const r: Reminder = snooze
      ? { ...original, id: snoozedId(original.id, snooze.until), dueDate: snooze.until, snoozedFrom: original.id }
      : original;
    if (r.dueDate > end || isFired(r.id)) continue;
    if (!snooze && isSupersededByFired(r, isFired)) continue;
    plan.push(r);
  }
  return plan.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1));
}

/** True when a reminder of the same event with a shorter lead has already been shown. */
function isSupersededByFired(r: Reminder, isFired: (id: string) => boolean): boolean {
  if (r.eventKey === r.id) return false;
  for (let lead = 0; lead < r.leadDays; lead++) if (isFired(leadIdOf(r.eventKey, lead))) return true;
  return false;
}

/** The planned reminders due on or before `today` (overdue ones included). */
export function dueNow(plan: readonly Reminder[], today: string): Reminder[] {
  return plan.filter((r) => r.dueDate <= today);
}

/**
 * The day the one alarm should go off: the earliest due day in the plan, or `today` when something is already
 * due (overdue reminders are shown at once). Undefined when nothing is planned.
 */
export function nextDueDate(plan: readonly Reminder[], today: string): string | undefined {
  let best: string | undefined;
  for (const r of plan) if (best === undefined || r.dueDate < best) best = r.dueDate;
  return best !== undefined && best < today ? today : best;
}
