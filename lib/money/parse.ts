import { isLetterOrDigitCode } from '../unicode';
import type { PriceContext } from './context';
import { minorDigits, toMinor } from './currency';
import { findMarkers, type Marker, preferExplicit, resolveCurrency, saysFree } from './markers';
import { findNumbers, type NumberSpan, readNumber } from './number';

/** A price read from text. `amount` and `amountMinor` are absolute values; `negative` tells the sign. */
export type PriceOk = {
  ok: true;
  /** Exact decimal in major units without needless zeros: `1299`, `9.99`. */
  amount: string;
  /** Whole minor units in `currency` (2 digits when the currency is unknown); null when not a safe integer. */
  amountMinor: number | null;
  /** ISO 4217 code, or null when unknown or ambiguous (`kr` with no language or hostname to tell). */
  currency: string | null;
  /** The currency text as written (`kr.`, `US$`, `€`), or null. */
  currencyText: string | null;
  negative: boolean;
};
export type PriceFail = { ok: false; reason: string };
export type PriceResult = PriceOk | PriceFail;
export type PriceMatch = { index: number; length: number; result: PriceOk };

/** Longest text {@link parsePrice} reads. */
export const MAX_PRICE_TEXT = 2_000;
/** Longest text {@link findPrices} reads, and most prices it returns. */
export const MAX_FIND_TEXT = 20_000;
export const MAX_PRICE_MATCHES = 200;

/** Maps spaces of all widths to ' ' and U+2212 to '-', one character for one, so indexes stay valid. */
function normalise(text: string): string {
  return text.replace(/[\s\u200b-\u200f\u2060\ufeff]/g, ' ').replace(/\u2212/g, '-');
}

type Pair = {
  num: NumberSpan;
  marker: Marker | null;
  /** A currency text on the other side of the number, also close enough (`$1,190.00 AUD`). */
  other?: Marker;
  start: number;
  end: number;
  negative: boolean;
};

/** Between a leading currency text and its number: `US$:12.99`, `kr 129`, `$-9.99`. */
const GAP_BEFORE = /^[ :]{0,3}(?:- ?)?$/;
/** Between a number and a trailing currency text: `129,- kr`, `9,99 €`, `1 299 kr`. */
const GAP_AFTER = /^ {0,2}(?:[.,:] ?[-–—]{1,2} ?)?$/;

function minusBefore(text: string, at: number): boolean {
  if (text[at - 1] !== '-') return false;
  return at < 2 || !isLetterOrDigitCode(text.charCodeAt(at - 2));
}

/**
 * Pairs numbers with an adjacent currency text, left to right; a number takes the text before it when that is still
 * free, else the one after it (so `99 kr 129 kr` and `$5 $10` both pair well).
 */
function pairUp(text: string, numbers: NumberSpan[], markers: Marker[]): Pair[] {
  const used = new Set<Marker>();
  const pairs: Pair[] = [];
  let mi = 0;
  for (const num of numbers) {
    const numEnd = num.index + num.length;
    while (mi < markers.length && (markers[mi] as Marker).index + (markers[mi] as Marker).length <= num.index) mi++;
    const before = markers[mi - 1];
    const after = markers[mi];
    const beforeOk =
      before !== undefined && !used.has(before) && GAP_BEFORE.test(text.slice(before.index + before.length, num.index));
    const afterOk = after !== undefined && after.index >= numEnd && GAP_AFTER.test(text.slice(numEnd, after.index));
    if (beforeOk && before) {
      used.add(before);
      const gapMinus = text.slice(before.index + before.length, num.index).includes('-');
      const pair: Pair = { num, marker: before, start: before.index, end: numEnd, negative: gapMinus };
      if (afterOk && after) pair.other = after;
      pairs.push(pair);
      if (!gapMinus && minusBefore(text, before.index)) {
        const p = pairs[pairs.length - 1] as Pair;
        p.negative = true;
        p.start -= 1;
      }
    } else if (afterOk && after && !used.has(after)) {
      used.add(after);
      const negative = minusBefore(text, num.index);
      pairs.push({
        num,
        marker: after,
        start: num.index - (negative ? 1 : 0),
        end: after.index + after.length,
        negative,
      });
    } else {
      const negative = minusBefore(text, num.index);
      pairs.push({ num, marker: null, start: num.index - (negative ? 1 : 0), end: numEnd, negative });
    }
  }
  return pairs;
}

function validCode(code: string | undefined): string | null {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code) ? code : null;
}

/**
 * The most reliable currency text not next to the number: symbols before codes before words, then the first.
 * Weak texts (`R`, `real`, `Fr`) only count right next to a number.
 */
function bestMarker(markers: Marker[]): Marker | null {
  let best: Marker | null = null;
  for (const m of markers) if (!m.weak && (!best || m.rank < best.rank)) best = m;
  return best;
}

