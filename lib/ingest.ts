import { addCharges, newId, type SubkeeperDb, saveDetection } from './db';
import { sharedDomain, squashVariants } from './detect/mail-service';
import type { Detection, Links, PageDetection, PageTerms, Proof, Proposal, Settings, Subscription } from './model';
import { chargeSource, hasChanges, newSubscriptionOf, proposalKey, updatePlan } from './proposal';
import { isTracked } from './reminders/renewals';
import { isSignupKind, mergeTerms, termsFromPage } from './rights';
import { alreadyHave } from './rights/paytwice';
import { makeProof, type ProofPage } from './rights/proof';
import { linkAllowed, pageVerdict, plausibleAmount } from './trust';
import { forHost, siteOf } from './trust/site';

/**
 * What the background does with a page the detection engine read: the decision rules, apart from the browser.
 * A page is untrusted input. It never changes the user's data; it proposes, and the user accepts or ignores the
 * proposal in the inbox (lib/proposal.ts). In order:
 * - only https pages that are not user content on a publishing platform are read (lib/trust `pageVerdict`);
 * - pricing and none pages store nothing; amounts beyond a sane ceiling are not believed;
 * - the page's links are kept only when they point to its own site or the directory's domains for the service;
 *   links seen on the service's own pages are remembered per service (shown below the user's own links);
 * - a page about a service the user does not have yet becomes a pending proposal to add it;
 * - a page about a subscription the user has may directly record charges at the price the user already has
 *   (the page is on that service's own https site, by the matching rules); anything else it shows — another
 *   price, period or renewal day, a new link, charges at another price — becomes a pending proposal of changes;
 * - one pending proposal per service (a newer one replaces it), at most {@link MAX_PENDING_PER_HOST} per host, and a
 *   proposal the user ignored is not brought back.
 * - rights (issue 14, lib/rights): the terms a sign-up or confirmation page states go with the proposal, and a proof of
 *   what the page said waits with it (kept when accepted, deleted when ignored); a page confirming a cancellation of
 *   a subscription the user has proposes it as cancelled, with its proof; charges a service's own page shows after
 *   the user cancelled it are recorded on the cancelled subscription (they raise a warning); a sign-up page of a
 *   service the user already has, or has in a bundle, is reported as `warned` (the page learns nothing).
 * Everything a page causes is written in one transaction.
 */

export interface IngestInput {
  url: string;
  result: PageDetection;
  tabId?: number;
  /** The terms the page states (lib/rights `readTerms`), including whether it confirms a cancellation. */
  terms?: PageTerms;
  /** The page as read, for a proof of what it said (sign-up and cancellation pages). */
  page?: ProofPage;
}

export interface Clock {
  /** Today's calendar day, YYYY-MM-DD. */
  today: string;
  /** The current instant as an ISO string. */
  stamp: string;
}

export type IgnoreReason =
  | 'disabled'
  | 'never-here'
  | 'unknown-service'
  | 'nothing'
  | 'not-a-url'
  | 'insecure'
  | 'user-content'
  | 'dismissed'
  | 'too-many';

export type IngestOutcome =
  | { action: 'ignored'; reason: IgnoreReason }
  /** A sign-up page of a service the user already has (`tracked`), or has in a bundle: warn before they pay twice. */
  | { action: 'warned'; subscriptionId: string; via: 'tracked' | 'bundle'; bundleId?: string }
  | { action: 'proposed'; detectionId: string; subscriptionId?: string; chargesAdded: number }
  | { action: 'recorded'; subscriptionId: string; chargesAdded: number };

/** Most pending proposals one host can have waiting in the inbox. */
export const MAX_PENDING_PER_HOST = 5;
/** Most pages of proof one proposal keeps (a sign-up page and its confirmation, and one more). */
export const MAX_PROOFS_PER_PROPOSAL = 3;

