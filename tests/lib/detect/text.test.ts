import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../lib/detect/lang';
import { phraseMatcher, phraseSource } from '../../../lib/detect/text';

describe('phraseMatcher', () => {
  const m = phraseMatcher(['per month', 'month', 'mnd', 'abonn*', 'pr. md.', '/mån', 'si opp']);

  it('matches whole words only, case-insensitively, with any run of spaces for a space', () => {
    expect(m.test('129 kr PER   Month')).toBe(true);
    expect(m.test('129 kr per\u00a0month')).toBe(true);
    expect(m.test('monthly plan')).toBe(false);
    expect(m.test('semimonth')).toBe(false);
    expect(m.test('Si opp')).toBe(true);
    expect(m.test('sioppe')).toBe(false);
  });

  it('lets a stem run on into a longer word but still needs a word start', () => {
    expect(m.test('Abonnementet ditt')).toBe(true);
    expect(m.test('dittabonnement')).toBe(false);
  });

  it('matches phrases that start or end with punctuation without word boundaries there', () => {
    expect(m.test('99 kr/mån')).toBe(true);
    expect(m.all('129 kr pr. md. eller 99 kr/mån')).toEqual([
      { index: 7, text: 'pr. md.' },
      { index: 26, text: '/mån' },
    ]);
  });

  it('takes the longest phrase at the leftmost position, and every match once', () => {
    expect(m.all('$9 per month, then $12 per  month')).toEqual([
      { index: 3, text: 'per month' },
      { index: 23, text: 'per  month' },
    ]);
    expect(m.all('month month month', 2)).toHaveLength(2);
  });

  it('finds a phrase at the end (before closing punctuation) and at the start (after leading punctuation)', () => {
    expect(m.atEnd('Billed per month.')).toBe(true);
    expect(m.endMatch('Billed per month.)')).toBe('per month');
    expect(m.atEnd('per month billed')).toBe(false);
    expect(m.atStart(' – per month, billed')).toEqual({ text: 'per month', length: 12 });
    expect(m.atStart('billed per month')).toBeNull();
  });

  it('keeps indexes right when lower-casing would change the length of the text', () => {
    expect(m.all('İİ per month')).toEqual([{ index: 3, text: 'per month' }]);
  });

  it('handles empty lists and empty text', () => {
    const none = phraseMatcher([]);
    expect(none.test('anything')).toBe(false);
    expect(m.test('')).toBe(false);
    expect(m.atStart('')).toBeNull();
  });

  // The matcher replaced one regular expression per list built by phraseSource: both must agree on every line of
  // every fixture page, for every list of every language.
  it('agrees with the regular expression of phraseSource on all fixture text', () => {
    const dir = path.join(import.meta.dirname, '../../fixtures/pages');
    const lines = readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .flatMap((f) =>
        readFileSync(path.join(dir, f), 'utf8')
          .replace(/<[^>]*>/g, '\n')
          .split(/\n+/)
          .map((l) => l.trim())
          .filter((l) => l.length > 0 && l.length < 400),
      );
    expect(lines.length).toBeGreaterThan(1000);
    const lists = new Map<string, string[]>();
    for (const lang of LANGUAGES) {
      for (const [key, value] of Object.entries(lang)) {
        const add = (name: string, list: unknown) => {
          if (!Array.isArray(list) || !list.every((p) => typeof p === 'string')) return;
          lists.set(name, [...(lists.get(name) ?? []), ...(list as string[])]);
        };
        if (Array.isArray(value)) add(key, value);
        else if (value && typeof value === 'object')
          for (const [k, v] of Object.entries(value as Record<string, unknown>)) add(`${key}.${k}`, v);
      }
    }
    expect(lists.size).toBeGreaterThan(30);
    let hits = 0;
    // Disagreements are collected and compared once: an expect() per line and list made this test take over 20 s
    // on a loaded machine.
    const disagreements: string[] = [];
    for (const [name, phrases] of lists) {
      const src = phraseSource(phrases);
      const re = new RegExp(src, 'i');
      const endRe = new RegExp(`(${src})[\\s:;,.()–—-]*$`, 'i');
      const matcher = phraseMatcher(phrases);
      for (const line of lines) {
        const want = re.test(line);
        if (want) hits++;
        if (matcher.test(line) !== want) disagreements.push(`${name} test: ${line}`);
        if (matcher.atEnd(line) !== endRe.test(line)) disagreements.push(`${name} atEnd: ${line}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(hits).toBeGreaterThan(1000);
    // Every list against every fixture line: slow on a busy machine, never time-sensitive.
  }, 180_000);
});
