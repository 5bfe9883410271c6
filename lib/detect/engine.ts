/**
 * The detection engine: reads one page (any DOM Document) and tells what kind of subscription page it is and what
 * it says — service, recurring price, period, trial, intro offer, next renewal, past charges and where to cancel.
 * Pure: no network, no clock (the caller passes `now`), no layout reads. Never throws. The DOM is read in one
 * place, lib/detect/dom.ts (`extractPage`); everything here works on that plain data.
 */
import type { PageDetection } from '../model/detection';
import type { PriceContext } from '../money';
import { type FoundCharge, findReceiptCharge, findRows, findSentenceCharges } from './charges';
import { type Line, metaValue, type PageData } from './dom';
import { decideKind } from './kind';
import { detectLanguage } from './language';
import { lexicon } from './lexicon';
import { type FoundLinks, findLinks, resolveHttp } from './links';
import { findOffers } from './phrases';
import { type Candidate, eligible, findCandidates, inUpsell } from './prices';
import { findService, type LookupHost, type LookupName } from './service';
import { addOpenGraphPrice, readStructured } from './structured';
import {
  type Chosen,
  chooseRecurring,
  introOf,
  pagePeriod,
  periodFromCharges,
  structuredRecurring,
  tracks,
  trialDays,
} from './subscription';
import { sentenceAround } from './text';
import { findRenewal, LineDates } from './when';

export interface DetectOptions {
  /** The service directory's lookup; without it the service is named from the page only. */
  lookupHost?: LookupHost;
  /** The directory's lookup by name, to flag a page naming itself after another service. */
  lookupName?: LookupName;
}

const NONE: PageDetection = { kind: 'none', service: null, subscription: null, charges: [], links: {} };

/**
 * What `page` (read off a document loaded from `url` by `extractPage`, lib/detect/dom.ts) is about, as of the day `now`
 * (`YYYY-MM-DD`), NOT yet validated against the `PageDetection` schema (callers validate: lib/detect/index.ts and
 * the background's message handling). Works on plain data only, so it runs where the page is not: the content
 * script extracts, the background detects. Returns kind `none` on any internal error.
 */
export function detectFromPage(page: PageData, url: string, now: string, options: DetectOptions = {}): PageDetection {
  try {
    return run(page, String(url ?? ''), String(now ?? ''), options);
  } catch {
    return { ...NONE, links: {} };
  }
}

function upsellLines(page: PageData): Set<number> {
  const lex = lexicon();
  const out = new Set<number>();
  page.lines.forEach((line, i) => {
    if (inUpsell(page.lines, line, lex.upsell)) out.add(i);
  });
  return out;
}