/** Whether settings allow detection on this host (`never here` covers subdomains too). */
export function detectionAllowed(
  settings: Settings,
  hostname: string,
  known: boolean,
): Extract<IngestOutcome, { action: 'ignored' }> | null {
  if (!settings.detection.enabled) return { action: 'ignored', reason: 'disabled' };
  const h = hostname.toLowerCase();
  if (settings.detection.neverSites.some((s) => h === s || h.endsWith(`.${s}`))) {
    return { action: 'ignored', reason: 'never-here' };
  }
  if (settings.detection.onlyKnownServices && !known) return { action: 'ignored', reason: 'unknown-service' };
  return null;
}

export function serviceKey(result: PageDetection, hostname: string): string {
  const s = result.service;
  if (s?.serviceId) return s.serviceId;
  // Apps bought in an app store, merchants known only by their payment platform: one domain, many services.
  if (s && sharedDomain(s.domain)) return `${s.domain}#${squashVariants(s.name)[0] ?? s.name.toLowerCase()}`;
  return s?.domain ?? hostname;
}

/**
 * Finds the subscription a page is about: same directory id, else same domain (or parent domain); on a domain many
 * services share (an app store, a payment platform), same domain and name.
 */
export function findExisting(subs: readonly Subscription[], result: PageDetection, hostname: string) {
  const id = result.service?.serviceId;
  const live = subs.filter((s) => s.status !== 'cancelled' && isTracked(s));
  const domain = result.service?.domain ?? hostname;
  if (!id && result.service && sharedDomain(domain)) {
    const name = squashVariants(result.service.name)[0];
    return live.find((s) => s.domain === domain && squashVariants(s.service)[0] === name);
  }
  return (id ? live.find((s) => s.serviceId === id) : undefined) ?? forHost(live, domain);
}

/** What the service directory knows about a host (see lib/directory `lookupHost`). */
export interface DirectoryHit {
  id: string;
  name: string;
  category: Subscription['category'];
  domains: readonly string[];
  links?: { manage?: string; cancel?: string; pause?: string };
}
export type LookupHost = (hostname: string) => DirectoryHit | undefined;

/** Names the service from the directory when the page did not (or did not know its directory id). */
export function enrich(result: PageDetection, hostname: string, lookup: LookupHost): PageDetection {
  if (result.service?.serviceId) return result;
  const hit = lookup(result.service?.domain ?? hostname) ?? lookup(hostname);
  if (!hit) return result;
  return {
    ...result,
    service: { name: hit.name, domain: result.service?.domain ?? hit.domains[0] ?? hostname, serviceId: hit.id },
  };
}

/** Drops amounts no subscription has (lib/trust `plausibleAmount`): the price, the intro price, each charge. */
export function believable(result: PageDetection): PageDetection {
  const sub = result.subscription;
  let subscription = sub;
  if (sub && !plausibleAmount(sub.amountMinor, sub.currency, sub.period ?? 'P1M')) subscription = null;
  else if (sub?.introAmountMinor !== undefined && !plausibleAmount(sub.introAmountMinor, sub.currency, sub.period)) {
    const { introAmountMinor: _a, introPeriods: _p, ...rest } = sub;
    subscription = rest;
  }
  const charges = result.charges.filter((c) => plausibleAmount(c.amountMinor, c.currency));
  return { ...result, subscription, charges };
}

/**
 * The page's links that may be kept (lib/trust `linkAllowed`): to its own site or the service's directory domains.
 * A link that is the directory's own for the service is marked as coming from the directory.
 */
export function trustedLinks(
  result: PageDetection,
  url: string,
  entry: DirectoryHit | undefined,
  today: string,
): Links {
  const out: Links = {};
  const directory = new Set(Object.values(entry?.links ?? {}));
  for (const kind of ['manage', 'cancel', 'pause'] as const) {
    const link = result.links[kind];
    if (!link) continue;
    if (directory.has(link)) out[kind] = { url: link, source: 'directory' };
    else if (linkAllowed(link, url, entry?.domains ?? [])) {
      out[kind] = { url: link, source: 'page', seenOn: url, seenAt: today };
    }
  }
  return out;
}

/** The key that makes two pending detections "the same": the subscription they change, or the service they add. */
function pendingKey(d: Pick<Detection, 'subscriptionId' | 'result' | 'hostname'>): string {
  return d.subscriptionId ? `sub:${d.subscriptionId}` : `new:${serviceKey(d.result, d.hostname)}`;
}

