import type { Translate } from '../../lib/i18n';
import type { Subscription } from '../../lib/model';
import type { TabWarning } from '../../lib/rights/db';
import { safeHttpUrl } from '../views/format';
import { leftLabel } from './common';
import './rights.css';

/**
 * The popup's rights cards (issue 14): before you pay twice on this tab's sign-up page, charges after cancelling,
 * and the withdrawal periods running now.
 */
export function PopupRights(props: {
  /** The active tab shows a sign-up page of something the user has. */
  tab?: TabWarning;
  /** The subscription the warning is about (and, for a bundle, the one that includes it). */
  tabSubscription?: Subscription;
  afterCancel: readonly Subscription[];
  /** Withdrawal periods running now, with the site's own withdrawal function when one was seen. */
  withdrawals: ReadonlyArray<{ subscription: Subscription; daysLeft: number; url?: string }>;
  t: Translate;
  onOpen: (id: string) => void;
}) {
  const { t } = props;
  const sub = props.tabSubscription;
  return (
    <>
      {props.tab && sub && (
        <section class="card warning pay-twice" role="alert" aria-labelledby="pay-twice-h" data-testid="pay-twice">
          <h2 id="pay-twice-h">{t('rights.popup.payTwiceTitle')}</h2>
          <p>
            {props.tab.via === 'bundle'
              ? t('rights.popup.payTwiceBundle', { bundle: sub.service })
              : t('rights.popup.payTwice', { service: sub.service })}
          </p>
          <button type="button" class="linkish" onClick={() => props.onOpen(sub.id)}>
            {t('rights.popup.details')}
          </button>
        </section>
      )}
      {props.afterCancel.length > 0 && (
        <section class="card warning" aria-labelledby="after-cancel-popup-h" data-testid="popup-after-cancel">
          <h2 id="after-cancel-popup-h">{t('rights.after.title')}</h2>
          <ul class="renewals">
            {props.afterCancel.map((s) => (
              <li key={s.id}>
                <button type="button" class="linkish" onClick={() => props.onOpen(s.id)}>
                  {s.service}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.withdrawals.length > 0 && (
        <section class="card" aria-labelledby="withdrawal-popup-h" data-testid="popup-withdrawals">
          <h2 id="withdrawal-popup-h">{t('rights.popup.withdrawal')}</h2>
          <ul class="renewals">
            {props.withdrawals.map((w) => (
              <li key={w.subscription.id}>
                <button type="button" class="linkish" onClick={() => props.onOpen(w.subscription.id)}>
                  {w.subscription.service}
                </button>
                <span class="days">{leftLabel(w.daysLeft, t)}</span>
                {w.url && safeHttpUrl(w.url) && (
                  <a class="small" href={safeHttpUrl(w.url)!} target="_blank" rel="noopener noreferrer">
                    {t('rights.popup.withdraw')}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
