import { addDays, addMonthsClamped, daysInMonth, diffDays, parseIsoDate, toIsoDate } from '../dates';
import type { NoticePeriod, RightsCountry, Subscription, Terms } from '../model';
import { parsePeriod, perYearMinor, previousOccurrence, scheduleDays } from '../schedule';
import { counts, nextRenewal } from '../summary';
import { type RuleOf, ruleFor } from './rules';

/**
 * The deadlines a subscription's terms and the consumer rules (./rules) give, as of a day passed in: the withdrawal
 * period, the binding period, the last day to cancel before the next period, the Danish cap on binding, the Norwegian
 * electricity binding rule and the Swedish reminder before an automatic renewal. Pure; dates are `YYYY-MM-DD`. A
 * deadline is always the safe one (the earliest day that certainly counts).
 */

function endOfMonth(date: string): string {
  const p = parseIsoDate(date)!;
  return toIsoDate(p.y, p.m, daysInMonth(p.y, p.m));
}

/** The day a contract was concluded: as the terms state it, else the day a detected subscription started. */
export function contractDateOf(sub: Pick<Subscription, 'terms' | 'startDate' | 'source'>): string | undefined {
  return sub.terms?.contractDate ?? (sub.source === 'detected' ? sub.startDate : undefined);
}

// ---- the right of withdrawal ----------------------------------------------------------------------------------

export type Withdrawal =
  | { state: 'none'; reason: 'no-country' | 'no-rule' | 'no-date' | 'cancelled' }
  | {
      /** `open`: the period runs; `extended`: past the 14 days, but the page gave no withdrawal information. */
      state: 'open' | 'extended' | 'closed';
      contractDate: string;
      /** The last day of the normal period (the day of conclusion not counted). */
      lastDay: string;
      /** The last day when the page gave no withdrawal information (up to 12 months more). */
      extendedLastDay: string;
      /** Days from today to the last day that applies now (`lastDay`, or `extendedLastDay` when extended). */
      daysLeft: number;
      /** What the sign-up page said: stated, waived (lost once the service started), none, or unknown. */
      info: Terms['withdrawal'];
      /** The site's own withdrawal function, when one was seen. */
      url?: string;
      /**
       * None was seen, but the trader had to offer one: a contract concluded on or after the day the rule applies
       * from (Directive (EU) 2023/2673 art. 11a, from 19 June 2026), where it holds.
       */
      functionDue?: RuleOf<'withdrawalFunction'>;
      rule: RuleOf<'withdrawal'>;
    };

/**
 * The withdrawal period of a subscription: 14 days from the day the contract was concluded (services and digital
 * content), the day itself not counted; when the sign-up page said nothing about the right, it may run up to 12
 * months more (Directive 2011/83/EU art. 10 and the Nordic acts). Only where a rule holds for the user's country and
 * the subscription's category.
 */
export function withdrawalOf(sub: Subscription, country: RightsCountry | undefined, today: string): Withdrawal {
  if (!country) return { state: 'none', reason: 'no-country' };
  if (sub.status === 'cancelled') return { state: 'none', reason: 'cancelled' };
  const rule = ruleFor(country, sub.category, 'withdrawal');
  if (!rule) return { state: 'none', reason: 'no-rule' };
  const contractDate = contractDateOf(sub);
  if (!contractDate) return { state: 'none', reason: 'no-date' };
  const lastDay = addDays(contractDate, rule.params.days);
  const extendedLastDay = addMonthsClamped(lastDay, rule.params.extendMonths);
  const info = sub.terms?.withdrawal;
  const state = today <= lastDay ? 'open' : info === 'none' && today <= extendedLastDay ? 'extended' : 'closed';
  const fn = sub.terms?.withdrawalUrl ? undefined : ruleFor(country, sub.category, 'withdrawalFunction');
  const functionDue = fn && contractDate >= fn.params.from ? fn : undefined;
  return {
    state,
    contractDate,
    lastDay,
    extendedLastDay,
    daysLeft: diffDays(today, state === 'extended' ? extendedLastDay : lastDay),
    info,
    ...(sub.terms?.withdrawalUrl ? { url: sub.terms.withdrawalUrl } : {}),
    ...(functionDue ? { functionDue } : {}),
    rule,
  };
}

// ---- binding and notice ----------------------------------------------------------------------------------------

/** The last day of the binding period: the contract date plus the binding months (undefined when not bound). */
export function boundUntilOf(sub: Subscription): string | undefined {
  const months = sub.terms?.bindingMonths;
  const start = contractDateOf(sub) ?? sub.startDate;
  if (!months || !start) return undefined;
  return addMonthsClamped(start, months);
}

/**
 * The last day to give notice so that the contract has ended before `end` (the next renewal, or the end of the
 * binding period): with `n` months' notice, the day before `end` minus `n` months; with `n` days or weeks, that many
 * days before the day before `end`; with "the current month + n months", the last day of the month whose end plus
 * `n` months still falls before `end`; without a notice period, the day before `end`.
 */
