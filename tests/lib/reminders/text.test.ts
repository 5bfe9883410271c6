import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator, LANGUAGES, LOCALES } from '../../../lib/i18n';
import en from '../../../lib/i18n/locales/en/reminders.json';
import { digestText, notificationText, planReminders, type Reminder } from '../../../lib/reminders';
import { priceChange, settings, sub } from './helpers';

const streamly = sub({ amountMinor: 12900, links: {} });

function planned(kind: Reminder['kind'], input: Partial<Parameters<typeof planReminders>[0]> = {}): Reminder {
  const plan = planReminders({ subscriptions: [streamly], settings: settings(), today: '2025-03-01', ...input });
  const r = plan.find((x) => x.kind === kind);
  if (!r) throw new Error(`no ${kind} reminder planned`);
  return r;
}

describe('notificationText', () => {
  it('says what, how much and when, in English', () => {
    const r = planned('renewal');
    const text = notificationText(r, streamly, createTranslator('en'), 'en-GB');
    expect(text.title).toBe('Streamly renews in 3 days');
    expect(text.message).toContain('NOK');
    expect(text.message).toContain('129');
    expect(text.message).toContain('15 Mar 2025');
  });

  it('speaks Norwegian, Swedish and Danish with local money and dates', () => {
    const r = planned('renewal');
    const nb = notificationText(r, streamly, createTranslator('nb'), LOCALES.nb);
    expect(nb.title).toBe('Streamly fornyes om 3 dager');
    expect(nb.message).toMatch(/129,00\s?kr/);
    expect(nb.message).toContain('15. mars 2025');
    expect(notificationText(r, streamly, createTranslator('sv'), LOCALES.sv).title).toBe('Streamly förnyas om 3 dagar');
    expect(notificationText(r, streamly, createTranslator('da'), LOCALES.da).title).toBe('Streamly fornyes om 3 dage');
  });

  it('counts "when" from the day it is shown, so a late reminder still reads right', () => {
    const r = planned('renewal');
    const t = createTranslator('en');
    expect(notificationText(r, streamly, t, 'en-GB', '2025-03-14').title).toBe('Streamly renews tomorrow');
    expect(notificationText(r, streamly, t, 'en-GB', '2025-03-15').title).toBe('Streamly renews today');
  });

  it('words trials, intro ends, price increases and access ends', () => {
    const t = createTranslator('en');
    const trialSub = sub({ status: 'trial', trialEnd: '2025-03-04', billingAnchor: '2025-03-04' });
    const trial = planReminders({ subscriptions: [trialSub], settings: settings(), today: '2025-03-01' })[0];
    if (!trial) throw new Error('no trial reminder');
    expect(notificationText(trial, trialSub, t, 'en-GB').title).toBe('Free trial of Streamly ends in 3 days');
    expect(notificationText(trial, trialSub, t, 'en-GB').message).toContain('NOK');

    const introSub = sub({ billingAnchor: '2025-01-05', introAmountMinor: 1000, introEnd: '2025-03-01' });
    const intro = planReminders({ subscriptions: [introSub], settings: settings(), today: '2025-03-02' })[0];
    if (!intro) throw new Error('no intro reminder');
    const introText = notificationText(intro, introSub, t, 'en-GB');
    expect(introText.title).toBe('Intro price for Streamly ends in 3 days');
    expect(introText.message).toMatch(/100\.00.*instead of.*10\.00/);

    const price = planned('priceIncrease', { priceChanges: [priceChange({ date: '2025-04-01' })] });
    const priceText = notificationText(price, streamly, t, 'en-GB');
    expect(priceText.title).toBe('Streamly is raising its price');
    expect(priceText.message).toMatch(/^From 1 Apr 2025 it costs .*120\.00.* instead of .*100\.00.* \(\+20%\)\.$/);

    const cancelled = sub({ status: 'cancelled', endsOn: '2025-03-02' });
    const ends = planReminders({ subscriptions: [cancelled], settings: settings(), today: '2025-03-01' })[0];
    if (!ends) throw new Error('no access-ends reminder');
    expect(notificationText(ends, cancelled, t, 'en-GB').title).toBe('Your access to Streamly ends tomorrow');
  });

  it('lists the week in the weekly digest', () => {
    const subs = [sub({ id: 'a', service: 'Alpha', billingAnchor: '2025-01-04' }), sub({ id: 'b', service: 'Beta' })];
    const plan = planReminders({
      subscriptions: subs,
      settings: settings({ weeklyDigest: true }),
      today: '2025-03-03',
    });
    const weekly = plan.find((r) => r.kind === 'weeklyDigest' && r.dueDate === '2025-03-03');
    if (!weekly) throw new Error('no weekly digest');
    const text = notificationText(weekly, undefined, createTranslator('en'), 'en-GB', '2025-03-03');
    expect(text.title).toBe('Renewing this week: 1');
    expect(text.message).toMatch(/^Alpha: .*100\.00, 4 Mar 2025$/);
  });
});

describe('digestText', () => {
  it('counts the reminders and lists at most four lines', () => {
    const subs = [1, 2, 3, 4, 5].map((i) =>
      sub({ id: `s${i}`, service: `Service ${i}`, billingAnchor: `2025-01-${13 + i}`, reminderDays: 7 }),
    );
    const plan = planReminders({ subscriptions: subs, settings: settings(), today: '2025-03-14' });
    const due = plan.filter((r) => r.dueDate <= '2025-03-14');
    expect(due).toHaveLength(5);
    const text = digestText(due, new Map(subs.map((s) => [s.id, s])), createTranslator('en'), 'en-GB', '2025-03-14');
    expect(text.title).toBe('5 subscription reminders');
    const lines = text.message.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Service 1 renews today: /);
    expect(lines[3]).toBe('and 2 more');
  });
});

describe('reminder catalogs', () => {
  const root = join(__dirname, '../../../lib/i18n/locales');

  it('has the same keys, all non-empty, in en, nb, sv and da', () => {
    const keys = Object.keys(en).sort();
    for (const lang of LANGUAGES) {
      const catalog = JSON.parse(readFileSync(join(root, lang, 'reminders.json'), 'utf8')) as Record<string, string>;
      expect(Object.keys(catalog).sort(), lang).toEqual(keys);
      for (const [k, v] of Object.entries(catalog)) {
        expect(v.trim(), `${lang}.${k}`).not.toBe('');
        // The same placeholders as English.
        const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(ph(v), `${lang}.${k}`).toEqual(ph((en as Record<string, string>)[k] ?? ''));
      }
    }
  });

  it('defines every reminders.* key the code uses', () => {
    const dirs = [join(__dirname, '../../../lib/reminders'), join(__dirname, '../../../lib/calendar')];
    const used = new Set<string>();
    for (const dir of dirs) {
      for (const f of readdirSync(dir)) {
        if (!f.endsWith('.ts')) continue;
        for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'reminders\.(\w+)'/g)) used.add(m[1] ?? '');
      }
    }
    expect(used.size).toBeGreaterThan(20);
    for (const k of used) expect(Object.keys(en), k).toContain(k);
  });
});
