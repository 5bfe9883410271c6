/**
 * The detection engine: reads one page (any DOM Document) and tells what kind of subscription page it is and what
 * it says — service, recurring price, period, trial, intro offer, next renewal, past charges and where to cancel.
 * Pure: no network, no clock (the caller passes `now`), no layout reads. Never throws. The DOM is read in one
 * place, lib/detect/dom.ts (`extractPage`); everything here works on that plain data.
 */
import type { DetectionEvent, PageDetection } from '../model/detection';
import type { PriceContext } from '../money';
import { findPriceChange } from './change';
import {
  type FoundCharge,
  findDueDate,
  findReceiptCharge,
  findRows,
  findSentenceCharges,
  findTodayCharges,
  isUnpaid,
} from './charges';
import { type Line, metaValue, type PageData } from './dom';
import { bestEvent, eventDate, eventScores, isSellerMessage, places, receiptScore } from './events';
import { decideKind, decideMailKind, type KindSignals, type MailCues } from './kind';
import { detectLanguage } from './language';
import { lexicon } from './lexicon';
import { type FoundLinks, findLinks, resolveHttp } from './links';
import { mailService, platformOf, platformPageService, type Sender, unwrapLink } from './mail-service';
import { findOffers } from './phrases';
import { type Candidate, eligible, findCandidates, inUpsell } from './prices';
import { type FoundService, findService, type LookupHost, type LookupName } from './service';
import { addOpenGraphPrice, readStructured } from './structured';
import {
  type Chosen,
  chooseRecurring,
  gapPeriod,
  introOf,
  pagePeriod,
  periodFromCharges,
  spanPeriod,
  structuredRecurring,
  tracks,
  trialDays,
} from './subscription';
import { sentenceAround } from './text';
import { afterPaidThrough, findRenewal, LineDates } from './when';

export interface DetectOptions {
  /** The service directory's lookup; without it the service is named from the page only. */
  lookupHost?: LookupHost;
  /** The reader's currencies (their `kr`, their base), for `kr` or `$` the page's language and domain leave open. */
  preferCurrencies?: readonly string[];
  /** The directory's lookup by name, to flag a page naming itself after another service. */
  lookupName?: LookupName;
}

const NONE: PageDetection = { kind: 'none', service: null, subscription: null, charges: [], links: {} };

/** What the engine knows about a message beside its body (lib/detect/mail.ts reads it). */
export interface MailContext {
  sender: Sender;
  subject: string;
  /** The day the message was sent (the day its text is read as of), '' when unknown. */
  date: string;
  /** Sent to a list (List-Unsubscribe). */
  bulk?: boolean;
}

/**
 * What `page` (read off a document loaded from `url` by `extractPage`, lib/detect/dom.ts) is about, as of the day `now`
 * (`YYYY-MM-DD`), NOT yet validated against the `PageDetection` schema (callers validate: lib/detect/index.ts and
 * the background's message handling). Works on plain data only, so it runs where the page is not: the content
 * script extracts, the background detects. Returns kind `none` on any internal error.
 */
export function detectFromPage(
  page: PageData,
  url: string,
  now: string,
  options: DetectOptions = {},
  mail?: MailContext,
): PageDetection {
  try {
    return run(page, String(url ?? ''), String(now ?? ''), options, mail);
  } catch {
    return { ...NONE, links: {} };
  }
}

/**
 * Lines that offer something else (`Upgrade`, `Prova också`). In a message, also a teaser that ends in a link such
 * as `Les mer` (`Med FINN Pluss får du rabatt … for 59 kr/mnd. Les mer`): the reader has not bought what it offers.
 */
