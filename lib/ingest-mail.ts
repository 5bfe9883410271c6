import { addDays } from './dates';
import { addCharges, newId, type SubkeeperDb, saveDetection } from './db';
import {
  believable,
  type Clock,
  cancelledFor,
  type DirectoryHit,
  detectionAllowed,
  enrich,
  findExisting,
  type IngestOutcome,
  keepCancellationProof,
  type LookupHost,
  propose,
  recordAfterCancel,
  serviceKey,
  trustedLinks,
} from './ingest';
import type {
  Detection,
  Links,
  MailSource,
  PageDetection,
  Proposal,
  ProposedChanges,
  ProposedPriceStep,
  Settings,
} from './model';
import { chargeSource, hasChanges, newSubscriptionOf, updatePlan } from './proposal';
import { isSignupKind } from './rights';
import { type MailEvidence, termsFromMail } from './rights/mail';
import { makeProof } from './rights/proof';

/**
 * What the background does with what a message said (lib/detect `detectMail`), apart from the browser; the same
 * proposal path as pages (lib/ingest.ts): nothing a mail says changes the user's data until the user accepts it,
 * except charges at the price the user already has for that subscription, which are recorded (as from a page on
 * the service's own site). What a mail's `event` does:
 * - a price-change notice proposes the coming price from its day (kept until that day, then applied);
 * - a cancellation proposes marking the subscription cancelled, with the last day of access the mail states and a
 *   proof of what it said (issue 14); for a subscription the user already cancelled, the proof is kept with it;
 * - a welcome or order confirmation (lib/rights/mail `mailEvidence`) proposes its terms (binding, notice, renewal,
 *   withdrawal, from the day it was sent) with the subscription, or for one the user has without terms, with a proof;
 * - a receipt (or any mail but a welcome) from a service the user cancelled records the charges dated after the
 *   cancellation on the cancelled subscription, where they raise the warning (issue 14), and proposes nothing;
 * - a failed payment is noted for the reminders (a notification: lib/reminders), nothing else;
 * - a trial ending proposes the subscription as a trial ending that day; renewals, welcomes: as pages.
 * A receipt of a one-off purchase (no subscription) only adds charges to a subscription the user has. Mails to a
 * seller about its customers are `none` (the engine) and store nothing.
 */

export interface MailIngestInput {
  result: PageDetection;
  mail: MailSource;
  /** The webmail page the message was open in (absent for a mail file). */
  url?: string;
  tabId?: number;
  /** Earlier prices read from the service's receipts (a mail import), oldest first. */
  priceSteps?: ProposedPriceStep[];
  /** A sign-up or cancellation mail's body and the terms read from it, for its proof (lib/rights/mail `mailEvidence`). */
  evidence?: MailEvidence;
}

function hostOf(address: string): string {
  return (address.split('@')[1] ?? '').toLowerCase();
}

/** A payment failure noted for the reminders: how recent one must be to be told. */
export const PAYMENT_FAILED_DAYS = 14;

