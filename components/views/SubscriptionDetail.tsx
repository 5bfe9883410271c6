import type { ComponentChildren } from 'preact';
import { addDays, formatDate } from '../../lib/dates';
import type { Translate } from '../../lib/i18n';
import {
  type Charge,
  LINK_KINDS,
  type LinkKind,
  type Member,
  type PriceChange,
  type SourcedLink,
  type Status,
  type Subscription,
} from '../../lib/model';
import { addPeriods, occurrences, perMonthMinor } from '../../lib/schedule';
import { counts, dueFrom, priceOn } from '../../lib/summary';
import { ConfirmButton } from './ConfirmButton';
import { formatPeriod, hostOf, money, safeHttpUrl } from './format';
import './views.css';

export interface SubscriptionDetailProps {
  subscription: Subscription;
  /** This subscription's recorded charges (any order). */
  charges: readonly Charge[];
  /** This subscription's price changes (any order). */
  priceChanges: readonly PriceChange[];
  /** Household members, for the owner and shares. */
  members: readonly Member[];
  /** A note from the service directory (binding period, notice); shown as plain text. */
  serviceNote?: string;
  /** Coming renewal days; computed from the schedule (next 6) when not given. */
  nextRenewals?: readonly string[];
  t: Translate;
  locale: string;
  today: string;
  /** Sets a new status as of `date` (today). */
  onStatus: (status: Status, date: string) => void;
  onEdit: () => void;
  /** Opens the link editor, at `kind` when a particular link was chosen. */
  onEditLinks: (kind?: LinkKind) => void;
  onDelete: () => void;
  onClose: () => void;
  /** The subscription's rights (components/rights/RightsPanel), shown after its links. */
  rights?: ComponentChildren;
}

/**
 * The coming renewal days worth listing: those in the next twelve months (at most `max`), and at least the next
 * one, so a yearly plan shows its next renewal, not six years of them (none while paused or cancelled).
 */
export function upcomingDates(sub: Subscription, today: string, max = 6): string[] {
  if (!counts(sub, today)) return [];
  const from = dueFrom(sub, today);
  try {
    const horizon = addDays(today, 365);
    const to = addPeriods(from, sub.period, max + 1);
    const dates = occurrences(sub.billingAnchor, sub.period, from, to, max).filter(
      (d) => !sub.endsOn || d <= sub.endsOn,
    );
    const within = dates.filter((d) => d <= horizon);
    return within.length > 0 ? within : dates.slice(0, 1);
  } catch {
    return [];
  }
}

function relativeDays(from: string, to: string, locale: string): string {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  if (!Number.isFinite(days)) return '';
  try {
    return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
  } catch {
    return '';
  }
}

function percent(value: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  } catch {
    return `${Math.round(value * 1000) / 10} %`;
  }
}

/**
 * Everything about one subscription: price, links to manage/cancel/pause it (http(s) only), coming renewals,
 * price history, charges, notes and status history, with status actions. Page-sourced text is only ever
 * rendered as text.
 */