export async function ingestDetection(
  db: SubkeeperDb,
  input: IngestInput,
  settings: Settings,
  clock: Clock,
  lookup: LookupHost,
): Promise<IngestOutcome> {
  const verdict = pageVerdict(input.url);
  if (!verdict.ok) return { action: 'ignored', reason: verdict.reason };
  const url = verdict.url.href;
  const hostname = siteOf(url);
  const hit = lookup(hostname);
  const enriched = enrich(input.result, hostname, lookup);
  const blocked = detectionAllowed(settings, hostname, Boolean(enriched.service?.serviceId));
  if (blocked) return blocked;
  const pageTerms = input.terms ?? {};
  if (pageTerms.cancelled) return ingestCancellation(db, input, url, hostname, enriched, clock);
  if (enriched.kind === 'pricing' || enriched.kind === 'none') return { action: 'ignored', reason: 'nothing' };
  const result = believable(enriched);
  const serviceId = result.service?.serviceId;
  const entry = serviceId ? (hit?.id === serviceId ? hit : lookup(result.service?.domain ?? '')) : undefined;
  const links = trustedLinks(result, url, entry?.id === serviceId ? entry : undefined, clock.today);
  const pageLinks: Links = Object.fromEntries(Object.entries(links).filter(([, l]) => l.source === 'page'));

  const proofOf = (detectionId: string) =>
    input.page && isSignupKind(result.kind)
      ? makeProof({
          id: newId(),
          kind: 'signup',
          url,
          page: input.page,
          pageKind: result.kind,
          terms: pageTerms,
          stamp: clock.stamp,
          detectionId,
        })
      : undefined;

  return db.transaction(
    'rw',
    [db.subscriptions, db.charges, db.detections, db.serviceLinks, db.proofs],
    async (): Promise<IngestOutcome> => {
      if (Object.keys(pageLinks).length > 0) {
        const key = serviceKey(result, hostname);
        const before = (await db.serviceLinks.get(key))?.links ?? {};
        await db.serviceLinks.put({ key, links: { ...before, ...pageLinks } });
      }
      const base = {
        id: newId(),
        url,
        hostname,
        seenAt: clock.stamp,
        result,
        status: 'pending' as const,
        ...(input.tabId !== undefined ? { tabId: input.tabId } : {}),
      };

      const subs = await db.subscriptions.toArray();
      const existing = result.service ? findExisting(subs, result, hostname) : undefined;
      if (!existing) {
        // Before you pay twice: the sign-up page of a service included in a bundle the user has.
        if (result.kind === 'signup') {
          const have = alreadyHave(subs.filter(isTracked), {
            ...(result.service?.serviceId ? { serviceId: result.service.serviceId } : {}),
            ...(result.service?.domain ? { domain: result.service.domain } : {}),
            hostname,
          });
          if (have?.via === 'bundle') {
            return { action: 'warned', subscriptionId: have.subscription.id, via: 'bundle', bundleId: have.bundle.id };
          }
        }
        // A service the user cancelled: charges its own page shows after that are recorded (and warn); a page other
        // than a new sign-up does not propose adding it again.
        const ended = cancelledFor(subs, result, hostname);
        if (ended && !isSignupKind(result.kind)) return recordAfterCancel(db, ended, result, clock.today, url);
        const found = newSubscriptionOf(result, {
          seenDay: clock.today,
          category: (entry ?? hit)?.category,
          links,
        });
        const terms = found ? termsFromPage(pageTerms, result.kind, url, clock.today) : undefined;
        const subscription = found && terms ? { ...found, terms } : found;
        // An account page with no price: its links are remembered, there is nothing to add.
        if (!subscription && result.kind !== 'signup' && result.service)
          return { action: 'ignored', reason: 'nothing' };
        const proposal: Proposal | undefined = subscription
          ? {
              type: 'new',
              subscription,
              charges: result.charges
                .filter((c) => c.date <= clock.today)
                .map((c) => ({ ...c, source: chargeSource(result.kind) })),
            }
          : undefined;
        return propose(db, { ...base, ...(proposal ? { proposal } : {}) }, 0, proofOf(base.id));
      }
      // A sign-up page of a service the user already has: not a change, but they may be about to pay twice.
      if (result.kind === 'signup') return { action: 'warned', subscriptionId: existing.id, via: 'tracked' };

      const plan = updatePlan(existing, result, { today: clock.today, links });
      // The terms a confirmation page states, for a subscription that has none yet.
      if (!existing.terms && isSignupKind(result.kind)) {
        const terms = termsFromPage(pageTerms, result.kind, url, clock.today);
        if (terms) plan.changes.terms = terms;
      }
      const added = await addCharges(
        db,
        plan.knownCharges.map((c) => ({ ...c, id: newId(), subscriptionId: existing.id, sourceUrl: url })),
      );
      if (!hasChanges(plan.changes) && plan.proposedCharges.length === 0) {
        return added.length > 0
          ? { action: 'recorded', subscriptionId: existing.id, chargesAdded: added.length }
          : { action: 'ignored', reason: 'nothing' };
      }
      const proposal: Proposal = { type: 'update', changes: plan.changes, charges: plan.proposedCharges };
      return propose(db, { ...base, subscriptionId: existing.id, proposal }, added.length, proofOf(base.id));
    },
  );
}

