import data from './currencies.json';

const ISO_EXPONENTS = data.minorDigits as Record<string, number>;
const KNOWN_CODES = new Set<string>(data.codes);
const digitsCache = new Map<string, number>();

/**
 * Minor-unit digits of a currency (ISO 4217 exponent): JPY 0, KWD/BHD/OMR 3, most 2.
 * The ISO exceptions table in currencies.json comes first and known ISO codes not in it have 2, because Intl
 * (CLDR) reports display digits for some codes (HUF 0, IDR 0, IQD 0); Intl's resolvedOptions answers for other
 * codes it knows; 2 for anything else.
 */
export function minorDigits(currency: string): number {
  const code = typeof currency === 'string' ? currency.toUpperCase() : '';
  const cached = digitsCache.get(code);
  if (cached !== undefined) return cached;
  let digits = ISO_EXPONENTS[code];
  if (digits === undefined) {
    digits = 2;
    if (/^[A-Z]{3}$/.test(code) && !KNOWN_CODES.has(code)) {
      try {
        const resolved = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions();
        if (typeof resolved.maximumFractionDigits === 'number') digits = resolved.maximumFractionDigits;
      } catch {
        digits = 2;
      }
    }
  }
  digitsCache.set(code, digits);
  return digits;
}

const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?$/;

/** Turns a number into a plain decimal string (no exponent) with up to 20 fractional digits. */
function numberToDecimal(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  if (Math.abs(n) >= 1e21) return BigInt(Math.round(n)).toString();
  return n.toFixed(20);
}

/**
 * Major units to whole minor units: `toMinor('129.50', 'NOK') === 12950`. Exact for decimal strings (no float
 * error); rounds half away from zero beyond the currency's digits (`'0.005'` USD → 1). Numbers are read by their
 * shortest decimal form (`1.005` → 101). Throws RangeError for text that is not a plain decimal or a non-finite
 * number.
 */
export function toMinor(major: number | string, currency: string): number {
  let text: string;
  if (typeof major === 'number') {
    if (!Number.isFinite(major)) throw new RangeError(`not a finite amount: ${major}`);
    text = numberToDecimal(major);
  } else {
    text = String(major).trim();
  }
  const m = DECIMAL_RE.exec(text);
  if (!m || (!m[2] && !m[3])) throw new RangeError(`not a decimal amount: ${text.slice(0, 40)}`);
  const digits = minorDigits(currency);
  const intPart = m[2] || '0';
  const frac = m[3] ?? '';
  const kept = frac.slice(0, digits).padEnd(digits, '0');
  let minor = BigInt(intPart + kept);
  if ((frac[digits] ?? '0') >= '5') minor += 1n;
  const value = Number(minor);
  return m[1] === '-' && value !== 0 ? -value : value;
}

/** Whole minor units to major units as a number: `toMajor(12950, 'NOK') === 129.5`. */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/** Minor units as an exact decimal string in major units: `minorToDecimal(-12950, 'NOK') === '-129.50'`. */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const neg = minor < 0;
  const s = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  const body = digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
  return neg ? `-${body}` : body;
}

/** True for a three-letter code this library knows (current and some withdrawn ISO 4217 codes). */
export function isKnownCurrency(code: string): boolean {
  return KNOWN_CODES.has(code);
}
