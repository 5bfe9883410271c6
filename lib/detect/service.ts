import { metaValue, type PageData } from './dom';
import pageData from './page.json';
import type { StructuredFacts } from './structured';

/** What the service directory knows about a host (see `lookupHost` in lib/directory). */
export interface DirectoryHit {
  id: string;
  name: string;
  domains: readonly string[];
  links: { manage?: string; cancel?: string; pause?: string };
}
/** A directory lookup by hostname. Injected, so the engine does not carry the directory into every page. */
export type LookupHost = (hostname: string) => DirectoryHit | undefined;
/** A directory lookup by a service's name (`Netflix`, `Disney+`, `netflix.com`). */
export type LookupName = (name: string) => DirectoryHit | undefined;

/** The service a page belongs to: its name, domain and directory id when the host is known. */
export interface FoundService {
  name: string;
  domain: string;
  serviceId?: string;
  entry?: DirectoryHit;
  /** A name the page gave itself that is another directory service's (not used as the name). */
  claimedName?: string;
  /** Sold through this app store (a message from the store names the app, on the store's domain). */
  store?: string;
}

const SECOND_LEVEL = new Set<string>(pageData.secondLevelSuffixes);

/** The registrable domain of a host: `www.vg.no` → `vg.no`, `www.puregym.co.uk` → `puregym.co.uk`. */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.+$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  const keep = SECOND_LEVEL.has(lastTwo) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const LEGAL_FORMS: readonly string[] = pageData.legalForms;

/** A company's legal form at the end of a name (`Pagebound Ltd`, `Skyhylla AS`, `Quillnote, Inc.`): not the brand. */
export function withoutLegalForm(name: string): string {
  const lower = name.toLowerCase();
  for (const form of LEGAL_FORMS) {
    if (lower.endsWith(` ${form}`) || lower.endsWith(`,${form}`)) {
      const cut = name.slice(0, name.length - form.length).replace(/[\s,]+$/, '');
      if (cut.length > 0) return cut;
    }
  }
  return name;
}

function clean(name: string | undefined): string | undefined {
  const n = withoutLegalForm((name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim());
  return n.length > 0 && n.length <= 120 ? n : undefined;
}

/**
 * A name from the title: the segment (split on `|`, `–`, `-`, `·`, `:`) that names the domain, or the words in it
 * that do (`Mit YouSee` → `YouSee`); else the last segment.
 */
function fromTitle(title: string, domainLabel: string): string | undefined {
  const segments = title
    .split(/\s+[|–—·:-]\s+|\s*\|\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= 60);
  if (segments.length === 0) return undefined;
  const label = squash(domainLabel);
  if (label.length >= 2) {
    for (const seg of segments) {
      if (squash(seg) === label) return seg;
    }
    for (const seg of segments) {
      const words = seg.split(/\s+/);
      for (let a = 0; a < words.length; a++) {
        for (let b = a + 1; b <= words.length && b - a <= 4; b++) {
          const part = words.slice(a, b).join(' ');
          if (squash(part) === label) return part;
        }
      }
    }
  }
  return segments.length > 1 ? segments[segments.length - 1] : undefined;
}

function capitalise(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * The service: a host known to the directory gives the directory's name, id and matching domain; otherwise the
 * page's own name (og:site_name, then seller/provider/brand in structured data, then the title) and the host's
 * registrable domain. A name the page gives itself that is another directory service's (`Netflix` on a host that
 * is not one of Netflix's domains) is reported as `claimedName` and not used (the next name is taken) — unless the
 * host's own name is that name too, when it is the address that makes the claim.
 */
export function findService(
  page: PageData,
  sd: StructuredFacts,
  hostname: string,
  lookupHost?: LookupHost,
  lookupName?: LookupName,
): FoundService | null {
  const host = hostname.toLowerCase();
  if (!host || !/^[a-z0-9.-]+$/.test(host) || host === 'example.invalid') {
    const name = clean(metaValue(page, 'og:site_name')) ?? clean(sd.names[0]);
    return name ? { name, domain: 'example.invalid' } : null;
  }
  const entry = lookupHost?.(host);
  if (entry) {
    const domain = entry.domains.find((d) => host === d || host.endsWith(`.${d}`)) ?? registrableDomain(host);
    return { name: entry.name, domain, serviceId: entry.id, entry };
  }
  const domain = registrableDomain(host);
  const label = domain.split('.')[0] ?? domain;
  let claimedName: string | undefined;
  /** A name the page gives itself, unless it is another service's. */
  const own = (name: string | undefined): string | undefined => {
    const n = clean(name);
    if (!n) return undefined;
    const other = lookupName?.(n);
    if (other && !other.domains.some((d) => host === d || host.endsWith(`.${d}`))) {
      claimedName ??= n;
      // The host's own name says the same (`PureGym` on puregym.co.uk, `Netflix` on netflix.example): the name
      // is the address's, and stays flagged; any other name of another service is not used.
      return squash(n) === squash(label) ? n : undefined;
    }
    return n;
  };
  const name =
    own(metaValue(page, 'og:site_name')) ??
    own(sd.names[0]) ??
    own(fromTitle(page.title, label)) ??
    clean(capitalise(label));
  if (!name) return null;
  return claimedName ? { name, domain, claimedName } : { name, domain };
}
