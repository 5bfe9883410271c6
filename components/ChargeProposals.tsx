import type { ChargeProposal } from '../lib/app/charge-check';
import { money, periodLabel } from '../lib/app/format';
import type { Translate } from '../lib/i18n';

/** Updates the recorded charges suggest for tracked subscriptions, each to apply or dismiss. */
export function ChargeProposals(props: {
  proposals: readonly ChargeProposal[];
  /** How many subscriptions had charges enough to check (0: nothing recorded yet, so nothing to agree with). */
  checked: number;
  locale: string;
  t: Translate;
  onApply: (p: ChargeProposal) => void;
  onDismiss: (p: ChargeProposal) => void;
}) {
  const { t, locale } = props;
  return (
    <section class="card" aria-labelledby="proposals-h">
      <h2 id="proposals-h">{t('dashboard.proposals.title')}</h2>
      <p class="muted small">{t('dashboard.proposals.hint')}</p>
      {props.checked === 0 ? (
        <p class="muted">{t('dashboard.proposals.nothingYet')}</p>
      ) : props.proposals.length === 0 ? (
        <p class="muted">{t('dashboard.proposals.none')}</p>
      ) : (
        <ul class="inbox">
          {props.proposals.map((p) => (
            <li key={`${p.subscriptionId}:${p.period}:${p.amountMinor}`}>
              <div>
                <strong>{p.service}</strong>
                <div class="small">
                  {t('dashboard.proposals.says', {
                    count: p.count,
                    now: `${money(p.current.amountMinor, p.currency, locale)} ${periodLabel(p.current.period, t)}`,
                    seen: `${money(p.amountMinor, p.currency, locale)} ${periodLabel(p.period, t)}`,
                  })}
                </div>
              </div>
              <div class="row-actions">
                <button type="button" class="primary" onClick={() => props.onApply(p)}>
                  {t('dashboard.proposals.apply')}
                  <span class="sr-only"> {p.service}</span>
                </button>
                <button type="button" onClick={() => props.onDismiss(p)}>
                  {t('common.ignore')}
                  <span class="sr-only"> {p.service}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
