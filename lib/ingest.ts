import { addDays } from './dates';
import { addCharges, mergeServiceLinks, newId, type SubkeeperDb, saveDetection, saveSubscription } from './db';
import type { Links, PageDetection, Settings, Subscription } from './model';
import { addPeriods } from './schedule';
import { forHost, siteOf } from './site';

export { forHost, siteOf };

/**
 * What the background does with a page the detection engine read: the decision rules, apart from the browser.
 * - pricing and none pages store nothing;
 * - signup pages create a pending detection only;
 * - confirmation, receipt, billing and account pages create or update a subscription (marked as detected, not
 *   confirmed, for the user to accept), record charges without duplicates, and record a price change when the
 *   page shows another price than the one known; links seen on the service's pages are remembered per service.
 */

export interface IngestInput {
  url: string;
  result: PageDetection;
  tabId?: number;
}

export interface Clock {
  /** Today's calendar day, YYYY-MM-DD. */
  today: string;
  /** The current instant as an ISO string. */
  stamp: string;
}

export type IngestOutcome =
  | { action: 'ignored'; reason: 'disabled' | 'never-here' | 'unknown-service' | 'nothing' }
  | { action: 'pending'; detectionId: string }
  | { action: 'tracked'; detectionId: string; subscriptionId: string; created: boolean; chargesAdded: number };

/** Whether settings allow detection on this host (`never here` covers subdomains too). */
export function detectionAllowed(settings: Settings, hostname: string, known: boolean): IngestOutcome | null {
  if (!settings.detection.enabled) return { action: 'ignored', reason: 'disabled' };
  const h = hostname.toLowerCase();
  if (settings.detection.neverSites.some((s) => h === s || h.endsWith(`.${s}`))) {
    return { action: 'ignored', reason: 'never-here' };
  }
  if (settings.detection.onlyKnownServices && !known) return { action: 'ignored', reason: 'unknown-service' };
  return null;
}

function serviceKey(result: PageDetection, hostname: string): string {
  return result.service?.serviceId ?? result.service?.domain ?? hostname;
}

/** Finds the subscription a page is about: same directory id, else same domain (or parent domain). */
export function findExisting(subs: readonly Subscription[], result: PageDetection, hostname: string) {
  const id = result.service?.serviceId;
  const live = subs.filter((s) => s.status !== 'cancelled');
  return (id ? live.find((s) => s.serviceId === id) : undefined) ?? forHost(live, result.service?.domain ?? hostname);
}

function pageLinks(result: PageDetection, pageUrl: string, today: string): Links {
  const out: Links = {};
  for (const kind of ['manage', 'cancel', 'pause'] as const) {
    const url = result.links[kind];
    if (url) out[kind] = { url, source: 'page', seenOn: pageUrl, seenAt: today };
  }
  return out;
}

