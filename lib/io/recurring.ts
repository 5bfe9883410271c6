/**
 * The recurring-payment finder: reads bank statement transactions and proposes the subscriptions and bills in
 * them (weekly, every 2 or 4 weeks, monthly, quarterly, half-yearly, yearly), following price changes and intro
 * prices, and ignoring income, one-off purchases and shops with varying amounts.
 *
 * How it works, per payee (directory service, else the cleaned payee text; see `payee.ts`):
 * 1. charges are put in buckets of the same amount (for services the directory knows, amounts each within 5% of
 *    the next: a foreign-currency price moves with the exchange rate, by up to a quarter over a year);
 * 2. in each bucket, runs are found: charges one period apart (±a window for jitter, weekends and holidays);
 * 3. runs of the same period that follow each other are joined (a price change, or an intro price before it),
 *    and single charges just before or after a run are added when their amount is close (a change not yet
 *    repeated) or lower (an intro price, at most 3);
 * 4. a series is kept when it has enough charges for its period, and — unless the directory knows the service —
 *    when the payee is not a shop (other payments outnumber the series, or the same price turns up around it),
 *    at least half its charges fall on their schedule day, and, when it has stopped, it ran for a while
 *    (two charges more than the minimum); for every payee, the series' price may not turn up more often outside
 *    the series than in it (a ticket price bought all year is a shop's price).
 */
import { addDays, diffDays, isValidIsoDate, toDayNumber } from '../dates';
import { lookupStatement } from '../directory';
import type { Category } from '../model';
import { addPeriods } from '../schedule';
import { cleanPayee, isExcludedLine, payeeKey } from './payee';
import { nextBankingDay, previousBankingDay } from './recurring-calendar';
import type { Transaction } from './statement';

export interface RecurringCharge {
  date: string;
  amountMinor: number;
}

/** A recurring payment found on a statement. */
export interface RecurringSeries {
  /** The payee as printed, cleaned (`NETFLIX.COM`). */
  payee: string;
  /** The latest amount (minor units). */
  amountMinor: number;
  currency: string;
  /** ISO 8601 period: P1W, P2W, P4W, P1M, P3M, P6M or P1Y. */
  period: string;
  count: number;
  firstDate: string;
  lastDate: string;
  /** The next expected charge: the schedule day after the last charge's (month ends kept). */
  nextDate: string;
  /** A schedule day of the series (for a subscription's billingAnchor). */
  billingAnchor: string;
  /** False when the last charge is more than two periods before `today` (the series has stopped). */
  active: boolean;
  /** Directory service id, name and category, when the payee is a known service. */
  serviceId?: string;
  serviceName?: string;
  category?: Category;
  /** The regular amount changed during the series (the latest is reported). */
  amountChanged?: boolean;
  /** The first 1–3 charges were an intro price (this amount) before the regular one. */
  introAmountMinor?: number;
  /** Every charge of the series, oldest first. */
  charges: RecurringCharge[];
}

export interface RecurringOptions {
  /** Today (`YYYY-MM-DD`), for `active`. */
  today: string;
  /** ISO country (`NO`) to choose between directory services sharing a name; default from the currency. */
  country?: string;
}

interface PeriodRule {
  period: string;
  /** Days a charge may be off its expected day (jitter, weekends, holidays). */
  window: number;
  /** Fewest charges for a series of an unknown payee. */
  min: number;
}

