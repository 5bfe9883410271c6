import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../lib/i18n';
import { CATALOGS } from '../../../lib/i18n/catalogs';
import { CATEGORIES, STATUSES } from '../../../lib/model';

/**
 * Issue 13 item 9: one name per thing. `lib/i18n/concepts.json` lists, per concept, the word each language uses and
 * the keys that name it; this fails when a key calls the concept something else ("Endre" beside "Rediger",
 * "Træk" beside "Betalinger"), when a known synonym appears anywhere in a language, or when a data label
 * (category, status, period) has more than one entry.
 */
interface Concept {
  word: Record<string, string>;
  avoid?: Record<string, string[]>;
  keys: string[];
}
const concepts = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../lib/i18n/concepts.json'), 'utf8'),
) as Record<string, Concept | string>;
const entries = Object.entries(concepts).filter((e): e is [string, Concept] => typeof e[1] !== 'string');

/** Every text of one language as `area.key` → text. */
function texts(lang: (typeof LANGUAGES)[number]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [area, table] of Object.entries(CATALOGS[lang])) {
    for (const [k, v] of Object.entries(table)) out.set(`${area}.${k}`, v);
  }
  return out;
}

const wholeWord = (word: string) =>
  new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu');

describe('one word per concept in each language', () => {
  it('reads a concept map that covers the concepts the issue named', () => {
    expect(entries.map(([name]) => name)).toEqual(
      expect.arrayContaining(['trial', 'edit', 'delete', 'add', 'charges', 'charts', 'subscription']),
    );
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: every key of a concept uses the concept's word`, () => {
      const all = texts(lang);
      const wrong: string[] = [];
      for (const [name, c] of entries) {
        const word = c.word[lang]!.toLocaleLowerCase(lang);
        for (const key of c.keys) {
          const text = all.get(key);
          if (text === undefined) wrong.push(`${name}: ${key} does not exist`);
          else if (!text.toLocaleLowerCase(lang).includes(word))
            wrong.push(`${name}: ${key} = "${text}" lacks "${word}"`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it(`${lang}: no text uses a synonym the concept map rules out`, () => {
      const found: string[] = [];
      for (const [key, text] of texts(lang)) {
        for (const [name, c] of entries) {
          for (const w of c.avoid?.[lang] ?? [])
            if (wholeWord(w).test(text)) found.push(`${key} uses "${w}" (${name})`);
        }
      }
      expect(found).toEqual([]);
    });
  }

  it('has one entry per category, status and period wording (no second catalog that can drift)', () => {
    for (const lang of LANGUAGES) {
      const keys = [...texts(lang).keys()];
      for (const c of CATEGORIES)
        expect(
          keys.filter((k) => k.endsWith(`.category.${c}`)),
          `${lang} ${c}`,
        ).toHaveLength(1);
      for (const s of STATUSES)
        expect(
          keys.filter((k) => k.endsWith(`.status.${s}`)),
          `${lang} ${s}`,
        ).toHaveLength(1);
      expect(keys.filter((k) => /\.period\.[DWMY]/.test(k) && !k.startsWith('common.'))).toEqual([]);
    }
  });

  it('catches a drift: a key that names the trial otherwise fails', () => {
    const trial = entries.find(([n]) => n === 'trial')![1];
    const drifted = 'Gratisperioden slutter';
    expect(drifted.toLowerCase().includes(trial.word.nb!)).toBe(false);
    expect(trial.avoid?.nb?.some((w) => wholeWord(w).test(drifted))).toBe(true);
  });
});
