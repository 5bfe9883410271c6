import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates, formatDate, fromDayNumber, parseLocalDate, toDayNumber } from '../../../lib/dates';

const NOW = '2026-11-20';
const read = (text: string, lang?: string) => parseLocalDate(text, { now: NOW, lang });

describe('parseLocalDate', () => {
  it.each([
    ['23. desember 2026', 'nb'],
    ['23. des. 2026', 'nb'],
    ['23 dec. 2026', 'sv'],
    ['23 december 2026', 'sv'],
    ['23. december 2026', 'da'],
    ['23.12.2026', 'nb'],
    ['23.12.26', 'nb'],
    ['2026-12-23', 'sv'],
    ['December 23, 2026', 'en'],
    ['Dec 23, 2026', 'en'],
    ['Dec. 23rd, 2026', 'en'],
    ['23 Dec 2026', 'en'],
    ['23rd of December 2026', 'en'],
    ['23/12/2026', 'en-GB'],
    ['12/23/2026', 'en-US'],
    ['12/23/2026', 'en-GB'],
    ['23/12/2026', 'en-US'],
    ['mandag 23. desember 2026', 'nb'],
    ['onsdag 23. december 2026', 'sv'],
    ['Wednesday, December 23, 2026', 'en'],
    ['Neste trekk: 23. desember 2026.', 'nb'],
    ['DECEMBER 23, 2026', 'en'],
  ])('reads %j (%s)', (text, lang) => {
    expect(read(text, lang)).toBe('2026-12-23');
  });

  it('reads slashed dates day first unless the page is en-US', () => {
    expect(read('05/04/2026')).toBe('2026-04-05');
    expect(read('05/04/2026', 'en-GB')).toBe('2026-04-05');
    expect(read('05/04/2026', 'en-US')).toBe('2026-05-04');
    expect(read('05-04-2026')).toBe('2026-04-05');
  });

  it('reads every month name of en, nb, sv and da', () => {
    const names: Record<string, string[]> = {
      nb: 'januar februar mars april mai juni juli august september oktober november desember'.split(' '),
      sv: 'januari februari mars april maj juni juli augusti september oktober november december'.split(' '),
      da: 'januar februar marts april maj juni juli august september oktober november december'.split(' '),
      en: 'January February March April May June July August September October November December'.split(' '),
    };
    for (const [lang, months] of Object.entries(names)) {
      months.forEach((name, i) => {
        const mm = String(i + 1).padStart(2, '0');
        expect(read(`1. ${name} 2027`, lang), `${lang} ${name}`).toBe(`2027-${mm}-01`);
        expect(read(`1 ${name.slice(0, 3)}. 2027`, lang), `${lang} ${name}`).toBe(`2027-${mm}-01`);
      });
    }
  });

  it('gives dates without a year the next such day on or after now', () => {
    expect(read('23. desember')).toBe('2026-12-23');
    expect(read('Dec 23')).toBe('2026-12-23');
    expect(read('20. november')).toBe('2026-11-20');
    expect(read('19. november')).toBe('2027-11-19');
    expect(read('1 jan')).toBe('2027-01-01');
    expect(read('29. februar')).toBe('2028-02-29');
    expect(read('Monday, December 23')).toBe('2026-12-23');
    expect(parseLocalDate('23. desember', { now: 'not a date' })).toBeNull();
  });

  it('rejects impossible days and non-dates', () => {
    expect(read('31.02.2026')).toBeNull();
    expect(read('30. februar 2026')).toBeNull();
    expect(read('2026-13-01')).toBeNull();
    expect(read('32/01/2026')).toBeNull();
    expect(read('kr 1.299,00')).toBeNull();
    expect(read('3 måneder for 9 kr')).toBeNull();
    expect(read('December 2026')).toBeNull();
    expect(read('version 1.2.3')).toBeNull();
    expect(read('')).toBeNull();
    expect(parseLocalDate(null as unknown as string, { now: NOW })).toBeNull();
  });

  it('reads two-digit years near now', () => {
    expect(read('01.02.99')).toBe('1999-02-01');
    expect(read('01.02.30')).toBe('2030-02-01');
  });

  it('reads back what formatDate wrote, in every style and supported locale', () => {
    const day = fc.integer({ min: toDayNumber('1980-01-01'), max: toDayNumber('2070-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(
        day,
        fc.constantFrom('nb-NO', 'sv-SE', 'da-DK', 'en-US', 'en-GB'),
        fc.constantFrom('short' as const, 'medium' as const, 'long' as const),
        (d, locale, style) => {
          const text = formatDate(d, locale, style);
          expect(parseLocalDate(text, { now: NOW, lang: locale }), text).toBe(d);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const d = parseLocalDate(text, { now: NOW, lang: 'nb' });
        expect(d === null || /^\d{4}-\d{2}-\d{2}$/.test(d)).toBe(true);
      }),
    );
  });
});

describe('findDates', () => {
  it('does not read the start of an amount after a month name as a day (a payment table row)', () => {
    const row = '1. november 2026\tFiber 1000/1000 – november\t299,00 kr.\tBetalt';
    expect(findDates(row, { lang: 'da', now: '2026-11-23' }).map((d) => d.date)).toEqual(['2026-11-01']);
    expect(findDates('December 23, 2026', { lang: 'en', now: '2026-11-23' }).map((d) => d.date)).toEqual([
      '2026-12-23',
    ]);
  });

  it('finds every date in reading order with its span', () => {
    const text = 'Prøveperioden varer til 23. desember 2026, deretter trekkes 129 kr hver måned fra 23.01.2027.';
    const found = findDates(text, { now: NOW, lang: 'nb' });
    expect(found.map((f) => f.date)).toEqual(['2026-12-23', '2027-01-23']);
    expect(found.map((f) => text.slice(f.index, f.index + f.length))).toEqual(['23. desember 2026', '23.01.2027']);
  });

  it('keeps the weekday in the span', () => {
    const text = 'Next payment: Monday, December 28, 2026';
    const [f] = findDates(text, { now: NOW });
    expect(f && text.slice(f.index, f.index + f.length)).toBe('Monday, December 28, 2026');
  });

  it('does not overlap matches', () => {
    const found = findDates('2026-12-23 23.12.2026 Dec 23, 2026', { now: NOW });
    expect(found).toHaveLength(3);
    for (let i = 1; i < found.length; i++) {
      const prev = found[i - 1]!;
      expect(found[i]!.index).toBeGreaterThanOrEqual(prev.index + prev.length);
    }
  });

  it('still finds a date after many number-and-word pairs that are not dates', () => {
    const text = `${'3 måneder for 9 kr, '.repeat(900)}fornyes 23. desember 2026`;
    expect(findDates(text, { now: NOW, lang: 'nb' }).map((f) => f.date)).toEqual(['2026-12-23']);
  });

  it('trims a word before the date that is not a weekday', () => {
    const text = 'fornyes 23. desember 2026';
    const [f] = findDates(text, { now: NOW });
    expect(f && text.slice(f.index, f.index + f.length)).toBe('23. desember 2026');
  });

  it('is bounded', () => {
    expect(findDates('1.1.2027 '.repeat(1000), { now: NOW })).toHaveLength(200);
    expect(findDates(`${'x'.repeat(20_000)} 23.12.2026`, { now: NOW })).toEqual([]);
  });
});
