import { findDates } from '../dates';
import { LANGUAGES } from '../detect/lang';
import { detectLanguage } from '../detect/language';
import { registrableDomain } from '../detect/service';
import { type PhraseMatcher, phraseMatcher, sentenceAround } from '../detect/text';
import { Email, HttpUrl, type NoticePeriod, PageTerms } from '../model';
import { TERM_LISTS, TERM_WORDS, type TermList } from './words';

/**
 * Reads the terms a page states — binding period, notice period, automatic renewal, what it says about the right of
 * withdrawal and the site's own withdrawal function, a customer number and the service's e-mail — and whether it
 * confirms a cancellation (with the last day of access). Works on the same plain page data the detector reads
 * (lib/model/page.ts `PageSnapshot`, made by lib/detect/dom.ts): there is no second DOM reader. Words are data
 * (./words/*.json); numbers and time units are the detector's (lib/detect/lang). Pure, bounded, never throws; a
 * field is set only when the page says it, and left out when the page says two different things.
 */

/** The parts of a page snapshot this reads (lib/detect/dom.ts `PageData` and `PageSnapshot` have them). */
export interface TermsPage {
  title: string;
  htmlLang: string;
  baseHref: string;
  lines: ReadonlyArray<{ text: string; heading: number }>;
  links: ReadonlyArray<{ href: string; text: string }>;
}

type Unit = 'D' | 'W' | 'M' | 'Y';

interface Lexicon {
  lists: Record<TermList, PhraseMatcher>;
  numbers: Map<string, number>;
  units: Map<string, Unit>;
}

let built: Lexicon | undefined;

function lexicon(): Lexicon {
  if (built) return built;
  const lists = {} as Record<TermList, PhraseMatcher>;
  for (const name of TERM_LISTS) lists[name] = phraseMatcher(TERM_WORDS.flatMap((w) => w[name]));
  const numbers = new Map<string, number>();
  const units = new Map<string, Unit>();
  for (const lang of LANGUAGES) {
    for (const [word, n] of Object.entries(lang.numbers)) if (!numbers.has(word)) numbers.set(word.toLowerCase(), n);
    for (const unit of ['D', 'W', 'M', 'Y'] as const) {
      for (const word of lang.units[unit] ?? []) if (!units.has(word)) units.set(word.toLowerCase(), unit);
    }
  }
  for (const w of TERM_WORDS) {
    for (const [unit, list] of Object.entries(w.units) as Array<[Unit, string[]]>) {
      for (const word of list) if (!units.has(word.toLowerCase())) units.set(word.toLowerCase(), unit);
    }
  }
  built = { lists, numbers, units };
  return built;
}

/** Lines read, and the longest line looked at (a page's reader bounds both already). */
const MAX_LINES = 1500;
const MAX_LINE = 2000;
/** Lines near the top where a cancellation is confirmed (a banner, a heading, the first paragraphs). */
const TOP_LINES = 200;
/** Most characters between a cue (`bindingstid`) and the duration it goes with. */
const NEAR = 30;

interface Duration {
  index: number;
  end: number;
  n: number;
  unit: Unit;
}

const TOKEN = /[\p{L}\p{N}]+\.?/gu;

/** Every `12 måneder`, `30 days`, `en månads`, `12-month`, `6 mdr.` in `text`. */
function durations(text: string): Duration[] {
  const { numbers, units } = lexicon();
  const tokens: Array<{ index: number; word: string }> = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m && tokens.length < 400; m = TOKEN.exec(text)) {
    tokens.push({ index: m.index, word: m[0] });
  }
  const out: Duration[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    const gap = text.slice(a.index + a.word.length, b.index);
    if (!/^\s*[-‐–]?\s*$/.test(gap) || gap.length > 3) continue;
    const raw = a.word.replace(/\.$/, '').toLowerCase();
    const n = /^\d{1,3}$/.test(raw) ? Number(raw) : numbers.get(raw);
    if (n === undefined || n < 1) continue;
    const w = b.word.toLowerCase();
    const unit = units.get(w) ?? units.get(w.replace(/\.$/, ''));
    if (!unit) continue;
    out.push({ index: a.index, end: b.index + b.word.length, n, unit });
  }
  return out;
}

/** Characters between two spans (0 when they touch or overlap). */
function distance(a: { index: number; end: number }, b: { index: number; end: number }): number {
  if (a.end <= b.index) return b.index - a.end;
  if (b.end <= a.index) return a.index - b.end;
  return 0;
}

type Cue = { kind: 'binding' | 'notice'; index: number; end: number };

function cuesIn(text: string): Cue[] {
  const { lists } = lexicon();
  const out: Cue[] = [];
  for (const kind of ['binding', 'notice'] as const) {
    for (const m of lists[kind].all(text, 20)) {
      // `… efter bindningstiden`, `after the minimum term`: the period named as a point in time, not stated.
      if (lists.periodReference.atEnd(text.slice(Math.max(0, m.index - 30), m.index))) continue;
      out.push({ kind, index: m.index, end: m.index + m.text.length });
    }
  }
  return out;
}

