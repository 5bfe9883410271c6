/**
 * Banking days in the Nordic countries: weekends and public holidays (`recurring-holidays.json`) move a charge
 * due that day to the next banking day (or, for some direct debits, to the banking day before). The recurring
 * finder uses this so that a monthly bill posted on the Tuesday after Easter Monday still counts as on time.
 */
import { addDays, isoWeekday, toIsoDate } from '../dates';
import data from './recurring-holidays.json';

type CountryRules = { fixed: string[]; easter: number[]; midsummerEve: boolean };
const COUNTRIES = data.countries as Record<string, CountryRules>;

/** Countries with a holiday calendar. */
export const HOLIDAY_COUNTRIES: readonly string[] = Object.keys(COUNTRIES);

/** Easter Sunday of a year (anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(year, month, day);
}

const cache = new Map<string, ReadonlySet<string>>();

/** The holidays of one country and year (`YYYY-MM-DD`); an unknown country has none. */
export function holidays(country: string, year: number): ReadonlySet<string> {
  const key = `${country}|${year}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rules = COUNTRIES[country];
  const days = new Set<string>();
  if (rules) {
    for (const md of rules.fixed) days.add(`${year}-${md}`);
    const easter = easterSunday(year);
    for (const offset of rules.easter) days.add(addDays(easter, offset));
    if (rules.midsummerEve) {
      for (let d = 19; d <= 25; d++) {
        const day = toIsoDate(year, 6, d);
        if (isoWeekday(day) === 5) days.add(day);
      }
    }
  }
  cache.set(key, days);
  return days;
}

/** True on Monday to Friday that is no holiday in `country` (every listed country's when it is undefined). */
export function isBankingDay(date: string, country?: string): boolean {
  if (isoWeekday(date) >= 6) return false;
  const year = Number(date.slice(0, 4));
  const countries = country && COUNTRIES[country] ? [country] : country ? [] : HOLIDAY_COUNTRIES;
  return countries.every((c) => !holidays(c, year).has(date));
}

/** The first banking day on or after `date`. */
export function nextBankingDay(date: string, country?: string): string {
  let d = date;
  for (let i = 0; i < 10 && !isBankingDay(d, country); i++) d = addDays(d, 1);
  return d;
}

/** The last banking day on or before `date`. */
export function previousBankingDay(date: string, country?: string): string {
  let d = date;
  for (let i = 0; i < 10 && !isBankingDay(d, country); i++) d = addDays(d, -1);
  return d;
}
