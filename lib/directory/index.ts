/**
 * The service directory: names, categories, domains, statement words and the manage / cancel / pause pages of
 * services people pay for. The data lives in `data/<category>.json` (see README.md); this module indexes it.
 */
import type { Category, Language, Links } from '../model';
import { CATEGORIES } from '../model';
import { DATA_FILES } from './data';
import { findInParents, normaliseHost } from './hostname';
import type { ServiceEntry, ServiceLinks } from './schema';
import { statementParts } from './statement';

export { normaliseHost } from './hostname';
export type { ServiceEntry, ServiceLinks } from './schema';
export { normaliseStatement } from './statement';

interface Index {
  all: readonly ServiceEntry[];
  byId: Map<string, ServiceEntry>;
  byDomain: Map<string, ServiceEntry>;
  /** A service's name and its domains, squashed (`disneyplus`, `netflixcom`) → the service. */
  byName: Map<string, ServiceEntry>;
  /** Normalised statement words → services using them (more than one only for country variants). */
  byWords: Map<string, ServiceEntry[]>;
  /** The most words any statement entry has. */
  maxWords: number;
}

let index: Index | undefined;

/** Freezes an entry (and its lists and objects) so callers cannot change the shared data by accident. */
function freeze(entry: ServiceEntry): ServiceEntry {
  for (const value of Object.values(entry)) if (typeof value === 'object' && value !== null) Object.freeze(value);
  return Object.freeze(entry);
}

/** The data files are validated by the directory test; here they are only indexed. */
function build(): Index {
  const all = Object.freeze(CATEGORIES.flatMap((c) => (DATA_FILES[c] as ServiceEntry[]).map(freeze)));
  const byId = new Map<string, ServiceEntry>();
  const byDomain = new Map<string, ServiceEntry>();
  const byWords = new Map<string, ServiceEntry[]>();
  const byName = new Map<string, ServiceEntry>();
  let maxWords = 1;
  for (const entry of all) {
    byId.set(entry.id, entry);
    for (const d of entry.domains) if (!byDomain.has(d)) byDomain.set(d, entry);
    for (const n of [entry.name, ...entry.domains]) {
      const key = squashName(n);
      if (key.length >= 3 && !byName.has(key)) byName.set(key, entry);
    }
    for (const phrase of entry.statement) {
      const { words } = statementParts(phrase);
      if (words.length === 0) continue;
      const key = words.join(' ');
      const list = byWords.get(key);
      if (!list) byWords.set(key, [entry]);
      else if (!list.includes(entry)) list.push(entry);
      maxWords = Math.max(maxWords, words.length);
    }
  }
  return { all, byId, byDomain, byName, byWords, maxWords };
}

function idx(): Index {
  if (!index) index = build();
  return index;
}

/** Every service in the directory, in category order then file order. */
export function allServices(): readonly ServiceEntry[] {
  return idx().all;
}

/** The service with this id, if any. */
export function getService(id: string): ServiceEntry | undefined {
  return idx().byId.get(id);
}

/**
 * The service a hostname belongs to: the hostname itself or any parent domain is one of its domains
 * (`www.netflix.com`, `account.storytel.com`, `help.viaplay.no`). Case-insensitive; ignores a trailing dot and a
 * port. `netflix.com.evil.example` and `notnetflix.com` do not match. O(number of labels).
 */
export function lookupHost(hostname: string): ServiceEntry | undefined {
  const host = normaliseHost(hostname);
  if (!host) return undefined;
  const { byDomain } = idx();
  return findInParents(host, (d) => byDomain.get(d));
}

/** Picks among services sharing statement words: the one for `country`, else a worldwide one, else the first. */
function pick(candidates: readonly ServiceEntry[], country: string | undefined): ServiceEntry | undefined {
  if (country) {
    const c = country.toUpperCase();
    const local = candidates.find((s) => s.countries.includes(c as ServiceEntry['countries'][number]));
    if (local) return local;
  }
  return candidates.find((s) => s.countries.includes('*')) ?? candidates[0];
}

