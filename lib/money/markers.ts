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

/** One alternative per text; texts that start or end with a letter must not touch another letter there. */
function alternative(text: string): string {
  const before = /^\p{L}/u.test(text) ? '(?<!\\p{L})' : '';
  const after = /\p{L}$/u.test(text) ? '(?!\\p{L})' : '';
  return `${before}${escapeRegex(text)}${after}`;
}

const ALL_TEXTS = [...new Set([...Object.keys(SYMBOLS), ...CODES, ...Object.keys(WORDS)])].sort(
  (a, b) => b.length - a.length,
);
const MARKER_RE = new RegExp(ALL_TEXTS.map(alternative).join('|'), 'giu');

function classify(text: string): { value: string; rank: number } | null {
  const symbol = SYMBOLS[text];
  if (symbol !== undefined) return { value: symbol, rank: 0 };
  if (CODES.has(text)) return { value: text, rank: 1 };
  const word = WORDS[text.toLowerCase()];
  if (word !== undefined) return { value: word, rank: 2 };
  return null;
}

/**
 * Every currency text in `text`, in order (at most `max`). A code written right before a dollar sign (`SGD$`,
 * `NZD $`) becomes one marker with the code's currency.
 */
export function findMarkers(text: string, max = 1000): Marker[] {
  const out: Marker[] = [];
  MARKER_RE.lastIndex = 0;
  for (let m = MARKER_RE.exec(text); m && out.length < max; m = MARKER_RE.exec(text)) {
    const c = classify(m[0]);
    if (!c) continue;
    const marker: Marker = { index: m.index, length: m[0].length, text: m[0], ...c, weak: WEAK.has(m[0]) };
    const prev = out[out.length - 1];
    if (prev && prev.rank === 1 && marker.text === '$' && /^ ?$/.test(text.slice(prev.index + prev.length, m.index))) {
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
 * then the hostname's TLD, then the default currency when it is one of the candidates, else the group's fallback.
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
  return group.fallback;
}

const FREE_RE = new RegExp(`(?<!\\p{L})(?:${data.freeWords.map(escapeRegex).join('|')})(?!\\p{L})`, 'iu');

/** True when the text says the price is zero ("free", "gratis"). */
export function saysFree(text: string): boolean {
  return FREE_RE.test(text);
}