export function SubscriptionDetail(props: SubscriptionDetailProps) {
  const { subscription: sub, t, locale, today } = props;
  const date = (d: string) => formatDate(d, locale);
  const price = priceOn(sub, today);
  const renewals = props.nextRenewals ? [...props.nextRenewals] : upcomingDates(sub, today);

  return (
    <article class="view subscription-detail" aria-labelledby="detail-title">
      <header class="detail-head">
        <h2 id="detail-title">{sub.service}</h2>
        <p class="detail-status">
          <span class={`status status-${sub.status}`}>{t(`common.status.${sub.status}`)}</span>
          {!sub.confirmed && <span class="badge">{t('views.detail.unconfirmed')}</span>}
        </p>
        <p class="detail-price">
          {t('views.detail.pricePer', {
            amount: money(price, sub.currency, locale),
            period: formatPeriod(sub.period, t),
          })}
        </p>
        {sub.period !== 'P1M' && (
          <p class="detail-monthly muted">
            {t('views.detail.monthly', { amount: money(perMonthMinor(price, sub.period), sub.currency, locale) })}
          </p>
        )}
      </header>

      <Actions {...props} />

      {props.serviceNote && (
        <aside class="note service-note" aria-labelledby="detail-note-title">
          <h3 id="detail-note-title">{t('views.detail.directoryNote')}</h3>
          <p>{props.serviceNote}</p>
        </aside>
      )}

      <LinksSection {...props} />
      {props.rights}

      <section>
        <h3 id="detail-facts-title">{t('views.detail.facts')}</h3>
        <dl class="detail-facts">
          <Fact label={t('views.detail.category')} value={t(`common.category.${sub.category}`)} />
          {sub.domain && <Fact label={t('views.detail.domain')} value={sub.domain} />}
          {sub.startDate && <Fact label={t('views.detail.started')} value={date(sub.startDate)} />}
          {sub.lastPaid && <Fact label={t('views.detail.lastPaid')} value={date(sub.lastPaid)} />}
          {sub.trialEnd && (
            <Fact
              label={t('views.detail.trialEnd')}
              value={`${date(sub.trialEnd)} (${relativeDays(today, sub.trialEnd, locale)})`}
            />
          )}
          {sub.introEnd && (
            <Fact
              label={t('views.detail.introEnd')}
              value={
                sub.introAmountMinor === undefined
                  ? date(sub.introEnd)
                  : t('views.detail.introUntil', {
                      amount: money(sub.introAmountMinor, sub.currency, locale),
                      date: date(sub.introEnd),
                      full: money(sub.amountMinor, sub.currency, locale),
                    })
              }
            />
          )}
          {sub.pausedUntil && <Fact label={t('views.detail.pausedUntil')} value={date(sub.pausedUntil)} />}
          {sub.cancelledOn && <Fact label={t('views.detail.cancelledOn')} value={date(sub.cancelledOn)} />}
          {sub.endsOn && <Fact label={t('views.detail.endsOn')} value={date(sub.endsOn)} />}
          {sub.paymentMethod && <Fact label={t('views.detail.paymentMethod')} value={sub.paymentMethod} />}
          {sub.ownerId && (
            <Fact
              label={t('views.detail.owner')}
              value={props.members.find((m) => m.id === sub.ownerId)?.name ?? t('views.detail.unknownMember')}
            />
          )}
          {sub.shares && sub.shares.length > 0 && (
            <Fact
              label={t('views.detail.shares')}
              value={sub.shares
                .map((s) => {
                  const name = props.members.find((m) => m.id === s.memberId)?.name ?? t('views.detail.unknownMember');
                  return `${name} ${percent(s.percent / 100, locale)}`;
                })
                .join(', ')}
            />
          )}
          <Fact
            label={t('views.detail.reminder')}
            value={
              sub.remindersOff
                ? t('views.detail.remindersOff')
                : sub.reminderDays === undefined
                  ? t('views.detail.reminderDefault')
                  : t('views.detail.reminderDays', { n: sub.reminderDays })
            }
          />
          <Fact label={t('views.detail.source')} value={t(`views.detail.source.${sub.source}`)} />
        </dl>
      </section>

      <section>
        <h3 id="detail-renewals-title">{t('views.detail.nextRenewals')}</h3>
        {renewals.length === 0 ? (
          <p class="muted">{t('views.detail.noRenewals')}</p>
        ) : (
          <ul class="plain-list detail-renewals">
            {renewals.map((d) => (
              <li key={d}>
                <time dateTime={d}>{date(d)}</time> <span class="muted">({relativeDays(today, d, locale)})</span>{' '}
                <span class="amount">{money(priceOn(sub, d), sub.currency, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <PriceHistory {...props} />
      <Charges {...props} />

      {sub.notes && (
        <section>
          <h3 id="detail-notes-title">{t('views.detail.notes')}</h3>
          <p class="detail-notes">{sub.notes}</p>
        </section>
      )}

      <section>
        <h3 id="detail-history-title">{t('views.detail.statusHistory')}</h3>
        {sub.statusHistory.length === 0 ? (
          <p class="muted">{t('views.detail.noHistory')}</p>
        ) : (
          <ul class="plain-list detail-history">
            {[...sub.statusHistory]
              .sort((a, b) => b.date.localeCompare(a.date))
              .map((h, i) => (
                <li key={`${h.date}-${h.status}-${i}`}>
                  <time dateTime={h.date}>{date(h.date)}</time>: {t(`common.status.${h.status}`)}
                  {h.note && <span class="muted"> — {h.note}</span>}
                </li>
              ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Actions({ subscription: sub, t, today, onStatus, onEdit, onDelete, onClose }: SubscriptionDetailProps) {
  return (
    <div class="button-row detail-actions">
      <button type="button" class="primary" onClick={onEdit}>
        {t('common.edit')}
      </button>
      {(sub.status === 'active' || sub.status === 'trial') && (
        <button type="button" onClick={() => onStatus('paused', today)}>
          {t('views.detail.pause')}
        </button>
      )}
      {(sub.status === 'paused' || sub.status === 'cancelled') && (
        <button type="button" onClick={() => onStatus('active', today)}>
          {t('views.detail.resume')}
        </button>
      )}
      {sub.status !== 'cancelled' && (
        <ConfirmButton
          label={t('views.detail.cancel')}
          question={t('views.detail.cancelQuestion', { service: sub.service })}
          confirmLabel={t('views.detail.cancelConfirm')}
          keepLabel={t('common.keep')}
          onConfirm={() => onStatus('cancelled', today)}
        />
      )}
      <ConfirmButton
        class="danger"
        label={t('common.delete')}
        question={t('views.detail.deleteQuestion', { service: sub.service })}
        confirmLabel={t('views.detail.deleteConfirm')}
        keepLabel={t('common.keep')}
        onConfirm={onDelete}
      />
      <button type="button" onClick={onClose}>
        {t('common.close')}
      </button>
    </div>
  );
}

function sourceLabel(link: SourcedLink, t: Translate, locale: string): string {
  if (link.source === 'page') {
    return link.seenAt
      ? t('views.detail.linkFromPageOn', { date: formatDate(link.seenAt, locale) })
      : t('views.detail.linkFromPage');
  }
  return link.source === 'directory' ? t('views.detail.linkFromDirectory') : t('views.detail.linkFromUser');
}

function LinksSection({ subscription: sub, t, locale, onEditLinks }: SubscriptionDetailProps) {
  const present = LINK_KINDS.filter((kind) => sub.links[kind] !== undefined);
  return (
    <section>
      <h3 id="detail-links-title">{t('views.detail.links')}</h3>
      {present.length === 0 ? (
        <p class="muted">{t('views.detail.noLinks', { service: sub.service })}</p>
      ) : (
        <ul class="detail-links">
          {present.map((kind) => {
            const link = sub.links[kind]!;
            const url = safeHttpUrl(link.url);
            return (
              <li key={kind} class="detail-link">
                {url ? (
                  <>
                    <a class="button" href={url} target="_blank" rel="noopener noreferrer">
                      {t(`views.detail.link.${kind}`)}
                      <span class="sr-only"> ({t('views.detail.newTab')})</span>
                    </a>{' '}
                    <span class="link-host">{hostOf(url)}</span>
                    <span class="link-source muted">{sourceLabel(link, t, locale)}</span>
                  </>
                ) : (
                  <p class="note">{t('views.detail.unsafeLink', { kind: t(`views.detail.link.${kind}`) })}</p>
                )}
                <button
                  type="button"
                  class="link-button"
                  onClick={() => onEditLinks(kind)}
                  aria-label={t('views.detail.editLinkNamed', { kind: t(`views.detail.link.${kind}`) })}
                >
                  {t('views.detail.editLink')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {present.length < LINK_KINDS.length && (
        <button type="button" class="link-button" onClick={() => onEditLinks()}>
          {t('views.detail.addLink')}
        </button>
      )}
    </section>
  );
}

function PriceHistory({ priceChanges, t, locale }: SubscriptionDetailProps) {
  const changes = [...priceChanges].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section>
      <h3 id="detail-prices-title">{t('views.detail.priceHistory')}</h3>
      {changes.length === 0 ? (
        <p class="muted">{t('views.detail.noPriceChanges')}</p>
      ) : (
        <ul class="plain-list detail-prices">
          {changes.map((c) => {
            const change = c.oldAmountMinor > 0 ? (c.newAmountMinor - c.oldAmountMinor) / c.oldAmountMinor : null;
            const direction =
              c.newAmountMinor > c.oldAmountMinor ? 'up' : c.newAmountMinor < c.oldAmountMinor ? 'down' : 'same';
            return (
              <li key={c.id} class={`price-change price-${direction}`}>
                <time dateTime={c.date}>{formatDate(c.date, locale)}</time>:{' '}
                {money(c.oldAmountMinor, c.currency, locale)} → {money(c.newAmountMinor, c.currency, locale)}
                {change !== null && direction !== 'same' && (
                  <span class="muted">
                    {' '}
                    ({t(`views.detail.price.${direction}`, { percent: percent(Math.abs(change), locale) })})
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Charges({ charges, t, locale }: SubscriptionDetailProps) {
  const rows = [...charges].sort((a, b) => b.date.localeCompare(a.date));
  const currencies = new Set(rows.map((c) => c.currency));
  const onlyCurrency = currencies.size === 1 ? [...currencies][0] : undefined;
  return (
    <section>
      <h3 id="detail-charges-title">{t('views.detail.charges')}</h3>
      {rows.length === 0 ? (
        <p class="muted">{t('views.detail.noCharges')}</p>
      ) : (
        <table class="detail-charges">
          <caption class="sr-only">{t('views.detail.chargesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('views.detail.date')}</th>
              <th scope="col">{t('views.detail.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <time dateTime={c.date}>{formatDate(c.date, locale)}</time>
                </td>
                <td class="amount">{money(c.amountMinor, c.currency, locale)}</td>
              </tr>
            ))}
          </tbody>
          {onlyCurrency && (
            <tfoot>
              <tr>
                <th scope="row">{t('common.total')}</th>
                <td class="amount">
                  {money(
                    rows.reduce((s, c) => s + c.amountMinor, 0),
                    onlyCurrency,
                    locale,
                  )}
                </td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
    </section>
  );
}
