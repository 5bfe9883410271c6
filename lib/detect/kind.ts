import type { DetectionEvent, PageKind } from '../model';
import { type Line, metaValue, type PageData } from './dom';
import { lexicon } from './lexicon';
import type { FoundLinks } from './links';
import type { StructuredFacts } from './structured';

/** Page-level signals the kind decision rests on (computed by the caller). */
export interface KindSignals {
  page: PageData;
  url: URL | null;
  sd: StructuredFacts;
  /** A recurring price, a trial/intro phrase or a structured recurring offer outside noise zones. */
  recurring: boolean;
  /** Any usable price at all. */
  priced: boolean;
  /** Two or more different plan prices side by side. */
  multiPlan: boolean;
  rows: number;
  renewal: boolean;
  links: FoundLinks;
  /** The host belongs to a service in the directory (so its account pages are worth naming even when empty). */
  knownService?: boolean;
  /** One plan is chosen: a checked option with a price, or an amount due today (an order being placed). */
  chosen?: boolean;
}

type Scored = Exclude<PageKind, 'none'>;
const KINDS: Scored[] = ['receipt', 'billing', 'confirmation', 'signup', 'account', 'pricing'];

/** A kind's cue score, and whether its words are in the title or main heading, a sub-heading, the URL path. */
export interface Cue {
  score: number;
  top: boolean;
  heading: boolean;
  url: boolean;
}

/** Where a cue was seen, and how much it counts there. */
const WEIGHT = { title: 3, h1: 3, top: 3, heading: 2, url: 2, button: 1, body: 1 };
const MAX_BODY = 3;

function h1Text(lines: readonly Line[]): string {
  return lines
    .filter((l) => l.heading === 1)
    .slice(0, 3)
    .map((l) => l.text)
    .join(' \n ');
}

/**
 * The kinds whose cue words `text` holds, leaving out a cue that sits inside a longer cue of another kind: in
 * `Betaling bekræftet` (receipt) the sign-up word `betaling` does not count, nor `din prenumeration` (account) in
 * `Din prenumeration är aktiv` (confirmation).
 */
export function kindsIn(text: string): Set<Scored> {
  const lex = lexicon();
  const found: Array<{ kind: Scored; start: number; end: number }> = [];
  for (const kind of KINDS) {
    for (const m of lex.kinds[kind].all(text, 10)) found.push({ kind, start: m.index, end: m.index + m.text.length });
  }
  const out = new Set<Scored>();
  for (const f of found) {
    const inside = found.some(
      (g) => g.kind !== f.kind && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start,
    );
    if (!inside) out.add(f.kind);
  }
  return out;
}

