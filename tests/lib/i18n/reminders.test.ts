import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator, LANGUAGES } from '../../../lib/i18n';
import { createRemindersTranslator } from '../../../lib/i18n/reminders';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('the background’s reminder texts', () => {
  it('has every key the reminders use, the same as the full catalogs, in every language', () => {
    const sources = [
      ...readdirSync(path.join(ROOT, 'lib/reminders')).map((f) => path.join(ROOT, 'lib/reminders', f)),
      path.join(ROOT, 'entrypoints/background/reminders.ts'),
    ].map((f) => readFileSync(f, 'utf8'));
    const keys = new Set(sources.flatMap((s) => [...s.matchAll(/'([a-z]+\.[\w.]+)'/g)].map((m) => m[1] as string)));
    const used = [...keys].filter((k) => /^[a-z]+\.[A-Za-z]/.test(k) && !k.includes('/'));
    const reminderKeys = used.filter((k) => k.startsWith('reminders.'));
    expect(reminderKeys.length).toBeGreaterThan(15);
    // Nothing outside the area the background loads.
    expect(used.filter((k) => /^(common|views|dashboard|data|sync|inbox|about)\./.test(k))).toEqual([]);
    for (const lang of LANGUAGES) {
      const narrow = createRemindersTranslator(lang);
      const full = createTranslator(lang);
      for (const k of reminderKeys)
        expect(narrow(k, { days: 3, count: 2 }), `${lang} ${k}`).toBe(full(k, { days: 3, count: 2 }));
    }
  });
});
