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
 * Cancel, pause and manage links by their text (`Si opp`, `Pausa prenumeration`, `Manage subscription`), resolved
 * to absolute http(s) URLs. The first link of each kind wins; a link counts for one kind only (cancel before pause
 * before manage). Links whose text is long are prose, not buttons, and are skipped.
 */
export function findLinks(links: readonly LinkInfo[], pageUrl: string, baseHref: string): FoundLinks {
  const lex = lexicon();
  const out: FoundLinks = {};
  for (const link of links) {
    const text = link.text.trim();
    if (!text || text.length > MAX_TEXT) continue;
    const kind = ORDER.find((k) => lex.links[k].test(text));
    if (!kind || out[kind]) continue;
    const url = resolveHttp(link.href, pageUrl, baseHref);
    if (url) out[kind] = url;
  }
  return out;
}