/** The cancelled subscription a page belongs to (same directory id, else same domain), when none is live. */
export function cancelledFor(subs: readonly Subscription[], result: PageDetection, hostname: string) {
  const ended = subs.filter((s) => s.status === 'cancelled' && s.cancelledOn && isTracked(s));
  const id = result.service?.serviceId;
  return (id ? ended.find((s) => s.serviceId === id) : undefined) ?? forHost(ended, result.service?.domain ?? hostname);
}

/**
 * Charges a service's own page (or mail) shows after the user cancelled it, dated after the cancellation (or the last
 * day of access), recorded on the cancelled subscription: they raise the warning there and in the overview
 * (lib/rights `afterCancel`), with the proof of the cancellation at hand. Inside the caller's transaction.
 */
export async function recordAfterCancel(
  db: SubkeeperDb,
  ended: Subscription,
  result: PageDetection,
  today: string,
  url?: string,
): Promise<IngestOutcome> {
  const cancelled = ended.cancelledOn ?? today;
  const since = ended.endsOn && ended.endsOn > cancelled ? ended.endsOn : cancelled;
  const after = await addCharges(
    db,
    result.charges
      .filter((c) => c.date > since && c.date <= today)
      .map((c) => ({
        ...c,
        id: newId(),
        subscriptionId: ended.id,
        source: chargeSource(result.kind),
        ...(url ? { sourceUrl: url } : {}),
      })),
  );
  return after.length > 0
    ? { action: 'recorded', subscriptionId: ended.id, chargesAdded: after.length }
    : { action: 'ignored', reason: 'nothing' };
}

/**
 * Keeps the proof of a cancellation with a subscription the user already marked cancelled, unless it has one: a proof
 * is what the service said, not a change to the user's data. Inside the caller's transaction.
 */
export async function keepCancellationProof(db: SubkeeperDb, ended: Subscription, proof: Proof | undefined) {
  if (!proof) return;
  const has = await db.proofs
    .where('subscriptionId')
    .equals(ended.id)
    .filter((p) => p.kind === 'cancellation')
    .count();
  if (has === 0) await db.proofs.put({ ...proof, subscriptionId: ended.id });
}

/**
 * A page that confirms a cancellation (lib/rights `readTerms`): the subscription the user has for it is proposed as
 * cancelled — on the day the page was seen, with the last day of access it states — and a proof of the page waits
 * with the proposal. For a subscription the user already marked cancelled, the proof is kept with it directly (a
 * proof is what the service's own page said, not a change to the user's data). Pages of other services do nothing.
 */