export function lastNoticeDay(end: string, notice: NoticePeriod | undefined): string {
  const last = addDays(end, -1);
  if (!notice) return last;
  if (notice.unit === 'D') return addDays(last, -notice.n);
  if (notice.unit === 'W') return addDays(last, -7 * notice.n);
  if (!notice.currentMonth) return addMonthsClamped(last, -notice.n, undefined);
  // Notice in month M ends the contract at the end of month M + n, which must be on or before `last`.
  const monthEnd = endOfMonth(last) === last ? last : addDays(`${last.slice(0, 8)}01`, -1);
  return endOfMonth(addMonthsClamped(`${monthEnd.slice(0, 8)}01`, -notice.n));
}

export interface CancelBy {
  /** Give notice on or before this day … */
  day: string;
  /** … so that the contract ends before this day (the next renewal, or the end of the binding period). */
  end: string;
  /** `binding`: the end of the binding period; `renewal`: the next renewal. */
  reason: 'binding' | 'renewal';
  /** Days from today to `day` (negative when passed). */
  daysLeft: number;
}

/**
 * "Cancel by DATE to avoid the next period": for an active (or trial) subscription whose terms state a notice or a
 * binding period, the last day to give notice before the end of the binding period (while bound) or the next renewal.
 * Undefined when the terms state neither, when it does not renew by itself, or when there is no coming renewal.
 */
export function cancelByOf(sub: Subscription, today: string): CancelBy | undefined {
  if (sub.status !== 'active' && sub.status !== 'trial') return undefined;
  const t = sub.terms;
  if (!t || t.autoRenew === false || (t.notice === undefined && !t.bindingMonths)) return undefined;
  if (!counts(sub, today)) return undefined;
  const bound = boundUntilOf(sub);
  const ends: Array<{ end: string; reason: CancelBy['reason'] }> = [];
  if (bound && bound > today) ends.push({ end: bound, reason: 'binding' });
  // While bound, only renewals after the binding period can be avoided.
  const from = bound && bound > today ? addDays(bound, 1) : today;
  const paused = sub.pausedUntil && sub.pausedUntil > from ? sub.pausedUntil : from;
  try {
    for (const end of scheduleDays(sub.billingAnchor, sub.period, paused, addDays(paused, 3 * 366), 40)) {
      if (sub.endsOn && end > sub.endsOn) break;
      ends.push({ end, reason: 'renewal' });
    }
  } catch {
    // no schedule: only the binding end, if any
  }
  for (const { end, reason } of ends) {
    const day = lastNoticeDay(end, t.notice);
    if (day >= today) return { day, end, reason, daysLeft: diffDays(today, day) };
  }
  return undefined;
}

// ---- caps on binding -------------------------------------------------------------------------------------------

export interface DanishCap {
  /** From this day notice may be given whatever the terms say (5 months after the contract). */
  noticeFrom: string;
  /** Notice given on `noticeFrom` ends the agreement on this day (the end of the month after one month's notice). */
  endsOn: string;
  /** Notice given today would end the agreement on this day (undefined before `noticeFrom`). */
  endsIfToday?: string;
  /** The end of the binding period the terms state, when later than the law allows. */
  termsBoundUntil?: string;
  rule: RuleOf<'maxBinding'>;
}

/** The end of the month in which `notice + n months` falls: Danish "n måneds varsel til udgangen af en måned". */
export function danishEnd(notice: string, months: number): string {
  return endOfMonth(addMonthsClamped(notice, months));
}

/**
 * Denmark's cap on binding (forbrugeraftaleloven § 28): a continuous agreement can be terminated with one month's
 * notice to the end of a month once five months have passed since it was concluded, whatever its terms say. Only for
 * a Danish user, in the categories the rule covers (./rules/dk.json), below its price limit (20,000 kr a year), and
 * when the terms bind the subscription (a binding period was read or entered).
 */
export function danishCapOf(
  sub: Subscription,
  country: RightsCountry | undefined,
  today: string,
): DanishCap | undefined {
  const rule = ruleFor(country, sub.category, 'maxBinding');
  if (!rule || !('noticeAfterMonths' in rule.params)) return undefined;
  const p = rule.params;
  if (sub.status === 'cancelled' || !sub.terms?.bindingMonths) return undefined;
  if (sub.currency === 'DKK' && perYearMinor(sub.amountMinor, sub.period) > p.maxYearlyDkk * 100) return undefined;
  const start = contractDateOf(sub) ?? sub.startDate;
  if (!start) return undefined;
  const noticeFrom = addMonthsClamped(start, p.noticeAfterMonths);
  const endsOn = danishEnd(noticeFrom, p.noticeMonths);
  const bound = boundUntilOf(sub);
  return {
    noticeFrom,
    endsOn,
    ...(today >= noticeFrom ? { endsIfToday: danishEnd(today, p.noticeMonths) } : {}),
    ...(bound && bound > endsOn ? { termsBoundUntil: bound } : {}),
    rule,
  };
}

