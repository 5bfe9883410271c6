import { minorDigits } from './currency';
import bundled from './rates.json';
import type { Money, Rates } from './types';

/** The dated rate table shipped with the extension (units per 1 EUR). */
export const bundledRates: Rates = { date: bundled.date, perEur: { ...bundled.perEur } };

/** Rounds half away from zero. */
function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/**
 * Converts money to another currency through EUR, rounding to whole minor units (half away from zero).
 * Returns null when either rate is missing or not a positive number. Same currency returns the amount unchanged.
 */
export function convert(m: Money, to: string, rates: Rates): Money | null {
  if (m.currency === to) return { amountMinor: m.amountMinor, currency: to };
  const fromRate = rates.perEur[m.currency];
  const toRate = rates.perEur[to];
  if (!(typeof fromRate === 'number' && fromRate > 0 && Number.isFinite(fromRate))) return null;
  if (!(typeof toRate === 'number' && toRate > 0 && Number.isFinite(toRate))) return null;
  const scale = 10 ** (minorDigits(to) - minorDigits(m.currency));
  const amountMinor = roundHalfAway(((m.amountMinor * toRate) / fromRate) * scale);
  return { amountMinor: amountMinor === 0 ? 0 : amountMinor, currency: to };
}
