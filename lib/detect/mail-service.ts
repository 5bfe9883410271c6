/**
 * Naming the service a message (or a page hosted by a payment processor) is about. The sender's domain names it
 * through the directory; otherwise the sender's display name, cut to the words that name its domain
 * (`Fernpost Billing` <invoices@fernpost.com> → Fernpost). Mail from a platform that sends on behalf of many
 * merchants (a payment processor, a wallet, a shop platform: lib/detect/mail.json) is named after the merchant
 * the mail names (`Receipt from Cartograph`, `betalt 499 kr til Turkompis AS`), with the merchant's own domain
 * from the Reply-To address, an address or a link in the mail.
 */
import type { Line, LinkInfo } from './dom';
import { lexicon } from './lexicon';
import data from './mail.json';
import { type FoundService, type LookupHost, registrableDomain, withoutLegalForm } from './service';

const PLATFORMS: Readonly<Record<string, string>> = data.platforms;
const MAIL_SERVICES = new Set<string>(data.mailServices);
const PERSONAL = new Set<string>(data.personalMail);
const STORE_HOSTS: Readonly<Record<string, string>> = data.stores.hosts;
const STORE_ADDRESSES: Readonly<Record<string, string>> = data.stores.addresses;

/**
 * A domain many services are named on: a payment platform's or an app store's (`apple.com` for every app bought in
 * the App Store, `stripe.com` for a merchant whose own site a receipt does not give). Services there are told apart
 * by name.
 */
export function sharedDomain(domain: string): boolean {
  const d = registrableDomain(domain);
  return (
    platformOf(d) !== undefined ||
    Object.keys(STORE_HOSTS).some((h) => registrableDomain(h) === d) ||
    Object.keys(STORE_ADDRESSES).some((a) => registrableDomain(a.split('@')[1] ?? '') === d)
  );
}

/** The app store that sent a message (`email.apple.com`, `googleplay-noreply@google.com`), if one did. */
export function storeOf(address: string): string | undefined {
  const a = address.trim().toLowerCase();
  const host = a.split('@')[1] ?? '';
  return STORE_ADDRESSES[a] ?? STORE_HOSTS[host] ?? STORE_HOSTS[registrableDomain(host)];
}

/**
 * The app an app store's receipt is for: the item's title in the lines just above its renewal or subscription line
 * (`Bear - Markdown Notes` / `Bear Pro (Monthly)` / `Renews 23 December 2026`), written `App - tagline`.
 */
function storeItemName(lines: readonly Line[], store: string): string | undefined {
  const lex = lexicon();
  const storeSquash = squashVariants(store)[0] ?? '';
  for (let i = 1; i < lines.length && i < 80; i++) {
    const t = (lines[i] as Line).text;
    if (t.length > 120 || !(lex.renewal.test(t) || lex.subscriptionWords.test(t))) continue;
    for (let j = Math.max(0, i - 3); j < i; j++) {
      const c = (lines[j] as Line).text;
      if (c.length > 60 || c.includes('\t') || /\d[.,]\d\d\b/.test(c)) continue;
      const m = /^(.+?)\s+[-–—:]\s+\S/.exec(c);
      if (!m) continue;
      const name = cleanName(m[1] as string);
      if (name.length >= 2 && !squashVariants(name).some((v) => v.includes(storeSquash))) return name;
    }
  }
  return undefined;
}
/**
 * The app a store's mail names by its store title (`Sleepwell: Sleep Sounds`, `Calm - Sleep, Meditate, Relax`), in a
 * line, a table cell or brackets (`Sleepwell Premium (Sleepwell: Sleep Sounds)`), when the subject names the app the
 * same way (`Your Sleepwell Premium subscription has been cancelled`): how notices that are not receipts name it.
 */