/** Periods tried, shortest first. */
export const PERIOD_RULES: readonly PeriodRule[] = [
  { period: 'P1W', window: 2, min: 4 },
  { period: 'P2W', window: 3, min: 3 },
  { period: 'P4W', window: 3, min: 3 },
  { period: 'P1M', window: 5, min: 3 },
  { period: 'P3M', window: 7, min: 3 },
  { period: 'P6M', window: 8, min: 2 },
  { period: 'P1Y', window: 9, min: 2 },
];
/** Fewest charges for a series of a service the directory knows. */
const MIN_KNOWN = 2;
/** A payee the directory does not know, where other payments outnumber the series this many times over, is a shop. */
const SHOP_RATIO = 1;
/** An intro price is below this share of the regular price. */
const INTRO_RATIO = 0.7;
/** A price change stays within these ratios. */
const CHANGE_MIN = 0.5;
const CHANGE_MAX = 2;
/**
 * A service the directory knows, charged in another currency, costs a little more or less each month as the rate
 * moves: amounts each within this share of the next are one price, and a chain whose highest amount is within
 * `FX_SPAN` of its lowest is stable (a year of USD/SEK moved 17% in 2025).
 */
const FX_STEP = 0.05;
const FX_SPAN = 1.25;
const COUNTRY_OF_CURRENCY: Record<string, string> = { NOK: 'NO', SEK: 'SE', DKK: 'DK', GBP: 'GB', USD: 'US' };

interface Item {
  date: string;
  /** Day number of `date`. */
  day: number;
  amountMinor: number;
  payee: string;
}

interface Group {
  currency: string;
  /** Country whose banking days shift the charges (from the options or the currency). */
  country?: string;
  serviceId?: string;
  serviceName?: string;
  category?: Category;
  items: Item[];
}

/** A charge in a run or chain, `k` periods after the chain's reference day. */
interface Placed {
  item: Item;
  k: number;
}

interface Chain {
  rule: PeriodRule;
  ref: string;
  placed: Placed[];
}

// ---- grouping -------------------------------------------------------------------------------------------

function groupTransactions(transactions: readonly Transaction[], country: string | undefined): Group[] {
  const groups = new Map<string, Group>();
  const lookups = new Map<string, ReturnType<typeof lookupStatement>>();
  for (const t of transactions) {
    if (!(t.amountMinor > 0) || !t.date || isExcludedLine(t.description)) continue;
    const payee = cleanPayee(t.description);
    const key = payeeKey(payee);
    if (!key) continue;
    const c = country ?? COUNTRY_OF_CURRENCY[t.currency];
    const cacheKey = `${c}|${t.description}`;
    if (!lookups.has(cacheKey)) lookups.set(cacheKey, lookupStatement(t.description, c));
    const service = lookups.get(cacheKey);
    const groupKey = service ? `svc:${service.id}|${t.currency}` : `p:${key}|${t.currency}`;
    let g = groups.get(groupKey);
    if (!g) {
      g = { currency: t.currency, items: [] };
      if (c) g.country = c;
      if (service) Object.assign(g, { serviceId: service.id, serviceName: service.name, category: service.category });
      groups.set(groupKey, g);
    }
    g.items.push({ date: t.date, day: toDayNumber(t.date), amountMinor: t.amountMinor, payee });
  }
  mergeTrailingVariants(groups);
  for (const g of groups.values()) g.items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return [...groups.values()];
}

/** `KLATREKLUBBEN MAJORSTUA` joins `KLATREKLUBBEN` when that payee exists: a trailing place or branch. */
function mergeTrailingVariants(groups: Map<string, Group>): void {
  const keys = [...groups.keys()].filter((k) => k.startsWith('p:')).sort((a, b) => a.length - b.length);
  for (const long of keys) {
    const [text, currency] = long.slice(2).split('|') as [string, string];
    const words = text.split(' ');
    for (let n = 1; n < words.length; n++) {
      const shortKey = `p:${words.slice(0, n).join(' ')}|${currency}`;
      const short = groups.get(shortKey);
      if (short && (words[0] as string).length >= 3) {
        short.items.push(...(groups.get(long) as Group).items);
        groups.delete(long);
        break;
      }
    }
  }
}

// ---- runs -----------------------------------------------------------------------------------------------

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Each charge's distance in days from its schedule day counted from the chain's reference day. */
function deviations(chain: Chain): number[] {
  return chain.placed.map((p) => diffDays(addPeriods(chain.ref, chain.rule.period, p.k), p.item.date));
}

