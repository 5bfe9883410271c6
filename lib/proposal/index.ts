import { addDays } from '../dates';
import {
  type Category,
  type Charge,
  type Detection,
  LINK_KINDS,
  type Links,
  type PageDetection,
  type PriceChange,
  type Proposal,
  type ProposedChanges,
  type ProposedCharge,
  type ProposedSubscription,
  ProposedSubscription as ProposedSubscriptionSchema,
  type Subscription,
} from '../model';
import { addPeriods, isOccurrence } from '../schedule';

/**
 * Proposals: what a page (or a mail) would add or change, kept apart from the user's data until the user accepts
 * it in the inbox. Pure functions to build, read and convert them; ./accept.ts applies one (the database write).
 */

type Charges = PageDetection['charges'];
type ChargeSource = ProposedCharge['source'];

function latest(charges: Charges): Charges[number] | undefined {
  let best: Charges[number] | undefined;
  for (const c of charges) if (!best || c.date > best.date) best = c;
  return best;
}

/** What kind of page a charge was read from. */
export function chargeSource(kind: PageDetection['kind']): ChargeSource {
  return kind === 'receipt' || kind === 'billing' || kind === 'account' || kind === 'confirmation' ? kind : 'receipt';
}

/**
 * The subscription a page shows, as it would be added: trial and intro ends counted from the day the page was seen,
 * the renewal from the page (or a period after the latest charge). Undefined when the page names no service or
 * shows no price.
 */
export function newSubscriptionOf(
  result: PageDetection,
  opts: { seenDay: string; category?: Category; links?: Links },
): ProposedSubscription | undefined {
  const svc = result.service;
  const sub = result.subscription;
  const lastCharge = latest(result.charges);
  if (!svc || (!sub && !lastCharge)) return undefined;
  const amountMinor = sub?.amountMinor ?? lastCharge!.amountMinor;
  const currency = sub?.currency ?? lastCharge!.currency;
  const period = sub?.period ?? 'P1M';
  const day = opts.seenDay;
  const trialEnd = sub?.trialDays ? addDays(day, sub.trialDays) : undefined;
  const start = trialEnd ?? day;
  const introEnd =
    sub?.introAmountMinor !== undefined && sub.introPeriods ? addPeriods(start, period, sub.introPeriods) : undefined;
  const anchor = sub?.nextRenewal ?? (lastCharge ? addPeriods(lastCharge.date, period, 1) : undefined);
  const parsed = ProposedSubscriptionSchema.safeParse({
    service: svc.name,
    serviceId: svc.serviceId,
    domain: svc.domain,
    category: opts.category ?? 'other',
    amountMinor,
    currency,
    period,
    status: trialEnd ? 'trial' : 'active',
    billingAnchor: trialEnd ?? anchor ?? day,
    // A receipt or a confirmation is a payment (on its latest charge's day, else the day it was seen): that day's
    // renewal is paid, the next one is a period later (lib/summary firstDueDay).
    ...(!trialEnd && (result.kind === 'receipt' || result.kind === 'confirmation')
      ? { lastPaid: lastCharge && lastCharge.date <= day ? lastCharge.date : day }
      : {}),
    startDate: day,
    trialEnd,
    introAmountMinor: introEnd ? sub?.introAmountMinor : undefined,
    introEnd,
    links: opts.links ?? {},
  });
  return parsed.success ? parsed.data : undefined;
}

/** During an intro period a lower price is expected, not a price change. */
function isIntroAmount(sub: Subscription, amountMinor: number, today: string): boolean {
  return sub.introAmountMinor === amountMinor && (!sub.introEnd || today < sub.introEnd);
}

/** Whether a charge is at the price the user has for this subscription (its intro price while that lasts). */
export function atKnownPrice(sub: Subscription, c: { amountMinor: number; currency: string; date: string }): boolean {
  if (c.currency !== sub.currency) return false;
  if (c.amountMinor === sub.amountMinor) return true;
  return sub.introAmountMinor === c.amountMinor && (!sub.introEnd || c.date < sub.introEnd);
}

export interface UpdatePlan {
  /** What the page says differs from the subscription (only proposed, never applied here). */
  changes: ProposedChanges;
  /** Charges at another price than the known one: recorded only if the user accepts. */
  proposedCharges: ProposedCharge[];
  /** Charges at the known price, on or before today: a trusted page may record these directly. */
  knownCharges: ProposedCharge[];
}

/**
 * Compares what a page shows with a subscription the user has. `links` are the page's links that passed the
 * trust rules (lib/trust `linkAllowed`); a link the user entered is never proposed for replacement.
 */
