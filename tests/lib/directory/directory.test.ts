import { describe, expect, it } from 'vitest';
import { allServices, countByCategory } from '../../../lib/directory';
import { DATA_FILES } from '../../../lib/directory/data';
import { ServiceFile } from '../../../lib/directory/schema';
import { normaliseStatement } from '../../../lib/directory/statement';
import { CATEGORIES } from '../../../lib/model';

/** Statement words so common that a service must never be matched on them alone. */
const TOO_GENERIC = new Set([
  'ICE',
  'TRE',
  'MAX',
  'ONE',
  'PLAY',
  'PLUS',
  'FRESH',
  'MATCH',
  'POST',
  'NETTO',
  'SERVICE',
  'APPLE',
  'GOOGLE',
  'AMAZON',
  'MICROSOFT',
  'UBER',
  'WOLT',
  'BOLT',
  'AS',
  'AB',
  'COM',
]);

describe('directory data', () => {
  it('every category file matches the schema and holds only its own category', () => {
    for (const category of CATEGORIES) {
      const parsed = ServiceFile.safeParse(DATA_FILES[category]);
      expect(parsed.error?.issues ?? [], `data/${category}.json`).toEqual([]);
      for (const entry of parsed.data ?? []) expect(entry.category, `${entry.id} in ${category}.json`).toBe(category);
    }
  });

  it('has at least 200 services, and prints the counts', () => {
    const counts = countByCategory();
    console.log(`service directory: ${allServices().length} services`, counts);
    expect(allServices().length).toBeGreaterThanOrEqual(200);
    for (const category of CATEGORIES) expect(counts[category], category).toBeGreaterThan(0);
  });

  it('ids are unique', () => {
    const seen = new Set<string>();
    for (const s of allServices()) {
      expect(seen.has(s.id), `duplicate id ${s.id}`).toBe(false);
      seen.add(s.id);
    }
  });

  it('a domain belongs to one service', () => {
    const owner = new Map<string, string>();
    for (const s of allServices()) {
      for (const d of s.domains) {
        expect(owner.get(d), `${d} is listed by ${owner.get(d)} and ${s.id}`).toBeUndefined();
        owner.set(d, s.id);
      }
    }
  });

  it('every link is https', () => {
    for (const s of allServices()) {
      for (const url of Object.values(s.links)) expect(new URL(url).protocol, `${s.id}: ${url}`).toBe('https:');
    }
  });

  it('statement words are specific enough to match on', () => {
    for (const s of allServices()) {
      for (const word of s.statement) {
        const key = normaliseStatement(word);
        expect(key.length, `${s.id}: "${word}" normalises to "${key}"`).toBeGreaterThanOrEqual(4);
        expect(TOO_GENERIC.has(key), `${s.id}: "${word}" is too generic`).toBe(false);
      }
    }
  });

  it('services sharing statement words are country variants (one per country, at most one worldwide)', () => {
    const byKey = new Map<string, Set<string>>();
    for (const s of allServices()) {
      for (const word of s.statement) {
        const key = normaliseStatement(word);
        const ids = byKey.get(key) ?? new Set<string>();
        ids.add(s.id);
        byKey.set(key, ids);
      }
    }
    for (const [key, ids] of byKey) {
      if (ids.size < 2) continue;
      const services = allServices().filter((s) => ids.has(s.id));
      const countries = services.flatMap((s) => s.countries);
      expect(new Set(countries).size, `"${key}" is shared by ${[...ids].join(', ')} in overlapping countries`).toBe(
        countries.length,
      );
    }
  });
});