/** The day a chain expects its k-th charge, shifted by the chain's usual offset (`devs`: its deviations). */
function expectedDay(chain: Chain, k: number, devs: readonly number[] = deviations(chain)): string {
  return addDays(addPeriods(chain.ref, chain.rule.period, k), Math.round(median(devs)));
}

/** Index of the first item on or after `day` (items sorted by date). */
function lowerBound(items: readonly Item[], day: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as Item).day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The item closest to `day` within the window that `ok` accepts, if any (items sorted by date). */
function closest(items: readonly Item[], day: string, window: number, ok: (i: Item) => boolean): Item | undefined {
  let best: Item | undefined;
  let bestDist = window + 1;
  const center = toDayNumber(day);
  for (let i = lowerBound(items, center - window); i < items.length; i++) {
    const it = items[i] as Item;
    if (it.day - center > window) break;
    const dist = Math.abs(it.day - center);
    if (dist < bestDist && ok(it)) {
      best = it;
      bestDist = dist;
    }
  }
  return best;
}

/** The run starting at `start`: each next charge near the expected day. */
function walk(items: readonly Item[], used: ReadonlySet<Item>, start: Item, rule: PeriodRule): Chain {
  const chain: Chain = { rule, ref: start.date, placed: [{ item: start, k: 0 }] };
  const devs = [0];
  let last = start;
  for (let k = 1; k < 1000; k++) {
    const day = expectedDay(chain, k, devs);
    const after = last;
    const next = closest(items, day, rule.window, (i) => i.day > after.day && !used.has(i));
    if (!next) break;
    chain.placed.push({ item: next, k });
    devs.push(diffDays(addPeriods(chain.ref, rule.period, k), next.date));
    last = next;
  }
  return chain;
}

function spread(chain: Chain): number {
  const devs = deviations(chain);
  const m = median(devs);
  return devs.reduce((s, d) => s + Math.abs(d - m), 0) / devs.length;
}

/** Runs of two or more charges in one amount bucket, longest first, each charge in at most one run. */
function findRuns(bucket: readonly Item[]): Chain[] {
  const used = new Set<Item>();
  const runs: Chain[] = [];
  for (let round = 0; round < 20 && bucket.length - used.size >= 2; round++) {
    let best: Chain | undefined;
    let bestScore = -Infinity;
    for (const start of bucket) {
      if (used.has(start)) continue;
      for (const rule of PERIOD_RULES) {
        const run = walk(bucket, used, start, rule);
        if (run.placed.length < 2) continue;
        const score = run.placed.length * 100 - spread(run);
        if (score > bestScore) {
          best = run;
          bestScore = score;
        }
      }
    }
    if (!best) break;
    for (const p of best.placed) used.add(p.item);
    runs.push(best);
  }
  return runs;
}

/**
 * Amount buckets: equal amounts, or for known services amounts each within 5% of the next one (a price that moves
 * with the exchange rate stays in one bucket; an app bought at another price does not join it).
 */
function buckets(items: readonly Item[], fuzzy: boolean): Item[][] {
  const sorted = [...items].sort((a, b) => a.amountMinor - b.amountMinor);
  const out: Item[][] = [];
  for (const it of sorted) {
    const last = out.at(-1);
    const prev = last?.at(-1);
    if (
      last &&
      prev &&
      (it.amountMinor === prev.amountMinor || (fuzzy && it.amountMinor <= prev.amountMinor * (1 + FX_STEP)))
    ) {
      last.push(it);
    } else {
      out.push([it]);
    }
  }
  return out.map((b) => b.sort((a, c) => a.day - c.day));
}

/**
 * More than one charge per 5 days on average: a shop (the same coffee price), not a subscription (weekly is the
 * shortest period). Such buckets are skipped before the runs search, which would be slow on them.
 */
