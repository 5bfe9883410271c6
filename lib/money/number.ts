/**
 * Finding and reading the digits of a price: `1 299,00`, `1.299,00`, `1,299.00`, `1'299.50`, `9.99`, `1.188`.
 */

/**
 * A number as written: 1–3 digits then groups of exactly three digits behind one repeated separator (space, `'`,
 * `.` or `,`) and an optional decimal part; or plain digits with an optional decimal part; or `.99`.
 */
const GROUPED = String.raw`\d{1,3}([ '’.,])\d{3}(?!\d)(?:\1\d{3}(?!\d))*`;
const PLAIN = String.raw`\d+`;
/** A decimal part; the loose form also takes `119. 95` (a space after the mark, then exactly two digits). */
const FRACTION = String.raw`(?:[.,]\d+)?`;
const LOOSE_FRACTION = String.raw`(?:[.,](?: (?=\d\d(?!\d)))?\d+)?`;
/** `.99`, `..75`, `.750.30`: separators before the first digit. */
const LEADING = String.raw`[.,]+\d+(?:[.,]\d+)*`;

function numberRe(fraction: string): RegExp {
  return new RegExp(String.raw`(?<![\d.,])(?:${GROUPED}${fraction}|${PLAIN}${fraction}|${LEADING})`, 'g');
}

export const NUMBER_RE = numberRe(FRACTION);
const LOOSE_NUMBER_RE = numberRe(LOOSE_FRACTION);
/(?<![\d.,])(?:\d{1,3}([ '’.,])\d{3}(?!\d)(?:\1\d{3}(?!\d))*(?:[.,]\d+)?|\d+(?:[.,]\d+)?|[.,]\d+)/g;

export type NumberSpan = { index: number; length: number; text: string };

/** Every number in `text` (at most `max`); `loose` also reads `119. 95` as one number (for short price texts). */
export function findNumbers(text: string, max = 1000, loose = false): NumberSpan[] {
  const out: NumberSpan[] = [];
  const re = loose ? LOOSE_NUMBER_RE : NUMBER_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m && out.length < max; m = re.exec(text)) {
    out.push({ index: m.index, length: m[0].length, text: m[0] });
  }
  return out;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/**
 * Reads a number as an exact decimal string without needless zeros (`1.299,00` → `1299`, `9,90` → `9.9`).
 * The decimal mark is the last `.`/`,` when both kinds appear; a single mark followed by exactly three digits is a
 * thousands separator (`1.188` → 1188) unless the integer part is 0 or the currency has three minor digits;
 * a mark that repeats is a thousands separator. `decimalSeparator` overrides the guess.
 */
export function readNumber(raw: string, decimalSeparator?: '.' | ',', currencyDigits?: number): string | null {
  let s = raw.replace(/[ '’]/g, '');
  if (/^[.,]/.test(s)) {
    // `.99` is a fraction; `.750.30` and `..75` carry a stray mark in front of a number.
    const rest = s.replace(/^[.,]+/, '');
    s = /[.,]/.test(rest) ? rest : `0.${rest}`;
  }
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  let decimalAt = -1;
  if (decimalSeparator) {
    decimalAt = s.lastIndexOf(decimalSeparator);
  } else if (last >= 0) {
    const sep = s[last] as '.' | ',';
    const other = sep === '.' ? ',' : '.';
    const tail = s.length - last - 1;
    const intDigits = s.slice(0, last).replace(/[.,]/g, '');
    if (s.includes(other)) decimalAt = count(s, sep) === 1 ? last : -1;
    else if (count(s, sep) > 1) decimalAt = -1;
    else if (tail === 3) decimalAt = /^0*$/.test(intDigits) || currencyDigits === 3 ? last : -1;
    else decimalAt = last;
  }
  const intPart = (decimalAt >= 0 ? s.slice(0, decimalAt) : s).replace(/[.,]/g, '');
  const frac = decimalAt >= 0 ? s.slice(decimalAt + 1).replace(/[.,]/g, '') : '';
  const int = intPart.replace(/^0+(?=\d)/, '') || '0';
  const trimmed = frac.replace(/0+$/, '');
  return trimmed ? `${int}.${trimmed}` : int;
}