export async function ingestMail(
  db: SubkeeperDb,
  input: MailIngestInput,
  settings: Settings,
  clock: Clock,
  lookup: LookupHost,
): Promise<IngestOutcome> {
  const sender = hostOf(input.mail.from);
  const domain = input.result.service?.domain ?? sender;
  if (!domain) return { action: 'ignored', reason: 'nothing' };
  const enriched = enrich(input.result, domain, lookup);
  const known = Boolean(enriched.service?.serviceId);
  for (const host of [input.url ? new URL(input.url).hostname : '', sender, domain].filter(Boolean)) {
    const blocked = detectionAllowed(settings, host, known);
    if (blocked) return blocked;
  }
  if (enriched.kind === 'pricing' || enriched.kind === 'none') return { action: 'ignored', reason: 'nothing' };
  const result = believable(enriched);
  const hit: DirectoryHit | undefined = result.service?.serviceId ? lookup(domain) : undefined;
  const entry = hit && hit.id === result.service?.serviceId ? hit : undefined;
  // A mail's links are kept when they lead to the service's own site or its directory domains (tracking links of
  // a mailing service are dropped); they were not seen on a page.
  const links: Links = {};
  for (const [k, l] of Object.entries(trustedLinks(result, `https://${domain}/`, entry, clock.today))) {
    const { seenOn: _page, ...rest } = l;
    links[k as keyof Links] = rest;
  }
  const event = result.event;
  const day = input.mail.sent && input.mail.sent <= clock.today ? input.mail.sent : clock.today;

  const evidence = input.evidence;
  const cancellation = event === 'cancelled' && evidence?.kind === 'cancellation' ? evidence : undefined;
  const signup = event !== 'cancelled' && evidence?.kind === 'signup' ? evidence : undefined;
  // The contract date: the day the sign-up mail was sent (in a mail import, not the newest mail's day).
  const signedOn = signup?.day && signup.day <= clock.today ? signup.day : day;
  const proofOf = (ids: { detectionId?: string; subscriptionId?: string }) => {
    const e = cancellation ?? signup;
    return e
      ? makeProof({
          id: newId(),
          kind: e.kind,
          ...(input.url ? { url: input.url } : {}),
          mail: input.mail,
          page: e.page,
          pageKind: result.kind,
          terms: e.terms,
          stamp: clock.stamp,
          ...ids,
        })
      : undefined;
  };

  return db.transaction(
    'rw',
    [db.subscriptions, db.charges, db.detections, db.serviceLinks, db.proofs],
    async (): Promise<IngestOutcome> => {
      const base: Detection = {
        id: newId(),
        hostname: domain,
        seenAt: clock.stamp,
        result,
        status: 'pending',
        mail: input.mail,
        ...(input.url ? { url: input.url } : {}),
        ...(input.tabId !== undefined ? { tabId: input.tabId } : {}),
      };
      const pageLinks = Object.fromEntries(Object.entries(links).filter(([, l]) => l.source === 'page'));
      if (Object.keys(pageLinks).length > 0) {
        const key = serviceKey(result, domain);
        const before = (await db.serviceLinks.get(key))?.links ?? {};
        await db.serviceLinks.put({ key, links: { ...before, ...pageLinks } });
      }
      const subs = await db.subscriptions.toArray();
      const existing = result.service ? findExisting(subs, result, domain) : undefined;

      if (event === 'payment-failed') {
        if (!existing || day < addDays(clock.today, -PAYMENT_FAILED_DAYS))
          return { action: 'ignored', reason: 'nothing' };
        // Noted (not an inbox entry): the reminders tell the user once (lib/reminders `paymentFailedCandidates`).
        const saved = await saveDetection(db, { ...base, status: 'accepted', subscriptionId: existing.id });
        return saved.ok
          ? { action: 'recorded', subscriptionId: existing.id, chargesAdded: 0 }
          : { action: 'ignored', reason: 'nothing' };
      }

      if (!existing) {
        // A service the user cancelled: its cancellation mail's proof is kept with it; charges dated after the
        // cancellation are recorded there (they warn); nothing but a welcome proposes adding it again.
        const ended = result.service ? cancelledFor(subs, result, domain) : undefined;
        if (ended && event === 'cancelled') {
          await keepCancellationProof(db, ended, proofOf({ subscriptionId: ended.id }));
          return { action: 'ignored', reason: 'nothing' };
        }
        if (ended && event !== 'welcome' && !isSignupKind(result.kind) && !signup) {
          return recordAfterCancel(db, ended, result, clock.today, input.url);
        }
        // Nothing to add: a one-off purchase, a notice without a price, or a service the user already left.
        if (!result.subscription || event === 'cancelled') return { action: 'ignored', reason: 'nothing' };
        const subscription = newSubscriptionOf(result, { seenDay: day, category: (entry ?? hit)?.category, links });
        if (!subscription) return { action: 'ignored', reason: 'nothing' };
        // A welcome or order confirmation: the terms it stated go with the subscription, from the day it was sent.
        if (signup) subscription.terms = termsFromMail(signup.terms, signedOn);
        const ending = result.subscription.nextRenewal;
        if (event === 'trial-ending' && ending && ending >= clock.today) {
          subscription.status = 'trial';
          subscription.trialEnd = ending;
          subscription.billingAnchor = ending;
        }
        const steps = [...(input.priceSteps ?? [])];
        const change = result.subscription.priceChange;
        if (change && change.amountMinor !== subscription.amountMinor) {
          steps.push({
            date: change.from,
            oldAmountMinor: subscription.amountMinor,
            newAmountMinor: change.amountMinor,
          });
        }
        const proposal: Proposal = {
          type: 'new',
          subscription,
          charges: result.charges
            .filter((c) => c.date <= clock.today)
            .map((c) => ({ ...c, source: chargeSource(result.kind) })),
          ...(steps.length > 0 ? { priceSteps: steps } : {}),
        };
        return propose(db, { ...base, proposal }, 0, proofOf({ detectionId: base.id }));
      }

      const plan = updatePlan(existing, result, { today: clock.today, links });
      const changes: ProposedChanges = { ...plan.changes };
      if (event === 'cancelled') {
        // A cancellation notice says nothing about the price or the schedule any more.
        delete changes.amountMinor;
        delete changes.priceFrom;
        delete changes.billingAnchor;
        if (existing.status !== 'cancelled') {
          changes.status = 'cancelled';
          changes.statusFrom = day;
          const until = cancellation?.terms.accessUntil;
          if (until && until >= day) changes.endsOn = until;
        }
      }
      // A welcome or order confirmation of a subscription with no terms yet: its terms are proposed.
      // (Not from a receipt: a service's monthly receipts would propose it every month.)
      if (signup?.confirmation && !existing.terms) {
        changes.terms = termsFromMail(signup.terms, signedOn);
      }
      const change = result.subscription?.priceChange;
      if (event === 'price-change' && change && result.subscription?.currency === existing.currency) {
        if (change.amountMinor !== existing.amountMinor) {
          changes.amountMinor = change.amountMinor;
          changes.priceFrom = change.from;
        } else {
          delete changes.amountMinor;
          delete changes.priceFrom;
        }
      }
      const added = await addCharges(
        db,
        plan.knownCharges.map((c) => ({
          ...c,
          id: newId(),
          subscriptionId: existing.id,
          ...(input.url ? { sourceUrl: input.url } : {}),
        })),
      );
      const steps = (input.priceSteps ?? []).filter((s) => s.date <= clock.today);
      if (!hasChanges(changes) && plan.proposedCharges.length === 0 && steps.length === 0) {
        return added.length > 0
          ? { action: 'recorded', subscriptionId: existing.id, chargesAdded: added.length }
          : { action: 'ignored', reason: 'nothing' };
      }
      const proposal: Proposal = {
        type: 'update',
        changes,
        charges: plan.proposedCharges,
        ...(steps.length > 0 ? { priceSteps: steps } : {}),
      };
      return propose(
        db,
        { ...base, subscriptionId: existing.id, proposal },
        added.length,
        changes.status === 'cancelled' || changes.terms ? proofOf({ detectionId: base.id }) : undefined,
      );
    },
  );
}

