import { readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SubkeeperDb } from '../../../lib/db';
import { LATEST_VERSION, MIGRATIONS } from '../../../lib/db/migrations';
import { CURRENT_RULES } from '../../../lib/db/migrations/settle';

/**
 * Saved example data for every schema version (tests/fixtures/db/v<N>.json, each in its version's shape),
 * upgraded through every later version (issue 15, item 6): the result is valid by today's schema, every record
 * is still in its table, converted, or in `quarantine` (never gone), and no stored link has a control character.
 */
type Example = { version: number; tables: Record<string, Array<Record<string, unknown>>> };
const example = (v: number): Example =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../fixtures/db/v${v}.json`), 'utf8'));

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

async function seed(v: number): Promise<string> {
  const name = `ex-${v}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  const old = new SubkeeperDb(name, { upToVersion: v });
  await old.open();
  expect(old.verno).toBe(v);
  for (const [table, rows] of Object.entries(example(v).tables)) await old.table(table).bulkPut(rows);
  old.close();
  return name;
}

async function upgraded(v: number) {
  const db = new SubkeeperDb(await seed(v), { now: () => new Date('2026-06-01T08:00:00.000Z') });
  await db.open();
  const all: Record<string, Array<Record<string, unknown>>> = {};
  for (const t of db.tables) all[t.name] = await t.toArray();
  return { db, all };
}

/** Every string anywhere in a value, with its path. */
function strings(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
  return [];
}

const VERSIONS = MIGRATIONS.map((m) => m.version);

describe('every saved example upgrades to today’s schema', () => {
  it('has an example for every version', () => {
    for (const v of VERSIONS) expect(example(v).version, `tests/fixtures/db/v${v}.json`).toBe(v);
  });

  for (const v of VERSIONS.filter((x) => x < LATEST_VERSION)) {
    it(`v${v} → v${LATEST_VERSION}: valid, nothing lost, links clean`, async () => {
      const before = example(v).tables;
      const { db, all } = await upgraded(v);
      expect(db.verno).toBe(LATEST_VERSION);
      // Valid by today's schema, every record of every checked table.
      for (const [table, rule] of Object.entries(CURRENT_RULES)) {
        for (const row of all[table] ?? []) {
          const value = rule.valueIn ? rule.valueIn(row) : row;
          const r = rule.schema.safeParse(value);
          expect(r.success, `${table} ${JSON.stringify(row).slice(0, 120)}`).toBe(true);
        }
      }
      // Nothing gone: each record is still there, set aside in quarantine, or (finds, v3) became a proposal.
      const quarantined = (all.quarantine ?? []).filter((q) => !q.kept);
      for (const [table, rows] of Object.entries(before)) {
        if (table === 'quarantine' || table === 'state') continue;
        const key = table === 'settings' || table === 'serviceLinks' ? 'key' : 'id';
        for (const row of rows) {
          const id = row[key];
          const kept = (all[table] ?? []).some((r) => r[key] === id);
          const aside = quarantined.some((q) => q.table === table && (q.record as Record<string, unknown>)[key] === id);
          const proposed =
            (table === 'subscriptions' || table === 'charges') &&
            row.confirmed !== true &&
            (all.detections ?? []).some(
              (d) => (d.proposal as { type?: string } | undefined)?.type === 'new' && d.status === 'pending',
            );
          const foundCharge =
            table === 'charges' &&
            before.subscriptions?.some((s) => s.id === row.subscriptionId && s.confirmed === false);
          expect(kept || aside || proposed || foundCharge, `${table} ${String(id)}`).toBe(true);
        }
      }
      // The quarantine entries from before are kept.
      for (const q of before.quarantine ?? []) {
        expect(all.quarantine?.some((x) => JSON.stringify(x.record) === JSON.stringify(q.record))).toBe(true);
      }
      // No control character in any stored string, and every link as its normalised href.
      for (const [table, rows] of Object.entries(all)) {
        if (table === 'quarantine') continue;
        for (const [at, s] of strings(rows)) {
          expect(/[\u0000-\u0009\u000b-\u001f\u007f]/.test(s) && !at.endsWith('.notes'), `${table}${at}`).toBe(false);
          if (/^https?:/i.test(s)) expect(s, `${table}${at}`).toBe(new URL(s).href);
        }
      }
      db.close();
    });
  }

  it(`the newest example (v${LATEST_VERSION}) is valid by today’s schema as it is`, () => {
    // If this fails, lib/model changed what a stored record may be: add a migration (and a saved example for it).
    const tables = example(LATEST_VERSION).tables;
    for (const [table, rule] of Object.entries(CURRENT_RULES)) {
      for (const row of tables[table] ?? []) {
        const value = rule.valueIn ? rule.valueIn(row) : row;
        const r = rule.schema.safeParse(value);
        expect(r.success, `${table} ${JSON.stringify(row).slice(0, 160)}`).toBe(true);
        if (r.success) expect(r.data, `${table} unchanged by parsing`).toEqual(value);
      }
    }
  });
});

