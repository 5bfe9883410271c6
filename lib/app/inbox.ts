import type { Detection, Proposal, ProposedCharge, Subscription } from '../model';
import { type ChangeLine, changeLines, proposalOf } from '../proposal';

/** One entry of the inbox: what a page found, and what accepting it would do. */
export interface InboxItem {
  detection: Detection;
  /**
   * `new`: a subscription to add; `update`: changes to one the user has (`subscription`); `found`: a page that
   * names a subscription but shows no price (it can only be added by hand).
   */
  type: 'new' | 'update' | 'found';
  /** The service, as the user's subscription names it for an update, else as the page did. */
  name: string;
  proposal?: Proposal;
  subscription?: Subscription;
  /** For an update: what would change, old → new (only what still differs). */
  lines: ChangeLine[];
  /** Charges the page showed that accepting records. */
  charges: ProposedCharge[];
}

/**
 * The inbox, from the pending detections (newest first) and the user's subscriptions. An update whose subscription
 * is gone, or that would change nothing any more (the user made the same change), is left out.
 */
export function inboxItems(detections: readonly Detection[], subs: readonly Subscription[]): InboxItem[] {
  const byId = new Map(subs.map((s) => [s.id, s]));
  const out: InboxItem[] = [];
  for (const d of detections) {
    const proposal = proposalOf(d);
    const pageName = d.result.service?.name ?? d.hostname;
    if (proposal?.type === 'update') {
      const sub = d.subscriptionId ? byId.get(d.subscriptionId) : undefined;
      if (!sub) continue;
      const lines = changeLines(sub, proposal.changes);
      if (lines.length === 0 && proposal.charges.length === 0) continue;
      out.push({
        detection: d,
        type: 'update',
        name: sub.service,
        proposal,
        subscription: sub,
        lines,
        charges: proposal.charges,
      });
    } else if (proposal?.type === 'new') {
      out.push({
        detection: d,
        type: 'new',
        name: proposal.subscription.service,
        proposal,
        lines: [],
        charges: proposal.charges,
      });
    } else if (!d.subscriptionId) {
      out.push({ detection: d, type: 'found', name: pageName, lines: [], charges: [] });
    }
  }
  return out;
}
