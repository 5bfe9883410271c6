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
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alt = (list: string[]) => list.map(esc).join('|');
// Compiled once at load; gate() itself compiles nothing.
const URL_RE = new RegExp(`(?:^|[/_.-])(?:${alt(words.url)})(?:[/_.-]|$)`, 'i');
const WORD_RE = new RegExp(`(?<![\\p{L}])(?:${alt(words.words)})`, 'iu');
const PERIOD_RE = new RegExp(`(?:${alt(words.periods)})(?![\\p{L}])`, 'iu');

function pathOf(url: string): string {
  const m = /^[a-z]+:\/\/[^/?#]*([^?#]*)/i.exec(url);
  return (m?.[1] ?? '').slice(0, 300);
}

/**
 * Cheap, pure check: could this page be a sign-up, receipt, billing or account page? Fires on payment fields or
 * payment frames, and on two agreeing cues among: URL path words (`/konto`, `/billing`, `/checkout`), title/text
 * words (`abonnement`, `kvittering`, `renews`), period words next to prices (`/mnd`, `per month`), a structured
 * offer, a host in the service directory. High recall; the full detection decides.
 */
export function gate(input: GateInput): boolean {
  if (input.hasPaymentField || input.hasPaymentFrame) return true;
  const text = `${input.title.slice(0, 300)} ${input.textSample.slice(0, 3000)}`;
  let cues = 0;
  if (URL_RE.test(pathOf(input.url))) cues++;
  if (WORD_RE.test(text)) cues++;
  if (PERIOD_RE.test(text)) cues++;
  if (input.hasStructuredOffer) cues++;
  if (input.knownHost) cues++;
  return cues >= 2;
}

/** Provider names seen in payment iframe addresses (for gate-collect). */
export const PAYMENT_FRAME_WORDS: readonly string[] = words.frames;