function storeTitleName(lines: readonly Line[], subject: string, store: string): string | undefined {
  const storeSquash = squashVariants(store)[0] ?? '';
  const TITLE = /^(\p{Lu}[\p{L}\p{N}&'+.]*(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}&'+.]*){0,2})\s*[:–—-]\s+\p{L}/u;
  for (let i = 0; i < lines.length && i < 60; i++) {
    const t = (lines[i] as Line).text;
    if (t.length > 160) continue;
    const parts = [t, ...t.split('\t'), ...[...t.matchAll(/\(([^()]{2,80})\)/g)].map((m) => m[1] as string)];
    for (const part of parts) {
      const m = TITLE.exec(part.trim());
      if (!m) continue;
      const name = cleanName(m[1] as string);
      if (name.length < 2 || squashVariants(name).some((v) => v.includes(storeSquash))) continue;
      const at = subject.indexOf(name);
      const after = subject.charAt(at + name.length);
      if (at >= 0 && (at === 0 || /[\s"“']/.test(subject.charAt(at - 1))) && !/[\p{L}\p{N}]/u.test(after)) return name;
    }
  }
  return undefined;
}
const NOISE = new Set<string>(data.nameNoise);

/** Lower case, letters and digits only, with the Nordic letters folded every way a domain may spell them. */
export function squashVariants(s: string): string[] {
  const base = s
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]/gu, '');
  const variants = new Set<string>();
  for (const oe of ['o', 'oe']) {
    for (const aa of ['a', 'aa']) {
      const v = base
        .replace(/ø/g, oe)
        .replace(/ö/g, oe)
        .replace(/æ/g, 'ae')
        .replace(/ä/g, 'a')
        .replace(/å/g, aa)
        .replace(/ü/g, 'u')
        .replace(/ß/g, 'ss')
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '');
      variants.add(v);
    }
  }
  return [...variants];
}

function squashMatches(name: string, label: string): boolean {
  const l = label.toLowerCase().replace(/[^a-z0-9]/g, '');
  return l.length >= 2 && squashVariants(name).includes(l);
}

/** The platform (payment processor, wallet, shop platform) a host belongs to, if any. */
export function platformOf(host: string): string | undefined {
  const h = host.toLowerCase();
  for (let at = 0; at >= 0 && at < h.length; at = h.indexOf('.', at) + 1) {
    const name = PLATFORMS[h.slice(at)];
    if (name) return name;
    if (h.indexOf('.', at) < 0) break;
  }
  return undefined;
}

function inList(host: string, list: ReadonlySet<string>): boolean {
  const d = registrableDomain(host);
  return list.has(d) || list.has(host);
}

