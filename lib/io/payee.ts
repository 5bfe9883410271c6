/**
 * Who a bank statement line paid: a readable payee (`NETFLIX.COM`) and a grouping key, with card numbers, dates,
 * reference codes, card-scheme and purchase words, processor prefixes (`PAYPAL *`, `VIPPS*`) and a trailing
 * country or city removed. The noise words are lib/directory's data; the places are `recurring-words.json`.
 */
import { normaliseStatement } from '../directory';
import { PROCESSOR_PREFIX_RE } from '../directory/statement';
import { NOISE_WORDS, TRAILING_COUNTRY_CODES } from '../directory/statement-noise';
import words from './recurring-words.json';

const NOISE = new Set(NOISE_WORDS);
const COUNTRY = new Set(Object.keys(TRAILING_COUNTRY_CODES));
const PLACES = [...words.trailingPlaces].sort((a, b) => b.length - a.length);
const EXCLUDED = words.excluded.map((w) => ` ${w} `);
const EDGE = new Set(words.edgeWords);
/** Words banks write after the payee (`… betal dato 2025-01-04`), as folded word lists, longest first. */
const SUFFIXES = [...words.suffixes].map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
/** Bank prefixes as folded word lists, longest first (`KORTKOP`, `BETALNING BG/PG`, `DANKORT-NOTA`). */
const PREFIXES = [...words.prefixes]
  .map((p) => p.split(' '))
  .sort((a, b) => b.length - a.length || b.join(' ').length - a.join(' ').length);

