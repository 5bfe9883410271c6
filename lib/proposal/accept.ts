import { addCharges, newId, type SubkeeperDb, saveSubscription } from '../db';
import { type Detection, LINK_KINDS, type Links, type SourcedLink } from '../model';
import { proposalOf } from './index';

/** Page links as the user accepted them today. */
function accepted(links: Links | undefined, today: string): Links {
  const out: Links = {};
  for (const kind of LINK_KINDS) {
    const l = links?.[kind];
    if (l) out[kind] = (l.source === 'page' ? { ...l, acceptedAt: today } : l) as SourcedLink;
  }
  return out;
}

/** The day the user was told of a new price, as far as Subkeeper knows: the mail's day, else when the page was seen. */
function noticedOn(d: Detection): string {
  const seen = d.seenAt.slice(0, 10);
  return d.mail?.sent && d.mail.sent <= seen ? d.mail.sent : seen;
}

export interface AcceptClock {
  today: string;
  stamp: string;
}

export type AcceptResult =
  | { ok: true; subscriptionId: string; chargesAdded: number }
  | { ok: false; reason: 'not-pending' | 'nothing-to-apply' | 'subscription-gone' | 'invalid' };

/**
 * Applies a pending proposal, all in one transaction: a new subscription is added (confirmed, with its charges),
 * or the changes are made to the user's subscription — a new price with a price-change record, the period, the
 * renewal day, page links marked as accepted (never over a link the user entered) — and its charges recorded.
 * The detection is marked accepted. Anything invalid changes nothing.
 */
export async function acceptProposal(db: SubkeeperDb, detectionId: string, clock: AcceptClock): Promise<AcceptResult> {
  return db.transaction('rw', [db.subscriptions, db.charges, db.priceChanges, db.detections, db.proofs], async () => {
    const d = await db.detections.get(detectionId);
    if (d?.status !== 'pending') return { ok: false, reason: 'not-pending' } as const;
    const proposal = proposalOf(d);
    if (!proposal) return { ok: false, reason: 'nothing-to-apply' } as const;
    let subscriptionId: string;
    if (proposal.type === 'new') {
      const s = proposal.subscription;
      const saved = await saveSubscription(
        db,
        {
          ...s,
          links: accepted(s.links, clock.today),
          statusHistory: [{ status: s.status, date: clock.today }],
          source: 'detected',
          confirmed: true,
        },
        clock.stamp,
      );
      if (!saved.ok) return { ok: false, reason: 'invalid' } as const;
      subscriptionId = saved.value.id;
    } else {
      const sub = d.subscriptionId ? await db.subscriptions.get(d.subscriptionId) : undefined;
      if (!sub) return { ok: false, reason: 'subscription-gone' } as const;
      const c = proposal.changes;
      const patch: Record<string, unknown> = { id: sub.id };
      if (c.amountMinor !== undefined && c.amountMinor !== sub.amountMinor) {
        // A price announced for a coming day is recorded now and applied on that day (applyDuePriceChanges).
        const ahead = c.priceFrom !== undefined && c.priceFrom > clock.today;
        if (!ahead) patch.amountMinor = c.amountMinor;
        await db.priceChanges.put({
          id: newId(),
          subscriptionId: sub.id,
          date: c.priceFrom ?? clock.today,
          oldAmountMinor: sub.amountMinor,
          newAmountMinor: c.amountMinor,
          currency: sub.currency,
          ...(d.url ? { sourceUrl: d.url } : {}),
          ...(ahead ? { announced: true } : {}),
          // The notice the user had, as far as Subkeeper knows: the day the page (or the mail) showed the new price.
          noticedOn: noticedOn(d),
        });
      }
      // A cancellation the service confirmed (its page or a mail; issue 14): the status, its day, the last day of access.
      if (c.status === 'cancelled' && sub.status !== 'cancelled') {
        const on = c.statusFrom ?? clock.today;
        patch.status = 'cancelled';
        patch.cancelledOn = on;
        patch.statusHistory = [{ status: 'cancelled', date: on }];
        if (c.endsOn) patch.endsOn = c.endsOn;
      }
      if (c.period !== undefined) patch.period = c.period;
      if (c.billingAnchor !== undefined) patch.billingAnchor = c.billingAnchor;
      if (c.links) {
        const links: Links = { ...sub.links };
        const offered = accepted(c.links, clock.today);
        for (const kind of LINK_KINDS) {
          const l = offered[kind];
          if (l && links[kind]?.source !== 'user') links[kind] = l;
        }
        patch.links = links;
      }
      if (c.terms && !sub.terms) patch.terms = c.terms;
      const saved = await saveSubscription(db, patch, clock.stamp, { today: clock.today });
      if (!saved.ok) throw new Error(`invalid proposal ${d.id}`);
      subscriptionId = sub.id;
    }
    const added = await addCharges(
      db,
      proposal.charges.map((c) => ({ ...c, id: newId(), subscriptionId, ...(d.url ? { sourceUrl: d.url } : {}) })),
    );
    // Price history read from receipts (a mail import), unless the same step is recorded already.
    const steps = proposal.priceSteps ?? [];
    if (steps.length > 0) {
      const sub = await db.subscriptions.get(subscriptionId);
      const have = new Set(
        (await db.priceChanges.where('subscriptionId').equals(subscriptionId).toArray()).map(
          (p) => `${p.date}|${p.oldAmountMinor}|${p.newAmountMinor}`,
        ),
      );
      for (const step of steps) {
        if (!sub || have.has(`${step.date}|${step.oldAmountMinor}|${step.newAmountMinor}`)) continue;
        await db.priceChanges.put({
          id: newId(),
          subscriptionId,
          currency: sub.currency,
          ...step,
          ...(step.date > clock.today ? { announced: true } : {}),
        });
      }
    }
    await db.detections.update(d.id, { status: 'accepted', subscriptionId });
    // What the page said goes with the subscription as proof (issue 14).
    await db.proofs.where('detectionId').equals(d.id).modify({ subscriptionId });
    return { ok: true, subscriptionId, chargesAdded: added.length } as const;
  });
}

/**
 * Applies prices announced for a coming day whose day has come: the subscription takes the new price (when it still
 * has the old one; a price the user changed meanwhile is left alone) and the change stops being "announced".
 * Run by the background every day. Returns how many subscriptions changed.
 */
export async function applyDuePriceChanges(db: SubkeeperDb, today: string, stamp: string): Promise<number> {
  return db.transaction('rw', [db.subscriptions, db.priceChanges], async () => {
    let changed = 0;
    const due = (await db.priceChanges.toArray()).filter((p) => p.announced && p.date <= today);
    for (const p of due) {
      const sub = await db.subscriptions.get(p.subscriptionId);
      if (sub && sub.amountMinor === p.oldAmountMinor && sub.currency === p.currency) {
        const saved = await saveSubscription(db, { id: sub.id, amountMinor: p.newAmountMinor }, stamp);
        if (saved.ok) changed++;
      }
      const { announced: _done, ...rest } = p;
      await db.priceChanges.put(rest);
    }
    return changed;
  });
}
