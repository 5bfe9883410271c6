import { daysLeftLabel, money } from '../lib/app/format';
import { formatDate } from '../lib/dates';
import type { Translate } from '../lib/i18n';
import type { Renewal } from '../lib/summary';

/** Upcoming renewals, soonest first, with days left. */
export function RenewalList(props: {
  renewals: readonly Renewal[];
  locale: string;
  t: Translate;
  empty: string;
  onOpen?: (id: string) => void;
}) {
  const { renewals, locale, t } = props;
  if (renewals.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <ul class="renewals">
      {renewals.map((r) => (
        <li key={`${r.subscription.id}:${r.date}`}>
          {props.onOpen ? (
            <button type="button" class="linkish" onClick={() => props.onOpen?.(r.subscription.id)}>
              {r.subscription.service}
            </button>
          ) : (
            <span class="name">{r.subscription.service}</span>
          )}
          <span class="amount">{money(r.amountMinor, r.currency, locale)}</span>
          <span class="when">
            <time dateTime={r.date}>{formatDate(r.date, locale, 'medium')}</time>
            <span class="days"> · {daysLeftLabel(r.daysLeft, t)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
