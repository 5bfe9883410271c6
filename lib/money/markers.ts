import { isLetterCode, lowerSameLength } from '../unicode';
import type { PriceContext } from './context';
import data from './currencies.json';

/** A currency text found in a string (`€`, `kr.`, `USD`, `euro`). */
export type Marker = {
  index: number;
  length: number;
  /** As written. */
  text: string;
  /** The table value: an ISO code, or `~group` for ambiguous texts such as `kr` and `$`. */
  value: string;
  /** 0 = symbol, 1 = code, 2 = word: lower is more reliable. */
  rank: number;
  weak: boolean;
};

type Group = { members: string[]; lang: Record<string, string>; tld: Record<string, string>; fallback: string | null };

const SYMBOLS = data.symbols as Record<string, string>;
const WORDS = data.words as Record<string, string>;
const CODES = new Set<string>(data.codes);
const GROUPS = data.groups as Record<string, Group>;
const WEAK = new Set<string>(data.weak);

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Entry = {
  text: string;
  key: string;
  value: string;
  rank: number;
  caseless: boolean;
  /** Whether the text begins / ends with a letter (then it needs a word boundary there). */
  letterStart?: boolean;
  letterEnd?: boolean;
};

/**
 * Currency texts indexed by their first character (lower case for words), longest first. A hand-written scan over
 * this index is much faster to set up and run than one regular expression with hundreds of alternatives.
 */
const BY_FIRST = new Map<string, Entry[]>();
function addEntry(e: Entry) {
  const first = e.key[0];
  if (first === undefined) return;
  const list = BY_FIRST.get(first) ?? [];
  list.push(e);
  BY_FIRST.set(first, list);
}
for (const [text, value] of Object.entries(SYMBOLS)) addEntry({ text, key: text, value, rank: 0, caseless: false });
for (const code of CODES)
  if (!(code in SYMBOLS)) addEntry({ text: code, key: code, value: code, rank: 1, caseless: false });
for (const [text, value] of Object.entries(WORDS)) {
  const key = text.toLowerCase();
  addEntry({ text: key, key, value, rank: 2, caseless: true });
}
const isLetter = (ch: string | undefined) => ch !== undefined && ch.length > 0 && isLetterCode(ch.charCodeAt(0));

for (const list of BY_FIRST.values()) {
  list.sort((a, b) => b.key.length - a.key.length || a.rank - b.rank);
  for (const e of list) {
    e.letterStart = isLetter(e.key[0]);
    e.letterEnd = isLetter(e.key[e.key.length - 1]);
  }
}

/** The same entries indexed by their first two characters (as one number), and the one-character texts. */
const BY_PAIR = new Map<number, Entry[]>();
const SINGLE = new Map<number, Entry[]>();
for (const list of BY_FIRST.values()) {
  for (const e of list) {
    const index = e.key.length >= 2 ? BY_PAIR : SINGLE;
    const k = e.key.length >= 2 ? e.key.charCodeAt(0) * 65536 + e.key.charCodeAt(1) : e.key.charCodeAt(0);
    const at = index.get(k);
    if (at) at.push(e);
    else index.set(k, [e]);
  }
}

/** ASCII characters that begin a currency text (in either case): most characters of a page are rejected here. */
const FIRST_ASCII = new Uint8Array(128);
for (const key of BY_FIRST.keys()) {
  for (const ch of [key, key.toUpperCase()]) {
    const c = ch.charCodeAt(0);
    if (c < 128) FIRST_ASCII[c] = 1;
  }
}

/** The longest currency text of `list` at `i` (or one longer than `best`), or `best`. */
function longestIn(
  list: Entry[] | undefined,
  text: string,
  lower: string,
  i: number,
  midWord: boolean,
  best: Entry | null,
): Entry | null {
  if (!list) return best;
  for (const e of list) {
    if (best && e.key.length <= best.key.length) break;
    if (midWord && e.letterStart) continue;
    if (!(e.caseless ? lower : text).startsWith(e.key, i)) continue;
    if (e.letterEnd && isLetterCode(text.charCodeAt(i + e.key.length))) continue;
    return e;
  }
  return best;
}

/**
 * The longest currency text starting at `i`, respecting word boundaries for texts that begin or end with a letter.
 * `lower` is `text` in lower case, index for index.
 */
