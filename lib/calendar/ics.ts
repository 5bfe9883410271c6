import { addDays } from '../dates';
import { createTranslator, LOCALES, type Translate } from '../i18n';
import { DEFAULT_SETTINGS, HttpUrl, type Language, type Subscription } from '../model';
import { formatMoney } from '../money';
import { isTracked, type LeadSettings, leadDaysFor, nextExpectedCharge } from '../reminders/renewals';
import { CRLF, escapeText, foldLine, icsDate, icsUtcDateTime } from './ical-text';
import { scheduleRules } from './rrule';

export const PRODID = '-//Subkeeper//Subkeeper renewals//EN';

export interface IcsOptions {
  /** The current instant (ISO 8601), used for DTSTAMP. */
  now: string;
  /** The language of the event texts (default English); or pass `t` and `locale`. */
  lang?: Language;
  t?: Translate;
  locale?: string;
  /** Days before each renewal for the alarm; a subscription's own `reminderDays` still wins. */
  reminderDays?: number;
  /** Default lead times when `reminderDays` is not given (default: the settings defaults, 3 / yearly 14). */
  reminders?: LeadSettings;
}

/**
 * One content line. Whatever a value holds, no raw line break (nor any other control character but tab) ever
 * reaches the file: TEXT values are escaped before this (`\n`), and anything left is dropped here, so a value
 * can never start a property of its own (calendar injection, issue 15).
 */
function line(name: string, value: string): string {
  return foldLine(`${name}:${value.replace(CONTROLS, '')}`);
}
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/** The cancel (else manage) link as the browser would open it; a link that is not a clean http(s) URL is left out. */
function linkOf(sub: Subscription): string | undefined {
  for (const l of [sub.links.cancel, sub.links.manage]) {
    const parsed = l ? HttpUrl.safeParse(l.url) : undefined;
    if (parsed?.success) return parsed.data;
  }
  return undefined;
}

/** The VEVENT lines of one subscription (several when its schedule needs several rules; see rrule.ts). */
function subscriptionEvents(sub: Subscription, o: Required<Pick<IcsOptions, 't' | 'locale'>> & IcsOptions): string[] {
  const first = nextExpectedCharge(sub, sub.startDate ?? sub.billingAnchor);
  if (!first) return [];
  const { t, locale } = o;
  const rules = scheduleRules(sub.billingAnchor, sub.period, first.date);
  const amount = formatMoney({ amountMinor: sub.amountMinor, currency: sub.currency }, locale);
  const lead =
    o.reminderDays !== undefined && sub.reminderDays === undefined
      ? o.reminderDays
      : leadDaysFor(sub, o.reminders ?? DEFAULT_SETTINGS.reminders);
  const link = linkOf(sub);
  const description = [t('reminders.icsDescription', { amount })];
  if (link) description.push(t('reminders.icsCancelAt', { url: link }));
  const stamp = icsUtcDateTime(o.now);
  const uidBase = `subkeeper-${encodeURIComponent(sub.id)}`;

  return rules.flatMap((rule, i) => [
    'BEGIN:VEVENT',
    line('UID', escapeText(`${uidBase}${i === 0 ? '' : `-${i}`}@subkeeper.invalid`)),
    line('DTSTAMP', stamp),
    line('DTSTART;VALUE=DATE', icsDate(rule.start)),
    line('DTEND;VALUE=DATE', icsDate(addDays(rule.start, 1))),
    line('RRULE', rule.rrule),
    line('SUMMARY', escapeText(t('reminders.icsSummary', { service: sub.service, amount }))),
    line('DESCRIPTION', escapeText(description.join('\n'))),
    ...(link ? [line('URL', link)] : []),
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    line('DESCRIPTION', escapeText(t('reminders.icsAlarm', { service: sub.service, amount }))),
    `TRIGGER:-P${lead}D`,
    'END:VALARM',
    'END:VEVENT',
  ]);
}

/**
 * An iCalendar file with one recurring all-day event per tracked active or trial subscription, on its renewal
 * days (from the first charge on: the start, or the end of the trial), with an alarm `reminderDays` before.
 * Month-end anchors recur exactly like lib/schedule (see rrule.ts). Lines are folded at 75 octets and end in
 * CRLF; text is escaped. UIDs are stable per subscription. Throws RangeError when `now` is not a timestamp.
 */
export function exportIcs(subscriptions: readonly Subscription[], options: IcsOptions): string {
  const lang = options.lang ?? 'en';
  const o = { ...options, t: options.t ?? createTranslator(lang), locale: options.locale ?? LOCALES[lang] };
  icsUtcDateTime(options.now);
  const events = subscriptions
    .filter((s) => isTracked(s) && (s.status === 'active' || s.status === 'trial'))
    .flatMap((s) => subscriptionEvents(s, o));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    line('PRODID', PRODID),
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    line('X-WR-CALNAME', escapeText(o.t('reminders.icsCalendarName'))),
    ...events,
    'END:VCALENDAR',
  ];
  return lines.join(CRLF) + CRLF;
}
