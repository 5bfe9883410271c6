import type { Line, LinkInfo } from './dom';
import { lexicon } from './lexicon';

export type LinkKind = 'cancel' | 'pause' | 'manage';
export type FoundLinks = Partial<Record<LinkKind, string>>;

const ORDER: LinkKind[] = ['cancel', 'pause', 'manage'];
const MAX_TEXT = 60;

/**
 * Resolves `href` against the page (and its `<base href>`); only http(s) URLs come back. `javascript:`, `data:`,
 * `mailto:` and unparsable links give null.
 */
export function resolveHttp(href: string, pageUrl: string, baseHref = ''): string | null {
  try {
    const trimmed = href.trim();
    if (
      !trimmed ||
      /^(javascript|data|vbscript|mailto|tel|blob|file):/i.test(trimmed.replace(/[\s\u0000-\u001f]/g, ''))
    ) {
      return null;
    }
    const base = baseHref ? new URL(baseHref, pageUrl).href : pageUrl;
    const u = new URL(trimmed, base);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (u.href.length > 2048) return null;
    return u.href;
  } catch {
    return null;
  }
}

/**
 * Whether a link text names a legal, help or unsubscribe page (`Avbestillingsregler`, `Regler for annullering`,
 * `Cancellation policy`, `Meld deg av nyhetsbrev`) rather than an action: any of its words may end in such a word.
 */
export function notAnAction(text: string): boolean {
  const { phrases, endings } = lexicon().linkNot;
  if (phrases.test(text)) return true;
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}-]+/u)) {
    if (word.length > 3 && endings.some((e) => e.length >= 5 && word.length > e.length && word.endsWith(e)))
      return true;
  }
  return false;
}