function markerAt(text: string, lower: string, i: number): Entry | null {
  const c = text.charCodeAt(i);
  if (c < 128 && FIRST_ASCII[c] === 0) return null;
  // Inside a word: a text that begins with this letter begins with a letter, so it needs a word start.
  const midWord = i > 0 && isLetterCode(text.charCodeAt(i - 1));
  if (midWord && isLetterCode(c)) return null;
  const c1 = text.charCodeAt(i + 1);
  const l0 = lower.charCodeAt(i);
  const l1 = lower.charCodeAt(i + 1);
  let best: Entry | null = null;
  // Two-character lookups first (as written, then in lower case): they hold every longer text.
  if (i + 1 < text.length) {
    best = longestIn(BY_PAIR.get(c * 65536 + c1), text, lower, i, midWord, best);
    if (l0 !== c || l1 !== c1) best = longestIn(BY_PAIR.get(l0 * 65536 + l1), text, lower, i, midWord, best);
  }
  if (best) return best;
  best = longestIn(SINGLE.get(c), text, lower, i, midWord, null);
  if (!best && l0 !== c) best = longestIn(SINGLE.get(l0), text, lower, i, midWord, null);
  return best;
}

/**
 * Every currency text in `text`, in order (at most `max`). A code written right before a dollar sign (`SGD$`,
 * `NZD $`) becomes one marker with the code's currency.
 */
export function findMarkers(text: string, max = 1000): Marker[] {
  const out: Marker[] = [];
  const lower = lowerSameLength(text);
  let prevLetter = false;
  for (let i = 0; i < text.length && out.length < max; i++) {
    // The cheap rejections inline (this loop visits every character of a page's text).
    const c = text.charCodeAt(i);
    const letter = c < 0x80 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : isLetterCode(c);
    const skip = (c < 128 && FIRST_ASCII[c] === 0) || (letter && prevLetter);
    prevLetter = letter;
    if (skip) continue;
    const e = markerAt(text, lower, i);
    if (!e) continue;
    const written = text.slice(i, i + e.key.length);
    const marker: Marker = {
      index: i,
      length: written.length,
      text: written,
      value: e.value,
      rank: e.rank,
      weak: WEAK.has(written) || WEAK.has(e.text),
    };
    i += written.length - 1;
    prevLetter = isLetterCode(text.charCodeAt(i));
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.rank === 1 &&
      marker.text === '$' &&
      /^ ?$/.test(text.slice(prev.index + prev.length, marker.index))
    ) {
      prev.length = marker.index + marker.length - prev.index;
      prev.text = text.slice(prev.index, prev.index + prev.length);
      continue;
    }
    out.push(marker);
  }
  return out;
}

/**
 * For an ambiguous marker (`$`, `kr`), an unambiguous one among `others` whose currency is a candidate of the same
 * group (`$1,190.00 AUD`, `kr 129 NOK`); else the marker itself.
 */
export function preferExplicit(marker: Marker, others: Iterable<Marker>): Marker {
  if (!marker.value.startsWith('~')) return marker;
  const members = GROUPS[marker.value.slice(1)]?.members ?? [];
  for (const o of others) if (!o.value.startsWith('~') && members.includes(o.value)) return o;
  return marker;
}

function tld(hostname: string | undefined): string | null {
  if (typeof hostname !== 'string') return null;
  const label = hostname.trim().toLowerCase().replace(/\.$/, '').split('.').pop();
  return label || null;
}

/**
 * ISO code for a marker value. Ambiguous texts (`kr`, `kr.`, `:-`, `$`, `¥`) are resolved from the page language,
 * then the hostname's TLD, then the default currency when it is one of the candidates, then the reader's preferred
 * currencies (`ctx.prefer`), else the group's fallback.
 */
export function resolveCurrency(value: string, ctx: PriceContext | undefined): string | null {
  if (!value.startsWith('~')) return value;
  const group = GROUPS[value.slice(1)];
  if (!group) return null;
  const lang = typeof ctx?.lang === 'string' ? ctx.lang.toLowerCase().replace('_', '-') : '';
  const byLang = group.lang[lang] ?? group.lang[lang.split('-')[0] ?? ''];
  if (byLang) return byLang;
  const top = tld(ctx?.hostname);
  const byTld = top ? group.tld[top] : undefined;
  if (byTld) return byTld;
  const def = typeof ctx?.defaultCurrency === 'string' ? ctx.defaultCurrency.toUpperCase() : '';
  if (group.members.includes(def)) return def;
  const preferred = Array.isArray(ctx?.prefer) ? ctx.prefer.find((c) => group.members.includes(c)) : undefined;
  return preferred ?? group.fallback;
}

const FREE_RE = new RegExp(`(?<!\\p{L})(?:${data.freeWords.map(escapeRegex).join('|')})(?!\\p{L})`, 'iu');

/** True when the text says the price is zero ("free", "gratis"). */
export function saysFree(text: string): boolean {
  return FREE_RE.test(text);
}