function isDense(bucket: readonly Item[]): boolean {
  if (bucket.length < 4) return false;
  const span = (bucket.at(-1) as Item).day - (bucket[0] as Item).day;
  return (bucket.length - 1) * 5 > span;
}

// ---- chains ---------------------------------------------------------------------------------------------

const firstOf = (c: Chain) => (c.placed[0] as Placed).item;
const lastOf = (c: Chain) => (c.placed.at(-1) as Placed).item;

/** Joins runs of the same period that follow each other: price changes, and intro prices before a run. */
function linkRuns(runs: Chain[]): Chain[] {
  const sorted = [...runs].sort((a, b) => firstOf(a).day - firstOf(b).day);
  const chains: Chain[] = [];
  for (const run of sorted) {
    const target = chains.find((c) => {
      if (c.rule.period !== run.rule.period || lastOf(c).day >= firstOf(run).day) return false;
      const k = (c.placed.at(-1) as Placed).k + 1;
      if (Math.abs(diffDays(expectedDay(c, k), firstOf(run).date)) > c.rule.window) return false;
      const a = lastOf(c).amountMinor;
      const b = firstOf(run).amountMinor;
      const ratio = b / a;
      const intro = c.placed.length <= 3 && a < b;
      return a === b || (ratio >= CHANGE_MIN && ratio <= CHANGE_MAX) || intro;
    });
    if (!target) {
      chains.push(run);
      continue;
    }
    const offset = (target.placed.at(-1) as Placed).k + 1;
    for (const p of run.placed) target.placed.push({ item: p.item, k: offset + p.k });
  }
  return chains;
}

/**
 * Adds single charges next to a chain: after it, charges of the same amount and then at most one of a new price
 * (a change not yet repeated); before it, charges of the same amount, then up to 3 lower ones (an intro price) or
 * one of an older price. A charge may be taken from a shorter chain of at most 3 charges (two intro charges a
 * month apart can look like a 4-weekly run of their own).
 */
function extend(chain: Chain, items: readonly Item[], owner: Map<Item, Chain>): void {
  const { window } = chain.rule;
  const free = (i: Item) => {
    const o = owner.get(i);
    return !o || (o !== chain && o.placed.length <= 3 && o.placed.length < chain.placed.length);
  };
  const take = (i: Item) => {
    const o = owner.get(i);
    if (o) o.placed = o.placed.filter((p) => p.item !== i);
    owner.set(i, chain);
  };
  for (;;) {
    const last = chain.placed.at(-1) as Placed;
    const a = last.item.amountMinor;
    const next = closest(items, expectedDay(chain, last.k + 1), window, (i) => {
      const r = i.amountMinor / a;
      return i.day > last.item.day && r >= CHANGE_MIN && r <= CHANGE_MAX && free(i);
    });
    if (!next) break;
    take(next);
    chain.placed.push({ item: next, k: last.k + 1 });
    if (next.amountMinor !== a) break;
  }
  const regular = (chain.placed[0] as Placed).item.amountMinor;
  let intro = 0;
  for (;;) {
    const first = chain.placed[0] as Placed;
    const a = first.item.amountMinor;
    const prev = closest(items, expectedDay(chain, first.k - 1), window, (i) => {
      if (i.day >= first.item.day || !free(i)) return false;
      if (i.amountMinor < regular * INTRO_RATIO) return intro < 3;
      return intro === 0 && i.amountMinor / a <= CHANGE_MAX;
    });
    if (!prev) break;
    take(prev);
    chain.placed.unshift({ item: prev, k: first.k - 1 });
    if (prev.amountMinor < regular * INTRO_RATIO) intro++;
    else if (prev.amountMinor !== a) break;
  }
}

// ---- describing a chain ---------------------------------------------------------------------------------

