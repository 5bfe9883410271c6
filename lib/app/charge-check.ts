import { findRecurring } from '../io/recurring';
import type { Charge, Subscription } from '../model';

/** What a subscription's recorded charges say that differs from what is stored for it. */
export interface ChargeProposal {
  subscriptionId: string;
  service: string;
  /** The period and latest amount the charges show. */
  period: string;
  amountMinor: number;
  currency: string;
  billingAnchor: string;
  count: number;
  /** What is stored now. */
  current: { period: string; amountMinor: number };
}

/**
 * Runs the recurring-payment finder (the one bank statements use) over the charges Subkeeper recorded from
 * receipts and billing pages, one subscription at a time, and proposes an update where the charges show
 * another period or price than the subscription has. Cancelled subscriptions and dismissed proposals are skipped.
 */
export function checkAgainstCharges(
  subscriptions: readonly Subscription[],
  charges: readonly Charge[],
  today: string,
  dismissed: ReadonlySet<string> = new Set(),
): ChargeProposal[] {
  const bySub = new Map<string, Charge[]>();
  for (const c of charges) {
    const list = bySub.get(c.subscriptionId);
    if (list) list.push(c);
    else bySub.set(c.subscriptionId, [c]);
  }
  const out: ChargeProposal[] = [];
  for (const sub of subscriptions) {
    if (sub.status === 'cancelled') continue;
    const own = bySub.get(sub.id);
    if (!own || own.length < 2) continue;
    const { series } = findRecurring(
      own.map((c) => ({ date: c.date, description: sub.service, amountMinor: c.amountMinor, currency: c.currency })),
      { today },
    );
    const s = series.find((x) => x.active && x.currency === sub.currency);
    if (!s || (s.period === sub.period && s.amountMinor === sub.amountMinor)) continue;
    const p: ChargeProposal = {
      subscriptionId: sub.id,
      service: sub.service,
      period: s.period,
      amountMinor: s.amountMinor,
      currency: s.currency,
      billingAnchor: s.billingAnchor,
      count: s.count,
      current: { period: sub.period, amountMinor: sub.amountMinor },
    };
    if (!dismissed.has(proposalKey(p))) out.push(p);
  }
  return out;
}

/** How many (not cancelled) subscriptions have two or more recorded charges: those the check can say anything about. */
export function countCheckable(subscriptions: readonly Subscription[], charges: readonly Charge[]): number {
  const perSub = new Map<string, number>();
  for (const c of charges) perSub.set(c.subscriptionId, (perSub.get(c.subscriptionId) ?? 0) + 1);
  return subscriptions.filter((s) => s.status !== 'cancelled' && (perSub.get(s.id) ?? 0) >= 2).length;
}

/** Identifies a proposal, so a dismissed one stays dismissed until the charges say something new. */
export function proposalKey(p: ChargeProposal): string {
  return `${p.subscriptionId}:${p.period}:${p.amountMinor}`;
}
