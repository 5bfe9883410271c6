import { useState } from 'preact/hooks';
import { money, periodLabel } from '../lib/app/format';
import type { Row, SortKey, TableQuery } from '../lib/app/table';
import { formatDate } from '../lib/dates';
import type { Translate } from '../lib/i18n';
import { CATEGORIES, type Member, STATUSES } from '../lib/model';
import { DASHBOARD_START, GetStarted } from './GetStarted';

const PAGE = 50;

/** Every subscription, with search, filters and sortable columns. */
export function SubscriptionTable(props: {
  rows: readonly Row[];
  query: TableQuery;
  members: readonly Member[];
  payments: readonly string[];
  currencies: readonly string[];
  total: number;
  /** The main currency: the per-month column shows the amount in it beside the subscription's own. */
  base?: string;
  locale: string;
  t: Translate;
  onQuery: (q: TableQuery) => void;
  onOpen: (id: string) => void;
  onEdit: (id: string) => void;
  onDelete: (id: string) => void;
}) {
  const { query: q, t, locale } = props;
  // Long lists render 50 rows at a time (more than a screen), so sorting and searching stay instant with
  // thousands of rows.
  const [limit, setLimit] = useState(PAGE);
  const shown = props.rows.slice(0, limit);
  const set = (k: keyof TableQuery) => (e: Event) =>
    props.onQuery({ ...q, [k]: (e.currentTarget as HTMLInputElement).value });
  const sortBy = (key: SortKey) => props.onQuery({ ...q, sort: key, desc: q.sort === key ? !q.desc : false });
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={q.sort === key ? (q.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" onClick={() => sortBy(key)}>
        {label}
        <span aria-hidden="true">{q.sort === key ? (q.desc ? ' ▾' : ' ▴') : ''}</span>
      </button>
    </th>
  );
  const filter = (k: keyof TableQuery, label: string, options: Array<[string, string]>) => (
    <label class="filter">
      <span>{label}</span>
      <select value={q[k] as string} onChange={set(k)}>
        <option value="">{t('dashboard.all')}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  if (props.total === 0) {
    return (
      <section class="card empty-state" aria-labelledby="subs-h">
        <h2 id="subs-h">{t('dashboard.nav.subscriptions')}</h2>
        <p>
          <strong>{t('common.noSubscriptions')}</strong>
        </p>
        <p>{t('common.emptyText')}</p>
        <GetStarted links={DASHBOARD_START} t={t} />
      </section>
    );
  }
  const filtered =
    q.search.trim() !== '' ||
    q.status !== '' ||
    q.category !== '' ||
    q.member !== '' ||
    q.payment !== '' ||
    q.currency !== '';
  return (
    <section class="card" aria-labelledby="subs-h">
      <h2 id="subs-h">{t('dashboard.nav.subscriptions')}</h2>
      <search class="toolbar">
        <label class="filter search">
          <span>{t('dashboard.search')}</span>
          <input type="search" value={q.search} onInput={set('search')} placeholder={t('dashboard.searchHint')} />
        </label>
        {filter(
          'status',
          t('dashboard.field.status'),
          STATUSES.map((s) => [s, t(`common.status.${s}`)]),
        )}
        {filter(
          'category',
          t('dashboard.field.category'),
          CATEGORIES.map((c) => [c, t(`common.category.${c}`)]),
        )}
        {props.members.length > 0 &&
          filter(
            'member',
            t('dashboard.field.owner'),
            props.members.map((m) => [m.id, m.name]),
          )}
        {props.payments.length > 0 &&
          filter(
            'payment',
            t('dashboard.field.paymentMethod'),
            props.payments.map((p) => [p, p]),
          )}
        {filter(
          'currency',
          t('dashboard.field.currency'),
          props.currencies.map((c) => [c, c]),
        )}
      </search>
      <p class="muted small" role="status">
        {filtered
          ? t('dashboard.showing', { n: props.rows.length, total: props.total })
          : t('dashboard.countAll', { n: props.total })}
      </p>
      {props.rows.length === 0 ? (
        <div class="no-match">
          <p>{t('dashboard.noMatch')}</p>
          <button
            type="button"
            onClick={() =>
              props.onQuery({ ...q, search: '', status: '', category: '', member: '', payment: '', currency: '' })
            }
          >
            {t('dashboard.clearFilters')}
          </button>
        </div>
      ) : (
        <div class="table-wrap">
          <table class="subs">
            <thead>
              <tr>
                {header('service', t('dashboard.field.service'))}
                <th scope="col">{t('dashboard.field.amount')}</th>
                {header('monthly', t('common.perMonth'))}
                {header('next', t('dashboard.field.nextRenewal'))}
                {header('status', t('dashboard.field.status'))}
                {header('category', t('dashboard.field.category'))}
                <th scope="col">
                  <span class="sr-only">{t('dashboard.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ sub, monthlyMinor, monthlyBase, next }) => (
                <tr key={sub.id}>
                  <th scope="row" class="service-cell">
                    <button
                      type="button"
                      class="linkish service-name"
                      title={sub.service}
                      onClick={() => props.onOpen(sub.id)}
                    >
                      {sub.service}
                    </button>
                  </th>
                  <td class="num">
                    {money(sub.amountMinor, sub.currency, locale)}{' '}
                    <span class="muted nowrap">{periodLabel(sub.period, t)}</span>
                  </td>
                  <td class="num">
                    {money(monthlyMinor, sub.currency, locale)}
                    {props.base && sub.currency !== props.base && monthlyBase !== null && (
                      <span class="muted small in-base">≈ {money(monthlyBase, props.base, locale)}</span>
                    )}
                  </td>
                  <td>{next ? <time dateTime={next}>{formatDate(next, locale, 'medium')}</time> : '—'}</td>
                  <td>
                    <span class={`status status-${sub.status}`}>{t(`common.status.${sub.status}`)}</span>
                  </td>
                  <td>{t(`common.category.${sub.category}`)}</td>
                  <td>
                    <details class="row-menu">
                      <summary aria-label={t('dashboard.actionsFor', { name: sub.service })}>
                        <span aria-hidden="true">⋯</span>
                      </summary>
                      <div class="row-menu-items">
                        <button type="button" onClick={() => props.onEdit(sub.id)}>
                          {t('common.edit')}
                          <span class="sr-only"> {sub.service}</span>
                        </button>
                        <button type="button" class="danger" onClick={() => props.onDelete(sub.id)}>
                          {t('common.delete')}
                          <span class="sr-only"> {sub.service}</span>
                        </button>
                      </div>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.rows.length > shown.length && (
        <button type="button" class="wide" onClick={() => setLimit(limit + PAGE)}>
          {t('dashboard.showMore', { n: Math.min(PAGE, props.rows.length - shown.length) })}
        </button>
      )}
    </section>
  );
}