/** Bank-style folding: upper case, Ø → O, Æ → AE, accents off. */
function fold(text: string): string {
  return text
    .toUpperCase()
    .replace(/Æ/g, 'AE')
    .replace(/Ø/g, 'O')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * A token that is a date, time, amount, masked card number or payment reference rather than a name
 * (`references`: false keeps references, for finding the ones that change from row to row).
 */
function isNoiseToken(token: string, references = true): boolean {
  const bare = token.replace(/^[^A-Z0-9]+|[^A-Z0-9]+$/g, '');
  if (!bare) return true;
  if (NOISE.has(bare)) return true;
  if (/^[X*]{3,}\d*$/.test(bare) || /^\*\d{4}$/.test(token)) return true;
  if (/^\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?$/.test(bare)) return true;
  if (/^\d{1,2}:\d{2}(?::\d{2})?$/.test(bare)) return true;
  if (/^\d+[.,]\d+$/.test(bare)) return true;
  if (/^\d+$/.test(bare)) return bare.length >= 4;
  const runs = bare.match(/\d+/g);
  if (!runs) return false;
  if (/[./]/.test(bare) && /[A-Z]{2}/.test(bare)) return false; // domains such as E24.NO, 3T.NO
  // Letters and digits together: a reference, or a masked card number; kept when references are wanted.
  if (!references && /[A-Z]/.test(bare.replace(/X{3,}/g, ''))) return false;
  // A payment reference: letters and digits mixed (`P3C7QK2M9`, `PJKXYJ5QZE`), where a name has its digits in
  // one place (`REMA1000`, `7ELEVEN`, `365`).
  if (/^[A-Z0-9]{6,}$/.test(bare) && /[A-Z]/.test(bare) && (bare.match(/(?=[A-Z]\d|\d[A-Z])/g)?.length ?? 0) >= 2)
    return true;
  return bare.length >= 5 && (runs.length >= 2 || runs.join('').length >= 4);
}

/** A reference glued to the payee with a star (`AMZN Mktp DE*2K3L45`, `Dropbox*A1B2C3`): letters and digits. */
const GLUED_REFERENCE = /(\S)\*(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{5,}(?=\s|$)/g;

/**
 * The payee of a statement line as people would write it, upper case: `Visa 100123 Nok 159,00 Netflix.com Kurs:
 * 1,0000` → `NETFLIX.COM`, `PAYPAL *SPOTIFY P1A2B3C4 STOCKHOLM SE` → `SPOTIFY`. Empty when nothing is left.
 */
export function cleanPayee(description: string): string {
  return clean(description, true);
}

/**
 * The payee with any payment reference still in it (`SPOTIFY P3C7QK2M9`, `AMZN MKTP DE*2K3L45`): the reader compares
 * these across a file to find references that change on every row.
 */
export function cleanPayeeKeepingReferences(description: string): string {
  return clean(description, false);
}

function clean(description: string, references: boolean): string {
  if (typeof description !== 'string') return '';
  // Noise is recognised on folded tokens; the payee keeps its own letters (LØNN, not LONN).
  const s = description
    .slice(0, 300)
    .toUpperCase()
    .replace(PROCESSOR_PREFIX_RE, '$1 ')
    // A purchase date glued to the payee (`NETFLIX.COM/25-01-14`).
    .replace(/\/\d{2}-\d{2}-\d{2}(?=\s|$)/g, ' ')
    .replace(references ? GLUED_REFERENCE : /$^/, '$1 ');
  const tokens = s.split(/\s+/).filter((t) => t && !isNoiseToken(fold(t), references));
  const bare = (t: string | undefined) => fold(t ?? '').replace(/[^A-Z0-9]/g, '');
  stripPrefixes(tokens);
  while (tokens.length > 1 && EDGE.has(bare(tokens[0]))) tokens.shift();
  // A country code, a known place, a little word or a bank's trailing words at the end go (repeatedly:
  // `... STOCKHOLM SE`, `RUTER BETAL DATO`).
  for (let changed = true; changed && tokens.length > 1; ) {
    changed = false;
    const folded = tokens.map((t) => bare(t));
    const suffix = SUFFIXES.find(
      (p) => p.length < tokens.length && p.every((w, i) => folded[tokens.length - p.length + i] === w),
    );
    if (suffix) {
      tokens.splice(tokens.length - suffix.length);
      changed = true;
      continue;
    }
    const last = bare(tokens[tokens.length - 1]);
    if (COUNTRY.has(last) || EDGE.has(last)) {
      tokens.pop();
      changed = true;
      continue;
    }
    const tail = ` ${fold(tokens.join(' '))}`;
    for (const place of PLACES) {
      if (tail.endsWith(` ${place}`) && tail.length > place.length + 2) {
        tokens.splice(tokens.length - place.split(' ').length);
        changed = true;
        break;
      }
    }
  }
  return tokens
    .join(' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+]+$/gu, '')
    .trim();
}

/** True when a text names someone: something is left after the bank's words, and not only bank words. */
export function namesSomeone(text: string): boolean {
  const cleaned = cleanPayee(text);
  if (!/\p{L}{2}/u.test(cleaned)) return false;
  const folded = fold(cleaned)
    .split(/\s+/)
    .map((t) => t.replace(/[^A-Z0-9]/g, ''))
    .filter(Boolean);
  return !folded.every((t) => EDGE.has(t) || PREFIXES.some((p) => p.length === 1 && p[0] === t));
}

/**
 * The part of a statement cell that names the payee: its first line that names someone (Danish banks put the
 * message to the recipient on the next lines: `MobilePay Sofie Nielsen⏎Tak for i går`), cut before a gap of two
 * spaces or more when the part before it names someone (card texts padded to a width, then the city or phone:
 * `APPLE.COM/BILL          ITUNES.COM`).
 */
export function payeeText(cell: string): string {
  const lines = String(cell)
    .slice(0, 300)
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  let text = lines.find((l) => namesSomeone(l)) ?? lines[0] ?? '';
  const parts = text.split(/[ \t\u00a0]{2,}/);
  if (parts.length > 1 && namesSomeone(parts[0] as string)) text = parts[0] as string;
  return text.trim();
}

/** Removes the bank's words before the payee (`Kortköp`, `Autogiro`, `Dankort-nota`, `Reservation`), keeping a name. */
function stripPrefixes(tokens: string[]): void {
  for (let round = 0; round < 3; round++) {
    const head = tokens.map((t) => fold(t).replace(/[:.]+$/, ''));
    const hit = PREFIXES.find((p) => p.length < tokens.length && p.every((w, i) => head[i] === w));
    if (!hit) return;
    tokens.splice(0, hit.length);
  }
}

/** The grouping key of a cleaned payee: its words only (`NETFLIX.COM` and `NETFLIX COM` group together). */
export function payeeKey(cleaned: string): string {
  return normaliseStatement(cleaned);
}

/** True for transfers between own accounts, savings, cash withdrawals and card repayments (`recurring-words.json`). */
export function isExcludedLine(description: string): boolean {
  const padded = ` ${fold(description)
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()} `;
  return EXCLUDED.some((w) => padded.includes(w));
}