/**
 * A charge due on a weekend or holiday is posted on the next banking day (card charges, booking dates), some direct
 * debits on the banking day before: both count as on time.
 */
function distance(scheduled: string, charged: string, country: string | undefined): number {
  if (scheduled === charged) return 0;
  if (nextBankingDay(scheduled, country) === charged || previousBankingDay(scheduled, country) === charged) return 0;
  return Math.abs(diffDays(scheduled, charged));
}

/**
 * The schedule that best explains the charges: the most charges on their day (or on the Monday after a weekend
 * day), then the least total distance, then the earliest day. Returned as an anchor day and the chain index it
 * stands for.
 */
function nominalSchedule(chain: Chain, country: string | undefined): { anchor: string; k0: number } {
  const period = chain.rule.period;
  let best = { anchor: chain.ref, k0: 0 };
  let bestOnTime = -1;
  let bestCost = Infinity;
  const tried = new Set<string>();
  for (const p of chain.placed) {
    for (let shift = -3; shift <= 3; shift++) {
      const anchor = addDays(p.item.date, shift);
      // Many candidates are the same schedule (for weekly ones, one per weekday): try each once.
      const base = addPeriods(anchor, period, -p.k);
      if (tried.has(base)) continue;
      tried.add(base);
      let cost = 0;
      let onTime = 0;
      for (const q of chain.placed) {
        const d = distance(addPeriods(anchor, period, q.k - p.k), q.item.date, country);
        cost += d;
        if (d === 0) onTime++;
      }
      const better =
        onTime > bestOnTime ||
        (onTime === bestOnTime &&
          (cost < bestCost || (cost === bestCost && base < addPeriods(best.anchor, period, -best.k0))));
      if (better) {
        best = { anchor, k0: p.k };
        bestOnTime = onTime;
        bestCost = cost;
      }
    }
  }
  return best;
}

/**
 * How many leading charges (1–3) are an intro price: all below 70% of the charge after them, and no later charge
 * that low again. 0 when there is none.
 */
function countIntro(amounts: readonly number[]): number {
  for (let i = 1; i <= Math.min(3, amounts.length - 1); i++) {
    const regular = (amounts[i] as number) * INTRO_RATIO;
    if (amounts.slice(0, i).every((x) => x < regular) && amounts.slice(i).every((x) => x >= regular)) return i;
  }
  return 0;
}

function describe(chain: Chain, group: Group, today: string): RecurringSeries {
  const period = chain.rule.period;
  const charges = chain.placed.map((p) => ({ date: p.item.date, amountMinor: p.item.amountMinor }));
  const amounts = charges.map((c) => c.amountMinor);
  const introCount = countIntro(amounts);
  const regular = amounts.slice(introCount);
  const { anchor, k0 } = nominalSchedule(chain, group.country);
  const nominal = chain.placed.map((p) => addPeriods(anchor, period, p.k - k0));
  const lastK = (chain.placed.at(-1) as Placed).k - k0;
  const nextDate = addPeriods(anchor, period, lastK + 1);
  // The schedule day with the latest day of month keeps month ends (the 31st) for the subscription.
  const billingAnchor = nominal.reduce((b, d) =>
    d.slice(8) > b.slice(8) || (d.slice(8) === b.slice(8) && d > b) ? d : b,
  );
  const active = today <= addDays(addPeriods(anchor, period, lastK + 2), chain.rule.window);
  const payees = new Map<string, number>();
  for (const p of chain.placed) payees.set(p.item.payee, (payees.get(p.item.payee) ?? 0) + 1);
  const payee =
    [...payees.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0]?.[0] ??
    '';
  const series: RecurringSeries = {
    payee,
    amountMinor: amounts.at(-1) as number,
    currency: group.currency,
    period,
    count: charges.length,
    firstDate: (charges[0] as RecurringCharge).date,
    lastDate: (charges.at(-1) as RecurringCharge).date,
    nextDate,
    billingAnchor,
    active,
    charges,
  };
  if (group.serviceId) series.serviceId = group.serviceId;
  if (group.serviceName) series.serviceName = group.serviceName;
  if (group.category) series.category = group.category;
  if (Math.max(...regular) > Math.min(...regular) * 1.02) series.amountChanged = true;
  if (introCount > 0) series.introAmountMinor = amounts[introCount - 1] as number;
  return series;
}

