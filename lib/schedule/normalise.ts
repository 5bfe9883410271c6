import { mustParsePeriod } from './period';

/** An exact fraction num/den (den > 0, reduced). */
export type Fraction = { num: number; den: number };

/** Mean Gregorian year in days, as 3652425 / 10000. */
const YEAR_DAYS_NUM = 3_652_425;
const YEAR_DAYS_DEN = 10_000;

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

function reduce(num: number, den: number): Fraction {
  const g = gcd(num, den) || 1;
  return { num: num / g, den: den / g };
}

/**
 * How many times a period occurs in a year, exactly: P1M → 12/1, P3M → 4/1, P1Y → 1/1, P2Y → 1/2,
 * P1W → 365.2425/7 = 20871/400, P30D → 365.2425/30 = 48699/4000. Days and weeks use the mean Gregorian year.
 * Throws RangeError on an invalid period.
 */
export function periodsPerYear(period: string): Fraction {
  const { n, unit } = mustParsePeriod(period);
  switch (unit) {
    case 'Y':
      return reduce(1, n);
    case 'M':
      return reduce(12, n);
    case 'W':
      return reduce(YEAR_DAYS_NUM, YEAR_DAYS_DEN * 7 * n);
    case 'D':
      return reduce(YEAR_DAYS_NUM, YEAR_DAYS_DEN * n);
  }
}

/** amount × num / den with a single rounding step, exact for integer results even past 2^53 intermediates. */
function scale(amountMinor: number, num: number, den: number): number {
  const product = amountMinor * num;
  if (Number.isSafeInteger(amountMinor) && !Number.isSafeInteger(product)) {
    const big = BigInt(amountMinor) * BigInt(num);
    const bigDen = BigInt(den);
    const whole = big / bigDen;
    return Number(whole) + Number(big - whole * bigDen) / den;
  }
  return product / den;
}

/** What `amountMinor` charged every `period` costs per year, in minor units (may be fractional; round when shown). */
export function perYearMinor(amountMinor: number, period: string): number {
  const { num, den } = periodsPerYear(period);
  return scale(amountMinor, num, den);
}

/** What `amountMinor` charged every `period` costs per month (a twelfth of a year), in minor units (may be fractional). */
export function perMonthMinor(amountMinor: number, period: string): number {
  const { num, den } = periodsPerYear(period);
  const r = reduce(num, den * 12);
  return scale(amountMinor, r.num, r.den);
}
