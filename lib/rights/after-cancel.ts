import type { Charge, Subscription } from '../model';

/** Charges from a service recorded after its subscription was cancelled (issue 14 item 5). */
export interface AfterCancel {
  subscription: Subscription;
  /** The day after which a charge is unexpected: the last day of access when known, else the cancellation day. */
  since: string;
  charges: Charge[];
}

/** The key a dismissed warning is kept under (one per charge, so a new charge warns again). */
export function afterCancelKey(subscriptionId: string, chargeId: string): string {
  return `${subscriptionId}:${chargeId}`;
}

/**
 * Cancelled subscriptions with charges dated after they ended: after the last day of access (`endsOn`) when the
 * cancellation stated one — a charge inside a notice period is expected — else after the cancellation day. Charges
 * come from receipts, billing pages, mails and bank statements alike. Newest first; dismissed charges left out.
 */
export function chargesAfterCancel(
  subs: readonly Subscription[],
  charges: readonly Charge[],
  dismissed: ReadonlySet<string> = new Set(),
): AfterCancel[] {
  const cancelled = new Map<string, { sub: Subscription; since: string }>();
  for (const s of subs) {
    if (s.status !== 'cancelled' || !s.cancelledOn) continue;
    const since = s.endsOn && s.endsOn > s.cancelledOn ? s.endsOn : s.cancelledOn;
    cancelled.set(s.id, { sub: s, since });
  }
  if (cancelled.size === 0) return [];
  const found = new Map<string, Charge[]>();
  for (const c of charges) {
    const hit = cancelled.get(c.subscriptionId);
    if (!hit || c.date <= hit.since || dismissed.has(afterCancelKey(c.subscriptionId, c.id))) continue;
    const list = found.get(c.subscriptionId);
    if (list) list.push(c);
    else found.set(c.subscriptionId, [c]);
  }
  const out: AfterCancel[] = [];
  for (const [id, list] of found) {
    const { sub, since } = cancelled.get(id)!;
    out.push({ subscription: sub, since, charges: list.sort((a, b) => (a.date < b.date ? 1 : -1)) });
  }
  return out.sort((a, b) => (a.charges[0]!.date < b.charges[0]!.date ? 1 : -1));
}

/**
 * Transactions of a bank statement (or any list of dated payments) that match a cancelled subscription and are dated
 * after it ended: `match` tells which subscription a payment belongs to (lib/io's payee matching). For warning while
 * a statement is imported, before anything is saved.
 */
export function statementAfterCancel<T extends { date: string }>(
  subs: readonly Subscription[],
  rows: readonly T[],
  match: (row: T, cancelled: readonly Subscription[]) => Subscription | undefined,
): Array<{ subscription: Subscription; row: T }> {
  const cancelled = subs.filter((s) => s.status === 'cancelled' && s.cancelledOn);
  if (cancelled.length === 0) return [];
  const out: Array<{ subscription: Subscription; row: T }> = [];
  for (const row of rows) {
    const sub = match(row, cancelled);
    if (!sub?.cancelledOn) continue;
    const since = sub.endsOn && sub.endsOn > sub.cancelledOn ? sub.endsOn : sub.cancelledOn;
    if (row.date > since) out.push({ subscription: sub, row });
  }
  return out;
}

/**
 * Which cancelled subscription a statement line belongs to: the directory service its text names (`lookup`, lib/directory
 * `lookupStatement`), else a subscription whose name or domain appears in the text as a word (at least four letters).
 */
export function statementMatch(
  description: string,
  cancelled: readonly Subscription[],
  lookup: (text: string) => { id: string } | undefined,
): Subscription | undefined {
  const hit = lookup(description)?.id;
  if (hit) {
    const byId = cancelled.find((s) => s.serviceId === hit);
    if (byId) return byId;
  }
  const text = ` ${description.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return cancelled.find((s) => {
    const names = [s.service, s.domain?.split('.')[0] ?? ''].map((n) =>
      n
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim(),
    );
    return names.some((n) => n.length >= 4 && text.includes(` ${n} `));
  });
}