/** Cue score of each kind, by where its words appear (title, h1, headings, URL path, buttons, body). */
export function cueScores(page: PageData, url: URL | null): Record<Scored, Cue> {
  const title = kindsIn(page.title);
  const h1 = kindsIn(h1Text(page.lines));
  const headings = page.lines
    .filter((l) => l.heading >= 2)
    .slice(0, 40)
    .map((l) => kindsIn(l.text));
  const buttons = page.lines
    .filter((l) => l.button)
    .slice(0, 20)
    .map((l) => kindsIn(l.text));
  const path = url ? decodeSafe(url.pathname).replace(/[-_/]+/g, ' ') : '';
  const inPath = path !== '' ? kindsIn(path) : new Set<Scored>();
  const body = page.lines
    .slice(0, 300)
    .filter((l) => l.heading === 0 && !l.button && l.text.length <= 200)
    .map((l) => kindsIn(l.text));
  const out = {} as Record<Scored, Cue>;
  for (const kind of KINDS) {
    let score = 0;
    const top = title.has(kind) || h1.has(kind);
    const inHeading = headings.some((h) => h.has(kind));
    const inUrl = inPath.has(kind);
    if (title.has(kind)) score += WEIGHT.title;
    if (h1.has(kind)) score += WEIGHT.h1;
    if (inHeading) score += WEIGHT.heading;
    if (inUrl) score += WEIGHT.url;
    if (buttons.some((b) => b.has(kind))) score += WEIGHT.button;
    let bodyHits = 0;
    for (const l of body) {
      if (bodyHits >= MAX_BODY) break;
      if (l.has(kind)) bodyHits++;
    }
    score += bodyHits * WEIGHT.body;
    if (top) score += WEIGHT.top;
    out[kind] = { score, top, heading: inHeading, url: inUrl };
  }
  return out;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Article pages: OpenGraph type article or an Article type in structured data. */
export function isArticlePage(page: PageData, sd: StructuredFacts): boolean {
  const ogType = (metaValue(page, 'og:type') ?? '').toLowerCase();
  return ogType === 'article' || sd.isArticle || metaValue(page, 'article:published_time') !== undefined;
}

/** Donation pages: donation words in the title or the main heading. */
export function isDonationPage(page: PageData): boolean {
  const donation = lexicon().donation;
  return donation.test(page.title) || donation.test(h1Text(page.lines));
}

/**
 * Decides the page kind. Each kind has a gate (what must be true at all) and a score (cue words by place);
 * the best-scoring kind whose gate holds wins, else `none`. Articles and donation pages are always `none`.
 */
export function decideKind(s: KindSignals): PageKind {
  const { page, sd } = s;
  if (isArticlePage(page, sd) || isDonationPage(page)) return 'none';
  const cues = cueScores(page, s.url);
  const payment = page.hasPaymentField || page.hasPaymentFrame;
  const subWords = lexicon().subscriptionWords.test(
    page.lines
      .slice(0, 400)
      .map((l) => l.text)
      .join('\n'),
  );
  const paid = sd.paid.length > 0 || sd.types.has('Invoice') || sd.types.has('Order');
  const anyLink = Boolean(s.links.cancel || s.links.manage || s.links.pause);

  const gate: Record<Scored, boolean> = {
    receipt: (cues.receipt.top || paid) && s.priced && (s.recurring || subWords),
    billing: cues.billing.score >= WEIGHT.heading && s.rows > 0,
    confirmation: cues.confirmation.top && s.recurring,
    // Several plans and no card field is a plan chooser, unless one plan is already chosen on a checkout page.
    signup:
      (payment || cues.signup.top || (s.chosen === true && cues.signup.url)) &&
      s.recurring &&
      !(s.multiPlan && !payment && !s.chosen),
    // Account words in the title, main heading or URL; or in a sub-heading with something that says "yours" (a
    // renewal date, a cancel/manage link). Body text alone is not enough: front pages advertise subscriptions.
    // Several plans and nothing that says "yours": a plan chooser.
    // On a known service's own site, account words in the title, heading or URL are enough: the page then names
    // the service and the directory's manage / cancel links even when it shows nothing else.
    account:
      (((cues.account.top || cues.account.url) && (s.recurring || s.renewal || anyLink || s.knownService === true)) ||
        ((cues.account.heading || s.renewal) && (s.renewal || anyLink) && s.priced)) &&
      (!s.multiPlan || s.renewal || anyLink),
    pricing: s.multiPlan && !payment && !(s.chosen && (cues.signup.top || cues.signup.url)),
  };
  const bonus: Record<Scored, number> = {
    receipt: paid ? 2 : 0,
    billing: Math.min(s.rows, 3),
    // A confirmation page also shows the next payment and a manage link: with its own words at the top, those
    // count for it as much as for an account page.
    confirmation: cues.confirmation.top ? (s.renewal ? 2 : 0) + (anyLink ? 2 : 0) : 0,
    signup: payment ? 4 : 0,
    account: (s.renewal ? 2 : 0) + (anyLink ? 2 : 0),
    pricing: 3,
  };
  let best: PageKind = 'none';
  let bestScore = 0;
  for (const kind of KINDS) {
    if (!gate[kind]) continue;
    const score = cues[kind].score + bonus[kind];
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}

/** What a message's words say, for {@link decideMailKind} (lib/detect/events.ts). */
export interface MailCues {
  seller: boolean;
  receipt: number;
  event?: { event: DetectionEvent; score: number };
  /** The mail came to a list (List-Unsubscribe) and says nothing a transactional mail says. */
  bulk: boolean;
}

/**
 * The kind of a message. A mail to a seller about a customer is nothing of the reader's. A receipt, an invoice or an
 * order confirmation is a receipt (with or without a subscription: a one-off purchase is a receipt with a charge and
 * no subscription). A trial ending, a renewal coming, a price change, a failed payment or a cancellation is news
 * about a subscription the reader has: an account message. A welcome is a confirmation. Anything else (offers,
 * newsletters, sign-up nudges) is `none`: a mail is never a sign-up or pricing page.
 */
export function decideMailKind(s: KindSignals, m: MailCues): PageKind {
  if (m.seller) return 'none';
  const subWords = lexicon().subscriptionWords.test(
    s.page.lines
      .slice(0, 200)
      .map((l) => l.text)
      .join('\n'),
  );
  const aboutSubscription = s.recurring || subWords || s.knownService === true || s.renewal;
  const event = m.event && m.event.event !== 'welcome' ? m.event : undefined;
  if (event && aboutSubscription && (event.score > m.receipt || (m.receipt < 4 && event.score >= 2))) return 'account';
  if (m.receipt > 0 && s.priced && !(m.event?.event === 'welcome' && m.event.score > m.receipt)) return 'receipt';
  if (m.event?.event === 'welcome' && aboutSubscription) return 'confirmation';
  if (event && aboutSubscription) return 'account';
  if (m.bulk) return 'none';
  const page = decideKind(s);
  return page === 'signup' || page === 'pricing' ? 'none' : page;
}
