/**
 * Finding and reading the digits of a price: `1 299,00`, `1.299,00`, `1,299.00`, `1'299.50`, `9.99`, `1.188`.
 */

/**
 * A number as written: 1–3 digits then groups of exactly three digits behind one repeated separator (space, `'`,
 * `.` or `,`) and an optional decimal part; or plain digits with an optional decimal part; or `.99`.
 */
export const NUMBER_RE =
  /(?<![\d.,])(?:\d{1,3}([ '’.,])\d{3}(?!\d)(?:\1\d{3}(?!\d))*(?:[.,]\d+)?|\d+(?:[.,]\d+)?|[.,]\d+)/g;

export type NumberSpan = { index: number; length: number; text: string };

/** Every number in `text` (at most `max`). */
export function findNumbers(text: string, max = 1000): NumberSpan[] {
  const out: NumberSpan[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(text); m && out.length < max; m = NUMBER_RE.exec(text)) {
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
  if (s.startsWith('.') || s.startsWith(',')) s = `0${s}`;
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
