import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import type { MonthBucket, Renewal } from '../../lib/summary';
import { formatDay, formatMonth, money } from './format';
import './views.css';

export interface CalendarViewProps {
  /** Months from `renewalCalendar`, in order. */
  buckets: readonly MonthBucket[];
  /** Base currency of the month totals. */
  base: string;
  t: Translate;
  locale: string;
  /** Opens one subscription. */
  onOpen: (subscriptionId: string) => void;
}

/** Renewals a day cell lists before "+N more" (the month's list below has all of them). */
const PER_CELL = 3;

/** Monday-first weekday names of the locale (`man.`, `tis`, `Mon`). */
function weekdayNames(locale: string): string[] {
  // 2024-01-01 was a Monday.
  const names: string[] = [];
  for (let i = 0; i < 7; i++) {
    try {
      names.push(
        new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
          new Date(Date.UTC(2024, 0, 1 + i)),
        ),
      );
    } catch {
      names.push(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][i]!);
    }
  }
  return names;
}

/** The weeks of a `YYYY-MM` month as rows of seven day numbers (0 for days of other months), Monday first. */
export function monthWeeks(month: string): number[][] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay(); // 0 = Sunday
  const lead = (first + 6) % 7;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const cells = [...Array<number>(lead).fill(0), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(0);
  const weeks: number[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * The coming twelve months: a strip with each month's projected total (in the base currency) to pick a month, and
 * the picked month as a calendar grid (Monday first) with each renewal on its day, followed by the same renewals
 * as a list (day, service, amount in its own currency). Long names end in an ellipsis; nothing overflows a day.
 */
export function CalendarView({ buckets, base, t, locale, onOpen }: CalendarViewProps) {
  const [picked, setPicked] = useState(() =>
    Math.max(
      0,
      buckets.findIndex((b) => b.renewals.length > 0),
    ),
  );
  const yearTotal = buckets.reduce((sum, b) => sum + b.totalMinor, 0);
  const count = buckets.reduce((sum, b) => sum + b.renewals.length, 0);
  const bucket = buckets[Math.min(picked, buckets.length - 1)];
  return (
    <section class="view calendar-view" aria-labelledby="calendar-view-title">
      <h2 id="calendar-view-title">{t('views.calendar.title')}</h2>
      {count === 0 ? (
        <p class="view-empty">
          {t('views.calendar.empty')} <a href="#/add">{t('dashboard.addTitle')}</a>
        </p>
      ) : (
        <p class="view-intro">
          {t('views.calendar.summary', { count, total: money(yearTotal, base, locale), months: buckets.length })}
        </p>
      )}
      {count > 0 && (
        <>
          <ol class="month-strip" aria-label={t('views.calendar.months')}>
            {buckets.map((b, i) => (
              <li key={b.month}>
                <button
                  type="button"
                  class="month-pick"
                  aria-pressed={i === picked}
                  data-month={b.month}
                  onClick={() => setPicked(i)}
                >
                  <span class="month-name">{formatMonth(b.month, locale, 'short')}</span>
                  <span class="month-total">{money(b.totalMinor, base, locale)}</span>
                </button>
              </li>
            ))}
          </ol>
          {bucket && (
            <MonthGrid
              bucket={bucket}
              base={base}
              t={t}
              locale={locale}
              onOpen={onOpen}
              onPrev={picked > 0 ? () => setPicked(picked - 1) : undefined}
              onNext={picked < buckets.length - 1 ? () => setPicked(picked + 1) : undefined}
            />
          )}
        </>
      )}
    </section>
  );
}

interface MonthGridProps {
  bucket: MonthBucket;
  base: string;
  t: Translate;
  locale: string;
  onOpen: (subscriptionId: string) => void;
  onPrev: (() => void) | undefined;
  onNext: (() => void) | undefined;
}

function RenewalChip({ r, locale, onOpen }: { r: Renewal; locale: string; onOpen: (id: string) => void }) {
  const name = r.subscription.service;
  return (
    <button
      type="button"
      class={`cal-chip${r.subscription.status === 'trial' ? ' cal-trial' : ''}`}
      title={`${name} · ${money(r.amountMinor, r.currency, locale)}`}
      tabIndex={-1}
      aria-hidden="true"
      onClick={() => onOpen(r.subscription.id)}
    >
      <span class="cal-name">{name}</span>
      <span class="cal-amount">{money(r.amountMinor, r.currency, locale)}</span>
    </button>
  );
}

function MonthGrid({ bucket, base, t, locale, onOpen, onPrev, onNext }: MonthGridProps) {
  const headingId = `calendar-month-${bucket.month}`;
  const byDay = new Map<number, Renewal[]>();
  for (const r of bucket.renewals) {
    const d = Number(r.date.slice(8));
    byDay.set(d, [...(byDay.get(d) ?? []), r]);
  }
  const names = weekdayNames(locale);
  return (
    <section class="calendar-month card" data-month={bucket.month} aria-labelledby={headingId}>
      <header class="calendar-month-head">
        <button
          type="button"
          class="month-nav"
          disabled={!onPrev}
          onClick={onPrev}
          aria-label={t('views.calendar.prev')}
        >
          ‹
        </button>
        <h3 id={headingId}>{formatMonth(bucket.month, locale)}</h3>
        <button
          type="button"
          class="month-nav"
          disabled={!onNext}
          onClick={onNext}
          aria-label={t('views.calendar.next')}
        >
          ›
        </button>
        <p class="calendar-month-total">
          {t('views.calendar.monthTotal', { total: money(bucket.totalMinor, base, locale) })}
        </p>
      </header>
      {/* The grid is for the eye; the list after it says the same for everyone (and keyboard users). */}
      <table class="month-grid" aria-hidden="true">
        <thead>
          <tr>
            {names.map((n) => (
              <th key={n} scope="col">
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(bucket.month).map((week) => (
            <tr key={week.join('-')}>
              {week.map((day, i) => {
                const list = day ? (byDay.get(day) ?? []) : [];
                return (
                  <td key={day || `x${i}`} class={day ? (list.length > 0 ? 'has-renewals' : '') : 'other-month'}>
                    {day > 0 && <span class="cal-day">{day}</span>}
                    {list.slice(0, PER_CELL).map((r) => (
                      <RenewalChip key={r.subscription.id} r={r} locale={locale} onOpen={onOpen} />
                    ))}
                    {list.length > PER_CELL && (
                      <span class="cal-more">{t('views.calendar.more', { n: list.length - PER_CELL })}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {bucket.renewals.length === 0 ? (
        <p class="muted">{t('views.calendar.noRenewals')}</p>
      ) : (
        <ul class="calendar-renewals">
          {bucket.renewals.map((r) => (
            <li key={`${r.subscription.id}-${r.date}`} class="calendar-renewal">
              <time class="calendar-day" dateTime={r.date}>
                {formatDay(r.date, locale)}
              </time>
              <button
                type="button"
                class="link-button calendar-service"
                title={r.subscription.service}
                onClick={() => onOpen(r.subscription.id)}
              >
                {r.subscription.service}
              </button>
              {r.subscription.status === 'trial' && <span class="badge">{t('common.status.trial')}</span>}
              <span class="calendar-amount">{money(r.amountMinor, r.currency, locale)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
