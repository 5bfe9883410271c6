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

/** A token that is a date, time, amount, masked card number or payment reference rather than a name. */
function isNoiseToken(token: string): boolean {
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
  return bare.length >= 5 && (runs.length >= 2 || runs.join('').length >= 4);
}

/**
 * The payee of a statement line as people would write it, upper case: `Visa 100123 Nok 159,00 Netflix.com Kurs:
 * 1,0000` → `NETFLIX.COM`, `PAYPAL *SPOTIFY P1A2B3C4 STOCKHOLM SE` → `SPOTIFY`. Empty when nothing is left.
 */
export function cleanPayee(description: string): string {
  if (typeof description !== 'string') return '';
  // Noise is recognised on folded tokens; the payee keeps its own letters (LØNN, not LONN).
  const s = description
    .slice(0, 300)
    .toUpperCase()
    .replace(PROCESSOR_PREFIX_RE, '$1 ')
    // A purchase date glued to the payee (`NETFLIX.COM/25-01-14`).
    .replace(/\/\d{2}-\d{2}-\d{2}(?=\s|$)/g, ' ');
  const tokens = s.split(/\s+/).filter((t) => t && !isNoiseToken(fold(t)));
  const bare = (t: string | undefined) => fold(t ?? '').replace(/[^A-Z0-9]/g, '');
  stripPrefixes(tokens);
  while (tokens.length > 1 && EDGE.has(bare(tokens[0]))) tokens.shift();
  // A country code, a known place or a little word at the end goes (repeatedly: `... STOCKHOLM SE`).
  for (let changed = true; changed && tokens.length > 1; ) {
    changed = false;
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
