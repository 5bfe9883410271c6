import { isLetterOrDigitCode, lowerSameLength as lowerKeepingIndexes } from '../unicode';

/** Small text helpers shared by the detection modules. */

/** Bidi controls, zero-width characters, soft hyphens and BOMs: dropped from page text. */
const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Every kind of space (no-break, narrow no-break, thin, ideographic, line/paragraph separators, tabs). */
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** Removes invisible characters and folds all spaces (tabs kept as cell separators are handled by the caller). */
export function cleanText(s: string): string {
  return s.replace(INVISIBLE, '').replace(SPACES, ' ');
}

/** Whether a sentence ends at `i`: `!` or `?` before a space (or the end), or `.` before spaces and a capital. */
export function sentenceEndsAt(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '!' || ch === '?') return i + 1 >= text.length || /\s/.test(text[i + 1] as string);
  if (ch !== '.') return false;
  let j = i + 1;
  while (j < text.length && /\s/.test(text[j] as string)) j++;
  const next = text[j];
  // A capital: a letter with a lower-case form different from it (`23. november` is not a sentence end).
  return j > i + 1 && next !== undefined && next !== next.toLowerCase() && next === next.toUpperCase();
}

/**
 * How far a sentence reaches either side of a point. Nobody writes a 300-character sentence around a price; a
 * page that runs thousands of characters together without a sentence end would otherwise make every price on the
 * line scan (and phrase-match) the whole line.
 */
export const SENTENCE_REACH = 300;

/** The sentence of `text` around `index`, as [start, end), at most {@link SENTENCE_REACH} either side. */
export function sentenceAround(text: string, index: number): [number, number] {
  const lowest = Math.max(0, index - SENTENCE_REACH);
  const highest = Math.min(text.length, index + SENTENCE_REACH);
  let from = lowest;
  for (let i = Math.min(index, text.length) - 1; i >= lowest; i--) {
    if (sentenceEndsAt(text, i)) {
      from = i + 1;
      break;
    }
  }
  let to = highest;
  for (let i = index; i < highest; i++) {
    if (sentenceEndsAt(text, i)) {
      to = i + 1;
      break;
    }
  }
  return [from, to];
}

