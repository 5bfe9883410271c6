import type { LinkInfo } from './dom';
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

/**
 * Cancel, pause and manage links by their text (`Si opp`, `Pausa prenumeration`, `Manage subscription`), resolved
 * to absolute http(s) URLs. The first link of each kind wins; a link counts for one kind only (cancel before pause
 * before manage). Links whose text is long are prose, not buttons, and are skipped, and so are links to legal, help
 * and unsubscribe pages. `absoluteOnly` (messages, which have no address of their own): relative links are dropped
 * and link wrappers (`google.com/url?q=…`) are opened up by `unwrap`.
 */
export function findLinks(
  links: readonly LinkInfo[],
  pageUrl: string,
  baseHref: string,
  opts: { absoluteOnly?: boolean; unwrap?: (href: string) => string } = {},
): FoundLinks {
  const lex = lexicon();
  const out: FoundLinks = {};
  for (const link of links) {
    const text = link.text.trim();
    if (!text || text.length > MAX_TEXT) continue;
    const kind = ORDER.find((k) => lex.links[k].test(text));
    if (!kind || out[kind] || notAnAction(text)) continue;
    let href = link.href.trim();
    if (opts.absoluteOnly) {
      if (!/^https?:\/\//i.test(href)) continue;
      href = opts.unwrap ? opts.unwrap(href) : href;
    }
    const url = opts.absoluteOnly ? resolveHttp(href, href) : resolveHttp(href, pageUrl, baseHref);
    if (url) out[kind] = url;
  }
  return out;
}
