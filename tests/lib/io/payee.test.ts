import { describe, expect, it } from 'vitest';
import { cleanPayee, isExcludedLine, payeeKey } from '../../../lib/io/payee';

describe('cleanPayee', () => {
  it('removes card numbers, dates, amounts, exchange rates and card words', () => {
    expect(cleanPayee('*1234 13.01 NOK 159.00 NETFLIX.COM Kurs: 1.0000')).toBe('NETFLIX.COM');
    expect(cleanPayee('VISA XXXX XXXX XXXX 1234 NETFLIX.COM 866-579-7172 CA')).toBe('NETFLIX.COM');
    expect(cleanPayee('Kortköp 260114 SPOTIFY')).toBe('SPOTIFY');
    expect(cleanPayee('VAREKJØP KIWI 505 BISLETT 14.01')).toBe('KIWI 505 BISLETT');
  });
  it('removes processor prefixes, reference codes and a trailing place or country', () => {
    expect(cleanPayee('PAYPAL *SPOTIFY P2F8K1X9Q3')).toBe('SPOTIFY');
    expect(cleanPayee('Spotify P1A2B3C4D5 Stockholm SE')).toBe('SPOTIFY');
    expect(cleanPayee('VIPPS*ADAMS MATKASSE AS')).toBe('ADAMS MATKASSE AS');
    expect(cleanPayee('Netflix.com Los Gatos')).toBe('NETFLIX.COM');
    expect(cleanPayee('CARD PAYMENT TO NETFLIX.COM ON 14-01-2026')).toBe('NETFLIX.COM');
  });
  it('keeps the letters of the language and names with digits', () => {
    expect(cleanPayee('Lønn fra Firma AS')).toBe('LØNN FRA FIRMA AS');
    expect(cleanPayee('E24.NO')).toBe('E24.NO');
    expect(cleanPayee('DISNEY+ 12345678')).toBe('DISNEY+');
  });
  it('returns an empty text when nothing is left, and never throws', () => {
    expect(cleanPayee('VISA 12345678 14.01.2026')).toBe('');
    expect(cleanPayee(undefined as unknown as string)).toBe('');
  });
});

describe('payeeKey', () => {
  it('groups spellings of one payee', () => {
    expect(payeeKey('NETFLIX.COM')).toBe(payeeKey('NETFLIX COM'));
    expect(payeeKey('DISNEY+')).toBe('DISNEY PLUS');
    expect(payeeKey('KLATREKLUBBEN')).not.toBe(payeeKey('KLATREKLUBBEN NORD'));
  });
});

describe('isExcludedLine', () => {
  it('marks transfers between own accounts, savings and cash', () => {
    expect(isExcludedLine('Overføring til sparekonto')).toBe(true);
    expect(isExcludedLine('Överföring eget konto')).toBe(true);
    expect(isExcludedLine('Minibank Storo')).toBe(true);
    expect(isExcludedLine('NETFLIX.COM')).toBe(false);
    expect(isExcludedLine('SPAREBANK 1 FORSIKRING')).toBe(false);
  });
});
