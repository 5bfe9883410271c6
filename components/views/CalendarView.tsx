import type { Translate } from '../../lib/i18n';
import type { MonthBucket } from '../../lib/summary';
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

/**
 * Renewals for the coming months, one section per month with the month's projected total (in the base
 * currency) and each renewal's day, service and amount in its own currency.
 */
export function CalendarView({ buckets, base, t, locale, onOpen }: CalendarViewProps) {
  const yearTotal = buckets.reduce((sum, b) => sum + b.totalMinor, 0);
  const count = buckets.reduce((sum, b) => sum + b.renewals.length, 0);
  return (
    <section class="view calendar-view" aria-labelledby="calendar-view-title">
      <h2 id="calendar-view-title">{t('views.calendar.title')}</h2>
      {count === 0 ? (
        <p class="view-empty">{t('views.calendar.empty')}</p>
      ) : (
        <p class="view-intro">
          {t('views.calendar.summary', { count, total: money(yearTotal, base, locale), months: buckets.length })}
        </p>
      )}
      {count > 0 && (
        <div class="calendar-months">
          {buckets.map((bucket) => (
            <MonthSection key={bucket.month} bucket={bucket} base={base} t={t} locale={locale} onOpen={onOpen} />
          ))}
        </div>
      )}
    </section>
  );
}

interface MonthSectionProps {
  bucket: MonthBucket;
  base: string;
  t: Translate;
  locale: string;
  onOpen: (subscriptionId: string) => void;
}

function MonthSection({ bucket, base, t, locale, onOpen }: MonthSectionProps) {
  const headingId = `calendar-month-${bucket.month}`;
  return (
    <section class="calendar-month card" data-month={bucket.month}>
      <header class="calendar-month-head">
        <h3 id={headingId}>{formatMonth(bucket.month, locale)}</h3>
        <p class="calendar-month-total">
          {t('views.calendar.monthTotal', { total: money(bucket.totalMinor, base, locale) })}
        </p>
      </header>
      {bucket.renewals.length === 0 ? (
        <p class="muted">{t('views.calendar.noRenewals')}</p>
      ) : (
        <ul class="calendar-renewals">
          {bucket.renewals.map((r) => (
            <li key={`${r.subscription.id}-${r.date}`} class="calendar-renewal">
              <time class="calendar-day" dateTime={r.date}>
                {formatDay(r.date, locale)}
              </time>
              <button type="button" class="link-button calendar-service" onClick={() => onOpen(r.subscription.id)}>
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