export function updatePlan(
  existing: Subscription,
  result: PageDetection,
  opts: { today: string; links: Links },
): UpdatePlan {
  const { today } = opts;
  const changes: ProposedChanges = {};
  const sub = result.subscription;
  const source = chargeSource(result.kind);
  const charges = result.charges.filter((c) => c.date <= today);
  const lastCharge = latest(charges);
  const stated = sub ?? (lastCharge ? { amountMinor: lastCharge.amountMinor, currency: lastCharge.currency } : null);
  if (
    stated &&
    stated.currency === existing.currency &&
    stated.amountMinor !== existing.amountMinor &&
    !isIntroAmount(existing, stated.amountMinor, today)
  ) {
    changes.amountMinor = stated.amountMinor;
    const at = latest(charges.filter((c) => c.amountMinor === stated.amountMinor && c.currency === stated.currency));
    changes.priceFrom = at?.date ?? today;
  }
  if (sub?.period && sub.period !== existing.period) changes.period = sub.period;
  const period = changes.period ?? existing.period;
  if (sub?.nextRenewal && sub.nextRenewal >= today) {
    let onSchedule = false;
    try {
      onSchedule = isOccurrence(existing.billingAnchor, period, sub.nextRenewal);
    } catch {
      onSchedule = false;
    }
    if (!onSchedule) changes.billingAnchor = sub.nextRenewal;
  }
  const links: Links = {};
  for (const kind of LINK_KINDS) {
    const offered = opts.links[kind];
    const mine = existing.links[kind];
    if (offered?.source !== 'page') continue;
    if (mine?.source === 'user' || mine?.url === offered.url) continue;
    links[kind] = offered;
  }
  if (Object.keys(links).length > 0) changes.links = links;
  const proposedCharges: ProposedCharge[] = [];
  const knownCharges: ProposedCharge[] = [];
  for (const c of charges) {
    const charge = { date: c.date, amountMinor: c.amountMinor, currency: c.currency, source };
    (atKnownPrice(existing, c) ? knownCharges : proposedCharges).push(charge);
  }
  return { changes, proposedCharges, knownCharges };
}

/** Whether a change set changes anything. */
export function hasChanges(changes: ProposedChanges): boolean {
  return (
    changes.amountMinor !== undefined ||
    changes.period !== undefined ||
    changes.billingAnchor !== undefined ||
    changes.status !== undefined ||
    Object.keys(changes.links ?? {}).length > 0 ||
    changes.terms !== undefined
  );
}

/**
 * The same proposal, for telling whether the user already ignored it: the changes (link URLs, not when they were
 * seen) — or, for a proposal that only brings charges, the charges — or, for a new subscription, its service,
 * price and period.
 */
export function proposalKey(p: Proposal): string {
  if (p.type === 'new') {
    const s = p.subscription;
    return `new|${s.serviceId ?? s.domain ?? s.service}|${s.amountMinor}|${s.currency}|${s.period}`;
  }
  const c = p.changes;
  if (hasChanges(c)) {
    const links = LINK_KINDS.map((k) => c.links?.[k]?.url ?? '').join(',');
    const cancel = c.status ? `|${c.status}:${c.endsOn ?? ''}` : '';
    return `update|${c.amountMinor ?? ''}|${c.period ?? ''}|${c.billingAnchor ?? ''}|${links}${cancel}`;
  }
  return `charges|${p.charges.map((x) => `${x.date}:${x.amountMinor}:${x.currency}`).join(',')}`;
}

/**
 * The proposal of a stored detection: its own, or — for detections stored before proposals existed — a new
 * subscription read from what the page showed.
 */
export function proposalOf(d: Detection): Proposal | undefined {
  if (d.proposal) return d.proposal;
  if (d.subscriptionId) return undefined;
  const subscription = newSubscriptionOf(d.result, { seenDay: d.seenAt.slice(0, 10) });
  return subscription ? { type: 'new', subscription, charges: [] } : undefined;
}

/** One line of "what would change", for the inbox. */
export type ChangeLine =
  | { field: 'amount'; from: number; to: number; currency: string }
  | { field: 'period'; from: string; to: string }
  | { field: 'renewal'; from: string; to: string }
  | { field: 'link'; kind: (typeof LINK_KINDS)[number]; from?: string; to: string }
  /** A cancellation the service confirmed (its page or a mail): on a day, with access until `endsOn` if it said. */
  | { field: 'status'; from: Subscription['status']; to: 'cancelled'; on?: string; endsOn?: string }
  /** The terms a sign-up or confirmation page stated, for a subscription that has none. */
  | { field: 'terms' };

