import type { Subscription } from '../model';
import { perMonthMinor } from '../schedule';
import { type Ctx, nextRenewal, toBase } from '../summary';

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
  /** Per month in the subscription's own currency (what the table shows). */
  monthlyMinor: number;
  /** Per month in the base currency (what "sort by cost" compares); null without an exchange rate. */
  monthlyBase: number | null;
  next: string | undefined;
  /** Position of the service name in the locale's order (names compare as numbers when sorting). */
  nameRank: number;
  /** Service, domain, notes and payment method, lower-cased, for search. */
  text: string;
}

let collator: Intl.Collator | undefined;
/** The same order as `String.prototype.localeCompare` with the default locale, at a fraction of its cost. */
const compareText = (a: string, b: string) => {
  collator ??= new Intl.Collator();
  return collator.compare(a, b);
};

// Never typed into a search field, so a search cannot match across two fields.
const SEP = '\u0000';

/** Precomputes what sorting and searching need, once per data change (not per keystroke or click). */
export function buildRows(subs: readonly Subscription[], ctx: Ctx): Row[] {
  const rows = subs.map((sub) => {
    const monthlyMinor = perMonthMinor(sub.amountMinor, sub.period);
    return {
      sub,
      monthlyMinor,
      monthlyBase: toBase(monthlyMinor, sub.currency, ctx),
      next: nextRenewal(sub, ctx.today),
      nameRank: 0,
      text: [sub.service, sub.domain, sub.notes, sub.paymentMethod]
        .filter((f) => f)
        .join(SEP)
        .toLocaleLowerCase(),
    };
  });
  const byName = [...rows].sort((a, b) => compareText(a.sub.service, b.sub.service));
  for (let i = 0; i < byName.length; i++) {
    // Equal names share a rank.
    const prev = byName[i - 1];
    byName[i]!.nameRank = prev && compareText(prev.sub.service, byName[i]!.sub.service) === 0 ? prev.nameRank : i;
  }
  return rows;
}

const byNumber = (a: number, b: number) => a - b;
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const CMP: Record<SortKey, (a: Row, b: Row) => number> = {
  service: (a, b) => byNumber(a.nameRank, b.nameRank),
  // Costs without an exchange rate sort as the most expensive.
  monthly: (a, b) => byNumber(a.monthlyBase ?? Number.POSITIVE_INFINITY, b.monthlyBase ?? Number.POSITIVE_INFINITY),
  // Days are YYYY-MM-DD, so they compare as strings; none (paused, cancelled) last.
  next: (a, b) => byString(a.next ?? '9999', b.next ?? '9999'),
  status: (a, b) => compareText(a.sub.status, b.sub.status),
  category: (a, b) => compareText(a.sub.category, b.sub.category),
};

/** Filters and sorts the subscription table. Search matches service, domain, notes and payment method. */
export function queryRows(rows: readonly Row[], q: TableQuery): Row[] {
  const needle = q.search.trim().toLocaleLowerCase();
  const out = rows.filter(({ sub, text }) => {
    if (q.status && sub.status !== q.status) return false;
    if (q.category && sub.category !== q.category) return false;
    if (q.member && (sub.ownerId ?? '') !== q.member) return false;
    if (q.payment && (sub.paymentMethod ?? '') !== q.payment) return false;
    if (q.currency && sub.currency !== q.currency) return false;
    return !needle || text.includes(needle);
  });
  const dir = q.desc ? -1 : 1;
  const by = CMP[q.sort];
  return out.sort((a, b) => dir * by(a, b) || a.nameRank - b.nameRank);
}

/** The distinct values of a field, for the filter menus. */
export function distinct(subs: readonly Subscription[], pick: (s: Subscription) => string | undefined): string[] {
  return [...new Set(subs.map(pick).filter((v): v is string => Boolean(v)))].sort();
}