async function ingestCancellation(
  db: SubkeeperDb,
  input: IngestInput,
  url: string,
  hostname: string,
  result: PageDetection,
  clock: Clock,
): Promise<IngestOutcome> {
  const terms = input.terms ?? {};
  return db.transaction('rw', [db.subscriptions, db.detections, db.proofs], async (): Promise<IngestOutcome> => {
    const subs = (await db.subscriptions.toArray()).filter(isTracked);
    const live = findExisting(subs, result, hostname);
    const proof = (ids: { detectionId?: string; subscriptionId?: string }) =>
      input.page
        ? makeProof({
            id: newId(),
            kind: 'cancellation',
            url,
            page: input.page,
            pageKind: result.kind,
            terms,
            stamp: clock.stamp,
            ...ids,
          })
        : undefined;
    if (!live) {
      const ended = cancelledFor(subs, result, hostname);
      if (ended) await keepCancellationProof(db, ended, proof({ subscriptionId: ended.id }));
      return { action: 'ignored', reason: 'nothing' };
    }
    const detection: Detection = {
      id: newId(),
      url,
      hostname,
      seenAt: clock.stamp,
      result,
      status: 'pending',
      subscriptionId: live.id,
      ...(input.tabId !== undefined ? { tabId: input.tabId } : {}),
      proposal: {
        type: 'update',
        changes: {
          status: 'cancelled',
          statusFrom: clock.today,
          ...(terms.accessUntil ? { endsOn: terms.accessUntil } : {}),
        },
        charges: [],
      },
    };
    return propose(db, detection, 0, proof({ detectionId: detection.id }));
  });
}

/**
 * Stores a pending proposal (inside the ingest transaction): it replaces a pending one for the same subscription or
 * service; it is dropped when the user already ignored the same proposal, or when the host has too many waiting.
 */
export async function propose(
  db: SubkeeperDb,
  detection: Detection,
  chargesAdded: number,
  proof?: ReturnType<typeof makeProof>,
): Promise<IngestOutcome> {
  const key = pendingKey(detection);
  const sameHost = await db.detections.where('hostname').equals(detection.hostname).toArray();
  const mine = sameHost.filter((d) => pendingKey(d) === key);
  if (detection.proposal) {
    const fingerprint = proposalKey(detection.proposal);
    if (mine.some((d) => d.status === 'dismissed' && d.proposal && proposalKey(d.proposal) === fingerprint)) {
      return chargesAdded > 0 && detection.subscriptionId
        ? { action: 'recorded', subscriptionId: detection.subscriptionId, chargesAdded }
        : { action: 'ignored', reason: 'dismissed' };
    }
  }
  const replaced = mine.filter((d) => d.status === 'pending');
  const others = sameHost.filter((d) => d.status === 'pending' && pendingKey(d) !== key);
  if (others.length >= MAX_PENDING_PER_HOST) return { action: 'ignored', reason: 'too-many' };
  // A newer page of the same sign-up (the confirmation after the sign-up page) keeps what the earlier one stated, and
  // its proof: both pages are evidence of the contract.
  for (const old of replaced) {
    const earlier = old.proposal?.type === 'new' ? old.proposal.subscription.terms : undefined;
    if (earlier && detection.proposal?.type === 'new') {
      const terms = mergeTerms(earlier, detection.proposal.subscription.terms);
      if (terms) detection.proposal.subscription.terms = terms;
    }
  }
  if (replaced.length > 0) {
    const ids = replaced.map((d) => d.id);
    await db.detections.bulkDelete(ids);
    await db.proofs.where('detectionId').anyOf(ids).modify({ detectionId: detection.id });
  }
  const saved = await saveDetection(db, detection);
  if (!saved.ok) throw new Error(`invalid detection: ${Object.keys(saved.errors).join(', ')}`);
  if (proof) {
    await db.proofs.put(proof);
    // At most a few pages of proof per proposal: the newest.
    const kept = await db.proofs.where('detectionId').equals(detection.id).sortBy('seenAt');
    if (kept.length > MAX_PROOFS_PER_PROPOSAL) {
      await db.proofs.bulkDelete(kept.slice(0, kept.length - MAX_PROOFS_PER_PROPOSAL).map((p) => p.id));
    }
  }
  return {
    action: 'proposed',
    detectionId: detection.id,
    ...(detection.subscriptionId ? { subscriptionId: detection.subscriptionId } : {}),
    chargesAdded,
  };
}
