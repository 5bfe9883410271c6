/**
 * Normalising bank/card statement text so that a service's statement words can be found in it.
 * The same normalisation is applied to the directory's words and to the text being matched, and matching is
 * done on whole words, so `TELIA` never matches inside `ITALIANO` and `ICE` never inside `SERVICE`.
 */
import { NOISE_WORDS, PROCESSOR_PREFIXES, TRAILING_COUNTRY_CODES } from './statement-noise';

/** Statement lines longer than this are cut (bank lines are short; this bounds the work on untrusted text). */
const MAX_INPUT = 300;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Payment-processor prefixes such as `PAYPAL *` and `VIPPS*` (shared with lib/io's payee cleaning). */
export const PROCESSOR_PREFIX_RE = new RegExp(
  `(^|\\s)(?:${[...PROCESSOR_PREFIXES]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/ /g, '\\s*'))
    .join('|')})\\s*\\*\\s*`,
  'g',
);
const NOISE = new Set(NOISE_WORDS);

const MONTHS = 'JAN|FEB|MAR|APR|MAI|MAJ|MAY|JUN|JUL|AUG|SEP|OKT|OCT|NOV|DES|DEC';

/** Patterns removed before splitting into words: masked card numbers, dates, times, phone numbers, amounts. */
const REMOVED: readonly RegExp[] = [
  /[X*]{4,}[\s-]?\d{0,4}/g,
  /\*\d{4}\b/g,
  /\b\d{4}-\d{2}-\d{2}\b/g,
  /\b\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?\b/g,
  new RegExp(`\\b\\d{1,2}\\.?\\s?(?:${MONTHS})[A-Z]*\\.?(?:\\s?\\d{2,4})?\\b`, 'g'),
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/g,
  /(?:\+|\b)\d[\d -]{6,}\d\b/g,
  /\b\d{1,3}(?:[ .]\d{3})*[.,]\d{2}\b/g,
];

/** Upper case, and letters folded the way banks often print them (Ø → O, Æ → AE, Å → A, é → E). */
function fold(text: string): string {
  return text
    .toUpperCase()
    .replace(/Æ/g, 'AE')
    .replace(/Ø/g, 'O')
    .replace(/Œ/g, 'OE')
    .replace(/ß/g, 'SS')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** A word that is a payment reference rather than a name: `P1A2B3C4D5`, `AB12CD34`, `12345678`. */
function isReference(word: string): boolean {
  if (/^\d+$/.test(word)) return word.length >= 4;
  if (/^X{3,}$/.test(word)) return true;
  const digitRuns = word.match(/\d+/g);
  if (!digitRuns) return false;
  const digits = digitRuns.join('').length;
  return word.length >= 5 && (digitRuns.length >= 2 || digits >= 4);
}

/** The words of one whitespace-separated chunk, with noise removed. */
function chunkWords(chunk: string): string[] {
  return chunk.split(/[^A-Z0-9]+/).filter((w) => w.length > 0 && !NOISE.has(w) && !isReference(w));
}

/** Statement text split into words, and the country its trailing country code names (if any). */
export interface StatementParts {
  words: string[];
  country?: string;
}

/**
 * Normalises statement text to upper-case words separated by single spaces, without processor prefixes
 * (`PAYPAL *`, `VIPPS*`, `KLARNA*`), card numbers, dates, times, phone numbers, amounts, reference codes and a
 * trailing country code. `+` becomes the word `PLUS` (`DISNEY+` → `DISNEY PLUS`). Never throws.
 */
export function normaliseStatement(text: string): string {
  return statementParts(text).words.join(' ');
}

/** {@link normaliseStatement} as a list of words, plus the country named by a trailing country code. */
export function statementParts(text: string): StatementParts {
  if (typeof text !== 'string') return { words: [] };
  let s = fold(text.slice(0, MAX_INPUT));
  s = s.replace(/\+(?!\d)/g, ' PLUS ');
  s = s.replace(PROCESSOR_PREFIX_RE, '$1 ');
  for (const re of REMOVED) s = s.replace(re, ' ');
  const chunks = s
    .split(/\s+/)
    .map(chunkWords)
    .filter((c) => c.length > 0);
  // Drop trailing country codes that stand alone (`SPOTIFY STOCKHOLM SE`), but not a domain's ending (`ICE.NO`).
  let country: string | undefined;
  while (chunks.length > 1) {
    const last = chunks[chunks.length - 1] as string[];
    const code = last.length === 1 ? TRAILING_COUNTRY_CODES[last[0] as string] : undefined;
    if (!code) break;
    country ??= code;
    chunks.pop();
  }
  const words = chunks.flat();
  return country ? { words, country } : { words };
}