/** Binding and notice durations stated in one line: each duration goes with the nearest cue within {@link NEAR}. */
function lineTerms(text: string, next: string | undefined, found: Found): void {
  const { lists } = lexicon();
  const cues = cuesIn(text);
  if (cues.length === 0) return;
  const none = lists.noBinding.test(text);
  if (none) found.binding.add(0);
  const ds = durations(text);
  const withdrawalCues = lists.withdrawal.all(text, 10).map((m) => ({ index: m.index, end: m.index + m.text.length }));
  for (const d of ds) {
    const [from, to] = sentenceAround(text, d.index);
    let best: Cue | undefined;
    let bestDistance = NEAR + 1;
    for (const c of cues) {
      if (c.index < from || c.end > to) continue;
      const dist = distance(d, c);
      if (dist < bestDistance) {
        best = c;
        bestDistance = dist;
      }
    }
    if (!best) continue;
    // Nearer to the right of withdrawal than to its cue (`right to cancel: 14 days … this contract`): the withdrawal
    // period, neither a binding nor a notice period.
    if (withdrawalCues.some((w) => w.index >= from && w.end <= to && distance(d, w) < bestDistance)) continue;
    if (best.kind === 'binding') found.binding.add(d.unit === 'Y' ? d.n * 12 : d.unit === 'M' ? d.n : -1);
    else found.notice.add(noticeKey(d, lists.currentMonth.test(text.slice(from, to))));
  }
  // A label with its value on the next line (`Bindingstid` / `12 måneder`, a <dt> and its <dd>).
  // A next line with a cue of its own is a statement of its own (`Ingen bindningstid` / `Uppsägningstid 3 mån`).
  if (
    !none &&
    ds.length === 0 &&
    text.length <= 40 &&
    next !== undefined &&
    next.length <= 60 &&
    cuesIn(next).length === 0
  ) {
    const kind = cues[0]!.kind;
    const value = durations(next)[0];
    if (kind === 'binding' && lists.noBinding.test(next)) found.binding.add(0);
    else if (value && value.index <= 25) {
      if (kind === 'binding') found.binding.add(value.unit === 'Y' ? value.n * 12 : value.unit === 'M' ? value.n : -1);
      else found.notice.add(noticeKey(value, lists.currentMonth.test(next)));
    }
  }
}

function noticeKey(d: Duration, currentMonth: boolean): string {
  const unit = d.unit === 'Y' ? 'M' : d.unit;
  const n = d.unit === 'Y' ? d.n * 12 : d.n;
  return `${n}|${unit}|${currentMonth ? 1 : 0}`;
}

interface Found {
  binding: Set<number>;
  notice: Set<string>;
}

/** The one value a page stated, or undefined when it stated none or several different ones. */
function single<T>(set: Set<T>): T | undefined {
  return set.size === 1 ? [...set][0] : undefined;
}

