import { registrableDomain } from '../detect/service';
import type { LinkKind, Links, SourcedLink } from '../model';

export interface DirectoryLinks {
  manage?: string;
  cancel?: string;
  pause?: string;
}

/** Whether `url` is an https link on one of `domains` (or the same registrable domain: `help.netflix.com`). */
function onSite(url: string, domains: readonly string[]): boolean {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:') return false;
    const host = u.hostname.toLowerCase();
    const site = registrableDomain(host);
    return domains.some((d) => {
      const dom = d.toLowerCase();
      return host === dom || host.endsWith(`.${dom}`) || site === registrableDomain(dom);
    });
  } catch {
    return false;
  }
}

/**
 * The manage / cancel / pause links to show for a subscription. What the user set wins; then a page link the user
 * accepted; then links seen on the service's own pages (the newest knowledge); then Subkeeper's directory.
 * A page link nobody accepted (stored by an older version, or seen on pages) is shown only when it is on the
 * service's own site (`siteDomains`: the subscription's domain and the directory's domains for it) — a link a page
 * planted elsewhere is never offered.
 */
export function effectiveLinks(
  own: Links,
  seenOnPages: Links,
  directory: DirectoryLinks | undefined,
  siteDomains: readonly string[] = [],
): Links {
  const trusted = (l: SourcedLink | undefined) =>
    l && (l.source !== 'page' || l.acceptedAt !== undefined || onSite(l.url, siteDomains)) ? l : undefined;
  const out: Links = {};
  for (const kind of ['manage', 'cancel', 'pause'] as const satisfies readonly LinkKind[]) {
    const candidates: Array<SourcedLink | undefined> = [
      own[kind]?.source === 'user' ? own[kind] : undefined,
      own[kind]?.source === 'page' ? trusted(own[kind]) : undefined,
      trusted(seenOnPages[kind]),
      own[kind]?.source === 'directory' ? own[kind] : undefined,
      directory?.[kind] ? { url: directory[kind]!, source: 'directory' } : undefined,
    ];
    const first = candidates.find((c) => c !== undefined);
    if (first) out[kind] = first;
  }
  return out;
}