function run(page: PageData, url: string, now: string, options: DetectOptions): PageDetection {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(now)) return { ...NONE, links: {} };
  let parsedUrl: URL | null = null;
  try {
    parsedUrl = new URL(url);
  } catch {
    parsedUrl = null;
  }
  const hostname = parsedUrl?.hostname ?? '';
  const sample = page.lines
    .slice(0, 200)
    .map((l) => l.text)
    .join(' ')
    .slice(0, 6000);
  const { lang, tag } = detectLanguage(page.htmlLang, hostname, sample);
  const ctx: PriceContext = { lang: tag, hostname };
  if (lang.defaultCurrency) ctx.defaultCurrency = lang.defaultCurrency;

  const sd = readStructured(page.jsonLd, page.microdata);
  addOpenGraphPrice(sd, (name) => metaValue(page, name));
  const cands = findCandidates(page.lines, ctx);
  const upsell = upsellLines(page);
  const skip = (i: number) => upsell.has(i);
  const { trials, intros } = findOffers(page.lines, cands, skip);
  for (const intro of intros) {
    const c = intro.priceId !== undefined ? cands[intro.priceId] : undefined;
    if (c) c.intro = true;
  }
  const dates = new LineDates(page.lines, tag, now);
  markFuturePrices(page, cands, dates, now);
  const renewal = findRenewal(page.lines, dates, now, skip);
  const rows = findRows(page, cands, dates, now, skip);
  const pageLinks = findLinks(page.links, url, page.baseHref);

  const planKeys = new Set(
    cands
      .filter((c) => eligible(c) && c.period && !c.equivalent && !c.intro && !c.dueToday && !skip(c.line))
      .map((c) => `${c.amountMinor} ${c.currency}`),
  );
  const sdPlanKeys = new Set(sd.offers.filter((o) => o.amountMinor > 0).map((o) => `${o.amountMinor} ${o.currency}`));
  const multiPlan = planKeys.size >= 2 || (sdPlanKeys.size >= 2 && sd.bought.length === 0);
  const priced = cands.some((c) => eligible(c) && !skip(c.line)) || sd.offers.length > 0 || sd.bought.length > 0;
  const recurring =
    planKeys.size > 0 ||
    structuredRecurring(sd) !== undefined ||
    trials.length > 0 ||
    intros.length > 0 ||
    (priced && (renewal !== undefined || pagePeriod(page.lines, cands, skip) !== undefined));

  const kind = decideKind({
    page,
    url: parsedUrl,
    sd,
    recurring,
    priced,
    multiPlan,
    rows: rows.length,
    renewal: renewal !== undefined,
    links: pageLinks,
    knownService: Boolean(hostname && options.lookupHost?.(hostname.toLowerCase())),
    chosen: cands.some((c) => eligible(c) && !skip(c.line) && ((page.lines[c.line] as Line).selected || c.dueToday)),
  });
  if (kind === 'none') return { ...NONE, links: {} };
  const service = findService(page, sd, hostname, options.lookupHost, options.lookupName);
  const serviceOut = service
    ? { name: service.name, domain: service.domain, ...(service.serviceId ? { serviceId: service.serviceId } : {}) }
    : null;
  const claimed = service?.claimedName ? { claimedName: service.claimedName } : {};
  if (!tracks(kind)) return { kind, service: serviceOut, subscription: null, charges: [], links: {}, ...claimed };

  let chosen: Chosen | undefined = chooseRecurring(cands, page.lines, sd, skip);
  let charges: FoundCharge[] = [];
  if (kind === 'billing') {
    charges = rows;
  } else if (kind === 'receipt') {
    const paid = sd.paid.find((p) => p.date);
    const text = findReceiptCharge(page.lines, cands, dates, now, skip, sd.paid[0] ?? chosen);
    if (text) charges = [text];
    else if (paid?.date) charges = [{ date: paid.date, amountMinor: paid.amountMinor, currency: paid.currency }];
  } else if (kind === 'confirmation' || kind === 'account') {
    charges = findSentenceCharges(page.lines, cands, dates, now, skip);
    // An account page may list the latest payments as rows (`Seneste betalinger`).
    if (kind === 'account') charges = [...charges, ...findRows(page, cands, dates, now, skip, { paymentsOnly: true })];
  }
  charges = tidyCharges(charges);

  if (!chosen && kind === 'billing' && charges.length > 0) {
    const last = charges[charges.length - 1] as FoundCharge;
    chosen = { amountMinor: last.amountMinor, currency: last.currency };
  }
  let subscription: PageDetection['subscription'] = null;
  if (chosen) {
    let period = chosen.period;
    if (!period) period = pagePeriod(page.lines, cands, skip);
    if (!period && kind === 'billing') period = periodFromCharges(charges);
    const sub: NonNullable<PageDetection['subscription']> = {
      amountMinor: chosen.amountMinor,
      currency: chosen.currency,
    };
    if (period) sub.period = period;
    const trial = trials[0] ? trialDays(trials[0], now) : undefined;
    if (trial !== undefined) sub.trialDays = trial;
    const intro = introOf(intros[0], { ...chosen, ...(period ? { period } : {}) }, cands);
    if (intro) {
      sub.introAmountMinor = intro.introAmountMinor;
      sub.introPeriods = intro.introPeriods;
    }
    if (renewal) sub.nextRenewal = renewal;
    subscription = sub;
  }

  let links: FoundLinks = pageLinks;
  if (!links.cancel && !links.manage && !links.pause && service?.entry) {
    links = {};
    const fromDirectory = service.entry.links;
    for (const k of ['cancel', 'pause', 'manage'] as const) {
      const href = fromDirectory[k];
      const resolved = href ? resolveHttp(href, href) : null;
      if (resolved) links[k] = resolved;
    }
  }
  return { kind, service: serviceOut, subscription, charges, links, ...claimed };
}

/** Drops duplicates and sorts charges oldest first. */
function tidyCharges(charges: FoundCharge[]): FoundCharge[] {
  const seen = new Set<string>();
  const out: FoundCharge[] = [];
  for (const c of charges) {
    const key = `${c.date} ${c.amountMinor} ${c.currency}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).slice(0, 500);
}

/**
 * Prices that apply only from a coming date stated before them in the same sentence (`Fra 1. januar 2027 koster
 * abonnementet 699 kr/mnd`): a notice of a price change, not the price paid now.
 */
function markFuturePrices(page: PageData, cands: Candidate[], dates: LineDates, now: string): void {
  const lex = lexicon();
  for (const c of cands) {
    const text = (page.lines[c.line] as Line).text;
    const [from, to] = sentenceAround(text, c.index);
    // `Fornyes fra 3. desember for 129 kr/mnd` states the next renewal at the current price, not a change.
    if (lex.renewal.test(text.slice(from, to))) continue;
    for (const d of dates.get(c.line)) {
      if (d.index < from || d.index >= c.index || d.date <= now) continue;
      if (lex.priceFrom.atEnd(text.slice(Math.max(from, d.index - 20), d.index))) c.future = true;
    }
  }
}
