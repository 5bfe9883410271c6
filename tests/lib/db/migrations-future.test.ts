import { readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SubkeeperDb } from '../../../lib/db';
import { MIGRATIONS, type Migration } from '../../../lib/db/migrations';

/**
 * Issue 15, item 6: each migration validated against TODAY's schema, so the next schema change would have set
 * aside old data upgrading through v2 before the new migration could convert it. Here "today" is a future
 * version whose schema requires a new field that its own migration (v5) fills in: data from version 1 must come
 * through every step and end up valid, not quarantined.
 */
vi.mock('../../../lib/model', async (importOriginal) => {
  const model = await importOriginal<typeof import('../../../lib/model')>();
  const { z } = await import('zod');
  return { ...model, Subscription: model.Subscription.extend({ colour: z.string().regex(/^#[0-9a-f]{6}$/) }) };
});

const v5: Migration = {
  version: 5,
  stores: MIGRATIONS[MIGRATIONS.length - 1]!.stores,
  async upgrade(tx) {
    await tx
      .table('subscriptions')
      .toCollection()
      .modify((s: Record<string, unknown>) => {
        s.colour = '#336699';
      });
  },
};

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('a future schema change', () => {
  it('does not set aside data upgrading from version 1 through version 2', async () => {
    const name = `future-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const v1 = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/db/v1.json'), 'utf8'));
    const old = new SubkeeperDb(name, { upToVersion: 1 });
    await old.open();
    for (const [table, rows] of Object.entries(v1.tables)) await old.table(table).bulkPut(rows as never[]);
    old.close();

    const db = new SubkeeperDb(name, { migrations: [...MIGRATIONS, v5] });
    await db.open();
    expect(db.verno).toBe(5);
    const subs = (await db.subscriptions.toArray()) as Array<{ id: string; colour?: string }>;
    expect(subs.map((s) => [s.id, s.colour])).toEqual([['s-netflix', '#336699']]);
    // The unconfirmed find became a proposal in version 3.
    const pending = await db.detections.where('status').equals('pending').toArray();
    expect(pending.map((d) => d.proposal?.type === 'new' && d.proposal.subscription.service)).toEqual(['Storytel']);
    // Only the one that is wrong by any schema is set aside.
    const aside = (await db.quarantine.toArray()).filter((q) => !q.kept);
    expect(aside.map((q) => (q.record as { id: string }).id)).toEqual(['s-broken']);
    db.close();
  });
});
