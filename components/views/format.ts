import type { Translate } from '../../lib/i18n';
import { HttpUrl } from '../../lib/model';

/** Small formatting helpers shared by the dashboard views. None of them throws. */

export { money } from '../../lib/app/format';

import { periodLabel } from '../../lib/app/format';

function utcDate(y: number, m: number, d = 1): Date {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date;
}

function safeFormat(locale: string, options: Intl.DateTimeFormatOptions, date: Date): string {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(date);
  }
}

/** A `YYYY-MM` month for people: `desember 2026` (long) or `des. 26` (short). Invalid input comes back as is. */
export function formatMonth(month: string, locale: string, style: 'long' | 'short' = 'long'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { month: 'long', year: 'numeric' } : { month: 'short', year: '2-digit' };
  return safeFormat(locale, options, utcDate(Number(match[1]), Number(match[2])));
}

/** The day of a `YYYY-MM-DD` date with its weekday: `tir. 1.` / `Tue 1`. */
export function formatDay(date: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return safeFormat(
    locale,
    { weekday: 'short', day: 'numeric' },
    utcDate(Number(match[1]), Number(match[2]), Number(match[3])),
  );
}

/** How often a period bills, in words: `per month`, `every 3 months` (the one wording, lib/app/format). */
export function formatPeriod(period: string, t: Translate): string {
  return periodLabel(period, t);
}

/** The URL when it is an http(s) link, otherwise null: nothing else is ever rendered as a link. */
export function safeHttpUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const parsed = HttpUrl.safeParse(url);
  return parsed.success ? parsed.data : null;
}

/** The host name of a URL for showing where a link goes, or '' when it cannot be read. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