/** What the service directory knows about a host (see lib/directory `lookupHost`). */
export interface DirectoryHit {
  id: string;
  name: string;
  category: Subscription['category'];
  domains: readonly string[];
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

export async function ingestDetection(
  db: SubkeeperDb,
  input: IngestInput,
  settings: Settings,
  clock: Clock,
  lookup: LookupHost,
): Promise<IngestOutcome> {
  const { url } = input;
  const hostname = siteOf(url);
  const hit = lookup(hostname);
  const result = enrich(input.result, hostname, lookup);
  const blocked = detectionAllowed(settings, hostname, Boolean(result.service?.serviceId));
  if (blocked) return blocked;
  if (result.kind === 'pricing' || result.kind === 'none') return { action: 'ignored', reason: 'nothing' };

  const detection = {
    id: newId(),
    url,
    hostname,
    seenAt: clock.stamp,
    result,
    status: 'pending' as const,
    ...(input.tabId !== undefined ? { tabId: input.tabId } : {}),
  };
  const links = pageLinks(result, url, clock.today);
  if (Object.keys(links).length > 0) await mergeServiceLinks(db, serviceKey(result, hostname), links);

  if (result.kind === 'signup' || !result.service) {
    const saved = await saveDetection(db, detection);
    return saved.ok ? { action: 'pending', detectionId: detection.id } : { action: 'ignored', reason: 'nothing' };
  }
  const sub = result.subscription;
  const latestCharge = [...result.charges].sort((a, b) => b.date.localeCompare(a.date))[0];
  if (!sub && !latestCharge) {
    // An account page with no price: remember its links, nothing to track.
    return { action: 'ignored', reason: 'nothing' };
  }

  return db.transaction(
    'rw',
    [db.subscriptions, db.charges, db.priceChanges, db.detections, db.serviceLinks],
    async (): Promise<IngestOutcome> => {
      const existing = findExisting(await db.subscriptions.toArray(), result, hostname);
      const amountMinor = sub?.amountMinor ?? latestCharge!.amountMinor;
      const currency = sub?.currency ?? latestCharge!.currency;
      const period = sub?.period ?? existing?.period ?? 'P1M';
      // A charge's own day is a billing day (it keeps a 31st); that it is paid moves the next renewal past it
      // (addCharges records it as the subscription's lastPaid).
      const anchor = sub?.nextRenewal ?? latestCharge?.date;
      let subscriptionId: string;
      let created = false;
      if (existing) {
        subscriptionId = existing.id;
        const patch: Record<string, unknown> = { id: existing.id, links: { ...existing.links, ...links } };
        if (anchor) patch.billingAnchor = anchor;
        if (sub?.period) patch.period = sub.period;
        const priceChanged = currency === existing.currency && amountMinor !== existing.amountMinor;
        if (priceChanged && !isIntroAmount(existing, amountMinor, clock.today)) {
          await db.priceChanges.put({
            id: newId(),
            subscriptionId: existing.id,
            date: latestCharge?.date ?? clock.today,
            oldAmountMinor: existing.amountMinor,
            newAmountMinor: amountMinor,
            currency,
            sourceUrl: url,
          });
          patch.amountMinor = amountMinor;
        }
        await saveSubscription(db, patch, clock.stamp);
      } else {
        const trialEnd = sub?.trialDays ? addDays(clock.today, sub.trialDays) : undefined;
        const start = trialEnd ?? clock.today;
        const introEnd =
          sub?.introAmountMinor !== undefined && sub.introPeriods
            ? addPeriods(start, period, sub.introPeriods)
            : undefined;
        const saved = await saveSubscription(
          db,
          {
            service: result.service!.name,
            serviceId: result.service!.serviceId,
            domain: result.service!.domain,
            category: hit?.category ?? 'other',
            amountMinor,
            currency,
            period,
            status: trialEnd ? 'trial' : 'active',
            statusHistory: [{ status: trialEnd ? 'trial' : 'active', date: clock.today }],
            billingAnchor: trialEnd ?? anchor ?? clock.today,
            startDate: clock.today,
            // A receipt or a confirmation with no other date: paid today, so the next renewal is a period away.
            ...(!trialEnd && !anchor && (result.kind === 'receipt' || result.kind === 'confirmation')
              ? { lastPaid: clock.today }
              : {}),
            trialEnd,
            introAmountMinor: sub?.introAmountMinor,
            introEnd,
            links,
            source: 'detected',
            confirmed: false,
          },
          clock.stamp,
        );
        if (!saved.ok) return { action: 'ignored', reason: 'nothing' };
        subscriptionId = saved.value.id;
        created = true;
      }
      const added = await addCharges(
        db,
        result.charges.map((c) => ({
          id: newId(),
          subscriptionId,
          date: c.date,
          amountMinor: c.amountMinor,
          currency: c.currency,
          source: result.kind,
          sourceUrl: url,
        })),
      );
      await saveDetection(db, { ...detection, subscriptionId, status: created ? 'pending' : 'accepted' });
      return { action: 'tracked', detectionId: detection.id, subscriptionId, created, chargesAdded: added.length };
    },
  );
}

/** During an intro period a lower price is expected, not a price change. */
function isIntroAmount(sub: Subscription, amountMinor: number, today: string): boolean {
  return sub.introAmountMinor === amountMinor && (!sub.introEnd || today < sub.introEnd);
}
