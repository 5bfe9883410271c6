import type { Subscription } from '../model';
import { perMonthMinor } from '../schedule';
import { nextRenewal } from '../summary';

export type SortKey = 'service' | 'monthly' | 'next' | 'status' | 'category';

export interface TableQuery {
  search: string;
  status: string;
  category: string;
  member: string;
  payment: string;
  currency: string;
  sort: SortKey;
  desc: boolean;
}

export const DEFAULT_QUERY: TableQuery = {
  search: '',
  status: '',
  category: '',
  member: '',
  payment: '',
  currency: '',
  sort: 'next',
  desc: false,
};

export interface Row {
  sub: Subscription;
  monthlyMinor: number;
  next: string | undefined;
}

/** Precomputes what sorting needs, once per data change (not per keystroke). */
export function buildRows(subs: readonly Subscription[], today: string): Row[] {
  return subs.map((sub) => ({
    sub,
    monthlyMinor: perMonthMinor(sub.amountMinor, sub.period),
    next: nextRenewal(sub, today),
  }));
}

/** Filters and sorts the subscription table. Search matches service, domain, notes and payment method. */
export function queryRows(rows: readonly Row[], q: TableQuery): Row[] {
  const needle = q.search.trim().toLocaleLowerCase();
  const out = rows.filter(({ sub }) => {
    if (q.status && sub.status !== q.status) return false;
    if (q.category && sub.category !== q.category) return false;
    if (q.member && (sub.ownerId ?? '') !== q.member) return false;
    if (q.payment && (sub.paymentMethod ?? '') !== q.payment) return false;
    if (q.currency && sub.currency !== q.currency) return false;
    if (!needle) return true;
    return [sub.service, sub.domain, sub.notes, sub.paymentMethod].some((f) => f?.toLocaleLowerCase().includes(needle));
  });
  const dir = q.desc ? -1 : 1;
  const cmp: Record<SortKey, (a: Row, b: Row) => number> = {
    service: (a, b) => a.sub.service.localeCompare(b.sub.service),
    monthly: (a, b) => a.monthlyMinor - b.monthlyMinor,
    next: (a, b) => (a.next ?? '9999').localeCompare(b.next ?? '9999'),
    status: (a, b) => a.sub.status.localeCompare(b.sub.status),
    category: (a, b) => a.sub.category.localeCompare(b.sub.category),
  };
  const by = cmp[q.sort];
  return out.sort((a, b) => dir * by(a, b) || a.sub.service.localeCompare(b.sub.service));
}

/** The distinct values of a field, for the filter menus. */
export function distinct(subs: readonly Subscription[], pick: (s: Subscription) => string | undefined): string[] {
  return [...new Set(subs.map(pick).filter((v): v is string => Boolean(v)))].sort();
}
