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
    // The unconfirmed find is a proposal now (version 3), with its trial.
    expect(await db.subscriptions.get('s-storytel')).toBeUndefined();
    const [find] = await db.detections.toArray();
    expect(find?.proposal).toMatchObject({
      type: 'new',
      subscription: { service: 'Storytel', trialEnd: '2025-12-15' },
    });
    // Charges and members come along untouched; the new compound index answers.
    expect(await db.charges.where('[subscriptionId+date]').equals(['s-netflix', '2025-12-31']).count()).toBe(1);
    expect(await db.members.count()).toBe(1);
    db.close();
  });

  it('keeps a record it cannot convert in quarantine instead of dropping it, and notes a part it dropped', async () => {
    const name = dbName();
    await seedV1(name);
    const db = new SubkeeperDb(name);
    await db.open();
    expect(await db.subscriptions.get('s-broken')).toBeUndefined();
    const q = await db.quarantine.toArray();
    expect(q).toHaveLength(2);
    const broken = q.find((e) => (e.record as { id: string }).id === 's-broken');
    expect(broken).toMatchObject({ table: 'subscriptions', version: 1 });
    expect(broken?.kept).toBeUndefined();
    expect(broken?.reason).toMatch(/minor units/);
    // The javascript: link is not carried over; the subscription is, and the dropped link is noted.
    const netflix = q.find((e) => (e.record as { id: string }).id === 's-netflix');
    expect(netflix).toMatchObject({ kept: true, dropped: ['links.manage'] });
    db.close();
  });

  it('turns finds a page stored as unconfirmed subscriptions into pending proposals (v3)', async () => {
    const name = dbName();
    const old = new SubkeeperDb(name, { upToVersion: 2 });
    await old.open();
    const stamp = '2026-10-01T10:00:00.000Z';
    const base = { category: 'video', period: 'P1M', status: 'active', statusHistory: [], links: {} };
    await old.table('subscriptions').bulkPut([
      {
        ...base,
        id: 'mine',
        service: 'Netflix',
        amountMinor: 17900,
        currency: 'NOK',
        billingAnchor: '2026-12-05',
        source: 'manual',
        confirmed: true,
        createdAt: stamp,
        updatedAt: stamp,
      },
      {
        ...base,
        id: 'found',
        service: 'Viaplay',
        domain: 'viaplay.no',
        amountMinor: 14900,
        currency: 'NOK',
        billingAnchor: '2026-12-23',
        source: 'detected',
        confirmed: false,
        createdAt: stamp,
        updatedAt: stamp,
        links: { cancel: { url: 'https://www.viaplay.no/konto/si-opp', source: 'page', seenAt: '2026-10-01' } },
      },
      {
        ...base,
        id: 'lonely',
        service: 'Storytel',
        domain: 'storytel.com',
        amountMinor: 22900,
        currency: 'NOK',
        billingAnchor: '2026-12-01',
        source: 'detected',
        confirmed: false,
        createdAt: stamp,
        updatedAt: stamp,
      },
    ]);
    await old.table('charges').bulkPut([
      { id: 'c1', subscriptionId: 'mine', date: '2026-11-05', amountMinor: 17900, currency: 'NOK', source: 'manual' },
      { id: 'c2', subscriptionId: 'found', date: '2026-10-23', amountMinor: 12900, currency: 'NOK', source: 'billing' },
      { id: 'c3', subscriptionId: 'found', date: '2026-11-23', amountMinor: 14900, currency: 'NOK', source: 'billing' },
    ]);
    await old.table('priceChanges').put({
      id: 'p1',
      subscriptionId: 'found',
      date: '2026-11-23',
      oldAmountMinor: 12900,
      newAmountMinor: 14900,
      currency: 'NOK',
    });
    await old.table('detections').put({
      id: 'd1',
      url: 'https://www.viaplay.no/takk',
      hostname: 'viaplay.no',
      seenAt: stamp,
      status: 'pending',
      subscriptionId: 'found',
      tabId: 4,
      result: {
        kind: 'confirmation',
        service: { name: 'Viaplay', domain: 'viaplay.no' },
        subscription: { amountMinor: 12900, currency: 'NOK', period: 'P1M' },
        charges: [],
        links: {},
      },
    });
    old.close();

    const db = new SubkeeperDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    // Only what the user has is a subscription; its charges are untouched.
    expect((await db.subscriptions.toArray()).map((s) => s.id)).toEqual(['mine']);
    expect((await db.charges.toArray()).map((c) => c.id)).toEqual(['c1']);
    expect(await db.priceChanges.count()).toBe(0);
    const pending = await db.detections.where('status').equals('pending').sortBy('hostname');
    expect(pending).toHaveLength(2);
    expect(pending[1]).toMatchObject({
      id: 'd1',
      tabId: 4,
      proposal: {
        type: 'new',
        subscription: {
          service: 'Viaplay',
          amountMinor: 14900,
          billingAnchor: '2026-12-23',
          links: { cancel: { url: 'https://www.viaplay.no/konto/si-opp', source: 'page' } },
        },
        charges: [
          { date: '2026-11-23', amountMinor: 14900, currency: 'NOK', source: 'billing' },
          { date: '2026-10-23', amountMinor: 12900, currency: 'NOK', source: 'billing' },
        ],
      },
    });
    expect(pending[1]?.subscriptionId).toBeUndefined();
    expect(pending[0]).toMatchObject({
      hostname: 'storytel.com',
      proposal: { type: 'new', subscription: { service: 'Storytel' } },
    });
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
