import { describe, expect, it } from 'vitest';
import { cleanPayee, cleanPayeeKeepingReferences, isExcludedLine, payeeKey, payeeText } from '../../../lib/io/payee';

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

describe('cleanPayee: held-out texts', () => {
  it('drops a payment reference of mixed letters and digits, alone or glued on with a star, but keeps store numbers', () => {
    expect(cleanPayee('Spotify PJKXYJ5QZE')).toBe('SPOTIFY');
    expect(cleanPayee('AMZN Mktp DE*2K3L45')).toBe('AMZN MKTP');
    expect(cleanPayee('KIWI 318 TOYEN')).toBe('KIWI 318 TOYEN');
    expect(cleanPayee('7-ELEVEN 1234 STORGATA')).toBe('7-ELEVEN STORGATA');
    expect(cleanPayee('MICROSOFT*MICROSOFT 365')).toBe('MICROSOFT*MICROSOFT 365');
    expect(cleanPayeeKeepingReferences('Spotify PJKXYJ5QZE')).toBe('SPOTIFY PJKXYJ5QZE');
    expect(cleanPayeeKeepingReferences('AMZN Mktp DE*NZDUSG')).toBe('AMZN MKTP DE*NZDUSG');
  });
  it("removes the bank's words after the payee and the longer payment-app prefixes", () => {
    expect(cleanPayee('Varekjøp RUTER betal dato 2025-11-28')).toBe('RUTER');
    expect(cleanPayee('Swish inbetalning MAJA SANDBERG')).toBe('MAJA SANDBERG');
    expect(cleanPayee('Swish betalning ANNA LINDQVIST')).toBe('ANNA LINDQVIST');
  });
});

describe('payeeText', () => {
  it('takes the first line that names someone: the message on the next lines is not the payee', () => {
    expect(payeeText('MobilePay Sofie Nielsen\nTak for i går')).toBe('MobilePay Sofie Nielsen');
    expect(payeeText('Egen overførsel til opsparing\r\nBudget')).toBe('Egen overførsel til opsparing');
  });
  it('cuts a card text padded to a width before the city, only when the part before names someone', () => {
    expect(payeeText('APPLE.COM/BILL          ITUNES.COM')).toBe('APPLE.COM/BILL');
    expect(payeeText('OPENAI *CHATGPT SUBSCR  OPENAI.COM')).toBe('OPENAI *CHATGPT SUBSCR');
    expect(payeeText('VISA 100123   NOK 159,00   NETFLIX.COM')).toBe('VISA 100123   NOK 159,00   NETFLIX.COM');
    expect(payeeText('Kortköp 250114  NETFLIX.COM')).toBe('Kortköp 250114  NETFLIX.COM');
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
    expect(isExcludedLine('To pocket EUR Savings')).toBe(true);
    expect(isExcludedLine('Minibank Storo')).toBe(true);
    expect(isExcludedLine('NETFLIX.COM')).toBe(false);
    expect(isExcludedLine('SPAREBANK 1 FORSIKRING')).toBe(false);
  });
});
