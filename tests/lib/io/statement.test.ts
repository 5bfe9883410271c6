import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStatement, readAmount, titleRole } from '../../../lib/io/statement';
import headerData from '../../../lib/io/statement-headers.json';

function ok(text: string, opts = {}) {
  const r = parseStatement(text, opts);
  if (!r.ok) throw new Error(`expected a statement, got ${r.error}`);
  return r;
}

describe('parseStatement: bank exports', () => {
  it('DNB: semicolons, out/in columns, decimal comma, day first, NOK from the account when the Norwegian header agrees', () => {
    const r = ok(
      'Dato;Forklaring;Rentedato;Ut fra konto;Inn på konto\n' +
        '14.01.2026;*1234 13.01 NOK 159.00 NETFLIX.COM Kurs: 1.0000;15.01.2026;159,00;\n' +
        '15.01.2026;Lønn Firma AS;15.01.2026;;42 000,00\n',
      { defaultCurrency: 'NOK' },
    );
    expect(r.format).toMatchObject({
      delimiter: ';',
      decimal: ',',
      dateOrder: 'dmy',
      headerLine: 1,
      bank: 'DNB',
      language: 'nb',
      currency: 'NOK',
      currencySource: 'account',
      doubts: [],
      columns: { date: 'Dato', description: ['Forklaring'], out: 'Ut fra konto', in: 'Inn på konto' },
    });
    expect(r.transactions).toEqual([
      {
        date: '2026-01-14',
        description: '*1234 13.01 NOK 159.00 NETFLIX.COM Kurs: 1.0000',
        amountMinor: 15900,
        currency: 'NOK',
      },
      { date: '2026-01-15', description: 'Lønn Firma AS', amountMinor: -4200000, currency: 'NOK' },
    ]);
  });

  it('Nordea: signed amounts, the description from Rubrik, the currency from its column', () => {
    const r = ok(
      'Bokføringsdato;Belopp;Avsändare;Mottagare;Namn;Rubrik;Saldo;Valuta\n' +
        '2026/01/14;-1 234,50;;;;Kortköp 260114 SPOTIFY;10 000,00;SEK\n' +
        '2026/01/15;250,00;;;Kari;Swish;10 250,00;SEK\n',
    );
    expect(r.format).toMatchObject({ bank: 'Nordea', language: 'sv', dateOrder: 'ymd', currencySource: 'column' });
    expect(r.transactions.map((t) => [t.date, t.description, t.amountMinor, t.currency])).toEqual([
      ['2026-01-14', 'Kortköp 260114 SPOTIFY', 123450, 'SEK'],
      ['2026-01-15', 'Swish', -25000, 'SEK'],
    ]);
  });

  it('SpareBank 1: Inn before Ut, out amounts written negative', () => {
    const r = ok(
      'Dato;Beskrivelse;Rentedato;Inn;Ut;Til konto;Fra konto\n03.02.2026;VAREKJØP KIWI;03.02.2026;;-312,40;;1234.56.78903\n',
    );
    expect(r.format.bank).toBe('SpareBank 1');
    expect(r.transactions[0]).toMatchObject({ amountMinor: 31240, currency: 'NOK', date: '2026-02-03' });
  });

  it('Handelsbanken: the transaction date is preferred over the ledger date', () => {
    const r = ok(
      'Reskontradatum;Transaktionsdatum;Text;Belopp;Saldo\n2026-01-16;2026-01-14;NETFLIX.COM;-119,00;5 000,00\n',
    );
    expect(r.format).toMatchObject({ bank: 'Handelsbanken', currency: 'SEK' });
    expect(r.format.columns.date).toBe('Transaktionsdatum');
    expect(r.transactions[0]).toMatchObject({ date: '2026-01-14', amountMinor: 11900 });
  });

  it('Swedbank: a line before the header, commas, quoted cells and decimal points', () => {
    const r = ok(
      '* Transaktioner Period 2026-01-01 – 2026-01-31 Skapad 2026-02-01 10:00 CET\n' +
        'Radnummer,Clearingnummer,Kontonummer,Produkt,Valuta,Bokföringsdag,Transaktionsdag,Valutadag,Referens,Beskrivning,Belopp,Bokfört saldo\n' +
        '"1","8327-9","9141234567","Privatkonto","SEK","2026-01-15","2026-01-14","2026-01-15","NETFLIX","NETFLIX.COM","-119.00","5000.00"\n',
    );
    expect(r.format).toMatchObject({ bank: 'Swedbank', headerLine: 2, delimiter: ',', decimal: '.' });
    expect(r.transactions[0]).toEqual({
      date: '2026-01-14',
      description: 'NETFLIX.COM',
      amountMinor: 11900,
      currency: 'SEK',
    });
  });

  it('Danske Bank: every cell quoted, thousands with dots, DKK', () => {
    const r = ok(
      '"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"\r\n"14.01.2026";"Spotify P1A2B3C4";"-1.099,00";"12.345,67";"Udført";"Nej"\r\n',
    );
    expect(r.format).toMatchObject({ bank: 'Danske Bank', language: 'da', currency: 'DKK', decimal: ',' });
    expect(r.transactions[0]).toMatchObject({ amountMinor: 109900, currency: 'DKK' });
  });

  it('generic English: month-first dates detected from the data, thousands commas, currency from an option', () => {
    const r = ok('Date,Description,Amount\n01/14/2026,NETFLIX.COM,-15.49\n01/31/2026,SALARY,"3,000.00"\n', {
      defaultCurrency: 'USD',
    });
    // An English header says nothing about the money: the account's currency is a guess the user confirms.
    expect(r.format).toMatchObject({ dateOrder: 'mdy', decimal: '.', currency: 'USD', currencySource: 'guess' });
    expect(r.format.doubts).toContain('currency');
    expect(r.transactions.map((t) => [t.date, t.amountMinor])).toEqual([
      ['2026-01-14', 1549],
      ['2026-01-31', -300000],
    ]);
  });

  it('generic English without an option falls back to EUR and asks', () => {
    const r = ok('Date,Description,Amount\n2026-01-14,X,-1.00\n');
    expect(r.format).toMatchObject({ currency: 'EUR', currencySource: 'guess' });
    expect(r.format.doubts).toContain('currency');
  });

  it('reads a currency code in the amount title, and tab-separated files', () => {
    const r = ok('Transaction date\tDescription\tAmount (GBP)\n14/01/2026\tTESCO\t-12.30\n13/01/2026\tBOOTS\t-4.00\n');
    expect(r.format).toMatchObject({ delimiter: '\t', currency: 'GBP', currencySource: 'header', dateOrder: 'dmy' });
    expect(r.transactions[0]?.amountMinor).toBe(1230);
  });

  it('finds the columns in any order and skips rows without a date or amount', () => {
    const r = ok('Beløp;Tekst;Dato\n-99,00;Spotify;14.01.2026\n;Saldo;\nUkjent;;\n-10,00;Kiosk;15.01.2026\n');
    expect(r.transactions.map((t) => t.description)).toEqual(['Spotify', 'Kiosk']);
    expect(r.format.rows).toBe(4);
    expect(r.format.skipped).toBe(1);
    expect(r.format.balances).toBe(1);
  });

  it('a description that carries the card date in its text is still the payee (CARD PAYMENT TO … ON 17-11-2026)', () => {
    const shops = ['GODT BRØD GRÜNERLØKKA', 'KIWI 505 BISLETT', 'REMA 1000 TORSHOV', 'ESSO SMESTAD', 'MENY ULLEVÅL'];
    const lines = ['Date,Description,Paid out,Paid in,Balance', '20/11/2026,Salary Firma AS,,"42,000.00","67,000.00"'];
    for (let d = 19; d >= 1; d--) {
      const day = String(d).padStart(2, '0');
      lines.push(`${day}/11/2026,CARD PAYMENT TO ${shops[d % 5]} ON ${day}-11-2026,45.00,,"1,000.00"`);
    }
    const r = ok(`${lines.join('\n')}\n`);
    expect(r.transactions[0]?.description).toBe('Salary Firma AS');
    expect(r.transactions[1]?.description).toBe('CARD PAYMENT TO MENY ULLEVÅL ON 19-11-2026');
    expect(r.transactions.every((t) => t.description !== '')).toBe(true);
  });

  it('reads a file without a header row', () => {
    const r = ok(
      '14.01.2026;NETFLIX.COM;-159,00;10 000,00\n15.01.2026;REMA 1000;-312,40;9 687,60\n16.01.2026;LØNN;42 000,00;51 687,60\n',
    );
    expect(r.format.headerLine).toBeNull();
    expect(r.transactions.map((t) => [t.description, t.amountMinor])).toEqual([
      ['NETFLIX.COM', 15900],
      ['REMA 1000', 31240],
      ['LØNN', -4200000],
    ]);
  });
});

