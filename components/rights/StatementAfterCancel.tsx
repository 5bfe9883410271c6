import { useState } from 'preact/hooks';
import { money } from '../../lib/app/format';
import type { Translate } from '../../lib/i18n';
import type { Subscription } from '../../lib/model';
import { day } from './common';
import './rights.css';

export interface StatementHit {
  subscription: Subscription;
  row: { date: string; amountMinor: number; currency: string; description: string };
}

/**
 * Payments in a bank statement to services the user cancelled, dated after they ended (issue 14 item 5): shown while
 * the statement is read, before anything is saved; recording them puts them with the cancelled subscription, where
 * the warning and the proof of the cancellation are.
 */
export function StatementAfterCancel(props: {
  hits: readonly StatementHit[];
  t: Translate;
  locale: string;
  onRecord: (hits: readonly StatementHit[]) => Promise<void>;
}) {
  const { t, locale } = props;
  const [done, setDone] = useState(false);
  if (props.hits.length === 0) return null;
  return (
    <section class="card warning after-cancel" aria-labelledby="statement-after-h" data-testid="statement-after-cancel">
      <h2 id="statement-after-h">{t('rights.after.title')}</h2>
      <p>{t('rights.after.statement')}</p>
      <ul class="after-list">
        {props.hits.map((h) => (
          <li key={`${h.subscription.id}:${h.row.date}:${h.row.amountMinor}`}>
            <p>
              <a href={`#/subscription/${encodeURIComponent(h.subscription.id)}`}>{h.subscription.service}</a>{' '}
              {t('rights.after.line', {
                date: day(h.row.date, locale),
                amount: money(h.row.amountMinor, h.row.currency, locale),
                since: day(h.subscription.endsOn ?? h.subscription.cancelledOn ?? h.row.date, locale),
              })}
            </p>
          </li>
        ))}
      </ul>
      {done ? (
        <p class="small">{t('rights.after.recorded')}</p>
      ) : (
        <button
          type="button"
          onClick={async () => {
            await props.onRecord(props.hits);
            setDone(true);
          }}
        >
          {t('rights.after.record')}
        </button>
      )}
    </section>
  );
}
