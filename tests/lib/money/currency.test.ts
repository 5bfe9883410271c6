import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKnownCurrency, minorDigits, minorToDecimal, toMajor, toMinor } from '../../../lib/money';

describe('minorDigits', () => {
  it('follows ISO 4217 exponents', () => {
    expect(minorDigits('NOK')).toBe(2);
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('ISK')).toBe(0);
    expect(minorDigits('KRW')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
    expect(minorDigits('BHD')).toBe(3);
    expect(minorDigits('OMR')).toBe(3);
    expect(minorDigits('CLF')).toBe(4);
  });

  it('keeps ISO digits where Intl shows fewer (HUF, IDR, IQD)', () => {
    expect(minorDigits('HUF')).toBe(2);
    expect(minorDigits('IDR')).toBe(2);
    expect(minorDigits('IQD')).toBe(3);
  });

  it('accepts lower case and falls back to 2 for unknown text', () => {
    expect(minorDigits('jpy')).toBe(0);
    expect(minorDigits('')).toBe(2);
    expect(minorDigits('not a code')).toBe(2);
  });

  it('knows current codes', () => {
    expect(isKnownCurrency('NOK')).toBe(true);
    expect(isKnownCurrency('ZZZ')).toBe(false);
  });
});

describe('toMinor', () => {
  it('is exact for decimal strings', () => {
    expect(toMinor('129.50', 'NOK')).toBe(12950);
    expect(toMinor('0.1', 'USD')).toBe(10);
    expect(toMinor('1299', 'SEK')).toBe(129900);
    expect(toMinor('1.2345', 'KWD')).toBe(1235);
    expect(toMinor('1234', 'JPY')).toBe(1234);
    expect(toMinor('.5', 'EUR')).toBe(50);
  });

  it('rounds half away from zero', () => {
    expect(toMinor('0.005', 'USD')).toBe(1);
    expect(toMinor('0.004', 'USD')).toBe(0);
    expect(toMinor('-0.005', 'USD')).toBe(-1);
    expect(toMinor('2.5', 'JPY')).toBe(3);
    expect(toMinor('-2.5', 'JPY')).toBe(-3);
    expect(toMinor('19.995', 'EUR')).toBe(2000);
  });

  it('reads numbers by their shortest decimal form', () => {
    expect(toMinor(1.005, 'USD')).toBe(101);
    expect(toMinor(0.1 + 0.2, 'USD')).toBe(30);
    expect(toMinor(129, 'NOK')).toBe(12900);
    expect(toMinor(1e-7, 'USD')).toBe(0);
  });

  it('rejects text that is not a plain decimal', () => {
    expect(() => toMinor('12,50', 'NOK')).toThrow(RangeError);
    expect(() => toMinor('abc', 'NOK')).toThrow(RangeError);
    expect(() => toMinor('', 'NOK')).toThrow(RangeError);
    expect(() => toMinor(Number.NaN, 'NOK')).toThrow(RangeError);
    expect(() => toMinor(Number.POSITIVE_INFINITY, 'NOK')).toThrow(RangeError);
  });

  it('round-trips with toMajor and minorToDecimal for whole minor amounts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('NOK', 'JPY', 'KWD', 'EUR'),
        (minor, currency) => {
          expect(toMinor(minorToDecimal(minor, currency), currency)).toBe(minor);
          expect(toMinor(toMajor(minor, currency), currency)).toBe(minor);
        },
      ),
    );
  });
});

describe('toMajor / minorToDecimal', () => {
  it('scales by the currency digits', () => {
    expect(toMajor(12950, 'NOK')).toBe(129.5);
    expect(toMajor(1234, 'JPY')).toBe(1234);
    expect(toMajor(1235, 'KWD')).toBe(1.235);
    expect(minorToDecimal(-12950, 'NOK')).toBe('-129.50');
    expect(minorToDecimal(5, 'EUR')).toBe('0.05');
    expect(minorToDecimal(1234, 'JPY')).toBe('1234');
  });
});
