import type { ComponentChildren } from 'preact';
import { daysLeftLabel, money, periodLabel } from '../lib/app/format';
import type { InboxItem } from '../lib/app/inbox';
import { formatDate } from '../lib/dates';
import type { Translate } from '../lib/i18n';
import type { Detection, PriceChange, Subscription } from '../lib/model';
import type { Renewal, Totals, TrialEnding } from '../lib/summary';
import { DetectionInbox } from './DetectionInbox';
import { DASHBOARD_START, GetStarted, type StartLinks } from './GetStarted';
import { RenewalList } from './RenewalList';
import { TotalsCard } from './TotalsCard';

/** The dashboard's first view: totals, the next 30 days, trials, price increases and the detection inbox. */
export function Overview(props: {
  totals: Totals;
  base: string;
  ratesDate: string;
  renewals: readonly Renewal[];
  renewalsTotalMinor: number;
  ending: ReadonlyArray<TrialEnding & { kind: 'trial' | 'intro' }>;
  increases: readonly PriceChange[];
  subscriptions: readonly Subscription[];
  /** What pages found, waiting for the user (lib/app/inbox). */
  inbox: readonly InboxItem[];
  locale: string;
  t: Translate;
  onOpen: (id: string) => void;
  onAccept: (d: Detection) => void;
  onEditDetection: (d: Detection) => void;
  onDismiss: (d: Detection) => void;
  /** More cards after the totals (components/rights: charges after cancelling). */
  extra?: ComponentChildren;
  /** More cards at the end (components/rights: cost per use). */
  extraEnd?: ComponentChildren;
  /** Where the first steps lead (the dashboard's own routes by default). */
  startLinks?: StartLinks;
}) {
  const { t, locale } = props;
  const byId = new Map(props.subscriptions.map((s) => [s.id, s]));
  const inbox = (
    <section class="card" aria-labelledby="inbox-h">
      <h2 id="inbox-h">
        {t('dashboard.inbox')} <span class="count">{props.inbox.length}</span>
      </h2>
      <DetectionInbox
        items={props.inbox}
        locale={locale}
        t={t}
        onAccept={props.onAccept}
        onEdit={props.onEditDetection}
        onDismiss={props.onDismiss}
        onOpen={props.onOpen}
      />
    </section>
  );
  if (props.subscriptions.length === 0) {
    // Nothing tracked yet: what to do, not a page of zeros.
    return (
      <div class="overview-empty">
        <section class="card empty-state" aria-labelledby="empty-h">
          <h2 id="empty-h">{t('common.noSubscriptions')}</h2>
          <p>{t('common.emptyText')}</p>
          <GetStarted links={props.startLinks ?? DASHBOARD_START} t={t} />
        </section>
        {props.inbox.length > 0 && inbox}
      </div>
    );
  }
  return (
    <div class="overview">
      <TotalsCard totals={props.totals} base={props.base} ratesDate={props.ratesDate} locale={locale} t={t} />
      {props.extra}
      {inbox}
      <section class="card" aria-labelledby="next-h">
        <h2 id="next-h">{t('dashboard.next30')}</h2>
        <p class="muted">
          {t('dashboard.next30Total', { total: money(props.renewalsTotalMinor, props.base, locale) })}
        </p>
        <RenewalList
          renewals={props.renewals.slice(0, 12)}
          locale={locale}
          t={t}
          empty={t('dashboard.noRenewals')}
          onOpen={props.onOpen}
        />
        {props.renewals.length > 12 && (
          <p class="small">
            <a href="#/calendar">{t('dashboard.moreInCalendar', { n: props.renewals.length - 12 })}</a>
          </p>
        )}
      </section>
      <section class="card" aria-labelledby="trials-h">
        <h2 id="trials-h">{t('dashboard.endingSoon')}</h2>
        {props.ending.length === 0 ? (
          <p class="muted">{t('dashboard.noTrials')}</p>
        ) : (
          <ul class="renewals">
            {props.ending.map((e) => (
              <li key={`${e.kind}:${e.subscription.id}`}>
                <button type="button" class="linkish" onClick={() => props.onOpen(e.subscription.id)}>
                  {e.subscription.service}
                </button>
                <span>{t(e.kind === 'trial' ? 'dashboard.trialEnds' : 'dashboard.introEnds')}</span>
                <span class="when">
                  <time dateTime={e.trialEnd}>{formatDate(e.trialEnd, locale, 'medium')}</time> ·{' '}
                  {daysLeftLabel(e.daysLeft, t)} ·{' '}
                  {t('common.thenPrice', {
                    price: `${money(e.subscription.amountMinor, e.subscription.currency, locale)} ${periodLabel(e.subscription.period, t)}`,
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="incr-h">
        <h2 id="incr-h">{t('dashboard.increases')}</h2>
        {props.increases.length === 0 ? (
          <p class="muted">{t('dashboard.noIncreases')}</p>
        ) : (
          <ul class="renewals">
            {props.increases.map((c) => (
              <li key={c.id}>
                <button type="button" class="linkish" onClick={() => props.onOpen(c.subscriptionId)}>
                  {byId.get(c.subscriptionId)?.service ?? '—'}
                </button>
                <span>
                  {money(c.oldAmountMinor, c.currency, locale)} →{' '}
                  <strong>{money(c.newAmountMinor, c.currency, locale)}</strong>
                </span>
                <time dateTime={c.date}>{formatDate(c.date, locale, 'medium')}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
      {props.extraEnd}
    </div>
  );
}