describe('parseStatement: held-out layouts', () => {
  it('drops a reference that changes on every row, also one without digits among ones with them', () => {
    const rows = [
      '2025-01-05;Spotify P3C7QK2M9;-129,00',
      '2025-02-05;Spotify PTHCECUYZM;-129,00',
      '2025-03-05;Spotify P81KQ0ZZ4A;-129,00',
    ];
    rows.push('2025-03-06;MobilePay Sofie Nielsen;-100,00', '2025-03-07;MobilePay Sofie Holm;-80,00');
    rows.push('2025-03-08;AMZN Mktp DE*NZDUSG;-349,00', '2025-04-08;AMZN Mktp DE*2K3L45;-129,00');
    const r = ok(`Dato;Tekst;Beløp\n${rows.join('\n')}\n`);
    expect(r.transactions.map((t) => t.description)).toEqual([
      'Spotify',
      'Spotify',
      'Spotify',
      'MobilePay Sofie Nielsen',
      'MobilePay Sofie Holm',
      'AMZN Mktp DE',
      'AMZN Mktp DE',
    ]);
  });

  it('Wise transaction history: unsigned amounts with the sign in Direction, cancelled rows out, payee per side', () => {
    const head =
      'ID,Status,Direction,"Created on","Finished on","Source name","Source amount (after fees)","Source currency","Target name","Target amount (after fees)","Target currency"';
    const rows = [
      'CARD-1,COMPLETED,OUT,2025-01-14 09:12:33,2025-01-14 09:12:33,Henrik Dahl,13.99,EUR,Netflix,13.99,EUR',
      'T-2,COMPLETED,IN,2025-01-28 10:00:00,2025-01-28 10:00:00,Northwind Studio,1200.00,EUR,Henrik Dahl,1200.00,EUR',
      'T-3,CANCELLED,OUT,2025-01-29 10:00:00,,Henrik Dahl,250.00,EUR,Clara Schmidt,250.00,EUR',
      ...Array.from(
        { length: 10 },
        (_, i) =>
          `CARD-${i + 4},COMPLETED,OUT,2025-02-${String(i + 10)} 12:00:00,2025-02-${String(i + 10)} 12:00:00,Henrik Dahl,${i + 5}.50,EUR,Lidl,${i + 5}.50,EUR`,
      ),
    ];
    const r = ok(`${head}\n${rows.join('\n')}\n`, { defaultCurrency: 'NOK' });
    expect(r.transactions.slice(0, 2)).toEqual([
      { date: '2025-01-14', description: 'Netflix', amountMinor: 1399, currency: 'EUR' },
      { date: '2025-01-28', description: 'Northwind Studio', amountMinor: -120000, currency: 'EUR' },
    ]);
    expect(r.transactions).toHaveLength(12);
    expect(r.format.voided).toBe(1);
  });

  it('takes the account currency from Payment currency when the purchase currency is named apart (Revolut Business)', () => {
    const head =
      'Date started (UTC),Date completed (UTC),Type,State,Description,Orig currency,Orig amount,Payment currency,Amount,Balance';
    const rows = [
      '2025-01-12,2025-01-12,CARD_PAYMENT,COMPLETED,OpenAI,USD,-20.00,EUR,-18.43,981.57',
      '2025-01-13,2025-01-13,CARD_PAYMENT,COMPLETED,Lidl,EUR,-25.10,EUR,-25.10,956.47',
      '2025-01-14,,CARD_PAYMENT,PENDING,Lidl,EUR,-12.00,EUR,-12.00,',
    ];
    const r = ok(`${head}\n${rows.join('\n')}\n`, { defaultCurrency: 'NOK' });
    expect(r.transactions.map((t) => [t.description, t.amountMinor, t.currency, Boolean(t.pending)])).toEqual([
      ['OpenAI', 1843, 'EUR', false],
      ['Lidl', 2510, 'EUR', false],
      ['Lidl', 1200, 'EUR', true],
    ]);
  });

  it('a file without a header: a column of currency codes on every row is the currency', () => {
    const rows = [
      '01-12-2025;REMA 1000 AMAGERBRO;-502,91;185.656,03;DKK',
      '28-11-2025;Løn;32.436,26;186.158,94;DKK',
      '28-11-2025;DSB;-36,00;153.722,68;DKK',
    ];
    const r = ok(`\uFEFF${rows.join('\r\n')}\r\n`, { defaultCurrency: 'NOK' });
    expect(r.format).toMatchObject({ headerLine: null, currencySource: 'column' });
    expect(r.transactions.map((t) => [t.amountMinor, t.currency])).toEqual([
      [50291, 'DKK'],
      [-3243626, 'DKK'],
      [3600, 'DKK'],
    ]);
  });

  it('N26 in German: the currency from the amount title, the foreign amount and its currency left aside', () => {
    const head =
      '"Datum","Empfänger","Kontonummer","Transaktionstyp","Verwendungszweck","Kategorie","Betrag (EUR)","Betrag (Fremdwährung)","Fremdwährung","Wechselkurs"';
    const rows = [
      '"2025-01-12","OpenAI","","MasterCard Zahlung","","Freizeit & Unterhaltung","-18.43","-20.0","USD","1.0852"',
      '"2025-01-13","Lidl","","MasterCard Zahlung","","Lebensmittel & Supermärkte","-25.10","","",""',
    ];
    const r = ok(`${head}\n${rows.join('\n')}\n`, { defaultCurrency: 'SEK' });
    expect(r.format).toMatchObject({ language: 'de', currency: 'EUR', currencySource: 'header', doubts: [] });
    expect(r.transactions.map((t) => [t.description, t.amountMinor, t.currency])).toEqual([
      ['OpenAI', 1843, 'EUR'],
      ['Lidl', 2510, 'EUR'],
    ]);
  });

  it("a card statement's Valuta is the purchase's currency when a foreign amount stands beside it (SEB Kort)", () => {
    const rows = [
      '2025-01-08,2025-01-09,OPENAI *CHATGPT SUBSCR,OPENAI.COM,USD,20,203.55',
      '2025-01-09,2025-01-10,ICA NARA,STOCKHOLM,SEK,0,544.75',
    ];
    for (let d = 10; d < 20; d++) rows.push(`2025-01-${d},2025-01-${d + 1},WILLYS ODENPLAN,STOCKHOLM,SEK,0,${d}1.5`);
    const r = ok(`Datum,Bokfört,Specifikation,Ort,Valuta,Utl. belopp,Belopp\n${rows.join('\n')}\n`, {
      defaultCurrency: 'SEK',
    });
    expect(r.transactions.every((t) => t.currency === 'SEK')).toBe(true);
    expect(r.transactions[0]).toMatchObject({ description: 'OPENAI *CHATGPT SUBSCR', amountMinor: 20355 });
  });
});

