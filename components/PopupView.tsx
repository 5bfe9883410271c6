import type { ComponentChildren, ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { daysLeftLabel, money, periodLabel } from '../lib/app/format';
import type { CurrentSite } from '../lib/app/popup';
import type { Translate } from '../lib/i18n/translate';
import type { Detection, FieldErrors, Member } from '../lib/model';
import type { Renewal, Totals, TrialEnding } from '../lib/summary';
import type { QuickAddProps } from './QuickAdd';
import { RenewalList } from './RenewalList';

export type { CurrentSite };

/** The toolbar popup: this site, this month's total, what renews next, trials ending, quick add. */
export function PopupView(props: {
  site: CurrentSite | null;
  totals: Totals;
  base: string;
  /** What a bare `kr` means to the user (quick add reads `149 kr` with it). */
  krone?: string;
  today: string;
  renewals: readonly Renewal[];
  ending: ReadonlyArray<TrialEnding & { kind: 'trial' | 'intro' }>;
  members: readonly Member[];
  locale: string;
  t: Translate;
  onTrack: (d: Detection) => void;
  onEdit: (d: Detection) => void;
  onIgnore: (d: Detection) => void;
  onAdd: (input: Record<string, unknown>) => Promise<{ ok: true } | { ok: false; errors: FieldErrors }>;
  onOpenDashboard: (path?: string) => void;
  /** Opens the first-run page (what Subkeeper finds, the ways to start). */
  onGettingStarted?: () => void;
  /** How many subscriptions there are at all (none: the popup says how to start instead of showing zeros). */
  subscriptionCount?: number;
  /**
   * The quick-add form (components/QuickAdd), passed in so that the popup's first paint does not load it; until
   * it is there, Add shows a placeholder.
   */
  QuickAdd?: ComponentType<QuickAddProps>;
  /** More cards after this site's (components/rights/PopupRights), once the full popup has loaded. */
  extra?: ComponentChildren;
  /** Shown at the bottom (the household sync status). */
  footer?: ComponentChildren;
}) {
  const { t, locale, site } = props;
  const [adding, setAdding] = useState(false);
  if (adding) {
    const { QuickAdd } = props;
    return (
      <main class="popup">
        {QuickAdd ? (
          <QuickAdd
            base={props.base}
            krone={props.krone ?? props.base}
            locale={locale}
            today={props.today}
            members={props.members}
            t={t}
            onSave={async (input) => {
              const r = await props.onAdd(input);
              if (r.ok) setAdding(false);
              return r;
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <p class="loading" aria-busy="true">
            …
          </p>
        )}
      </main>
    );
  }
  const d = site?.detection;
  const s = d?.result.subscription;
  return (
    <main class="popup">
      <header class="popup-head">
        <h1>Subkeeper</h1>
        <button type="button" class="linkish" onClick={() => props.onOpenDashboard()}>
          {t('common.openDashboard')}
        </button>
      </header>
      {site && (
        <section class="card site" aria-labelledby="site-h">
          <h2 id="site-h">{site.hostname}</h2>
          {d?.subscriptionId ? (
            <div data-testid="site-changes">
              <p>
                {t('common.changesHere', {
                  name: site.subscription?.service ?? d.result.service?.name ?? site.hostname,
                })}
              </p>
              <div class="row-actions">
                <button type="button" class="primary" onClick={() => props.onOpenDashboard('#/overview')}>
                  {t('common.review')}
                </button>
                <button type="button" onClick={() => props.onIgnore(d)}>
                  {t('common.ignore')}
                </button>
              </div>
            </div>
          ) : d ? (
            <div data-testid="site-detected">
              <p>
                {t('common.detectedHere', { name: d.result.service?.name ?? site.hostname })}
                {s && (
                  <strong>
                    {' '}
                    {money(s.amountMinor, s.currency, locale)} {s.period ? periodLabel(s.period, t) : ''}
                  </strong>
                )}
              </p>
              <div class="row-actions">
                <button type="button" class="primary" onClick={() => props.onTrack(d)}>
                  {t('common.add')}
                </button>
                <button type="button" onClick={() => props.onEdit(d)}>
                  {t('common.edit')}
                </button>
                <button type="button" onClick={() => props.onIgnore(d)}>
                  {t('common.ignore')}
                </button>
              </div>
            </div>
          ) : site.subscription ? (
            <p data-testid="site-tracked">
              {t('common.trackedHere', { name: site.subscription.service })}{' '}
              <button
                type="button"
                class="linkish"
                onClick={() => props.onOpenDashboard(`#/subscription/${site.subscription!.id}`)}
              >
                {t('common.details')}
              </button>
            </p>
          ) : (
            <p class="muted">{t('common.nothingHere')}</p>
          )}
        </section>
      )}
      {props.extra}
      {props.subscriptionCount === 0 ? (
        <section class="card empty-state" aria-labelledby="empty-h" data-testid="popup-empty">
          <h2 id="empty-h">{t('common.noSubscriptions')}</h2>
          <p class="small">{t('common.emptyText')}</p>
          <div class="row-actions">
            <button type="button" class="primary" onClick={() => setAdding(true)}>
              {t('common.addManually')}
            </button>
            <button type="button" onClick={() => props.onOpenDashboard('#/data/statement')}>
              {t('common.importStatement')}
            </button>
          </div>
          {props.onGettingStarted && (
            <p class="small">
              <button type="button" class="linkish" onClick={props.onGettingStarted}>
                {t('common.gettingStarted')}
              </button>
            </p>
          )}
        </section>
      ) : (
        <>
          <section class="card" aria-labelledby="month-h">
            <h2 id="month-h">{t('common.thisMonth')}</h2>
            <p class="figure" data-testid="popup-monthly-total">
              {money(props.totals.monthlyMinor, props.base, locale)}
            </p>
            <p class="muted small">
              {t('common.activeTrials', { active: props.totals.activeCount, trials: props.totals.trialCount })}
            </p>
            {props.totals.trialCount > 0 && props.totals.afterTrialsMonthlyMinor > 0 && (
              <p class="muted small" data-testid="popup-after-trials">
                {t('common.afterTrials', {
                  amount: money(props.totals.afterTrialsMonthlyMinor, props.base, locale),
                  count: props.totals.trialCount,
                })}
              </p>
            )}
          </section>
          <section class="card" aria-labelledby="soon-h">
            <h2 id="soon-h">{t('common.nextRenewals')}</h2>
            <RenewalList renewals={props.renewals} locale={locale} t={t} empty={t('common.noRenewals')} />
          </section>
          {props.ending.length > 0 && (
            <section class="card" aria-labelledby="trial-h">
              <h2 id="trial-h">{t('common.trialsEnding')}</h2>
              <ul class="renewals">
                {props.ending.map((e) => (
                  <li key={`${e.kind}:${e.subscription.id}`} class="ending">
                    <span class="name" title={e.subscription.service}>
                      {e.subscription.service}
                    </span>
                    <span class="days">{daysLeftLabel(e.daysLeft, t)}</span>
                    <span class="then">
                      {t(e.kind === 'trial' ? 'common.trialEnds' : 'common.introEnds')},{' '}
                      {t('common.thenPrice', {
                        price: `${money(e.subscription.amountMinor, e.subscription.currency, locale)} ${periodLabel(e.subscription.period, t)}`,
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <button type="button" class="primary wide" onClick={() => setAdding(true)}>
            {t('common.addManually')}
          </button>
        </>
      )}
      {props.footer}
    </main>
  );
}
