import { diffDays, formatDate } from '../dates';
import type { Translate } from '../i18n';
import type { Subscription } from '../model';
import { formatMoney } from '../money';
import type { Delivery, Reminder } from './types';

/** A notification's words. */
export interface NotificationText {
  title: string;
  message: string;
}

/** Lines a digest lists before "and N more". */
export const DIGEST_MAX_LINES = 4;

type Ctx = { t: Translate; locale: string; today: string };

function money(amountMinor: number | undefined, currency: string | undefined, locale: string): string {
  return amountMinor === undefined || currency === undefined ? '' : formatMoney({ amountMinor, currency }, locale);
}

/** "today", "tomorrow", "in 3 days", or "on 12 Mar 2025" for a day in the past. */
export function relativeDay(date: string, { t, locale, today }: Ctx): string {
  const days = diffDays(today, date);
  if (days === 0) return t('reminders.whenToday');
  if (days === 1) return t('reminders.whenTomorrow');
  if (days > 1) return t('reminders.whenInDays', { days });
  return t('reminders.whenOn', { date: formatDate(date, locale, 'medium') });
}

function percentUp(before: number, after: number, locale: string): string {
  if (before <= 0) return '';
  const ratio = (after - before) / before;
  try {
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
  } catch {
    return `${Math.round(ratio * 1000) / 10} %`;
  }
}

function serviceName(r: Reminder, sub: Subscription | undefined, t: Translate): string {
  return sub?.service ?? r.items?.[0]?.service ?? t('reminders.unknownService');
}

function singleText(r: Reminder, sub: Subscription | undefined, ctx: Ctx): NotificationText {
  const { t, locale } = ctx;
  const service = serviceName(r, sub, t);
  const when = relativeDay(r.eventDate, ctx);
  const date = formatDate(r.eventDate, locale, 'medium');
  const amount = money(r.amountMinor, r.currency, locale);
  const previous = money(r.previousAmountMinor, r.currency, locale);
  const p = { service, when, date, amount, previous };
  switch (r.kind) {
    case 'renewal':
      return { title: t('reminders.renewalTitle', p), message: t('reminders.renewalMessage', p) };
    case 'trialEnd':
      return {
        title: t('reminders.trialTitle', p),
        message: t(amount ? 'reminders.trialMessage' : 'reminders.trialMessageNoAmount', p),
      };
    case 'introEnd':
      return {
        title: t('reminders.introTitle', p),
        message: t(previous ? 'reminders.introMessage' : 'reminders.introMessageNoPrevious', p),
      };
    case 'priceIncrease': {
      const percent = percentUp(r.previousAmountMinor ?? 0, r.amountMinor ?? 0, locale);
      const key = r.eventDate > ctx.today ? 'reminders.priceMessageFuture' : 'reminders.priceMessagePast';
      return { title: t('reminders.priceTitle', p), message: t(key, { ...p, percent }) };
    }
    case 'accessEnds':
      return { title: t('reminders.endsTitle', p), message: t('reminders.endsMessage', p) };
    case 'withdrawalEnds':
      return { title: t('reminders.withdrawalTitle', p), message: t('reminders.withdrawalMessage', p) };
    case 'cancelBy':
      return { title: t('reminders.cancelByTitle', p), message: t('reminders.cancelByMessage', p) };
    case 'paymentFailed':
      return { title: t('reminders.paymentFailedTitle', p), message: t('reminders.paymentFailedMessage', p) };
    case 'weeklyDigest': {
      const items = r.items ?? [];
      const lines = items.map((i) =>
        t('reminders.weeklyLine', {
          service: i.service,
          amount: money(i.amountMinor, i.currency, locale),
          date: formatDate(i.date, locale, 'medium'),
        }),
      );
      return { title: t('reminders.weeklyTitle', { count: items.length }), message: limitLines(lines, t) };
    }
  }
}

function limitLines(lines: string[], t: Translate): string {
  if (lines.length <= DIGEST_MAX_LINES) return lines.join('\n');
  const shown = lines.slice(0, DIGEST_MAX_LINES - 1);
  shown.push(t('reminders.digestMore', { count: lines.length - shown.length }));
  return shown.join('\n');
}

/**
 * The title and message of one reminder in the user's language: what, how much, and when. `today` (default:
 * the reminder's due day) makes "in 3 days" right even when an overdue reminder is shown late.
 */
export function notificationText(
  reminder: Reminder,
  sub: Subscription | undefined,
  t: Translate,
  locale: string,
  today: string = reminder.dueDate,
): NotificationText {
  return singleText(reminder, sub, { t, locale, today });
}

/** One short line for a reminder inside a digest. */
function digestLine(r: Reminder, sub: Subscription | undefined, ctx: Ctx): string {
  const { t, locale } = ctx;
  const p = {
    service: serviceName(r, sub, t),
    when: relativeDay(r.eventDate, ctx),
    amount: money(r.amountMinor, r.currency, locale),
    count: r.items?.length ?? 0,
  };
  const key = {
    renewal: 'reminders.lineRenewal',
    trialEnd: 'reminders.lineTrial',
    introEnd: 'reminders.lineIntro',
    priceIncrease: 'reminders.linePrice',
    accessEnds: 'reminders.lineEnds',
    weeklyDigest: 'reminders.lineWeekly',
    withdrawalEnds: 'reminders.lineWithdrawal',
    cancelBy: 'reminders.lineCancelBy',
    paymentFailed: 'reminders.linePaymentFailed',
  }[r.kind];
  return t(key, p);
}

/** The text of one digest notification that stands for several reminders. */
export function digestText(
  reminders: readonly Reminder[],
  subs: ReadonlyMap<string, Subscription>,
  t: Translate,
  locale: string,
  today: string,
): NotificationText {
  const ctx = { t, locale, today };
  const lines = reminders.map((r) =>
    digestLine(r, r.subscriptionId !== undefined ? subs.get(r.subscriptionId) : undefined, ctx),
  );
  return { title: t('reminders.digestTitle', { count: reminders.length }), message: limitLines(lines, t) };
}

/** The text of a delivery: one reminder's text, or the digest's. */
export function deliveryText(
  delivery: Delivery,
  subs: ReadonlyMap<string, Subscription>,
  t: Translate,
  locale: string,
  today: string,
): NotificationText {
  const first = delivery.reminders[0];
  if (delivery.kind === 'single' && first) {
    return notificationText(
      first,
      first.subscriptionId !== undefined ? subs.get(first.subscriptionId) : undefined,
      t,
      locale,
      today,
    );
  }
  return digestText(delivery.reminders, subs, t, locale, today);
}