/**
 * For payees the directory does not know: a shop, not a subscription, when other payments there outnumber the
 * series (or there is any other payment within a two-charge series), or when other charges of the
 * same amount fall within it or a period around it (none allowed for a series of up to 4 charges, at most a
 * quarter of its count beyond): a coffee or a haircut at one price bought now and then. A parallel series (the same plan twice, charged on the same
 * days) does not count against it.
 */
function looksLikeShop(chain: Chain, group: Group, chains: readonly Chain[], known = false): boolean {
  const from = firstOf(chain).day - chain.rule.window;
  const to = lastOf(chain).day + chain.rule.window;
  const ignore = new Set(chain.placed.map((p) => p.item));
  for (const other of chains) {
    if (other !== chain && isParallel(other, chain)) for (const p of other.placed) ignore.add(p.item);
  }
  const amounts = new Set(chain.placed.map((p) => p.item.amountMinor));
  // Same-amount charges are looked for up to a period before and after: a hairdresser at one price visited every
  // 6–10 weeks may line up for three visits, but not with none of the same price around them.
  const wideFrom = toDayNumber(addPeriods(firstOf(chain).date, chain.rule.period, -1)) - chain.rule.window;
  const wideTo = toDayNumber(addPeriods(lastOf(chain).date, chain.rule.period, 1)) + chain.rule.window;
  let others = 0;
  let sameAmount = 0;
  let sameAmountAnywhere = 0;
  for (const i of group.items) {
    if (ignore.has(i)) continue;
    if (i.day >= from && i.day <= to) others++;
    if (amounts.has(i.amountMinor) && i.day >= wideFrom && i.day <= wideTo) sameAmount++;
    if (amounts.has(i.amountMinor)) sameAmountAnywhere++;
  }
  const count = chain.placed.length;
  // The series' price turns up more often outside it than in it over the whole statement: a price the payee
  // charges everyone all year (a single ticket), six of which happened to fall a week apart.
  if (sameAmountAnywhere > (known ? 2 : 1) * count) return true;
  // A few regular-looking charges among many others at one payee (tickets, apps) are not a subscription.
  if (count <= 3 && group.items.length >= 3 * count + 2) return true;
  // A service the directory knows sells one-offs too (apps, tickets): it may have some, not more than the series.
  const ratio = known ? 2 * SHOP_RATIO : SHOP_RATIO;
  return others > (count <= 2 ? 0 : ratio * count) || sameAmount > (count <= 4 ? 0 : count / 4);
}

/**
 * Subscriptions are charged on their day (or the Monday after a weekend day) most of the time: at least half the
 * charges of a payee the directory does not know must be, or three visits to a shop a month apart, give or take a
 * few days, would pass for one.
 */
function isPunctual(chain: Chain, country: string | undefined): boolean {
  const { anchor, k0 } = nominalSchedule(chain, country);
  const onTime = chain.placed.filter(
    (p) => distance(addPeriods(anchor, chain.rule.period, p.k - k0), p.item.date, country) === 0,
  ).length;
  if (onTime * 2 >= chain.placed.length) return true;
  // A card charge booked a day after it was made, now and then: within a day on every charge, a long run.
  const nearly = chain.placed.filter(
    (p) => distance(addPeriods(anchor, chain.rule.period, p.k - k0), p.item.date, country) <= 1,
  ).length;
  return chain.placed.length >= 6 && nearly === chain.placed.length;
}

