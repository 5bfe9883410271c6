import { registrableDomain } from '../detect/service';
import { convert } from '../money/rates';
import bundled from '../money/rates.json';
import { perMonthMinor } from '../schedule/normalise';
import hosts from './hosts.json';

/**
 * What a web page is trusted with. The rules (README, "Security"):
 * - only `https:` pages are read at all; a plain `http:` page may be anyone on the network;
 * - a page on a host where anyone can publish (a blog, a repository, a shared document, a creator page; the list is
 *   data, ./hosts.json) is not the service that runs the host, unless its path is one of that platform's own account
 *   paths (billing, settings, checkout);
 * - a link a page offers is kept only when it points to the page's own site (same registrable domain) or to one of
 *   the directory's domains for that service, over https, and not to a user-content host;
 * - an amount a page states is believed only below a sane ceiling (see {@link plausibleAmount}).
 * Everything here is pure and cheap; the background applies it (lib/ingest.ts) before anything is stored.
 */

interface Platform {
  hosts: readonly string[];
  accountPaths: readonly string[];
}

const USER_SUBDOMAINS: readonly string[] = hosts.userSubdomains;
const USER_HOSTS: readonly string[] = hosts.userHosts;
const PLATFORMS: readonly Platform[] = hosts.platforms;

const under = (host: string, name: string) => host === name || host.endsWith(`.${name}`);

function platformOf(host: string): Platform | undefined {
  return PLATFORMS.find((p) => p.hosts.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h)));
}

/** Path segments, decoded where possible, lower case; at most the first eight. */
function segments(pathname: string): string[] {
  return pathname
    .slice(0, 500)
    .split('/')
    .filter((s) => s.length > 0)
    .slice(0, 8)
    .map((s) => {
      try {
        return decodeURIComponent(s).toLowerCase();
      } catch {
        return s.toLowerCase();
      }
    });
}

/** Whether `pathname` starts with the segments of `pattern` (`*` matches any one segment). */
export function pathMatches(pathname: string, pattern: string): boolean {
  const want = segments(pattern);
  const have = segments(pathname);
  if (have.length < want.length) return false;
  return want.every((w, i) => w === '*' || w === have[i]);
}

/**
 * Whether a page at `hostname` + `pathname` is content someone published on a platform rather than the platform's
 * own page: any page under a user subdomain (`someone.wordpress.com`, `x.github.io`), any page on a user-content
 * host (`gist.github.com`, `docs.google.com`), and any page on a platform host (`github.com`, `www.patreon.com`)
 * outside that platform's account paths.
 */
export function isUserContent(hostname: string, pathname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.+$/, '');
  const platform = platformOf(host);
  if (platform) return !platform.accountPaths.some((p) => pathMatches(pathname, p));
  if (USER_HOSTS.some((h) => under(host, h))) return true;
  return USER_SUBDOMAINS.some((s) => host.endsWith(`.${s}`));
}

export type PageVerdict = { ok: true; url: URL } | { ok: false; reason: 'not-a-url' | 'insecure' | 'user-content' };

/** Whether a page may be read at all: https, and not user content (see {@link isUserContent}). */
export function pageVerdict(url: string): PageVerdict {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, reason: 'not-a-url' };
  }
  if (u.protocol !== 'https:') return { ok: false, reason: 'insecure' };
  if (isUserContent(u.hostname, u.pathname)) return { ok: false, reason: 'user-content' };
  return { ok: true, url: u };
}

/**
 * Whether a link a page offers may be kept: https, not to a user-content page, and to the page's own site (same
 * registrable domain: `www.viaplay.no` → `konto.viaplay.no`) or to one of `serviceDomains` (the directory's domains
 * of the service the page belongs to, e.g. `storytel.com` → `storytel.no`).
 */
export function linkAllowed(link: string, pageUrl: string, serviceDomains: readonly string[] = []): boolean {
  let l: URL;
  let p: URL;
  try {
    l = new URL(link);
    p = new URL(pageUrl);
  } catch {
    return false;
  }
  if (l.protocol !== 'https:' || l.username || l.password) return false;
  const host = l.hostname.toLowerCase();
  if (isUserContent(host, l.pathname)) return false;
  if (registrableDomain(host) === registrableDomain(p.hostname.toLowerCase())) return true;
  return serviceDomains.some((d) => under(host, d.toLowerCase()));
}

/**
 * The most a page may say a subscription costs: 10,000 EUR per month (120,000 EUR a year, about 2,300 EUR a
 * week). Household subscriptions — streaming, gyms, insurance, electricity, software — cost a small fraction of
 * that; anything above is a misread or a page playing games, and the user can still enter it by hand. A single
 * charge may be at most a year of that.
 */
export const MAX_EUR_PER_MONTH = 10_000;
/** For currencies without a bundled rate: the same bound in their own minor units, taken as if 1:1 with EUR cents. */
const FALLBACK_MINOR_PER_MONTH = MAX_EUR_PER_MONTH * 100;

const rates = { date: bundled.date, perEur: bundled.perEur as Record<string, number> };

function monthlyCapMinor(currency: string): number {
  const inCurrency = convert({ amountMinor: MAX_EUR_PER_MONTH * 100, currency: 'EUR' }, currency, rates);
  return inCurrency ? inCurrency.amountMinor : FALLBACK_MINOR_PER_MONTH;
}

/** Whether `amountMinor` every `period` (or once, for a charge without a period) is believable from a page. */
export function plausibleAmount(amountMinor: number, currency: string, period?: string): boolean {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) return false;
  const cap = monthlyCapMinor(currency);
  if (period === undefined) return amountMinor <= cap * 12;
  try {
    return perMonthMinor(amountMinor, period) <= cap;
  } catch {
    return false;
  }
}
