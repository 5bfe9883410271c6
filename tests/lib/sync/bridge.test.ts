import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveMember, saveSubscription } from '../../../lib/db';
import { canonical } from '../../../lib/io/canonical';
import {
  applyReplicaChanges,
  captureLocalChanges,
  findLocalEdits,
  readAttribution,
  recoverJournal,
  sealPayload,
} from '../../../lib/sync/bridge';
import { docIdFor, sealDoc } from '../../../lib/sync/crypto';
import { formatStamp } from '../../../lib/sync/hlc';
import { stampLocalEdit } from '../../../lib/sync/merge';
import { type Pouch, pouchdb } from '../../../lib/sync/pouch';
import { sub } from '../../helpers';
import { device, replicate, T0, type TestDevice, testKeys, testServer } from './helpers';

let server: Pouch;
let anna: TestDevice;
let ola: TestDevice;

beforeEach(async () => {
  const keys = await testKeys();
  server = testServer();
  anna = device('anna', keys);
  ola = device('ola', keys);
});
afterEach(async () => {
  await anna.drop();
  await ola.drop();
  await server.destroy();
});

/** One sync run of a device: capture, push + pull, apply. */
async function sync(d: TestDevice) {
  await captureLocalChanges(d);
  await replicate(d.replica, server);
  const r = await applyReplicaChanges(d);
  // Merged conflicts go straight back, as the engine does.
  if (r.conflictsResolved > 0) await pouchdb().replicate(d.replica, server);
  return r;
}

async function serverDocs() {
  const all = await server.allDocs({ include_docs: true });
  return all.rows.filter((r) => !r.id.startsWith('_')).map((r) => r.doc!);
}