/**
 * The service a bank/card statement line is from, e.g. `VISA 123456 NETFLIX.COM 866-579-7172`,
 * `VIPPS*ADAMS MATKASSE AS`, `PAYPAL *SPOTIFY`. Case-insensitive, on whole words after normalisation (see
 * `normaliseStatement`); the longest matching statement word wins. `country` (ISO code such as `NO`) chooses
 * between country variants that share words (`TELIA`); without it, a trailing country code in the text
 * (`TELIA STOCKHOLM SE`) is used. Never throws; `undefined` when nothing matches.
 */
export function lookupStatement(text: string, country?: string): ServiceEntry | undefined {
  const parts = statementParts(text);
  const words = parts.words;
  if (words.length === 0) return undefined;
  const { byWords, maxWords } = idx();
  let best: readonly ServiceEntry[] | undefined;
  let bestLength = 0;
  for (let i = 0; i < words.length; i++) {
    let key = '';
    for (let n = 1; n <= maxWords && i + n <= words.length; n++) {
      key = n === 1 ? (words[i] as string) : `${key} ${words[i + n - 1]}`;
      const found = byWords.get(key);
      if (found && key.length > bestLength) {
        best = found;
        bestLength = key.length;
      }
    }
  }
  return best ? pick(best, country ?? parts.country) : undefined;
}

/**
 * Where to manage, cancel and pause the service. A missing cancel link falls back to the manage page (that is
 * where one cancels), and a missing manage link to the cancel page; a pause link is given only for services
 * that can be paused (falling back to the manage page).
 */
export function serviceLinks(entry: ServiceEntry): ServiceLinks {
  const { manage, cancel, pause } = entry.links;
  const out: ServiceLinks = {};
  const m = manage ?? cancel;
  const c = cancel ?? manage;
  const p = entry.pausable ? (pause ?? manage) : undefined;
  if (m) out.manage = m;
  if (c) out.cancel = c;
  if (p) out.pause = p;
  return out;
}

/** {@link serviceLinks} in the data model's form, marked as coming from the directory. */
export function directoryLinks(entry: ServiceEntry): Links {
  const links = serviceLinks(entry);
  const out: Links = {};
  if (links.manage) out.manage = { url: links.manage, source: 'directory' };
  if (links.cancel) out.cancel = { url: links.cancel, source: 'directory' };
  if (links.pause) out.pause = { url: links.pause, source: 'directory' };
  return out;
}

/** The service's note (binding period, notice) in `lang`, falling back to English; `undefined` when none. */
export function serviceNote(entry: ServiceEntry, lang: Language): string | undefined {
  return entry.notes?.[lang] ?? entry.notes?.en;
}

/** Number of services per category (all categories listed, zero included). */
export function countByCategory(): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const s of allServices()) counts[s.category]++;
  return counts;
}

/** A name compared letters and digits only, lower case, `+` read as "plus": `Disney+` → `disneyplus`. */
function squashName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The service a name is (`Netflix`, `Disney+`, `netflix.com`, `TV 2 Play`): the whole name, compared by letters and
 * digits only, is a service's name or one of its domains. Names shorter than three letters match nothing.
 */
export function lookupName(name: string): ServiceEntry | undefined {
  if (typeof name !== 'string' || name.length > 200) return undefined;
  const key = squashName(name);
  return key.length >= 3 ? idx().byName.get(key) : undefined;
}

function asHit(entry: ServiceEntry) {
  return { id: entry.id, name: entry.name, domains: entry.domains, links: serviceLinks(entry) };
}

/** `lookupHost` in the shape the detection engine takes (`detectPage(…, { lookupHost: directoryHit })`). */
export function directoryHit(hostname: string) {
  const entry = lookupHost(hostname);
  return entry ? asHit(entry) : undefined;
}

/** `lookupName` in the shape the detection engine takes. */
export function directoryName(name: string) {
  const entry = lookupName(name);
  return entry ? asHit(entry) : undefined;
}

/** The directory, as the detection engine takes it (`detectPage(document, url, now, DIRECTORY_OPTIONS)`). */
export const DIRECTORY_OPTIONS = { lookupHost: directoryHit, lookupName: directoryName };
