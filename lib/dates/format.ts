import { parseIsoDate } from './calendar';

export type DateStyle = 'short' | 'medium' | 'long';

/**
 * Formats a `YYYY-MM-DD` day for people with Intl (time zone UTC, so the day never shifts).
 * An unknown locale falls back to the runtime default; an invalid date is returned unchanged.
 */
export function formatDate(date: string, locale: string, style: DateStyle = 'medium'): string {
  const p = parseIsoDate(date);
  if (!p) return date;
  const instant = new Date(0);
  instant.setUTCFullYear(p.y, p.m - 1, p.d);
  return formatter(locale, style).format(instant);
}

// Creating an Intl formatter costs far more than using one; tables format thousands of dates.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' });
    } catch {
      f = new Intl.DateTimeFormat(undefined, { dateStyle: style, timeZone: 'UTC' });
    }
    cache.set(key, f);
  }
  return f;
}
