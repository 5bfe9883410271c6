import type { Translate } from '../i18n';
import { formatMoney } from '../money';
import { parsePeriod } from '../schedule';

/** Money for display, e.g. `kr 129,00` in nb-NO. */
export function money(amountMinor: number, currency: string, locale: string): string {
  return formatMoney({ amountMinor: Math.round(amountMinor), currency }, locale);
}

/** "per month", "every 2 weeks", "per year"... */
export function periodLabel(period: string, t: Translate): string {
  const p = parsePeriod(period);
  if (!p) return period;
  const key = `common.period.${p.n === 1 ? p.unit : `n${p.unit}`}`;
  return t(key, { n: p.n });
}

/** "in 3 days", "today", "tomorrow". */
export function daysLeftLabel(days: number, t: Translate): string {
  if (days === 0) return t('common.today');
  if (days === 1) return t('common.tomorrow');
  return t('common.inDays', { n: days });
}

/** A month key `2026-12` as "December 2026" in the locale. */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}