/** A customer (or, failing that, order) number after its label: `Kundenummer: 7731904`, `Account ID\tCC-55-XY`. */
function numberAfter(text: string, next: string | undefined, matcher: PhraseMatcher): string | undefined {
  const m = matcher.all(text, 3)[0];
  if (!m) return undefined;
  let rest = text.slice(m.index + m.text.length, m.index + m.text.length + 60);
  rest = rest.replace(/^[\s:.#–-]*(?:nr\.?\s*|no\.?\s*)?/i, '');
  if (rest.trim() === '' && next !== undefined) rest = next.slice(0, 60);
  const token = /^([A-Za-z0-9](?:[A-Za-z0-9-]|\s(?=\d{2,4}(?:\D|$)))*)/.exec(rest.trimStart());
  const value = token?.[1]?.replace(/[-\s]+$/, '');
  if (!value || value.length < 3 || value.length > 30 || !/\d/.test(value)) return undefined;
  return value;
}

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** The first e-mail address on the page at the page's own domain (never the user's own, never a processor's). */
function ownEmail(page: TermsPage, host: string): string | undefined {
  const own = registrableDomain(host);
  const candidates: string[] = [];
  for (const l of page.links)
    if (l.href.toLowerCase().startsWith('mailto:')) candidates.push(l.href.slice(7).split('?')[0]!);
  for (const line of page.lines.slice(0, MAX_LINES)) {
    if (!line.text.includes('@')) continue;
    EMAIL.lastIndex = 0;
    for (let m = EMAIL.exec(line.text.slice(0, MAX_LINE)); m; m = EMAIL.exec(line.text.slice(0, MAX_LINE))) {
      candidates.push(m[0]);
    }
  }
  for (const raw of candidates) {
    let email = raw.trim().replace(/\.$/, '');
    try {
      email = decodeURIComponent(email);
    } catch {
      // keep it as written
    }
    const domain = email.split('@')[1]?.toLowerCase();
    if (!domain || registrableDomain(domain) !== own) continue;
    if (Email.safeParse(email).success) return email.toLowerCase();
  }
  return undefined;
}

/** The site's own withdrawal function: a link on the page named like Directive 2023/2673's button. */
function withdrawalLink(page: TermsPage, pageUrl: URL): string | undefined {
  const { lists } = lexicon();
  for (const l of page.links) {
    const text = l.text.trim();
    if (text.length === 0 || text.length > 80 || !lists.withdrawalFunction.test(text)) continue;
    let url: URL;
    try {
      url = new URL(l.href, page.baseHref || pageUrl.href);
    } catch {
      continue;
    }
    if (registrableDomain(url.hostname) !== registrableDomain(pageUrl.hostname)) continue;
    const parsed = HttpUrl.safeParse(url.href);
    if (parsed.success && url.protocol === 'https:') return parsed.data;
  }
  return undefined;
}

/** Whether a cancellation phrase at `index` is stated as a fact (not `if your subscription has been cancelled …?`). */
function asFact(text: string, index: number): boolean {
  const [from, to] = sentenceAround(text, index);
  if (text.slice(index, to).trimEnd().endsWith('?')) return false;
  return !lexicon().lists.conditional.test(text.slice(from, index));
}

function cancelledOn(page: TermsPage): boolean {
  const { lists } = lexicon();
  const texts = [page.title, ...page.lines.slice(0, TOP_LINES).map((l) => l.text)];
  for (const text of texts) {
    if (!text || text.length > 400) continue;
    for (const m of lists.cancelled.all(text, 5)) if (asFact(text, m.index)) return true;
  }
  return false;
}

/** The last day of access a cancellation page states (`tilgang til og med 31. mars 2026`), on or after `now`. */
function accessUntil(page: TermsPage, lang: string, now: string): string | undefined {
  const { lists } = lexicon();
  const lines = page.lines.slice(0, TOP_LINES);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text.slice(0, MAX_LINE);
    const cues = lists.accessUntil.all(text, 5);
    if (cues.length === 0) continue;
    const dates = findDates(text, { lang, now });
    for (const cue of cues) {
      const after = dates.find((d) => d.index >= cue.index && d.index - (cue.index + cue.text.length) <= 80);
      if (after && after.date >= now) return after.date;
    }
  }
  return undefined;
}

/**
 * The terms `page` (read off `url`) states, as of the day `now`, validated against `PageTerms` (a field that
 * fails is dropped). Returns `{}` for a page that states none, or on any internal error.
 */
export function readTerms(page: TermsPage, url: string, now: string): PageTerms {
  try {
    return read(page, url, now);
  } catch {
    return {};
  }
}

function read(page: TermsPage, url: string, now: string): PageTerms {
  const pageUrl = new URL(url);
  const { lists } = lexicon();
  const lines = page.lines.slice(0, MAX_LINES).map((l) => l.text.slice(0, MAX_LINE));
  const found: Found = { binding: new Set(), notice: new Set() };
  let autoRenew: boolean | undefined;
  let noAutoRenew = false;
  let stated = false;
  let waived = false;
  let customer: string | undefined;
  let order: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const next = lines[i + 1];
    lineTerms(text, next, found);
    if (lists.noAutoRenew.test(text)) noAutoRenew = true;
    else if (lists.autoRenew.test(text)) autoRenew = true;
    if (lists.waived.test(text)) waived = true;
    else if (lists.withdrawal.test(text)) stated = true;
    customer ??= numberAfter(text, next, lists.customerNumber);
    order ??= numberAfter(text, next, lists.orderNumber);
  }
  const lang = detectLanguage(page.htmlLang, pageUrl.hostname, lines.slice(0, 200).join(' ').slice(0, 6000)).tag;
  const binding = single(found.binding);
  const notice = single(found.notice);
  const out: Record<string, unknown> = {};
  if (binding !== undefined && binding >= 0) out.bindingMonths = binding;
  if (notice !== undefined) {
    const [n, unit, current] = notice.split('|');
    const period: NoticePeriod = { n: Number(n), unit: unit as NoticePeriod['unit'] };
    if (current === '1') period.currentMonth = true;
    out.notice = period;
  }
  if (noAutoRenew) out.autoRenew = false;
  else if (autoRenew) out.autoRenew = true;
  if (waived) out.withdrawal = 'waived';
  else if (stated) out.withdrawal = 'stated';
  const link = withdrawalLink(page, pageUrl);
  if (link) out.withdrawalUrl = link;
  const number = customer ?? order;
  if (number) out.customerNumber = number;
  const email = ownEmail(page, pageUrl.hostname);
  if (email) out.contactEmail = email;
  if (cancelledOn(page)) {
    out.cancelled = true;
    const until = accessUntil(page, lang, now);
    if (until) out.accessUntil = until;
  }
  const parsed = PageTerms.safeParse(out);
  if (parsed.success) return parsed.data;
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(out)) if (PageTerms.safeParse({ [k]: v }).success) kept[k] = v;
  return PageTerms.parse(kept);
}

/** Whether a page stated anything about its terms. */
export function hasTerms(t: PageTerms): boolean {
  return Object.keys(t).length > 0;
}
