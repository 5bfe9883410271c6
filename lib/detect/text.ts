/** Small text helpers shared by the detection modules. */

/** Bidi controls, zero-width characters, soft hyphens and BOMs: dropped from page text. */
const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Every kind of space (no-break, narrow no-break, thin, ideographic, line/paragraph separators, tabs). */
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** Removes invisible characters and folds all spaces (tabs kept as cell separators are handled by the caller). */
export function cleanText(s: string): string {
  return s.replace(INVISIBLE, '').replace(SPACES, ' ');
}

/** Lower case with spaces collapsed: the key under which phrase values are looked up. */
export function phraseKey(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Escapes text for use inside a regular expression. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const WORDISH = /[\p{L}\p{N}]/u;
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
      .map((w) => escapeRe(w))
      .join('\\s+');
    const pre = WORDISH.test(p.charAt(0)) ? `(?<![${WORD_CHARS}])` : '';
    const post = !stem && WORDISH.test(p.charAt(p.length - 1)) ? `(?![${WORD_CHARS}])` : '';
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
  source: string;
  test(text: string): boolean;
  all(text: string, max?: number): Array<{ index: number; text: string }>;
  /** Whether a phrase ends `text` (before trailing spaces and light punctuation). */
  atEnd(text: string): boolean;
  /** The phrase that ends `text`, if any. */
  endMatch(text: string): string | null;
  /** Matches that start at the start of `text` (after spaces and light punctuation). */
  atStart(text: string): { text: string; length: number } | null;
}

/** Compiles a phrase list once; the returned matcher holds no per-call state. */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const source = phraseSource(phrases);
  const testRe = new RegExp(source, 'i');
  const allRe = new RegExp(source, 'gi');
  const endRe = new RegExp(`(${source})[\\s:;,.()–—-]*$`, 'i');
  const startRe = new RegExp(`^[\\s:;,–—-]{0,4}(${source})`, 'i');
  return {
    source,
    test: (text) => testRe.test(text),
    all(text, max = 50) {
      const out: Array<{ index: number; text: string }> = [];
      allRe.lastIndex = 0;
      for (let m = allRe.exec(text); m && out.length < max; m = allRe.exec(text)) {
        if (m[0].length === 0) {
          allRe.lastIndex++;
          continue;
        }
        out.push({ index: m.index, text: m[0] });
      }
      return out;
    },
    atEnd: (text) => endRe.test(text),
    endMatch(text) {
      const m = endRe.exec(text);
      return m ? (m[1] ?? null) : null;
    },
    atStart(text) {
      const m = startRe.exec(text);
      return m ? { text: m[1] ?? '', length: m[0].length } : null;
    },
  };
}