function hostOf(href: string): string {
  try {
    return new URL(href.trim()).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** A link text that is its own address (a plain-text mail's URL, linkified by a webmail client). */
const URL_TEXT = /^(?:https?:\/\/|www\.)\S+$/i;

/**
 * The sentence a message's link stands in: its line without URLs, joined to the line before when that one runs on
 * into it (hard-wrapped plain text: `Ønsker du å bytte eller si opp abonnementet,` / `kan du gjøre det på https://…`).
 */
function sentenceOf(link: LinkInfo, lines: readonly Line[]): string {
  const strip = (t: string) =>
    t
      .replace(/<?https?:\/\/\S+>?/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  let text = strip(lines[link.line]?.text ?? link.text);
  const prev = lines[link.line - 1]?.text ?? '';
  if (prev && prev.length <= 300 && !/[.!?:]\s*$/.test(prev) && /^\p{Ll}/u.test(text)) text = `${strip(prev)} ${text}`;
  return text.slice(0, 400);
}

/** The label of a bare URL: its line without URLs, else the short line before (`Min side:` / `https://…`). */
function urlLabel(link: LinkInfo, lines: readonly Line[]): string {
  const strip = (t: string) =>
    t
      .replace(/<?https?:\/\/\S+>?/g, ' ')
      .replace(/[\s:–—-]+$/, '')
      .replace(/\s+/g, ' ')
      .trim();
  const own = strip(lines[link.line]?.text ?? '');
  if (own) return own;
  const prev = lines[link.line - 1]?.text ?? '';
  return prev.length <= 80 ? strip(prev) : '';
}

/**
 * A link to the reader's account page written inside a longer text (`Se fakturaen på Min side`, `Log in to your
 * account`): it ends in a multi-word account phrase. Or the self-service portal named after the service (`Mitt
 * Telenor`, `Se fakturan i Mitt Tele2`, `My Vodafone`): a possessive and a capitalised name ending the text.
 */
function accountPage(text: string, bare: string): boolean {
  const lex = lexicon();
  for (const p of lex.accountLinks) if (p.includes(' ') && bare.endsWith(` ${p}`)) return true;
  const words = text.replace(/[\s.:›»>→]+$/, '').split(/\s+/);
  if (words.length < 2) return false;
  const own = (words[words.length - 2] as string).toLowerCase();
  const name = words[words.length - 1] as string;
  return lex.accountOwn.has(own) && /^\p{Lu}[\p{L}\p{N}+&-]*$/u.test(name);
}

/**
 * What a message's link is when its own text says nothing: an account page (`Min side`, `Mitt konto`) is where
 * the subscription the message is about is managed; another short text or a bare URL takes the verbs of its
 * sentence, when that sentence is about the subscription (`ændre eller opsige dit abonnement under Min konto` →
 * manage; `cancel your subscription at any time from Subscriptions` → cancel).
 */
function fromContext(link: LinkInfo, text: string, lines: readonly Line[]): LinkKind | undefined {
  const lex = lexicon();
  const bare = text
    .toLowerCase()
    .replace(/[\s.:›»>→]+$/, '')
    .trim();
  if (lex.accountLinks.has(bare) || (text.length <= MAX_TEXT && lex.paymentLinks.test(text))) return 'manage';
  if (text.length <= MAX_TEXT && accountPage(text, bare)) return 'manage';
  const sentence = URL_TEXT.test(text) || text.length <= 40 ? sentenceOf(link, lines) : text.slice(0, 400);
  if (!lex.subscriptionWords.test(sentence)) return undefined;
  if (lex.linkContext.manage.test(sentence)) return 'manage';
  if (lex.linkContext.cancel.test(sentence) || lex.links.cancel.test(sentence)) return 'cancel';
  return undefined;
}

/**
 * Cancel, pause and manage links by their text (`Si opp`, `Pausa prenumeration`, `Manage subscription`), resolved
 * to absolute http(s) URLs. The first link of each kind wins; a link counts for one kind only (cancel before pause
 * before manage). Links whose text is long are prose, not buttons, and are skipped, and so are links to legal, help
 * and unsubscribe pages. `absoluteOnly` (messages, which have no address of their own): relative links are dropped
 * and link wrappers (`google.com/url?q=…`) are opened up by `unwrap`. `lines` (messages): a link whose text says
 * nothing is read in its sentence ({@link fromContext}); a link to update the card counts as managing only when no
 * other link does.
 */
export function findLinks(
  links: readonly LinkInfo[],
  pageUrl: string,
  baseHref: string,
  opts: {
    absoluteOnly?: boolean;
    unwrap?: (href: string) => string;
    lines?: readonly Line[];
    /** Hosts whose links are never read from their sentence (a payment platform's own pages in its mail). */
    notFromContext?: (host: string) => boolean;
  } = {},
): FoundLinks {
  const lex = lexicon();
  const out: FoundLinks = {};
  const found = (link: LinkInfo, kind: LinkKind) => {
    let href = link.href.trim();
    if (opts.absoluteOnly) {
      if (!/^https?:\/\//i.test(href)) return;
      href = opts.unwrap ? opts.unwrap(href) : href;
    }
    const url = opts.absoluteOnly ? resolveHttp(href, href) : resolveHttp(href, pageUrl, baseHref);
    if (url) out[kind] = url;
  };
  const unnamed: Array<[LinkInfo, string]> = [];
  for (const link of links) {
    let text = link.text.trim();
    // A bare URL (a plain-text message, linkified by a webmail client) is named by its line, as in the text itself.
    if (opts.lines && URL_TEXT.test(text)) text = urlLabel(link, opts.lines) || text;
    if (!text) continue;
    const kind = text.length > MAX_TEXT ? undefined : ORDER.find((k) => lex.links[k].test(text));
    if (kind) {
      if (!out[kind] && !notAnAction(text)) found(link, kind);
      continue;
    }
    if (opts.lines && !notAnAction(text) && !opts.notFromContext?.(hostOf(link.href))) {
      unnamed.push([link, text]);
    }
  }
  // Links named only by their sentence come after every link that names itself.
  if (opts.lines) {
    for (const [link, text] of unnamed) {
      const kind = fromContext(link, text, opts.lines);
      if (kind && !out[kind] && !(kind === 'cancel' && out.manage === link.href)) found(link, kind);
    }
  }
  return out;
}