/** The target of a link wrapper (`https://www.google.com/url?q=…`, Outlook safe links), else the link itself. */
export function unwrapLink(href: string): string {
  try {
    const u = new URL(href);
    for (const r of data.redirectors as Array<{ host?: string; hostSuffix?: string; path?: string; param: string }>) {
      const hostOk = r.host ? u.hostname === r.host : r.hostSuffix ? u.hostname.endsWith(r.hostSuffix) : false;
      if (!hostOk || (r.path && u.pathname !== r.path)) continue;
      const target = u.searchParams.get(r.param);
      if (target && /^https?:\/\//i.test(target)) return target;
    }
  } catch {
    // not a URL: keep as is
  }
  return href;
}

function cleanName(s: string): string {
  return undomain(
    withoutLegalForm(
      s
        .replace(/[\u0000-\u001f\u007f"“”«»*]/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
}

/** A name written as its site (`FINN.no`, `nemlig.com`, `Calm.com`): the name without the ending. */
function undomain(name: string): string {
  const m = /^([\p{L}\p{N}][\p{L}\p{N}&'-]*)\.(?:[a-z]{2,3}|co\.uk|app|info|shop|store|online|tech)$/iu.exec(name);
  if (!m) return name;
  const base = m[1] as string;
  return base === base.toLowerCase() ? base.charAt(0).toUpperCase() + base.slice(1) : base;
}

/**
 * The brand in a sender's display name: the words that spell the domain's name (`Fernpost Billing` →
 * `Fernpost`, `Strømmen` for strommen.no), else the name without words such as Billing, Team, Kundeservice.
 */
export function brandFromDisplay(display: string, label: string): string | undefined {
  const name = cleanName(display.replace(/\(.*?\)|\[.*?\]/g, ' '));
  if (!name || name.includes('@') || name.length > 80) return undefined;
  const words = name.split(/\s+/);
  for (let a = 0; a < words.length; a++) {
    for (let b = words.length; b > a; b--) {
      if (b - a > 5) continue;
      const part = words.slice(a, b).join(' ');
      if (squashMatches(part, label)) return cleanName(part);
    }
  }
  const kept = words.filter((w) => !NOISE.has(w.toLowerCase().replace(/[^\p{L}-]/gu, '')));
  if (kept.length === 0 || kept.length > 4) return undefined;
  return cleanName(kept.join(' '));
}

function capitalise(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A capitalised name of at most five words starting at `text[at]`, stopped by punctuation or a stop word. */
function nameAt(text: string, at: number): string | undefined {
  const stop = lexicon().brandStop;
  const rest = text.slice(at).replace(/^[\s:–—-]+/, '');
  const out: string[] = [];
  for (const raw of rest.split(/\s+/)) {
    const w = raw.replace(/^[*"“«(]+/, '');
    const bare = w.replace(/[*"”»).,!?:;]+$/, '');
    // `Receipt from Nov 23, 2026`: a word before a day number is a month, not a name.
    if (/^\d{1,2}\b/.test(bare) && out.length === 1 && !/[.,:;!?]$/.test(out[0] as string)) return undefined;
    if (!bare || stop.has(bare.toLowerCase()) || /^\d/.test(bare) || bare.startsWith('#')) break;
    if (out.length === 0 && bare.charAt(0) === bare.charAt(0).toLowerCase()) return undefined;
    out.push(bare);
    if (bare !== w.replace(/^[*"“«(]+/, '') || out.length >= 5) break;
  }
  const name = cleanName(out.join(' '));
  return name.length >= 2 ? name : undefined;
}

/** The merchant a platform's mail or page names: after `receipt from`, `på vegne av`, `hos`…, or `Your X receipt`. */
export function merchantName(texts: readonly string[], platform: string): string | undefined {
  const lex = lexicon();
  const platformSquash = squashVariants(platform)[0] ?? '';
  const ok = (n: string | undefined) =>
    n !== undefined && !squashVariants(n).some((v) => v.includes(platformSquash) || platformSquash.includes(v));
  for (const text of texts) {
    if (text.length > 400) continue;
    for (const m of lex.brandBefore.all(text, 5)) {
      const name = nameAt(text, m.index + m.text.length);
      if (ok(name)) return name;
    }
  }
  // `Your Wordloom receipt`, `Din Lydhylla-kvittering`: capitalised words right before a receipt word.
  for (const text of texts.slice(0, 1)) {
    const cue = lex.mailReceipt.all(text, 3).find((c) => c.index > 0);
    if (!cue) continue;
    const before = text.slice(0, cue.index).trim().split(/\s+/);
    const words: string[] = [];
    for (let i = before.length - 1; i >= 0 && words.length < 4; i--) {
      const w = (before[i] as string).replace(/[-–]$/, '');
      if (!w || w.charAt(0) === w.charAt(0).toLowerCase() || i === 0) break;
      words.unshift(w);
    }
    const name = cleanName(words.join(' '));
    if (name && ok(name)) return name;
  }
  return undefined;
}

const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+)/g;

/**
 * The merchant's own domain in a platform's mail or page: the Reply-To address, an address written in it or a
 * mailto link, else a link whose domain spells the merchant's name. Platform and mailbox-provider domains never.
 */
export function merchantDomain(
  name: string | undefined,
  lines: readonly Line[],
  links: readonly LinkInfo[],
  replyTo?: string,
  /** A domain that is not the merchant's either (an app store's owner). */
  not?: string,
): string | undefined {
  const usable = (host: string) =>
    host !== '' &&
    !platformOf(host) &&
    !inList(host, PERSONAL) &&
    !inList(host, MAIL_SERVICES) &&
    !(not && registrableDomain(host) === not);
  const named = (host: string) => {
    if (!name) return false;
    const label = registrableDomain(host).split('.')[0] ?? '';
    const l = label.replace(/[^a-z0-9]/g, '');
    return l.length >= 3 && squashVariants(name).some((v) => v.includes(l) || l.includes(v));
  };
  const replyHost = replyTo ? (replyTo.split('@')[1] ?? '').toLowerCase() : '';
  if (usable(replyHost)) return registrableDomain(replyHost);
  const hosts: string[] = [];
  const mailto: string[] = [];
  for (const link of links) {
    const href = unwrapLink(link.href.trim());
    if (/^mailto:/i.test(href)) {
      const host = (href.slice(7).split('?')[0]?.split('@')[1] ?? '').toLowerCase();
      if (host) mailto.push(host);
      continue;
    }
    try {
      const u = new URL(href);
      if (u.protocol === 'https:' || u.protocol === 'http:') hosts.push(u.hostname.toLowerCase());
    } catch {
      // relative or broken: not a domain
    }
  }
  const emails: string[] = [];
  for (const l of lines.slice(0, 400)) {
    EMAIL_IN_TEXT.lastIndex = 0;
    for (let m = EMAIL_IN_TEXT.exec(l.text); m; m = EMAIL_IN_TEXT.exec(l.text))
      emails.push((m[1] as string).toLowerCase());
  }
  for (const host of [...emails, ...mailto, ...hosts]) if (usable(host) && named(host)) return registrableDomain(host);
  const addressed = [...emails, ...mailto].find(usable);
  return addressed ? registrableDomain(addressed) : undefined;
}

/** What the engine needs to know about a message's sender. */
export interface Sender {
  name: string;
  address: string;
  replyTo?: string;
}

function named(name: string, domain: string, lookupHost?: LookupHost): FoundService {
  const entry = lookupHost?.(domain);
  if (entry) {
    const d = entry.domains.find((x) => domain === x || domain.endsWith(`.${x}`)) ?? domain;
    return { name: entry.name, domain: d, serviceId: entry.id, entry };
  }
  return { name, domain };
}

/**
 * The service a message is from. `texts` are the subject and the first lines of the body (where platforms name
 * the merchant); `lines` and `links` the whole body (where the merchant's address or site is).
 */
export function mailService(
  sender: Sender,
  texts: readonly string[],
  lines: readonly Line[],
  links: readonly LinkInfo[],
  lookupHost?: LookupHost,
): FoundService | null {
  const host = (sender.address.split('@')[1] ?? '').toLowerCase();
  if (!host) return null;
  const store = storeOf(sender.address);
  if (store) {
    // An app store's receipt is for an app: named from the receipt, on the store's domain (never the store's
    // owner's directory entry: Apple's receipt for Bear is not Apple's subscription).
    const owner = registrableDomain(host);
    const name =
      merchantName(texts, store) ?? storeItemName(lines, store) ?? storeTitleName(lines, texts[0] ?? '', store);
    if (!name) return null;
    const domain = merchantDomain(name, lines, links, undefined, owner);
    return domain && domain !== owner ? { ...named(name, domain, lookupHost), store } : { name, domain: owner, store };
  }
  const platform = platformOf(host);
  if (!platform) {
    const entry = lookupHost?.(host);
    if (entry) return named(entry.name, host, lookupHost);
    if (inList(host, MAIL_SERVICES)) {
      const name = brandFromDisplay(sender.name, '');
      if (!name) return null;
      const domain = merchantDomain(name, lines, links, sender.replyTo);
      return domain ? named(name, domain, lookupHost) : null;
    }
    const domain = registrableDomain(host);
    const label = domain.split('.')[0] ?? domain;
    return { name: brandFromDisplay(sender.name, label) ?? capitalise(label), domain };
  }
  const fromDisplay = brandFromDisplay(sender.name, '');
  const displayIsMerchant =
    fromDisplay !== undefined &&
    !squashVariants(fromDisplay).some((v) => squashVariants(platform).some((p) => v.includes(p) || p.includes(v)));
  const name = (displayIsMerchant ? fromDisplay : undefined) ?? merchantName(texts, platform);
  const domain = merchantDomain(name, lines, links, sender.replyTo);
  if (name && domain) return named(name, domain, lookupHost);
  if (domain) {
    const label = domain.split('.')[0] ?? domain;
    return named(capitalise(label), domain, lookupHost);
  }
  return name ? { name, domain: registrableDomain(host) } : null;
}

/** A page hosted by a payment platform (`pay.stripe.com`, `buy.paddle.com`): named after the merchant it shows. */
export function platformPageService(
  title: string,
  lines: readonly Line[],
  links: readonly LinkInfo[],
  host: string,
  lookupHost?: LookupHost,
): FoundService | null {
  const platform = platformOf(host);
  if (!platform) return null;
  const texts = [title, ...lines.slice(0, 30).map((l) => l.text)];
  const name = merchantName(texts, platform);
  const domain = merchantDomain(name, lines, links);
  if (name && domain) return named(name, domain, lookupHost);
  if (name) return { name, domain: registrableDomain(host) };
  return null;
}