/** One message found in a mail import: what it said, and where it came from. */
export interface FoundMail {
  result: PageDetection;
  mail: MailSource;
  /** For a sign-up or cancellation mail: what it said, for its proof (lib/rights/mail `mailEvidence`). */
  evidence?: MailEvidence;
}

export interface MailImportSummary {
  /** Services a proposal was made for (new ones and changes to the user's). */
  proposed: number;
  /** Charges recorded right away (at the price the user already has). */
  recorded: number;
  /** Services left out: one-off purchases only, cancelled before, nothing new. */
  skipped: number;
}

function groupKey(f: FoundMail): string {
  return f.result.service ? serviceKey(f.result, f.result.service.domain) : f.mail.from;
}

/**
 * Turns everything a mail import found into one proposal per service (the inbox keeps one per service): all its
 * receipts' charges, the newest mail's price, period and renewal, the price history its charges show, and the
 * newest mail's event (a cancellation or a coming price change). Then ingested like one mail.
 */
export async function importMails(
  db: SubkeeperDb,
  found: readonly FoundMail[],
  settings: Settings,
  clock: Clock,
  lookup: LookupHost,
): Promise<MailImportSummary> {
  const groups = new Map<string, FoundMail[]>();
  for (const f of found) {
    if (f.result.kind === 'none' || f.result.kind === 'pricing' || !f.result.service) continue;
    const key = groupKey(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const summary: MailImportSummary = { proposed: 0, recorded: 0, skipped: 0 };
  for (const list of groups.values()) {
    list.sort((a, b) => ((a.mail.sent ?? '') < (b.mail.sent ?? '') ? -1 : 1));
    const newest = list[list.length - 1] as FoundMail;
    const withSub = [...list].reverse().find((f) => f.result.subscription && f.result.event !== 'cancelled');
    const charges = new Map<string, PageDetection['charges'][number]>();
    for (const f of list) for (const c of f.result.charges) charges.set(`${c.date}|${c.amountMinor}|${c.currency}`, c);
    const sorted = [...charges.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
    const steps: ProposedPriceStep[] = [];
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1] as (typeof sorted)[number];
      const b = sorted[i] as (typeof sorted)[number];
      if (a.currency === b.currency && a.amountMinor !== b.amountMinor) {
        steps.push({ date: b.date, oldAmountMinor: a.amountMinor, newAmountMinor: b.amountMinor });
      }
    }
    const latestCharge = sorted[sorted.length - 1];
    let subscription = withSub?.result.subscription ?? null;
    // The newest receipt's amount is the price now when it is newer than the mail that stated the price.
    if (subscription && latestCharge && latestCharge.currency === subscription.currency) {
      if ((withSub?.mail.sent ?? '') < latestCharge.date && latestCharge.amountMinor !== subscription.amountMinor) {
        subscription = { ...subscription, amountMinor: latestCharge.amountMinor };
      }
    }
    const event = newest.result.event === 'cancelled' ? 'cancelled' : (withSub ?? newest).result.event;
    const merged: PageDetection = {
      ...(withSub ?? newest).result,
      subscription,
      charges: sorted.slice(-500),
      links: { ...Object.assign({}, ...list.map((f) => f.result.links)) },
    };
    if (event) merged.event = event;
    else delete merged.event;
    const mail: MailSource = { ...newest.mail, count: list.length };
    // The proof: the newest mail's when it is a cancellation, else the first sign-up mail's (the contract's).
    const evidence =
      event === 'cancelled'
        ? newest.evidence?.kind === 'cancellation'
          ? newest.evidence
          : undefined
        : list.find((f) => f.evidence?.kind === 'signup')?.evidence;
    const outcome = await ingestMail(
      db,
      {
        result: merged,
        mail,
        ...(steps.length > 0 ? { priceSteps: steps } : {}),
        ...(evidence ? { evidence } : {}),
      },
      settings,
      clock,
      lookup,
    );
    if (outcome.action === 'proposed') {
      summary.proposed++;
      summary.recorded += outcome.chargesAdded;
    } else if (outcome.action === 'recorded') summary.recorded += outcome.chargesAdded;
    else summary.skipped++;
  }
  return summary;
}