/**
 * A subscription's price is stable: one price, or steps that do not come back (an intro price, then the regular one,
 * then a raise), each price but the first and the last charged at least twice. Amounts within 2% are one price
 * (5% for services the directory knows, whose foreign prices move with the exchange rate).
 */
function isStable(chain: Chain, known: boolean): boolean {
  const tolerance = known ? 0.05 : 0.02;
  // A known service's price moving with the exchange rate, up and down within a quarter: one price. (An intro
  // price is below 70% of the regular one, outside this span, and is found by the steps below.)
  const amounts = chain.placed.map((p) => p.item.amountMinor);
  if (known && Math.max(...amounts) <= Math.min(...amounts) * FX_SPAN) return true;
  const levels: Array<{ amount: number; n: number }> = [];
  for (const p of chain.placed) {
    const a = p.item.amountMinor;
    const last = levels.at(-1);
    if (last && Math.abs(a - last.amount) <= last.amount * tolerance) last.n++;
    else {
      if (levels.some((l) => Math.abs(a - l.amount) <= l.amount * tolerance)) return false;
      levels.push({ amount: a, n: 1 });
    }
  }
  if (levels.length > 3) return false;
  return levels.every((l, i) => i === 0 || i === levels.length - 1 || l.n >= 2);
}

function rule(period: string): PeriodRule | undefined {
  return PERIOD_RULES.find((r) => r.period === period);
}

/** Same period, and at least 80% of its charges within a day of one of `chain`'s. */
function isParallel(other: Chain, chain: Chain): boolean {
  if (other.rule.period !== chain.rule.period || other.placed.length < 2) return false;
  const days = chain.placed.map((p) => p.item.day);
  const near = other.placed.filter((p) => days.some((d) => Math.abs(d - p.item.day) <= 1)).length;
  return near >= 0.8 * other.placed.length;
}

// ---- the finder -----------------------------------------------------------------------------------------

function seriesOfGroup(group: Group, today: string): RecurringSeries[] {
  const known = group.serviceId !== undefined;
  const runs = buckets(group.items, known)
    .filter((b) => b.length >= 2 && (known || !isDense(b)))
    .flatMap(findRuns);
  const chains = linkRuns(runs).sort((a, b) => b.placed.length - a.placed.length);
  const owner = new Map<Item, Chain>();
  for (const c of chains) for (const p of c.placed) owner.set(p.item, c);
  for (const c of chains) if (c.placed.length > 0) extend(c, group.items, owner);
  return (
    chains
      .filter((c) => c.placed.length >= (known ? MIN_KNOWN : c.rule.min))
      // Known services too: a subscription is charged on its schedule at a stable price, with no store-like
      // purchases around it (one-off app purchases, transit tickets).
      .filter((c) => !looksLikeShop(c, group, chains, known) && isPunctual(c, group.country) && isStable(c, known))
      .map((c) => describe(c, group, today))
      .filter((s) => known || s.active || s.count >= (rule(s.period)?.min ?? 0) + 2)
  );
}

/**
 * Finds recurring payments in statement transactions (money out only; positive `amountMinor`). Series are
 * sorted by payee, then amount. Never throws on odd input (rows with bad dates are ignored).
 */
export function findRecurring(
  transactions: readonly Transaction[],
  opts: RecurringOptions,
): { series: RecurringSeries[] } {
  const valid = transactions.filter(
    (t) => isValidIsoDate(t.date) && Number.isSafeInteger(t.amountMinor) && typeof t.description === 'string',
  );
  const series: RecurringSeries[] = [];
  for (const group of groupTransactions(valid, opts.country)) {
    try {
      series.push(...seriesOfGroup(group, opts.today));
    } catch {
      // A group with data the calendar cannot handle (a year beyond 9999) is skipped, not fatal.
    }
  }
  series.sort((a, b) => (a.payee < b.payee ? -1 : a.payee > b.payee ? 1 : a.amountMinor - b.amountMinor));
  return { series };
}
