import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, exportIcs, foldLine, scheduleRules } from '../../../lib/calendar';
import { addMonthsClamped } from '../../../lib/dates';
import { nextOccurrence, occurrences } from '../../../lib/schedule';
import { sub } from '../reminders/helpers';

const NOW = '2025-03-01T12:00:00.000Z';

/** Every event day ical.js expands from the file, per subscription id, up to `to` (inclusive). */
function expand(ics: string, to: string): Map<string, string[]> {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const out = new Map<string, string[]>();
  for (const ve of cal.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(ve);
    const id = decodeURIComponent(/^subkeeper-(.*?)(?:-\d+)?@subkeeper\.invalid$/.exec(event.uid)?.[1] ?? '');
    const days = out.get(id) ?? [];
    const it = event.iterator();
    for (let next = it.next(); next; next = it.next()) {
      const day = next.toString().slice(0, 10);
      if (day > to) break;
      days.push(day);
    }
    out.set(id, days);
  }
  for (const days of out.values()) days.sort();
  return out;
}

/** The first charge day the export starts from: the schedule's first day on or after the anchor itself. */
function check(anchor: string, period: string, months = 24) {
  const s = sub({ id: `${anchor}/${period}`, billingAnchor: anchor, period });
  const ics = exportIcs([s], { now: NOW });
  const first = nextOccurrence(anchor, period, anchor);
  const to = addMonthsClamped(first, months);
  const fromIcal = expand(ics, to).get(s.id) ?? [];
  expect(fromIcal, `${anchor} ${period}`).toEqual(occurrences(anchor, period, first, to));
  return fromIcal;
}