describe('parseStatement: refusals', () => {
  it('says what is wrong instead of throwing', () => {
    expect(parseStatement('')).toMatchObject({ ok: false, code: 'empty' });
    expect(parseStatement('hello\nworld\n')).toMatchObject({ ok: false, code: 'no-columns' });
    expect(parseStatement('Dato;Forklaring;Beløp\nSaldo;;\n')).toMatchObject({ ok: false, code: 'no-transactions' });
    expect(parseStatement(' '.repeat(21 * 1024 * 1024))).toMatchObject({ ok: false });
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const r = parseStatement(text);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('never throws on rows of random cells under a real header', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('14.01.2026', '-1 234,56', '(12.00)', '9999-99-99'),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 20 }), (rows) => {
        const text = ['Dato;Tekst;Beløb', ...rows.map((r) => r.join(';'))].join('\n');
        const r = parseStatement(text);
        if (r.ok) for (const t of r.transactions) expect(Number.isSafeInteger(t.amountMinor)).toBe(true);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('readAmount', () => {
  it('reads signs, marks and currency texts', () => {
    expect(readAmount('-1 234,56', ',', 'NOK')).toBe(-123456);
    expect(readAmount('1.234,56-', ',', 'NOK')).toBe(-123456);
    expect(readAmount('(12.99)', '.', 'USD')).toBe(-1299);
    expect(readAmount('−129,00 kr', ',', 'NOK')).toBe(-12900);
    expect(readAmount('+500', ',', 'NOK')).toBe(50000);
    expect(readAmount('1,234.56', '.', 'USD')).toBe(123456);
    expect(readAmount('1 000', ',', 'JPY')).toBe(1000);
    expect(readAmount('', ',', 'NOK')).toBeNull();
    expect(readAmount('abc', ',', 'NOK')).toBeNull();
  });
});

describe('statement-headers.json', () => {
  it('never gives one title two different roles across languages', () => {
    const roles = new Map<string, string>();
    for (const lang of Object.values(headerData.languages)) {
      for (const [role, titles] of Object.entries(lang.roles)) {
        for (const t of titles as string[]) {
          const key = t.toLowerCase();
          if (roles.has(key)) expect(`${key}: ${roles.get(key)}`).toBe(`${key}: ${role}`);
          roles.set(key, role);
        }
      }
    }
    expect(titleRole('Ut fra konto')).toBe('out');
    expect(titleRole('"BELØB"')).toBe('amount');
  });
});