/**
 * What accepting an update would change in `sub` now, old → new. Changes the subscription already has (the user
 * edited it since) are left out.
 */
export function changeLines(sub: Subscription, changes: ProposedChanges): ChangeLine[] {
  const out: ChangeLine[] = [];
  if (changes.amountMinor !== undefined && changes.amountMinor !== sub.amountMinor) {
    out.push({ field: 'amount', from: sub.amountMinor, to: changes.amountMinor, currency: sub.currency });
  }
  if (changes.period !== undefined && changes.period !== sub.period) {
    out.push({ field: 'period', from: sub.period, to: changes.period });
  }
  if (changes.billingAnchor !== undefined && changes.billingAnchor !== sub.billingAnchor) {
    out.push({ field: 'renewal', from: sub.billingAnchor, to: changes.billingAnchor });
  }
  for (const kind of LINK_KINDS) {
    const to = changes.links?.[kind];
    const mine = sub.links[kind];
    if (!to || mine?.source === 'user' || mine?.url === to.url) continue;
    out.push({ field: 'link', kind, ...(mine ? { from: mine.url } : {}), to: to.url });
  }
  if (changes.status === 'cancelled' && sub.status !== 'cancelled') {
    out.push({
      field: 'status',
      from: sub.status,
      to: 'cancelled',
      ...(changes.statusFrom ? { on: changes.statusFrom } : {}),
      ...(changes.endsOn ? { endsOn: changes.endsOn } : {}),
    });
  }
  if (changes.terms && !sub.terms) out.push({ field: 'terms' });
  return out;
}

/** The tables {@link findsToProposals} reads and rewrites. */
export interface FindsTables {
  subscriptions: Subscription[];
  charges: Charge[];
  priceChanges: PriceChange[];
  detections: Detection[];
}

/**
 * Turns subscriptions a page added without the user (stored before proposals, `confirmed: false`) into what they
 * are: pending proposals to add them, shown once, in the inbox, and counted nowhere until accepted. The pending
 * detection that pointed at one carries its proposal (a new one is made when there is none); the charges recorded
 * for it travel in the proposal; its price-change records (made by pages) are dropped. Confirmed data is untouched.
 * Used by the database upgrade (lib/db/migrations/v3.ts) and when restoring an older backup.
 */
export function findsToProposals(tables: FindsTables): FindsTables & { converted: number } {
  const finds = tables.subscriptions.filter((s) => s.confirmed === false);
  if (finds.length === 0) return { ...tables, converted: 0 };
  const made: Detection[] = [];
  const findIds = new Set<string>();
  for (const s of finds) {
    const charges = tables.charges
      .filter((c) => c.subscriptionId === s.id)
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
      .slice(0, 500)
      .map((c) => ({ date: c.date, amountMinor: c.amountMinor, currency: c.currency, source: c.source }));
    // One that does not fit a proposal stays as it was (not counted anywhere: see lib/summary `counts`).
    const subscription = ProposedSubscriptionSchema.safeParse(s);
    if (!subscription.success) continue;
    findIds.add(s.id);
    const pending = tables.detections
      .filter((d) => d.status === 'pending' && d.subscriptionId === s.id)
      .sort((a, b) => (a.seenAt < b.seenAt ? 1 : -1))[0];
    const hostname = pending?.hostname ?? s.domain ?? 'example.invalid';
    const { subscriptionId: _gone, ...rest } = pending ?? {
      id: `find-${s.id}`,
      url: `https://${hostname}/`,
      hostname,
      seenAt: s.createdAt,
      status: 'pending' as const,
      result: {
        kind: 'account' as const,
        service: { name: s.service, domain: hostname, ...(s.serviceId ? { serviceId: s.serviceId } : {}) },
        subscription: { amountMinor: s.amountMinor, currency: s.currency, period: s.period },
        charges: [],
        links: {},
      },
    };
    made.push({ ...rest, proposal: { type: 'new', subscription: subscription.data, charges } });
  }
  const detections = tables.detections
    .filter((d) => !(d.status === 'pending' && d.subscriptionId && findIds.has(d.subscriptionId)))
    .concat(made);
  return {
    subscriptions: tables.subscriptions.filter((s) => !findIds.has(s.id)),
    charges: tables.charges.filter((c) => !findIds.has(c.subscriptionId)),
    priceChanges: tables.priceChanges.filter((p) => !findIds.has(p.subscriptionId)),
    detections,
    converted: findIds.size,
  };
}
