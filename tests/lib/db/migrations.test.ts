import { readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SubkeeperDb } from '../../../lib/db';
import { LATEST_VERSION, MIGRATIONS } from '../../../lib/db/migrations';
import { Subscription } from '../../../lib/model';

const example = (v: number) =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../fixtures/db/v${v}.json`), 'utf8')) as {
    tables: Record<string, Record<string, unknown>[]>;
  };

let names: string[] = [];
function dbName() {
  const n = `mig-${Math.random().toString(36).slice(2)}`;
  names.push(n);
  return n;
}
afterEach(async () => {
  for (const n of names) await Dexie.delete(n);
  names = [];
});

async function seedV1(name: string) {
  const old = new SubkeeperDb(name, { upToVersion: 1 });
  await old.open();
  expect(old.verno).toBe(1);
  for (const [table, rows] of Object.entries(example(1).tables)) await old.table(table).bulkPut(rows);
  old.close();
}

describe('database migrations', () => {
  it('has one migration per version, in order, ending at the latest', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('upgrades the saved v1 example to the latest schema, valid by the model', async () => {
    const name = dbName();
    await seedV1(name);
    const db = new SubkeeperDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    const netflix = await db.subscriptions.get('s-netflix');
    expect(Subscription.safeParse(netflix).success).toBe(true);
    expect(netflix?.billingAnchor).toBe('2026-01-31');
    expect(netflix?.links.cancel).toEqual({ url: 'https://www.netflix.com/cancelplan', source: 'user' });
    // The javascript: link is not carried over.
    expect(netflix?.links.manage).toBeUndefined();
    expect((await db.subscriptions.get('s-storytel'))?.trialEnd).toBe('2025-12-15');
    // Charges and members come along untouched; the new compound index answers.
    expect(await db.charges.where('[subscriptionId+date]').equals(['s-netflix', '2025-12-31']).count()).toBe(1);
    expect(await db.members.count()).toBe(1);
    db.close();
  });

  it('keeps a record it cannot convert in quarantine instead of dropping it', async () => {
    const name = dbName();
    await seedV1(name);
    const db = new SubkeeperDb(name);
    await db.open();
    expect(await db.subscriptions.get('s-broken')).toBeUndefined();
    const q = await db.quarantine.toArray();
    expect(q).toHaveLength(1);
    expect(q[0]?.record).toMatchObject({ id: 's-broken' });
    expect(q[0]?.reason).toMatch(/minor units/);
    db.close();
  });

  it('keeps the old data and version when an upgrade fails', async () => {
    const name = dbName();
    await seedV1(name);
    const failing = new Dexie(name);
    failing.version(1).stores(MIGRATIONS[0]!.stores);
    failing
      .version(2)
      .stores(MIGRATIONS[1]!.stores)
      .upgrade(async (tx) => {
        await tx.table('subscriptions').clear();
        throw new Error('disk full');
      });
    await expect(failing.open()).rejects.toThrow();
    failing.close();
    const again = new SubkeeperDb(name, { upToVersion: 1 });
    await again.open();
    expect(again.verno).toBe(1);
    expect(await again.table('subscriptions').count()).toBe(3);
    again.close();
  });
});