/** Lower case with spaces collapsed: the key under which phrase values are looked up. */
export function phraseKey(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Escapes text for use inside a regular expression. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Letters and digits of the Latin scripts our languages use, as a plain character class. Phrase patterns use it
 * instead of \p{L}\p{N} so they can be compiled without the `u` flag: case-insensitive Unicode patterns of this
 * size take tens of milliseconds to compile, which every page with a subscription would pay.
 */
export const LETTER_CHARS = 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF';
export const WORD_CHARS =
  'A-Za-z0-9\\u00AA\\u00B2\\u00B3\\u00B5\\u00B9\\u00BA\\u00BC-\\u00BE\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF';

/**
 * A regular-expression source matching any of `phrases` as whole words, case-insensitively (use with flags `giu`).
 * The detector matches with {@link phraseMatcher}; this is the reference its semantics are tested against.
 * Spaces match any run of spaces; a phrase ending in `*` may run on into a longer word (a stem).
 * Longer phrases come first so the longest one wins.
 */
export function phraseSource(phrases: readonly string[]): string {
  // Phrases are grouped by the word boundaries they need, so each group has one lookbehind/lookahead instead of
  // one per phrase (per-alternative lookbehinds make large alternations very slow).
  const groups = new Map<string, string[]>();
  const unique = [...new Set(phrases.filter((p) => typeof p === 'string' && p.trim().length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  for (const raw of unique) {
    const stem = raw.endsWith('*');
    const p = (stem ? raw.slice(0, -1) : raw).trim();
    const body = p
      .split(/\s+/)
      .map((w) => escapeRe(w.replace(/[\u2018\u2019\u02bc]/g, "'")).replace(/'/g, "['\u2018\u2019\u02bc]"))
      .join('\\s+');
    const pre = wordish(p.charAt(0)) ? `(?<![${WORD_CHARS}])` : '';
    const post = !stem && wordish(p.charAt(p.length - 1)) ? `(?![${WORD_CHARS}])` : '';
    const key = `${pre}|${post}`;
    const list = groups.get(key);
    if (list) list.push(body);
    else groups.set(key, [body]);
  }
  if (groups.size === 0) return '(?!)';
  const parts = [...groups.entries()].map(([key, bodies]) => {
    const [pre, post] = key.split('|') as [string, string];
    return `${pre}(?:${bodies.join('|')})${post}`;
  });
  return `(?:${parts.join('|')})`;
}

/** A compiled phrase list: `test` for presence, `all` for every match (bounded). */
export interface PhraseMatcher {
  test(text: string): boolean;
  all(text: string, max?: number): Array<{ index: number; text: string }>;
  /** Whether a phrase ends `text` (before trailing spaces and light punctuation). */
  atEnd(text: string): boolean;
  /** The phrase that ends `text`, if any. */
  endMatch(text: string): string | null;
  /** Matches that start at the start of `text` (after spaces and light punctuation). */
  atStart(text: string): { text: string; length: number } | null;
}

/** One phrase of a matcher, lower case, with runs of spaces as one space. */
interface Phrase {
  text: string;
  /** A stem, or ending in a non-word character: no word boundary needed after it. */
  open: boolean;
}

/** Whether the last character of a phrase is a letter or digit (then a match needs a word boundary after it). */
function wordish(ch: string): boolean {
  return isLetterOrDigitCode(ch.charCodeAt(0));
}

/** `\s` of JavaScript regular expressions. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The characters of {@link WORD_CHARS}. */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return (
    c === 0xaa ||
    c === 0xb2 ||
    c === 0xb3 ||
    c === 0xb5 ||
    c === 0xb9 ||
    c === 0xba ||
    (c >= 0xbc && c <= 0xbe) ||
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x24f) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

/** Apostrophes written by word processors and mail templates: left and right single quotes, modifier apostrophe. */
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;

let lastText = '';
let lastLower = '';

/**
 * Lower case with every index kept (a character whose lower case is longer stays as it is). The last answer is
 * kept: the matchers mostly test one line after another.
 */
function lowerSameLength(text: string): string {
  if (text === lastText) return lastLower;
  // Typographic apostrophes read as the plain one (`couldn’t` is `couldn't`); one code unit each, so indexes hold.
  const lower = lowerKeepingIndexes(text).replace(APOSTROPHES, "'");
  lastText = text;
  lastLower = lower;
  return lower;
}

/** Characters `atEnd` allows after the phrase, and `atStart` before it. */
const END_PUNCT = new Set([...':;,.()–—-']);
const START_PUNCT = new Set([...':;,–—-']);

/**
 * Compiles a phrase list once (no regular expression: a large case-insensitive alternation takes milliseconds to
 * compile and runs in time proportional to the number of phrases). Phrases are kept by their first character,
 * longest first. The semantics are those of {@link phraseSource}: whole words, case-insensitive, any run of spaces
 * for a space, `*` for a stem, and the longest phrase at the leftmost position wins. Holds no per-call state.
 */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const byFirst = new Map<number, Phrase[]>();
  const unique = [...new Set(phrases.filter((p) => typeof p === 'string' && p.trim().length > 0))];
  for (const raw of unique) {
    const stem = raw.endsWith('*');
    const text = (stem ? raw.slice(0, -1) : raw).trim().toLowerCase().replace(APOSTROPHES, "'").split(/\s+/).join(' ');
    if (!text) continue;
    const open = stem || !wordish(text.charAt(text.length - 1));
    const c = text.charCodeAt(0);
    const list = byFirst.get(c);
    if (list) list.push({ text, open });
    else byFirst.set(c, [{ text, open }]);
  }
  for (const list of byFirst.values())
    list.sort((a, b) => b.text.length - a.text.length || Number(b.open) - Number(a.open));

  // First characters of the phrases: most positions of a text are rejected by one lookup here.
  const firstAscii = new Uint8Array(128);
  const firstOther = new Set<number>();
  for (const c of byFirst.keys()) {
    if (c < 128) firstAscii[c] = 1;
    else firstOther.add(c);
  }

  /** End of `phrase` matched at `i` in `lower` (a space in it takes any run of spaces), or -1. */
  function endOf(phrase: Phrase, lower: string, i: number): number {
    const p = phrase.text;
    let j = i;
    for (let k = 0; k < p.length; k++) {
      const pc = p.charCodeAt(k);
      if (pc === 32) {
        if (j >= lower.length || !isSpace(lower.charCodeAt(j))) return -1;
        j++;
        while (j < lower.length && isSpace(lower.charCodeAt(j))) j++;
      } else {
        if (lower.charCodeAt(j) !== pc) return -1;
        j++;
      }
    }
    if (!phrase.open && j < lower.length && isWordChar(lower.charCodeAt(j))) return -1;
    return j;
  }

  /** End index of the longest phrase starting at `i` in `lower` (and `ends` gets every end), or -1. */
  function matchAt(lower: string, i: number, ends?: number[]): number {
    const c0 = lower.charCodeAt(i);
    if (c0 < 128 ? firstAscii[c0] === 0 : !firstOther.has(c0)) return -1;
    // A phrase that starts with a letter or digit must start a word; such a phrase starts with this very character,
    // so inside a word nothing can match.
    if (i > 0 && isWordChar(c0) && isWordChar(lower.charCodeAt(i - 1))) return -1;
    const list = byFirst.get(c0);
    if (!list) return -1;
    let best = -1;
    for (const phrase of list) {
      const end = endOf(phrase, lower, i);
      if (end <= i) continue;
      if (end > best) best = end;
      if (!ends) break;
      ends.push(end);
    }
    return best;
  }

  function first(text: string): { index: number; end: number } | null {
    const lower = lowerSameLength(text);
    let prevWord = false;
    for (let i = 0; i < lower.length; i++) {
      // matchAt's first checks, inline: this loop visits every character.
      const c = lower.charCodeAt(i);
      const word = c < 128 ? (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : isWordChar(c);
      const skip = (word && prevWord) || (c < 128 ? firstAscii[c] === 0 : !firstOther.has(c));
      prevWord = word;
      if (skip) continue;
      const end = matchAt(lower, i);
      if (end > i) return { index: i, end };
    }
    return null;
  }

  /** The leftmost phrase followed only by closing punctuation and spaces. */
  function endMatch(text: string): { index: number; end: number } | null {
    const lower = lowerSameLength(text);
    let tail = lower.length;
    while (tail > 0) {
      const c = lower.charCodeAt(tail - 1);
      if (isSpace(c) || END_PUNCT.has(lower[tail - 1] as string)) tail--;
      else break;
    }
    const ends: number[] = [];
    for (let i = 0; i < lower.length; i++) {
      ends.length = 0;
      if (matchAt(lower, i, ends) < 0) continue;
      let best = -1;
      for (const e of ends) if (e >= tail && e > best) best = e;
      if (best >= 0) return { index: i, end: best };
    }
    return null;
  }

  return {
    test: (text) => first(text) !== null,
    all(text, max = 50) {
      const out: Array<{ index: number; text: string }> = [];
      const lower = lowerSameLength(text);
      let prevWord = false;
      for (let i = 0; i < lower.length && out.length < max; i++) {
        const c = lower.charCodeAt(i);
        const word = c < 128 ? (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : isWordChar(c);
        const skip = (word && prevWord) || (c < 128 ? firstAscii[c] === 0 : !firstOther.has(c));
        prevWord = word;
        if (skip) continue;
        const end = matchAt(lower, i);
        if (end <= i) continue;
        out.push({ index: i, text: text.slice(i, end) });
        i = end - 1;
        prevWord = isWordChar(lower.charCodeAt(i));
      }
      return out;
    },
    atEnd: (text) => endMatch(text) !== null,
    endMatch(text) {
      const m = endMatch(text);
      return m ? text.slice(m.index, m.end) : null;
    },
    atStart(text) {
      const lower = lowerSameLength(text);
      let lead = 0;
      while (lead < 4 && lead < lower.length) {
        const c = lower.charCodeAt(lead);
        if (isSpace(c) || START_PUNCT.has(lower[lead] as string)) lead++;
        else break;
      }
      for (let k = lead; k >= 0; k--) {
        const end = matchAt(lower, k);
        if (end > k) return { text: text.slice(k, end), length: end };
      }
      return null;
    },
  };
}