describe('exportIcs recurrence matches lib/schedule (checked by parsing with ical.js)', () => {
  it('monthly on the 31st: last day of every month, Feb 28/29 included', () => {
    const days = check('2024-01-31', 'P1M');
    expect(days.slice(0, 4)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
    expect(days).toContain('2025-02-28');
    check('2023-08-31', 'P3M');
    check('2023-10-31', 'P5M', 60);
  });

  it('monthly on the 30th and 29th: the 30th/29th, or the end of February', () => {
    const thirty = check('2024-01-30', 'P1M');
    expect(thirty.slice(0, 3)).toEqual(['2024-01-30', '2024-02-29', '2024-03-30']);
    expect(thirty).toContain('2025-02-28');
    const twentyNine = check('2023-01-29', 'P1M');
    expect(twentyNine.slice(0, 3)).toEqual(['2023-01-29', '2023-02-28', '2023-03-29']);
    expect(twentyNine).toContain('2024-02-29');
    check('2024-05-30', 'P1M');
    check('2025-02-28', 'P1M'); // anchored on Feb 28: the 28th every month
    check('2023-11-30', 'P3M');
    check('2024-08-30', 'P6M');
    check('2024-06-29', 'P2M');
    check('2024-03-30', 'P5M', 72);
    check('2024-04-29', 'P7M', 96);
  });

  it('yearly on Feb 29: Feb 28 in common years, Feb 29 in leap years', () => {
    const days = check('2024-02-29', 'P1Y', 12 * 12);
    expect(days.slice(0, 5)).toEqual(['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29']);
    check('2024-02-29', 'P2Y', 12 * 12);
    check('2024-02-29', 'P12M', 12 * 12);
    check('2023-03-31', 'P1Y', 12 * 10);
  });

  it('weekly, 2-weekly, 4-weekly, daily, quarterly, half-yearly and yearly plans', () => {
    expect(check('2024-12-30', 'P1W').slice(0, 3)).toEqual(['2024-12-30', '2025-01-06', '2025-01-13']);
    check('2025-01-03', 'P2W');
    check('2025-01-03', 'P4W');
    check('2025-01-03', 'P30D');
    check('2025-01-15', 'P3M');
    check('2025-01-15', 'P6M');
    check('2025-01-15', 'P1Y', 12 * 5);
  });

  it('matches lib/schedule for any anchor and month/year period (property)', () => {
    const periods = ['P1M', 'P2M', 'P3M', 'P4M', 'P5M', 'P6M', 'P7M', 'P9M', 'P11M', 'P12M', 'P18M', 'P1Y', 'P2Y'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1999-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...periods),
        fc.integer({ min: 0, max: 3 }),
        (d, period, shift) => {
          // Bias towards month ends, where the rules are hard.
          const iso = d.toISOString().slice(0, 10);
          const anchor = shift === 0 ? iso : addMonthsClamped(`${iso.slice(0, 8)}01`, 1, 28 + shift);
          const s = sub({ id: 'p', billingAnchor: anchor, period });
          const first = nextOccurrence(anchor, period, anchor);
          const to = addMonthsClamped(first, 12 * 8);
          expect(expand(exportIcs([s], { now: NOW }), to).get('p')).toEqual(occurrences(anchor, period, first, to));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('uses at most two series for a month-based plan on the 29th or 30th that divides the year', () => {
    expect(scheduleRules('2024-05-30', 'P1M', '2024-05-30')).toEqual([
      { start: '2024-05-30', rrule: 'FREQ=YEARLY;INTERVAL=1;BYMONTH=1,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=30' },
      { start: '2025-02-28', rrule: 'FREQ=YEARLY;INTERVAL=1;BYMONTH=2;BYMONTHDAY=-1' },
    ]);
    expect(scheduleRules('2024-01-15', 'P3M', '2024-01-15')).toEqual([
      { start: '2024-01-15', rrule: 'FREQ=MONTHLY;INTERVAL=3' },
    ]);
    expect(scheduleRules('2024-01-31', 'P1M', '2024-01-31')[0]?.rrule).toBe('FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=-1');
    expect(scheduleRules('2024-01-01', 'P2W', '2024-01-01')[0]?.rrule).toBe('FREQ=WEEKLY;INTERVAL=2');
    expect(scheduleRules('2024-01-01', 'P10D', '2024-01-01')[0]?.rrule).toBe('FREQ=DAILY;INTERVAL=10');
    expect(scheduleRules('2024-01-01', 'nonsense', '2024-01-01')).toEqual([]);
  });
});

describe('exportIcs content', () => {
  const s = sub({
    id: 'abc',
    service: 'Café; TV, Plus\\Sport',
    amountMinor: 12900,
    billingAnchor: '2025-01-15',
    links: { cancel: { url: 'https://example.com/account/cancel?x=1,2', source: 'page' } },
  });

  it('writes a valid calendar: CRLF lines of at most 75 octets, PRODID, VERSION, stable UID, DTSTAMP', () => {
    const ics = exportIcs([s], { now: NOW });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const l of ics.split('\r\n')) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(ics).toContain('PRODID:-//Subkeeper//Subkeeper renewals//EN\r\n');
    expect(ics).toContain('VERSION:2.0\r\n');
    expect(ics).toContain('DTSTAMP:20250301T120000Z\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20250115\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20250116\r\n');
    expect(ics).toContain('RRULE:FREQ=MONTHLY;INTERVAL=1\r\n');
    const again = exportIcs([s], { now: '2026-01-01T00:00:00Z' });
    const uid = (x: string) => /UID:(.*)\r\n/.exec(x)?.[1];
    expect(uid(again)).toBe(uid(ics));
    expect(uid(ics)).toBe('subkeeper-abc@subkeeper.invalid');
  });

  it('escapes text, and ical.js reads the exact summary and description back', () => {
    const ics = exportIcs([s], { now: NOW });
    expect(ics).toContain('Café\\; TV\\, Plus\\\\Sport');
    const cal = new ICAL.Component(ICAL.parse(ics));
    const event = new ICAL.Event(cal.getFirstSubcomponent('vevent') ?? undefined);
    // Intl puts a no-break space between code and amount.
    expect(event.summary.replace(/\s/g, ' ')).toBe('Café; TV, Plus\\Sport renews (NOK 129.00)');
    expect(event.description.replace(/[^\S\n]/g, ' ')).toBe(
      'Expected charge: NOK 129.00.\nCancel or change: https://example.com/account/cancel?x=1,2',
    );
    expect(cal.getFirstSubcomponent('vevent')?.getFirstPropertyValue('url')).toBe(
      'https://example.com/account/cancel?x=1,2',
    );
  });

  it('adds an alarm N days before: settings default, yearly default, per-subscription override', () => {
    const trigger = (x: string) => [...x.matchAll(/TRIGGER:(.*)\r\n/g)].map((m) => m[1]);
    expect(trigger(exportIcs([s], { now: NOW }))).toEqual(['-P3D']);
    expect(trigger(exportIcs([s], { now: NOW, reminderDays: 5 }))).toEqual(['-P5D']);
    expect(trigger(exportIcs([{ ...s, period: 'P1Y' }], { now: NOW }))).toEqual(['-P14D']);
    expect(trigger(exportIcs([{ ...s, reminderDays: 1 }], { now: NOW, reminderDays: 5 }))).toEqual(['-P1D']);
    const cal = new ICAL.Component(ICAL.parse(exportIcs([s], { now: NOW })));
    const alarm = cal.getFirstSubcomponent('vevent')?.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('-P3D');
  });

  it('exports active and trial subscriptions only; a trial starts at its first paid day', () => {
    const subs = [
      sub({ id: 'active' }),
      sub({ id: 'trial', status: 'trial', trialEnd: '2025-03-20', billingAnchor: '2025-03-20' }),
      sub({ id: 'paused', status: 'paused' }),
      sub({ id: 'cancelled', status: 'cancelled' }),
      sub({ id: 'unconfirmed', confirmed: false }),
    ];
    const events = expand(exportIcs(subs, { now: NOW }), '2025-04-30');
    expect([...events.keys()].sort()).toEqual(['active', 'trial']);
    expect(events.get('trial')).toEqual(['2025-03-20', '2025-04-20']);
  });

  it('writes the texts in the chosen language', () => {
    const ics = exportIcs([sub()], { now: NOW, lang: 'nb' });
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent') ?? undefined);
    expect(event.summary).toMatch(/^Streamly fornyes \(100,00\s?kr\)$/);
    expect(ics).toContain('X-WR-CALNAME:Fornyelser av abonnementer');
  });

  it('rejects a bad DTSTAMP clock value', () => {
    expect(() => exportIcs([s], { now: 'yesterday' })).toThrow(RangeError);
  });
});

describe('iCalendar text helpers', () => {
  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('bell\u0007tab\t')).toBe('belltab\t');
  });

  it('folds at 75 octets without splitting multi-byte characters, and unfolds to the original', () => {
    const long = `SUMMARY:${'æøå 🎬 '.repeat(30)}`;
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const [i, l] of lines.entries()) {
      expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
      if (i > 0) expect(l.startsWith(' ')).toBe(true);
      expect(l).not.toMatch(/\uFFFD/);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(foldLine('short')).toBe('short');
    const exactly75 = 'x'.repeat(75);
    expect(foldLine(exactly75)).toBe(exactly75);
    expect(foldLine(`${exactly75}y`)).toBe(`${exactly75}\r\n y`);
  });
});
