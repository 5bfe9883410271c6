import words from './gate-words.json';

/** What the content script reads cheaply from every page before deciding to run the full detection. */
export interface GateInput {
  url: string;
  title: string;
  textSample: string;
  hasStructuredOffer: boolean;
  hasPaymentField: boolean;
  hasPaymentFrame: boolean;
  knownHost: boolean;
  /** The page says it is an article (`og:type` article). */
  isArticle: boolean;
}

/**
 * No regular expressions here: compiling case-insensitive Unicode patterns costs about a millisecond each on
 * every page, more than the whole gate may. Plain lower-case substring search with boundary checks instead.
 */
/** The word lists are lower case already (a test checks it): nothing is built when the script starts. */
const URL_WORDS: readonly string[] = words.url;
const TEXT_WORDS: readonly string[] = words.words;
const PERIOD_WORDS: readonly string[] = words.periods;
const GIVING_WORDS: readonly string[] = words.giving;

const isLetter = (ch: string | undefined) => ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();
const isUrlSep = (ch: string | undefined) => ch === undefined || ch === '/' || ch === '_' || ch === '.' || ch === '-';

/** Whether `word` occurs in `text` with `ok(before, after)` true around it. */
function occurs(text: string, word: string, ok: (before: string | undefined, after: string | undefined) => boolean) {
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
    const before = i > 0 ? text[i - 1] : undefined;
    if (ok(before, text[i + word.length])) return true;
  }
  return false;
}

const urlCue = (path: string) => URL_WORDS.some((w) => occurs(path, w, (b, a) => isUrlSep(b) && isUrlSep(a)));
/** A cue word at a word start (`abonnement` also matches `abonnementet`). */
const wordCue = (text: string) => TEXT_WORDS.some((w) => occurs(text, w, (b) => !isLetter(b)));
/** A period word at a word end (`/mnd`, `per month`). */
const periodCue = (text: string) => PERIOD_WORDS.some((w) => occurs(text, w, (_b, a) => !isLetter(a)));

function pathOf(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme === -1) return '';
  const slash = url.indexOf('/', scheme + 3);
  if (slash === -1) return '';
  let end = url.length;
  for (const c of ['?', '#']) {
    const i = url.indexOf(c, slash);
    if (i !== -1 && i < end) end = i;
  }
  return url.slice(slash, Math.min(end, slash + 300));
}

/**
 * Cheap, pure check: could this page be a sign-up, receipt, billing or account page? Fires on payment fields or
 * payment frames, and on two agreeing cues among: URL path words (`/konto`, `/billing`, `/checkout`), title/text
 * words (`abonnement`, `kvittering`, `renews`), period words next to prices (`/mnd`, `per month`), structured data of
 * a recurring price, an order or an invoice, a host in the service directory — at least one of them from the
 * address, the title or the host (the body text and structured data are read only then). High recall; the full
 * detection decides. What keeps it shut on pages that only look like one (each measured on the fixture pages that
 * are not subscriptions, with every subscription fixture still opening it):
 * - a page asking for a gift (a donation, a monthly giver: `donate`, `fast giver`, `månadsgivare` in its address or
 *   title) has card fields and "per month" too; there it takes a subscription word and an address cue;
 * - a known host counts only beside a subscription word or an address cue, never on a page that says it is an
 *   article (`og:type` article): news sites are in the directory, and their articles and front pages talk about
 *   subscriptions and prices.
 */
export function gate(input: GateInput): boolean {
  const path = pathOf(input.url).toLowerCase();
  const title = input.title.slice(0, 300).toLowerCase();
  const giving = givingCue(path) || givingCue(title);
  /** Fields are read in order of cost, only while they can still change the answer (computed on first read). */
  if (!giving && (input.hasPaymentField || input.hasPaymentFrame)) return true;
  const inUrl = urlCue(path);
  /**
   * The page's text and structured data are read only when the address, the title or a known host already points
   * at a subscription: text alone is the weakest evidence (articles about prices and streaming services have it
   * too), and reading any of a page's elements is what costs most on the many pages with nothing to find (news
   * articles and shops nearly all carry JSON-LD).
   */
  const host = () => input.knownHost && !input.isArticle;
  if (!inUrl && !wordCue(title) && !periodCue(title) && !host()) return false;
  const text = `${title} ${input.textSample.slice(0, 3000)}`.toLowerCase();
  const word = wordCue(text);
  if (giving) return inUrl && word;
  const period = periodCue(text);
  const offer = input.hasStructuredOffer;
  let cues = (inUrl ? 1 : 0) + (word ? 1 : 0) + (period ? 1 : 0) + (offer ? 1 : 0);
  /** A known host alone is never enough, so it is looked up only when it would decide. */
  if (cues === 1 && (word || inUrl) && host()) cues++;
  return cues >= 2;
}

/** A word of giving (`donate`, `giver`) at a word start in the address path or the title. */
const givingCue = (text: string) => GIVING_WORDS.some((w) => occurs(text, w, (b) => !isLetter(b)));

/** Provider names seen in payment iframe addresses (for gate-collect). */
export const PAYMENT_FRAME_WORDS: readonly string[] = words.frames;
/** What JSON-LD says about a recurring price, an order or an invoice, lower-cased (for gate-collect). */
export const STRUCTURED_WORDS: readonly string[] = words.structured;