function upsellLines(page: PageData, mail: boolean): Set<number> {
  const lex = lexicon();
  const out = new Set<number>();
  page.lines.forEach((line, i) => {
    if (inUpsell(page.lines, line, lex.upsell)) out.add(i);
  });
  if (mail) {
    for (const link of page.links) {
      const line = page.lines[link.line];
      const text = link.text.trim();
      if (!line || text.length > 40 || !lex.readMore.test(text)) continue;
      if (
        line.text
          .trimEnd()
          .replace(/[.›»>→\s]+$/, '')
          .endsWith(text.replace(/[.›»>→\s]+$/, ''))
      )
        out.add(link.line);
    }
  }
  return out;
}

function run(page: PageData, url: string, now: string, options: DetectOptions, mail?: MailContext): PageDetection {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(now)) return { ...NONE, links: {} };
  let parsedUrl: URL | null = null;
  try {
    parsedUrl = new URL(url);
  } catch {
    parsedUrl = null;
  }
  const hostname = parsedUrl?.hostname ?? '';
  // A message names its service from its sender (and, for a payment platform's mail, the merchant it names); that
  // service's domain also tells the language and currency (`kr` from kodkollen.se is SEK, though Stripe sent it).
  const mailSvc = mail
    ? mailService(
        mail.sender,
        [mail.subject, ...page.lines.slice(0, 30).map((l) => l.text)],
        page.lines,
        page.links,
        options.lookupHost,
      )
    : undefined;
  const sample = `${mail ? `${mail.subject} ` : ''}${page.lines
    .slice(0, 200)
    .map((l) => l.text)
    .join(' ')}`.slice(0, 6000);
  const langHost = mailSvc?.domain ?? hostname;
  const { lang, tag } = detectLanguage(page.htmlLang, langHost, sample);
  const ctx: PriceContext = { lang: tag, hostname: langHost };
  if (lang.defaultCurrency) ctx.defaultCurrency = lang.defaultCurrency;
  if (options.preferCurrencies) ctx.prefer = options.preferCurrencies;

  const sd = readStructured(page.jsonLd, page.microdata);
  addOpenGraphPrice(sd, (name) => metaValue(page, name));
  const cands = findCandidates(page.lines, ctx);
  const upsell = upsellLines(page, mail !== undefined);
  const skip = (i: number) => upsell.has(i);
  const found = findOffers(page.lines, cands, skip);
  const { trials } = found;
  // `594 kr. for 6 måneder (svarer til 99 kr./md.)`: a price for a term with its per-month equivalent right after it
  // is the plan's price for that term, not an intro offer.
  const intros = found.intros.filter((intro) => {
    const c = intro.priceId !== undefined ? cands[intro.priceId] : undefined;
    return !(c && cands.some((e) => e.equivalent && e.line === c.line && e.index > c.index));
  });
  for (const intro of intros) {
    const c = intro.priceId !== undefined ? cands[intro.priceId] : undefined;
    if (c) c.intro = true;
  }
  const dates = new LineDates(page.lines, tag, now);
  markFuturePrices(page, cands, dates, now);
  const renewal = findRenewal(page.lines, dates, now, skip);
  const rows = findRows(page, cands, dates, now, skip);
  const pageLinks = mail
    ? findLinks(page.links, url, '', {
        absoluteOnly: true,
        unwrap: unwrapLink,
        lines: page.lines,
        // A payment platform's own pages in its mail are the platform's (its receipt is for the merchant).
        notFromContext: (host) => platformOf(host) !== undefined,
      })
    : findLinks(page.links, url, page.baseHref);

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
    (priced && (renewal !== undefined || pagePeriod(page.lines, cands, skip) !== undefined)) ||
    // A message about a subscription: the span of the service paid for (`Periode 1. januar – 31. december 2027`),
    // subscription words, or a bill still to be paid (an invoice with an amount due is a recurring bill).
    (mail !== undefined &&
      priced &&
      (spanPeriod(page.lines, dates, skip) !== undefined ||
        lexicon().subscriptionWords.test(
          `${mail.subject}\n${page.lines
            .slice(0, 200)
            .map((l) => l.text)
            .join('\n')}`,
        ) ||
        isUnpaid(page.lines)));

  const signals: KindSignals = {
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
  };
  let cues: MailCues | undefined;
  if (mail) {
    const at = places(mail.subject, page.lines);
    const event = bestEvent(eventScores(at));
    // `Vi har i dag trukket 249 kr.`: a charge made today says receipt as much as the word does.
    const receipt = receiptScore(at) + (findTodayCharges(page.lines, cands, now, skip).length > 0 ? 2 : 0);
    cues = { seller: isSellerMessage(at), receipt, bulk: Boolean(mail.bulk) && receipt === 0 && !event };
    if (event) cues.event = event;
  }
  let kind = cues ? decideMailKind(signals, cues) : decideKind(signals);
  // A payment platform's own page (`buy.paddle.com`, `pay.stripe.com`) that thanks for an order and shows what was
  // charged is the merchant's receipt.
  if (
    !mail &&
    kind === 'confirmation' &&
    platformOf(hostname) &&
    cands.some((c) => (c.total || c.charged) && c.amountMinor > 0 && !c.vat && !c.negative && !skip(c.line))
  ) {
    kind = 'receipt';
  }
  if (kind === 'none') return { ...NONE, links: {} };
  let service = mail
    ? (mailSvc ?? null)
    : (platformPageService(page.title, page.lines, page.links, hostname, options.lookupHost) ??
      findService(page, sd, hostname, options.lookupHost, options.lookupName));
  // A sender that calls itself by another service's name from a domain that is not that service's (a look-alike
  // sender): flagged, and named by its domain.
  // An app store's receipt names the app on the store's domain by design.
  if (mail && service && !service.serviceId && !service.claimedName && !service.store) {
    const other = options.lookupName?.(service.name);
    if (other && !other.domains.some((d) => service!.domain === d || service!.domain.endsWith(`.${d}`))) {
      const label = service.domain.split('.')[0] ?? service.domain;
      service = { ...service, claimedName: service.name, name: label.charAt(0).toUpperCase() + label.slice(1) };
    }
  }
  const serviceOut = serviceOf(service);
  const claimed = service?.claimedName ? { claimedName: service.claimedName } : {};
  if (!tracks(kind)) return { kind, service: serviceOut, subscription: null, charges: [], links: {}, ...claimed };

  const event: DetectionEvent | undefined =
    kind === 'account' || kind === 'confirmation' ? cues?.event?.event : undefined;
  let chosen: Chosen | undefined = chooseRecurring(cands, page.lines, sd, skip);
  const change = event === 'price-change' ? findPriceChange(page.lines, cands, dates, now) : undefined;
  if (change?.current) {
    chosen = { amountMinor: change.current.amountMinor, currency: change.current.currency, cand: change.current };
    if (change.current.period) chosen.period = change.current.period;
  }
  // A receipt that states no recurring price, no period and nothing about a subscription is a one-off purchase.
  const oneOff = kind === 'receipt' && mail !== undefined && !recurring;
  if (oneOff) chosen = undefined;
  const unpaid = kind === 'receipt' && isUnpaid(page.lines);
  const later =
    mail !== undefined &&
    lexicon().chargedLater.test(
      page.lines
        .slice(0, 200)
        .map((l) => l.text)
        .join('\n'),
    );
  let charges: FoundCharge[] = [];
  if (kind === 'billing') {
    charges = rows;
  } else if (kind === 'receipt' && !unpaid && !later) {
    const paid = sd.paid.find((p) => p.date);
    const fallbackAmount = sd.paid[0] ?? chosen ?? (oneOff ? largestTotal(cands) : undefined);
    const text = findReceiptCharge(page.lines, cands, dates, now, skip, fallbackAmount, mail?.date || undefined);
    if (text) charges = [text];
    else if (paid?.date) charges = [{ date: paid.date, amountMinor: paid.amountMinor, currency: paid.currency }];
  } else if ((kind === 'confirmation' || kind === 'account') && event !== 'payment-failed') {
    charges = [
      ...findSentenceCharges(page.lines, cands, dates, now, skip),
      ...findTodayCharges(page.lines, cands, now, skip),
    ];
    // An account page may list the latest payments as rows (`Seneste betalinger`).
    if (kind === 'account') charges = [...charges, ...findRows(page, cands, dates, now, skip, { paymentsOnly: true })];
  }
  charges = tidyCharges(charges);

  if (!chosen && kind === 'billing' && charges.length > 0) {
    const last = charges[charges.length - 1] as FoundCharge;
    chosen = { amountMinor: last.amountMinor, currency: last.currency };
  }
  let subscription: PageDetection['subscription'] = null;
  let next = renewal;
  // An unpaid invoice is charged on its due date, whatever other date a renewal word stands near.
  if (unpaid) next = findDueDate(page.lines, dates, now, skip) ?? next;
  if (!next && kind === 'receipt' && !oneOff) next = afterPaidThrough(page.lines, dates, now);
  if (!next && (event === 'trial-ending' || event === 'renewal-upcoming'))
    next = eventDate(event, page.lines, dates, now);
  if (event === 'cancelled' || event === 'payment-failed') next = undefined;
  if (chosen) {
    let period = chosen.period;
    if (!period) period = pagePeriod(page.lines, cands, skip);
    if (!period && kind === 'billing') period = periodFromCharges(charges);
    if (!period) period = spanPeriod(page.lines, dates, skip);
    const paidOn = charges[charges.length - 1]?.date;
    if (!period && kind === 'receipt' && paidOn && next) period = gapPeriod(paidOn, next);
    const sub: NonNullable<PageDetection['subscription']> = {
      amountMinor: chosen.amountMinor,
      currency: chosen.currency,
    };
    if (period) sub.period = period;
    // A trial-ending notice states when the trial ends, not how long it lasts from today.
    const trial = trials[0] && event !== 'trial-ending' ? trialDays(trials[0], now) : undefined;
    if (trial !== undefined) sub.trialDays = trial;
    const intro = introOf(intros[0], { ...chosen, ...(period ? { period } : {}) }, cands);
    if (intro) {
      sub.introAmountMinor = intro.introAmountMinor;
      sub.introPeriods = intro.introPeriods;
    }
    if (next) sub.nextRenewal = next;
    if (change?.from && change.next.currency === sub.currency) {
      sub.priceChange = { amountMinor: change.next.amountMinor, from: change.from };
    }
    subscription = sub;
  }

  let links: FoundLinks = pageLinks;
  // Directory links are for subscriptions: a one-off purchase gets only the links its receipt shows.
  if (!links.cancel && !links.manage && !links.pause && service?.entry && !oneOff) {
    links = {};
    const fromDirectory = service.entry.links;
    for (const k of ['cancel', 'pause', 'manage'] as const) {
      const href = fromDirectory[k];
      const resolved = href ? resolveHttp(href, href) : null;
      if (resolved) links[k] = resolved;
    }
  }
  const out: PageDetection = { kind, service: serviceOut, subscription, charges, links, ...claimed };
  if (event) out.event = event;
  return out;
}

/** The largest total on a receipt (a one-off purchase's amount when no line says what was charged). */
function largestTotal(cands: readonly Candidate[]): { amountMinor: number; currency: string } | undefined {
  let best: Candidate | undefined;
  for (const c of cands) {
    if (!c.total || c.negative || c.vat || c.net || c.shipping || c.amountMinor <= 0) continue;
    if (!best || c.amountMinor > best.amountMinor) best = c;
  }
  return best;
}

function serviceOf(service: FoundService | null): PageDetection['service'] {
  return service
    ? { name: service.name, domain: service.domain, ...(service.serviceId ? { serviceId: service.serviceId } : {}) }
    : null;
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