describe('what the upgrades do to the saved examples', () => {
  it('v2: finds become proposals; a link with CR/LF is dropped, noted, and the rest of its record kept', async () => {
    const { db, all } = await upgraded(2);
    expect(all.subscriptions?.map((s) => s.id).sort()).toEqual(['s-badtrial', 's-evil', 's-netflix', 's-upper']);
    const evil = await db.subscriptions.get('s-evil');
    expect(evil?.links).toEqual({ manage: { url: 'https://evil.example/account', source: 'user' } });
    const notes = await db.quarantine.where('table').equals('subscriptions').toArray();
    expect(notes.find((q) => (q.record as { id: string }).id === 's-evil')).toMatchObject({
      kept: true,
      dropped: ['links.cancel'],
      version: 2,
      at: '2026-06-01T08:00:00.000Z',
    });
    expect(notes.find((q) => (q.record as { id: string }).id === 's-evil')?.reason).toMatch(/control characters/);
    // A wrong optional date is dropped, the subscription kept; a negative price cannot be: set aside whole.
    expect((await db.subscriptions.get('s-badtrial'))?.trialEnd).toBeUndefined();
    expect(notes.find((q) => (q.record as { id: string }).id === 's-bad')).toMatchObject({ table: 'subscriptions' });
    expect(notes.find((q) => (q.record as { id: string }).id === 's-bad')?.kept).toBeUndefined();
    // Links normalised where they are stored: a subscription's, a service's seen links.
    expect((await db.subscriptions.get('s-upper'))?.links.manage?.url).toBe(
      'https://www.storytel.com/no/account%20settings',
    );
    expect((await db.serviceLinks.get('netflix'))?.links.cancel?.url).toBe('https://www.netflix.com/cancelplan');
    expect(await db.serviceLinks.get('evil.example')).toMatchObject({ links: {} });
    // The charge with a CR/LF source link keeps its amount and date.
    expect(await db.charges.get('c-evil')).toMatchObject({ amountMinor: 15900, date: '2026-02-28' });
    expect((await db.charges.get('c-evil'))?.sourceUrl).toBeUndefined();
    // The find is a pending proposal now, with its charge.
    const pending = await db.detections.where('status').equals('pending').toArray();
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      id: 'd-found',
      proposal: { type: 'new', subscription: { service: 'Viaplay' }, charges: [{ date: '2026-05-01' }] },
    });
    // Settings, members, history: as they were.
    expect((await db.settings.get('settings'))?.value).toMatchObject({ baseCurrency: 'SEK', language: 'sv' });
    expect((await db.subscriptions.get('s-upper'))?.statusHistory).toHaveLength(2);
    expect(await db.members.count()).toBe(2);
    db.close();
  });

  it('v3: a link with a line break inside a pending proposal’s page data is dropped, the proposal kept', async () => {
    const { db } = await upgraded(3);
    const update = await db.detections.get('d-update');
    expect(update?.proposal).toMatchObject({ type: 'update', changes: { amountMinor: 19900 } });
    expect(update?.result.links).toEqual({});
    const note = (await db.quarantine.toArray()).find((q) => (q.record as { id: string }).id === 'd-update');
    expect(note).toMatchObject({ table: 'detections', kept: true, dropped: ['result.links.cancel'], version: 3 });
    db.close();
  });
});