export interface LongBinding {
  months: number;
  maxMonths: number;
  rule: RuleOf<'maxBinding'>;
}

/** A binding period longer than a rule allows except for fixed-price contracts (Norwegian electricity: 12 months). */
export function longBindingOf(sub: Subscription, country: RightsCountry | undefined): LongBinding | undefined {
  const rule = ruleFor(country, sub.category, 'maxBinding');
  if (!rule || !('maxMonths' in rule.params)) return undefined;
  const months = sub.terms?.bindingMonths;
  if (!months || months <= rule.params.maxMonths) return undefined;
  return { months, maxMonths: rule.params.maxMonths, rule };
}

// ---- the Swedish reminder before an automatic renewal ----------------------------------------------------------

/** How many months one billing period binds (0 for weeks and days: never more than three months). */
function periodMonths(period: string): number {
  const p = parsePeriod(period);
  if (!p) return 0;
  return p.unit === 'Y' ? p.n * 12 : p.unit === 'M' ? p.n : 0;
}

/** How long after a renewal Subkeeper still asks whether its reminder came (the first months of the new term). */
export const ASK_AFTER_RENEWAL_DAYS = 90;

export interface RenewalReminder {
  /** The renewal the reminder is about. */
  renewal: string;
  /** The last day to terminate before it (the renewal minus the notice period, else the day before). */
  lastCancelDay: string;
  /** The written reminder was due by this day (one month before the last day to terminate). */
  dueBy: string;
  /**
   * `upcoming`: not due yet; `due`: it should have come by now; `late`: the last day to terminate has passed —
   * if no reminder came, the renewal does not bind; `missed`: the user said it did not come (they may terminate
   * with immediate effect); `received`: the user said it came.
   */
  state: 'upcoming' | 'due' | 'late' | 'missed' | 'received';
  rule: RuleOf<'renewalReminder'>;
}

/**
 * Sweden's lag (2014:1449): a fixed-term contract that renews itself needs a written reminder at least one month
 * before the last day to terminate it; without one, the consumer may terminate it with immediate effect (to the end
 * of the term, when the term has not run out). It does not hold when, after the renewal, the contract can be ended
 * within three months — so only billing periods longer than three months count (yearly and half-yearly plans). Looks
 * at the coming renewal, and at the last one while the user's answer says the reminder did not come.
 */
export function renewalReminderOf(
  sub: Subscription,
  country: RightsCountry | undefined,
  today: string,
): RenewalReminder | undefined {
  const rule = ruleFor(country, sub.category, 'renewalReminder');
  if (!rule || sub.status === 'cancelled' || sub.status === 'paused') return undefined;
  if (sub.terms?.autoRenew === false) return undefined;
  if (periodMonths(sub.period) <= rule.params.exemptIfEndsWithinMonths) return undefined;
  const answers = sub.terms?.renewalReminders ?? [];
  const about = (renewal: string): RenewalReminder => {
    const lastCancelDay = lastNoticeDay(renewal, sub.terms?.notice);
    const dueBy = addMonthsClamped(lastCancelDay, -rule.params.reminderMonths);
    const answer = answers.find((a) => a.renewal === renewal);
    const state: RenewalReminder['state'] = answer
      ? answer.received
        ? 'received'
        : 'missed'
      : today < dueBy
        ? 'upcoming'
        : today <= lastCancelDay
          ? 'due'
          : 'late';
    return { renewal, lastCancelDay, dueBy, state, rule };
  };
  // The last renewal, when the user said its reminder never came: that renewal does not bind them.
  const missed = answers
    .filter((a) => !a.received && a.renewal <= today)
    .sort((a, b) => (a.renewal < b.renewal ? 1 : -1));
  if (missed[0] && diffDays(missed[0].renewal, today) <= 366) return about(missed[0].renewal);
  // A renewal that just happened and nobody said whether its reminder came: ask, for a while into the new term.
  const start = contractDateOf(sub) ?? sub.startDate;
  try {
    const last = previousOccurrence(sub.billingAnchor, sub.period, addDays(today, 1));
    const answered = answers.some((a) => a.renewal === last);
    if (
      !answered &&
      last >= rule.params.inForceFrom &&
      (!start || last > start) &&
      diffDays(last, today) <= ASK_AFTER_RENEWAL_DAYS &&
      (sub.status === 'active' || sub.status === 'trial')
    ) {
      return about(last);
    }
  } catch {
    // no schedule: only the next renewal
  }
  // The coming renewal; the day the contract began is its first billing day, not a renewal.
  let next = nextRenewal(sub, today);
  if (next && start && next <= start) next = nextRenewal(sub, addDays(start, 1));
  if (!next || next < rule.params.inForceFrom) return undefined;
  return about(next);
}