function build(text: string, pair: Pair, marker: Marker | null, ctx: PriceContext | undefined): PriceResult {
  const currency = marker ? resolveCurrency(marker.value, ctx) : validCode(ctx?.defaultCurrency);
  const digits = currency ? minorDigits(currency) : undefined;
  let amount = readNumber(pair.num.text, ctx?.decimalSeparator, digits);
  if (amount === null) return { ok: false, reason: 'unreadable-number' };
  // `35€99`: the euro sign used as the decimal mark.
  if (marker?.text === '€' && marker.index >= pair.num.index && !amount.includes('.')) {
    const cents = /^ ?(\d\d)(?![\d.,]?\d)/.exec(text.slice(marker.index + 1));
    const euros = text.split('€').length - 1;
    if (cents && euros === 1) amount = `${amount}.${cents[1]}`.replace(/\.?0+$/, '') || '0';
  }
  let amountMinor: number | null = null;
  try {
    const minor = toMinor(amount, currency ?? '');
    amountMinor = Number.isSafeInteger(minor) ? minor : null;
  } catch {
    amountMinor = null;
  }
  return {
    ok: true,
    amount,
    amountMinor,
    currency,
    currencyText: marker ? marker.text : null,
    negative: pair.negative && amount !== '0',
  };
}

function notPercent(text: string) {
  return (n: NumberSpan) => !/^ ?%/.test(text.slice(n.index + n.length, n.index + n.length + 2));
}

/**
 * Reads one price from a short text such as `kr 129,00`, `129,- kr/mnd`, `1 299 kr`, `1.299,00 kr.`, `SEK 1.188`,
 * `€9,99`, `US$ 12.99`, `129:-`, `−49,00 kr`. The number next to a currency text wins; otherwise the first number
 * (not a percentage), with the text's most reliable currency text, or `ctx.hint`'s, or `ctx.defaultCurrency`.
 * `kr`, `kr.` and `:-` resolve from `ctx.lang`, then `ctx.hostname`; `$` alone is USD unless the context says
 * otherwise. Reads at most {@link MAX_PRICE_TEXT} characters. Never throws.
 */
export function parsePrice(text: string, ctx?: PriceContext): PriceResult {
  try {
    if (typeof text !== 'string') return { ok: false, reason: 'not-text' };
    const src = normalise(text.length > MAX_PRICE_TEXT ? text.slice(0, MAX_PRICE_TEXT) : text);
    const markers = findMarkers(src, 200);
    const numbers = findNumbers(src, 200, true).filter(notPercent(src));
    const pairs = pairUp(src, numbers, markers);
    const chosen = pairs.find((p) => p.marker) ?? pairs[0];
    if (!chosen) {
      if (!saysFree(src)) return { ok: false, reason: 'no-amount' };
      const free: Pair = { num: { index: 0, length: 1, text: '0' }, marker: null, start: 0, end: 0, negative: false };
      return build(src, free, bestMarker(markers) ?? hintMarker(ctx), ctx);
    }
    const marker = chosen.marker ?? bestMarker(markers) ?? hintMarker(ctx);
    return build(src, chosen, marker && preferExplicit(marker, markers), ctx);
  } catch {
    return { ok: false, reason: 'error' };
  }
}

function hintMarker(ctx: PriceContext | undefined): Marker | null {
  if (typeof ctx?.hint !== 'string' || ctx.hint.length === 0) return null;
  return bestMarker(findMarkers(normalise(ctx.hint.slice(0, MAX_PRICE_TEXT)), 50));
}

/**
 * Every price in a longer text (`Gratis i 30 dager, deretter 129 kr/mnd`, `Then $9.99/month after trial`): numbers
 * with a currency text right before or after them. Bare numbers are not prices here. Reads at most
 * {@link MAX_FIND_TEXT} characters and returns at most {@link MAX_PRICE_MATCHES} prices. Never throws.
 */
export function findPrices(text: string, ctx?: PriceContext): PriceMatch[] {
  try {
    if (typeof text !== 'string' || text.length === 0) return [];
    const src = normalise(text.length > MAX_FIND_TEXT ? text.slice(0, MAX_FIND_TEXT) : text);
    const markers = findMarkers(src, MAX_PRICE_MATCHES * 10).filter((m) => !m.weak);
    const numbers = findNumbers(src, MAX_PRICE_MATCHES * 20).filter(notPercent(src));
    const out: PriceMatch[] = [];
    for (const pair of pairUp(src, numbers, markers)) {
      if (!pair.marker) continue;
      const result = build(src, pair, preferExplicit(pair.marker, pair.other ? [pair.other] : []), ctx);
      if (result.ok) out.push({ index: pair.start, length: pair.end - pair.start, result });
      if (out.length >= MAX_PRICE_MATCHES) break;
    }
    return out;
  } catch {
    return [];
  }
}
