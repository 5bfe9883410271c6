import type { ComponentChildren } from 'preact';
import { money } from '../../lib/app/format';
import type { Translate } from '../../lib/i18n/translate';
import type { Member } from '../../lib/model';
import type { LiveHousehold, PaidItem } from '../../lib/sync/household-view';
import type { SyncStatus } from '../../lib/sync/status';
import '../settings/household.css';
import { relativeTime } from '../sync/format';
import { SyncStatusLine } from '../sync/SyncStatusLine';

/**
 * The household: what each member pays per month, who pays for what (with who added and last changed it),
 * services paid twice and subscriptions split between members, live from the synced data. Without a server,
 * it points to setting one up and shows the household-file comparison (`fileMerge`) instead.
 */
export function HouseholdView(props: {
  view: LiveHousehold | null;
  status: SyncStatus;
  t: Translate;
  locale: string;
  nowMs: number;
  onOpen: (subscriptionId: string) => void;
  onSetUp: () => void;
  /** The file comparison, for households without a server. */
  fileMerge?: ComponentChildren;
}) {
  const { view, t, locale } = props;
  if (!view) {
    return (
      <section class="view household-view" aria-labelledby="household-title">
        <h2 id="household-title">{t('sync.view.title')}</h2>
        <div class="card">
          <p>{t('sync.view.notSetUp')}</p>
          <button type="button" class="primary" onClick={props.onSetUp}>
            {t('sync.view.setUp')}
          </button>
        </div>
        {props.fileMerge && (
          <details class="card">
            <summary>{t('sync.view.fileMerge')}</summary>
            {props.fileMerge}
          </details>
        )}
      </section>
    );
  }

  const names = new Map(view.members.map((m) => [m.id, m]));
  const nameOf = (id: string | undefined) => (id ? names.get(id)?.name : undefined) ?? t('sync.view.someone');
  const total = view.totalsPerMember.reduce((sum, m) => sum + m.monthlyMinor, 0);

  return (
    <section class="view household-view" aria-labelledby="household-title" data-testid="household-view">
      <h2 id="household-title">{t('sync.view.title')}</h2>
      <p class="hint">{t('sync.view.intro')}</p>
      <div class="card">
        <SyncStatusLine status={props.status} t={t} locale={locale} nowMs={props.nowMs} />
      </div>

      <div class="card">
        <h3>{t('sync.view.total')}</h3>
        <p class="figure" data-testid="household-total">
          {t('sync.view.perMonth', { amount: money(total, view.base, locale) })}
        </p>
        <table class="household-totals">
          <thead>
            <tr>
              <th scope="col">{t('sync.view.member')}</th>
              <th scope="col">{t('sync.view.count')}</th>
              <th scope="col">{t('sync.view.monthly', { currency: view.base })}</th>
            </tr>
          </thead>
          <tbody>
            {view.members.map((m) => {
              const row = view.totalsPerMember.find((x) => x.memberId === m.id);
              return (
                <tr key={m.id} data-testid="household-member-total">
                  <th scope="row">
                    <Swatch member={m} /> {m.name}
                  </th>
                  <td>{row?.count ?? 0}</td>
                  <td>{money(row?.monthlyMinor ?? 0, view.base, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div class="card">
        <h3>{t('sync.view.payers')}</h3>
        {view.members.map((m) => {
          const items = view.paidBy.get(m.id) ?? [];
          return (
            <div key={m.id} class="household-payer">
              <h4>
                <Swatch member={m} /> {m.name}
              </h4>
              {items.length === 0 ? (
                <p class="muted">{t('sync.view.nothing')}</p>
              ) : (
                <ul class="household-items">
                  {items.map((item) => (
                    <Item key={`${m.id}:${item.subscription.id}`} item={item} {...props} nameOf={nameOf} />
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>

      <div class="card" data-testid="household-duplicates">
        <h3>{t('sync.view.paidTwice')}</h3>
        {view.duplicates.length === 0 ? (
          <p class="muted">{t('sync.view.paidTwiceNone')}</p>
        ) : (
          <ul>
            {view.duplicates.map((d) => (
              <li key={d.serviceKey}>
                {t('sync.view.paidTwiceItem', {
                  service: d.name,
                  members: d.members.map(nameOf).join(', '),
                  saving: money(d.monthlySavingMinor, view.base, locale),
                })}
              </li>
            ))}
          </ul>
        )}
      </div>

      {view.split.length > 0 && (
        <div class="card">
          <h3>{t('sync.view.split')}</h3>
          <ul>
            {view.split.map((s) => (
              <li key={s.id}>
                <button type="button" class="link-button" onClick={() => props.onOpen(s.id)}>
                  {s.service}
                </button>{' '}
                — {nameOf(s.memberId)}
                {(s.shares ?? []).map(
                  (sh) => `, ${nameOf(sh.memberId)} ${t('sync.view.share', { percent: sh.percent })}`,
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {view.unassigned.length > 0 && (
        <div class="card">
          <h3>{t('sync.view.unassigned')}</h3>
          <p class="hint">{t('sync.view.unassignedHint')}</p>
          <ul>
            {view.unassigned.map((s) => (
              <li key={s.id}>
                <button type="button" class="link-button" onClick={() => props.onOpen(s.id)}>
                  {s.service}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Swatch({ member }: { member: Member }) {
  return <span class="member-swatch" style={{ backgroundColor: member.color }} aria-hidden="true" />;
}

function Item(props: {
  item: PaidItem;
  t: Translate;
  locale: string;
  nowMs: number;
  view: LiveHousehold | null;
  nameOf: (id: string | undefined) => string;
  onOpen: (id: string) => void;
}) {
  const { item, t, locale, nameOf } = props;
  const s = item.subscription;
  const who = item.attribution;
  return (
    <li data-testid="household-item">
      <button type="button" class="link-button" onClick={() => props.onOpen(s.id)}>
        {s.service}
      </button>{' '}
      <span class="amount">
        {t('sync.view.perMonth', {
          amount:
            item.monthlyMinor === null
              ? money(s.amountMinor, s.currency, locale)
              : money(item.monthlyMinor, props.view?.base ?? s.currency, locale),
        })}
      </span>
      {item.percent < 100 && <span class="muted"> ({t('sync.view.share', { percent: item.percent })})</span>}
      {who && (
        <span class="muted small household-who">
          {' · '}
          {who.createdBy && t('sync.view.addedBy', { name: nameOf(who.createdBy) })}
          {who.changedBy && who.changedAt && who.changedBy !== who.createdBy && (
            <>
              {' · '}
              {t('sync.view.changedBy', {
                name: nameOf(who.changedBy),
                when: relativeTime(who.changedAt, props.nowMs, locale),
              })}
            </>
          )}
        </span>
      )}
    </li>
  );
}
