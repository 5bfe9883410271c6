import { describe, expect, it } from 'vitest';
import {
  draftFrom,
  errorsByField,
  fieldFor,
  normaliseSite,
  parseRate,
  readDraft,
} from '../../../components/views/settingsForm';
import { createTranslator } from '../../../lib/i18n';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { RATES } from './helpers';

const t = createTranslator('en');

describe('settings form data', () => {
  it('round-trips the default settings unchanged', () => {
    const read = readDraft(draftFrom(DEFAULT_SETTINGS, RATES), t);
    expect(read).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('reads rates typed with a comma or spaces, and refuses anything not above zero', () => {
    expect(parseRate('11,75')).toBe(11.75);
    expect(parseRate(' 1 702.5 ')).toBe(1702.5);
    expect(parseRate('.5')).toBe(0.5);
    for (const bad of ['', '0', '0.0', '-1', 'abc', '1e3', '1.2.3', 'Infinity', 'NaN'])
      expect(parseRate(bad)).toBeNull();
  });

  it('turns typed sites into hostnames, or null', () => {
    expect(normaliseSite(' Bank.NO ')).toBe('bank.no');
    expect(normaliseSite('https://www.example.com/path?q=1')).toBe('www.example.com');
    expect(normaliseSite('example.com.')).toBe('example.com');
    for (const bad of ['', 'not a site', 'javascript:alert(1)', 'exa_mple.com', '-bad.com', 'http://']) {
      expect(normaliseSite(bad), bad).toBeNull();
    }
  });

  it('keys errors by the setting path and never returns settings with them', () => {
    const draft = {
      ...draftFrom(DEFAULT_SETTINGS, RATES),
      renewalDays: '-1',
      yearlyRenewalDays: '91',
      trialDays: '1,2,3,4,5,6',
    };
    const read = readDraft(draft, t);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(Object.keys(read.errors).sort()).toEqual([
      'reminders.renewalDays',
      'reminders.trialDays',
      'reminders.yearlyRenewalDays',
    ]);
    expect(read.errors['reminders.trialDays']).toBe('At most five reminders.');
  });

  it('checks the rates only when the user has their own', () => {
    const bundled = { ...draftFrom(DEFAULT_SETTINGS, RATES), rates: { NOK: 'x' } };
    expect(readDraft(bundled, t).ok).toBe(true);
    const custom = { ...bundled, ratesCustom: true, ratesDate: '2026-02-30' };
    const read = readDraft(custom, t);
    expect(read.ok ? {} : read.errors).toEqual({
      'exchangeRates.date': 'Enter a real date.',
      'exchangeRates.perEur.NOK': 'Enter a number above 0, for example 11.5.',
    });
  });

  it('maps error paths to the field they belong beside', () => {
    expect(fieldFor('reminders.trialDays.2')).toBe('reminders.trialDays');
    expect(fieldFor('exchangeRates.perEur.NOK')).toBe('exchangeRates.perEur.NOK');
    expect(fieldFor('detection.neverSites.3')).toBe('detection.neverSites');
    expect(fieldFor('reminders')).toBeNull();
    expect(errorsByField({ language: 'a', 'x.y': 'b', z: 'c' })).toEqual({ language: ['a'], '': ['b', 'c'] });
  });
});
