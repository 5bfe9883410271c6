import { money } from '../../lib/app/format';
import type { Translate } from '../../lib/i18n';
import { type AfterCancel, afterCancelKey } from '../../lib/rights/after-cancel';
import type { Usage } from '../../lib/rights/usage';
import { day } from './common';
import './rights.css';

/** Charges from services the user cancelled (issue 14 item 5), with the way to the proof (the detail view). */
export function AfterCancelList(props: {
  items: readonly AfterCancel[];
  t: Translate;
  locale: string;
  onOpen: (id: string) => void;
  onDismiss: (keys: string[]) => void;
}) {
  const { t, locale } = props;
  if (props.items.length === 0) return null;
  return (
    <section class="card warning after-cancel" aria-labelledby="after-cancel-h" data-testid="after-cancel-list">
      <h2 id="after-cancel-h">{t('rights.after.title')}</h2>
      <ul class="after-list">
        {props.items.map((item) => {
          const last = item.charges[0]!;
          return (
            <li key={item.subscription.id}>
              <p>
                <button type="button" class="linkish" onClick={() => props.onOpen(item.subscription.id)}>
                  {item.subscription.service}
                </button>{' '}
                {t('rights.after.line', {
                  date: day(last.date, locale),
                  amount: money(last.amountMinor, last.currency, locale),
                  since: day(item.since, locale),
                  count: item.charges.length,
                })}
              </p>
              <button
                type="button"
                class="link-button small"
                onClick={() => props.onDismiss(item.charges.map((c) => afterCancelKey(item.subscription.id, c.id)))}
              >
                {t('rights.after.dismiss')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * Cost per use (issue 14 item 8): what each subscription costs per day it was used in the last 30 days, and the
 * ones not used for 30 days — from the days the user opened the service's own site (opt-in, local).
 */
export function UsageCard(props: {
  usage: readonly Usage[];
  /** The day counting was switched on (undefined: it is off). */
  since?: string;
  enabled: boolean;
  t: Translate;
  locale: string;
  onOpen: (id: string) => void;
}) {
  const { t, locale } = props;
  if (!props.enabled) return null;
  const idle = props.usage.filter((u) => u.idle);
  const used = props.usage
    .filter((u) => u.daysUsed > 0)
    .sort((a, b) => (b.costPerDayMinor ?? 0) - (a.costPerDayMinor ?? 0));
  return (
    <section class="card usage" aria-labelledby="usage-h" data-testid="usage-card">
      <h2 id="usage-h">{t('rights.usage.title')}</h2>
      {idle.length > 0 && (
        <div class="idle" data-testid="usage-idle">
          <h3>{t('rights.usage.idle')}</h3>
          <ul class="renewals">
            {idle.map((u) => (
              <li key={u.subscription.id}>
                <button type="button" class="linkish" onClick={() => props.onOpen(u.subscription.id)}>
                  {u.subscription.service}
                </button>
                <span class="amount">
                  {t('rights.usage.monthly', { amount: money(u.monthlyMinor, u.subscription.currency, locale) })}
                </span>
                <span class="muted">
                  {u.lastUsed ? t('rights.usage.lastUsed', { date: day(u.lastUsed, locale) }) : t('rights.usage.never')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {used.length > 0 ? (
        <ul class="renewals" data-testid="usage-used">
          {used.map((u) => (
            <li key={u.subscription.id}>
              <button type="button" class="linkish" onClick={() => props.onOpen(u.subscription.id)}>
                {u.subscription.service}
              </button>
              <span>{t('rights.usage.days', { n: u.daysUsed })}</span>
              <strong class="amount">
                {t('rights.usage.perDay', {
                  amount: money(u.costPerDayMinor ?? 0, u.subscription.currency, locale),
                })}
              </strong>
            </li>
          ))}
        </ul>
      ) : (
        idle.length === 0 && <p class="muted">{t('rights.usage.empty')}</p>
      )}
      {props.since && <p class="muted small">{t('rights.usage.since', { date: day(props.since, locale) })}</p>}
    </section>
  );
}