describe('bridge', () => {
  it('brings a subscription added by one member to the other, with who added it', async () => {
    await anna.db.subscriptions.put(sub({ id: 's-netflix', service: 'Netflix', amountMinor: 17900 }));
    await sync(anna);
    const result = await sync(ola);
    expect(result.applied).toBe(1);
    expect([...result.tables]).toEqual(['subscriptions']);
    const got = await ola.db.subscriptions.get('s-netflix');
    expect(got).toEqual(await anna.db.subscriptions.get('s-netflix'));
    const who = await readAttribution(ola.sync, 'subscriptions');
    expect(who.get('s-netflix')).toMatchObject({
      createdBy: 'anna',
      changedBy: 'anna',
      changedAt: new Date(T0).toISOString(),
    });
    // Nothing left over to send, nothing changed by applying it.
    expect(await findLocalEdits(ola)).toEqual([]);
    expect((await sync(ola)).applied).toBe(0);
  });

  it('stores only ids, revisions and ciphertext on the server', async () => {
    await anna.db.subscriptions.put(
      sub({ id: 's-viaplay', service: 'Viaplay Total', amountMinor: 44900, notes: 'Ola’s football' }),
    );
    await saveMember(anna.db, { id: 'm-anna', name: 'Anna Berg', color: '#3366cc' });
    await sync(anna);
    const docs = await serverDocs();
    expect(docs).toHaveLength(2);
    for (const doc of docs) {
      expect(Object.keys(doc).sort()).toEqual(['_id', '_rev', 'ct', 'e', 'iv', 'v']);
      const text = JSON.stringify(doc);
      for (const secret of [
        'Viaplay',
        '44900',
        'football',
        'Anna',
        's-viaplay',
        'm-anna',
        'subscriptions',
        'members',
      ]) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it('merges edits of different fields made on both sides while one was offline', async () => {
    await anna.db.subscriptions.put(sub({ id: 's1', service: 'Spotify', amountMinor: 11900, paymentMethod: 'Visa' }));
    await sync(anna);
    await sync(ola);
    // Ola goes offline and edits the price; Anna edits the payment method and syncs.
    ola.clock.ms = T0 + 60_000;
    await saveSubscription(ola.db, { id: 's1', amountMinor: 12900 }, new Date(ola.clock.ms).toISOString());
    await captureLocalChanges(ola); // offline: only into the local replica
    anna.clock.ms = T0 + 120_000;
    await saveSubscription(anna.db, { id: 's1', paymentMethod: 'Mastercard' }, new Date(anna.clock.ms).toISOString());
    await sync(anna);
    // Ola comes back online.
    const back = await sync(ola);
    expect(back.conflictsResolved).toBeGreaterThanOrEqual(1);
    await sync(anna);
    const a = await anna.db.subscriptions.get('s1');
    const o = await ola.db.subscriptions.get('s1');
    expect(a).toEqual(o);
    expect(a).toMatchObject({ amountMinor: 12900, paymentMethod: 'Mastercard' });
    // updatedAt is a field like the others: the later change's.
    expect(a?.updatedAt).toBe(new Date(T0 + 120_000).toISOString());
    // CouchDB's losing revision was folded in and removed: one revision left everywhere.
    const docId = await docIdFor(anna.keys, 'subscriptions', 's1');
    expect((await server.get(docId, { conflicts: true }))._conflicts ?? []).toEqual([]);
    expect((await anna.replica.get(docId))._rev).toBe((await server.get(docId))._rev);
  });

  it('gives the same field to the later change when both edit it, and respects what each had seen', async () => {
    await anna.db.subscriptions.put(sub({ id: 's1', amountMinor: 100 }));
    await sync(anna);
    await sync(ola);
    // Concurrent edits: Ola's is later by the clock.
    anna.clock.ms = T0 + 10_000;
    ola.clock.ms = T0 + 20_000;
    await saveSubscription(anna.db, { id: 's1', amountMinor: 200 }, new Date(anna.clock.ms).toISOString());
    await saveSubscription(ola.db, { id: 's1', amountMinor: 300 }, new Date(ola.clock.ms).toISOString());
    await sync(anna);
    await sync(ola);
    await sync(anna);
    expect((await anna.db.subscriptions.get('s1'))?.amountMinor).toBe(300);
    expect((await ola.db.subscriptions.get('s1'))?.amountMinor).toBe(300);
    // Anna's clock is now an hour behind; she has seen 300 and changes it: hers must win.
    anna.clock.ms = T0 - 3600_000;
    await saveSubscription(anna.db, { id: 's1', amountMinor: 400 }, new Date(T0).toISOString());
    await sync(anna);
    await sync(ola);
    expect((await ola.db.subscriptions.get('s1'))?.amountMinor).toBe(400);
  });

  it('reports a member whose clock is far ahead', async () => {
    ola.clock.ms = T0 + 3 * 3600_000;
    await ola.db.subscriptions.put(sub({ id: 's1' }));
    await sync(ola);
    const r = await sync(anna);
    expect(r.skews).toEqual([{ memberId: 'ola', aheadMs: 3 * 3600_000 }]);
    // Anna's next change still comes after Ola's.
    await saveSubscription(anna.db, { id: 's1', amountMinor: 1 }, new Date(T0).toISOString());
    await sync(anna);
    await sync(ola);
    expect((await ola.db.subscriptions.get('s1'))?.amountMinor).toBe(1);
  });

  it('keeps both when two members add the same service', async () => {
    await anna.db.subscriptions.put(sub({ id: 'a-netflix', service: 'Netflix' }));
    await ola.db.subscriptions.put(sub({ id: 'o-netflix', service: 'Netflix' }));
    await sync(anna);
    await sync(ola);
    await sync(anna);
    expect((await anna.db.subscriptions.toArray()).map((s) => s.id).sort()).toEqual(['a-netflix', 'o-netflix']);
    expect((await ola.db.subscriptions.toArray()).map((s) => s.id).sort()).toEqual(['a-netflix', 'o-netflix']);
    const who = await readAttribution(ola.sync, 'subscriptions');
    expect(who.get('a-netflix')?.createdBy).toBe('anna');
    expect(who.get('o-netflix')?.createdBy).toBe('ola');
  });

  it('deletes everywhere, and an edit made after the deletion brings the record back', async () => {
    await anna.db.subscriptions.put(sub({ id: 's1' }));
    await anna.db.charges.put({
      id: 'c1',
      subscriptionId: 's1',
      date: '2026-11-05',
      amountMinor: 17900,
      currency: 'NOK',
      source: 'receipt',
    });
    await sync(anna);
    await sync(ola);
    expect(await ola.db.charges.get('c1')).toBeDefined();
    anna.clock.ms = T0 + 10_000;
    await anna.db.subscriptions.delete('s1');
    await anna.db.charges.delete('c1');
    await sync(anna);
    await sync(ola);
    expect(await ola.db.subscriptions.get('s1')).toBeUndefined();
    expect(await ola.db.charges.get('c1')).toBeUndefined();
    // Ola had not synced yet in another run: an edit after the deletion revives it.
    const c = device('ola', anna.keys);
    await c.db.subscriptions.put(sub({ id: 's2' }));
    await sync(c);
    await sync(anna);
    anna.clock.ms = T0 + 20_000;
    await anna.db.subscriptions.delete('s2');
    c.clock.ms = T0 + 30_000;
    await saveSubscription(c.db, { id: 's2', amountMinor: 999 }, new Date(c.clock.ms).toISOString());
    await sync(anna);
    await sync(c);
    await sync(anna);
    expect((await anna.db.subscriptions.get('s2'))?.amountMinor).toBe(999);
    await c.drop();
  });

  it('shares confirmed subscriptions only, with their charges, and dismissed proposals', async () => {
    await anna.db.subscriptions.put(sub({ id: 'unconfirmed', confirmed: false, source: 'detected' }));
    await anna.db.charges.put({
      id: 'c-u',
      subscriptionId: 'unconfirmed',
      date: '2026-11-05',
      amountMinor: 1,
      currency: 'NOK',
      source: 'receipt',
    });
    await anna.db.subscriptions.put(sub({ id: 'ok' }));
    await anna.db.priceChanges.put({
      id: 'p1',
      subscriptionId: 'ok',
      date: '2026-11-01',
      oldAmountMinor: 1,
      newAmountMinor: 2,
      currency: 'NOK',
    });
    await anna.db.state.put({ key: 'proposals.dismissed', value: ['ok:P1M:100'] });
    await anna.db.state.put({ key: 'reminders.fired', value: { x: 1 } });
    await anna.db.detections.put({
      id: 'd1',
      url: 'https://www.viaplay.no/takk',
      hostname: 'viaplay.no',
      seenAt: '2026-11-23T10:00:00.000Z',
      status: 'pending',
      result: { kind: 'signup', service: null, subscription: null, charges: [], links: {} },
    });
    await sync(anna);
    await sync(ola);
    expect((await ola.db.subscriptions.toArray()).map((s) => s.id)).toEqual(['ok']);
    expect(await ola.db.charges.count()).toBe(0);
    expect(await ola.db.priceChanges.get('p1')).toBeDefined();
    expect((await ola.db.state.get('proposals.dismissed'))?.value).toEqual(['ok:P1M:100']);
    expect(await ola.db.state.get('reminders.fired')).toBeUndefined();
    expect(await ola.db.detections.count()).toBe(0);
    // Accepting the detected subscription shares it, with its charge.
    await anna.db.subscriptions.update('unconfirmed', { confirmed: true });
    await sync(anna);
    await sync(ola);
    expect(await ola.db.charges.get('c-u')).toBeDefined();
  });

  it('sets aside a tampered document, one sealed with another key and an invalid record, and applies the rest', async () => {
    await anna.db.subscriptions.put(sub({ id: 'good' }));
    await anna.db.subscriptions.put(sub({ id: 'tampered' }));
    await sync(anna);
    // Someone with access to the server flips a bit of one document.
    const id = await docIdFor(anna.keys, 'subscriptions', 'tampered');
    const doc = await server.get(id);
    const ct = doc.ct as string;
    await server.bulkDocs([{ ...doc, ct: `${ct.slice(0, 10)}${ct[10] === 'A' ? 'B' : 'A'}${ct.slice(11)}` }]);
    // A document sealed with another key, and a valid seal of an invalid record (a negative amount).
    const other = await testKeys(new Uint8Array(32).fill(9));
    const foreign = await sealPayload(other, {
      t: 'subscriptions',
      id: 'foreign',
      s: stampLocalEdit(null, null, sub({ id: 'foreign' }), formatStamp(T0, 0, 'x'), 'eve'),
    });
    const bad = await sealPayload(anna.keys, {
      t: 'subscriptions',
      id: 'negative',
      s: stampLocalEdit(null, null, { ...sub({ id: 'negative' }), amountMinor: -5 }, formatStamp(T0, 0, 'x'), 'eve'),
    });
    await server.bulkDocs([
      { _id: foreign.docId, ...foreign.body },
      { _id: bad.docId, ...bad.body },
      { _id: 'garbage', hello: 'world' },
    ]);
    const r = await sync(ola);
    expect((await ola.db.subscriptions.toArray()).map((s) => s.id)).toEqual(['good']);
    expect(r.quarantined).toBe(4);
    const kept = await ola.sync.quarantine.toArray();
    expect(kept.map((q) => q.reason).sort()).toEqual(['altered', 'altered', 'invalid', 'unreadable']);
    expect(kept.find((q) => q.reason === 'invalid')?.detail).toContain('amountMinor');
    // A valid later revision of the tampered document replaces it and clears it from quarantine.
    await saveSubscription(anna.db, { id: 'tampered', amountMinor: 1 }, new Date(T0).toISOString());
    await sync(anna);
    await sync(ola);
    expect((await ola.db.subscriptions.get('tampered'))?.amountMinor).toBe(1);
    // The altered revision stays listed (the user should know), marked as replaced by a valid one.
    expect((await ola.sync.quarantine.where('docId').equals(id).toArray()).map((q) => q.superseded)).toEqual([true]);
  });

  it('keeps a local edit made between capture and apply', async () => {
    await anna.db.subscriptions.put(sub({ id: 's1', amountMinor: 100, paymentMethod: 'Visa' }));
    await sync(anna);
    await sync(ola);
    anna.clock.ms = T0 + 1000;
    await saveSubscription(anna.db, { id: 's1', amountMinor: 200 }, new Date(anna.clock.ms).toISOString());
    await sync(anna);
    // Ola captures (nothing), pulls Anna's change, and edits the payment method before it is applied.
    await captureLocalChanges(ola);
    await replicate(ola.replica, server);
    ola.clock.ms = T0 + 2000;
    await saveSubscription(ola.db, { id: 's1', paymentMethod: 'Klarna' }, new Date(ola.clock.ms).toISOString());
    await applyReplicaChanges(ola);
    expect(await ola.db.subscriptions.get('s1')).toMatchObject({ amountMinor: 200, paymentMethod: 'Klarna' });
    await sync(ola);
    await sync(anna);
    expect(await anna.db.subscriptions.get('s1')).toMatchObject({ amountMinor: 200, paymentMethod: 'Klarna' });
  });

  it('undoes the shadow of an apply whose Dexie write never committed', async () => {
    await anna.db.subscriptions.put(sub({ id: 's1', amountMinor: 100 }));
    await sync(anna);
    await sync(ola);
    const before = await ola.sync.seen.get('subscriptions:s1');
    // As if the worker stopped after writing the journal and `seen`, before the Dexie transaction.
    await ola.sync.journal.put({ key: 'subscriptions:s1', from: before!.json });
    await ola.sync.seen.put({ ...before!, json: canonical({ ...JSON.parse(before!.json!), amountMinor: 999 }) });
    expect(await recoverJournal(ola)).toBe(1);
    expect((await ola.sync.seen.get('subscriptions:s1'))?.json).toBe(before!.json);
    expect(await findLocalEdits(ola)).toEqual([]);
    // When the Dexie write did happen, the journal row is simply dropped.
    await ola.sync.journal.put({ key: 'subscriptions:s1', from: 'something else' });
    expect(await recoverJournal(ola)).toBe(0);
    expect(await ola.sync.journal.count()).toBe(0);
  });

  it('writes nothing to the server that it has not sealed, even for a document it cannot open', async () => {
    const keys = anna.keys;
    const id = await docIdFor(keys, 'subscriptions', 's1');
    await server.bulkDocs([{ _id: id, ...(await sealDoc(await testKeys(new Uint8Array(32).fill(1)), id, { x: 1 })) }]);
    await replicate(anna.replica, server);
    await anna.db.subscriptions.put(sub({ id: 's1' }));
    await sync(anna);
    await sync(ola);
    expect(await ola.db.subscriptions.get('s1')).toEqual(await anna.db.subscriptions.get('s1'));
    expect((await anna.sync.quarantine.toArray()).map((q) => [q.reason, q.superseded])).toEqual([['altered', true]]);
  });
});
