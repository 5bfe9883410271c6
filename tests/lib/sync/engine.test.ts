// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SubkeeperDb, saveSubscription } from '../../../lib/db';
import { HouseholdConfig } from '../../../lib/sync/config';
import { sealInvite } from '../../../lib/sync/crypto';
import { createEngine, type SyncEngine } from '../../../lib/sync/engine';
import { SyncError } from '../../../lib/sync/errors';
import { SyncDb } from '../../../lib/sync/local-db';
import { openLocal, type Pouch } from '../../../lib/sync/pouch';
import type { SyncStatus } from '../../../lib/sync/status';
import { type CouchServer, startCouch } from '../../couch-server';
import { sub } from '../../helpers';

// Node 20 has no navigator; PouchDB's IndexedDB adapter reads navigator.userAgent.
(globalThis as { navigator?: unknown }).navigator ??= { userAgent: 'Node' };

let couch: CouchServer;
beforeAll(async () => {
  couch = await startCouch();
}, 60_000);
afterAll(() => couch?.stop());

const T0 = Date.UTC(2026, 11, 6, 9, 0, 0);
const uid = () => Math.random().toString(36).slice(2, 10);

interface Browser {
  db: SubkeeperDb;
  sync: SyncDb;
  engine: SyncEngine;
  clock: { ms: number };
  statuses: SyncStatus[];
  requests: string[];
}

const open: Browser[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) {
    await b.engine.close();
    b.db.close();
    b.sync.close();
    await Dexie.delete(b.db.name);
    await Dexie.delete(b.sync.name);
  }
});

/** Set to make the next replica write of any browser fail as a full disk does. */
let failNextWrite = false;
function replicaWithFullDisk(name: string): Pouch {
  const replica = openLocal(name);
  const bulkDocs = replica.bulkDocs.bind(replica);
  replica.bulkDocs = (...args) => {
    if (!failNextWrite) return bulkDocs(...args);
    failNextWrite = false;
    return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
  };
  return replica;
}

function browser(label = 'Chrome'): Browser {
  const clock = { ms: T0 };
  const statuses: SyncStatus[] = [];
  const requests: string[] = [];
  const db = new SubkeeperDb(`data-${uid()}`);
  const sync = new SyncDb(`sync-${uid()}`);
  const engine = createEngine({
    db,
    sync,
    now: () => new Date(clock.ms),
    label,
    namespace: `${uid()}-`,
    openReplica: replicaWithFullDisk,
    fetch: (input, init) => {
      requests.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return fetch(input, init);
    },
    onStatus: (s) => statuses.push(s),
  });
  const b = { db, sync, engine, clock, statuses, requests };
  open.push(b);
  return b;
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof SyncError ? e.code : `other: ${String(e)}`;
  }
}

async function config(b: Browser) {
  return HouseholdConfig.parse((await b.sync.config.get('household'))?.value);
}

async function rawDocs(database: string) {
  const r = await couch.asAdmin(`/${database}/_all_docs?include_docs=true`);
  const json = (await r.json()) as { rows: Array<{ id: string; doc: Record<string, unknown> }> };
  return json.rows.filter((row) => !row.id.startsWith('_')).map((row) => row.doc);
}

/** A household of Anna (managing) and Ola (invited), each with one subscription of their own. */
async function household(database = `hh${uid()}`) {
  const anna = browser('Chrome');
  await anna.db.subscriptions.put(sub({ id: 'anna-netflix', service: 'Netflix', amountMinor: 17900 }));
  await anna.engine.create({
    server: couch.url,
    database,
    admin: couch.admin,
    memberName: 'Anna',
    householdName: 'Berg',
  });
  expect(anna.engine.status()).toMatchObject({ state: 'ok', pending: 0 });
  const ola = browser('Firefox');
  await ola.db.subscriptions.put(sub({ id: 'ola-viaplay', service: 'Viaplay', amountMinor: 44900 }));
  const invite = await anna.engine.invite({ memberName: 'Ola', memberColor: '#e69f00' });
  await ola.engine.join(invite.code, invite.passcode);
  expect(ola.engine.status().state).toBe('ok');
  await anna.engine.run();
  return { anna, ola, database, invite };
}

describe('sync engine against pouchdb-server', () => {
  it('creates a household, invites a member, and both see each other’s subscriptions', async () => {
    const { anna, ola, database, invite } = await household();
    const ids = async (b: Browser) => (await b.db.subscriptions.toArray()).map((s) => s.id).sort();
    expect(await ids(anna)).toEqual(['anna-netflix', 'ola-viaplay']);
    expect(await ids(ola)).toEqual(['anna-netflix', 'ola-viaplay']);
    expect((await ola.db.members.toArray()).map((m) => m.name).sort()).toEqual(['Anna', 'Ola']);

    // An edit on one side arrives on the other.
    ola.clock.ms = T0 + 60_000;
    await saveSubscription(ola.db, { id: 'anna-netflix', amountMinor: 19900 }, new Date(ola.clock.ms).toISOString());
    await ola.engine.run();
    await anna.engine.run();
    expect((await anna.db.subscriptions.get('anna-netflix'))?.amountMinor).toBe(19900);

    // Members with their browsers.
    const view = await anna.engine.overview();
    const olaId = (await config(ola)).memberId;
    expect(view.devices[olaId]).toEqual([expect.objectContaining({ label: 'Firefox', status: 'active', self: false })]);
    expect(view.devices[(await config(anna)).memberId]).toEqual([
      expect.objectContaining({ label: 'Chrome', status: 'active', self: true, manager: true }),
    ]);

    // The server holds ids, revisions and ciphertext only.
    const docs = await rawDocs(database);
    expect(docs.length).toBeGreaterThanOrEqual(7);
    for (const doc of docs) {
      expect(Object.keys(doc).sort()).toEqual(['_id', '_rev', 'ct', 'e', 'iv', 'v']);
      // Plain text neither beside the ciphertext nor inside it (the ciphertext is compared as bytes: its base64
      // text is random letters, and a short name such as "Ola" turns up in it by chance about once in 100 runs).
      const { ct, ...rest } = doc as { ct: string };
      const sealed = Buffer.from(ct, 'base64url');
      for (const secret of ['Netflix', 'Viaplay', '17900', '19900', 'Anna', 'Ola', 'Berg', 'Firefox', 'anna-netflix']) {
        expect(JSON.stringify(rest)).not.toContain(secret);
        expect(sealed.includes(Buffer.from(secret, 'utf8'))).toBe(false);
      }
      expect(ct).toMatch(/^[A-Za-z0-9_-]+$/);
    }

    // The invite worked once: its login changed on joining.
    const carol = browser();
    expect(await code(carol.engine.join(invite.code, invite.passcode))).toBe('invite-used');
    expect(await code(carol.engine.join(invite.code, 'AAAA-AAAA'))).toBe('bad-passcode');
    expect(await code(carol.engine.join('SK1.nonsense', invite.passcode))).toBe('bad-invite');
    expect(await carol.engine.configured()).toBe(false);

    // Every request went to the household's server.
    for (const b of [anna, ola, carol])
      for (const url of b.requests) expect(url.startsWith(`${couch.url}/`)).toBe(true);
  });

  it('refuses to create over an existing database, with a login that is not an admin, or over plain http elsewhere', async () => {
    const { database } = await household();
    const b = browser();
    expect(await code(b.engine.create({ server: couch.url, database, admin: couch.admin, memberName: 'X' }))).toBe(
      'exists',
    );
    expect(
      await code(
        b.engine.create({
          server: couch.url,
          database: 'fresh',
          admin: { username: 'admin', password: 'nope' },
          memberName: 'X',
        }),
      ),
    ).toBe('unauthorized');
    expect(
      await code(
        b.engine.create({ server: 'http://couch.example.com', database: 'x', admin: couch.admin, memberName: 'X' }),
      ),
    ).toBe('insecure-url');
    expect(
      await code(b.engine.create({ server: couch.url, database: 'Bad Name', admin: couch.admin, memberName: 'X' })),
    ).toBe('bad-database');
    expect(await b.engine.configured()).toBe(false);
  });

  it('words a rejected login, a missing database and an unreachable server, and keeps local changes', async () => {
    const { anna, database } = await household();
    const cfg = await config(anna);

    await anna.sync.config.put({ key: 'household', value: { ...cfg, password: 'wrong' } });
    await anna.db.subscriptions.put(sub({ id: 'offline-1' }));
    expect((await anna.engine.run()).error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(anna.engine.status().pending).toBeGreaterThan(0);

    await anna.sync.config.put({ key: 'household', value: { ...cfg, server: 'http://127.0.0.1:9' } });
    expect((await anna.engine.run()).error?.code).toBe('offline');

    await anna.sync.config.put({ key: 'household', value: cfg });
    await couch.asAdmin(`/${database}`, { method: 'DELETE' });
    expect((await anna.engine.run()).error).toMatchObject({ code: 'not-found' });
    // Nothing was lost locally.
    expect(await anna.db.subscriptions.get('offline-1')).toBeDefined();
  });

  it('words a server that answers garbage or forbids access', async () => {
    const { anna } = await household();
    const cfg = await config(anna);
    let mode: 'html' | 'forbidden' | 'json-garbage' = 'html';
    const fake: Server = createServer((req, res) => {
      if (mode === 'html') res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Router login</html>');
      else if (mode === 'forbidden')
        res.writeHead(403, { 'content-type': 'application/json' }).end('{"error":"forbidden","reason":"no"}');
      else
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(req.url?.includes('_changes') ? '{"nope":1}' : '[1,2]');
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
    await anna.sync.config.put({ key: 'household', value: { ...cfg, server: url } });
    expect((await anna.engine.run()).error?.code).toBe('garbage');
    mode = 'forbidden';
    expect((await anna.engine.run()).error).toMatchObject({ code: 'forbidden', status: 403 });
    mode = 'json-garbage';
    expect((await anna.engine.run()).error?.code).toBe('garbage');
    await new Promise((r) => fake.close(r));
  });

  it('words a full storage, loses nothing, and sends it once there is room', async () => {
    const { anna, ola } = await household();
    failNextWrite = true;
    await anna.db.subscriptions.put(sub({ id: 'quota-1', service: 'Storytel' }));
    expect((await anna.engine.run()).error?.code).toBe('quota');
    expect(failNextWrite).toBe(false);
    expect(await anna.db.subscriptions.get('quota-1')).toBeDefined();
    expect((await anna.engine.run()).state).toBe('ok');
    await ola.engine.run();
    expect(await ola.db.subscriptions.get('quota-1')).toBeDefined();
  });

  it('names the member whose browser’s clock is far ahead', async () => {
    const { anna, ola } = await household();
    ola.clock.ms = T0 + 3 * 3600_000;
    await saveSubscription(ola.db, { id: 'anna-netflix', amountMinor: 1 }, new Date(ola.clock.ms).toISOString());
    await ola.engine.run();
    const status = await anna.engine.run();
    expect(status.skews).toEqual([{ memberId: (await config(ola)).memberId, name: 'Ola', aheadMs: 3 * 3600_000 }]);
  });

  it('refuses to join with a key that does not open the household, instead of setting every document aside', async () => {
    const { anna } = await household();
    const invite = await anna.engine.invite({ memberName: 'Eve' });
    const payload = await anna.engine.readInvite(invite.code, invite.passcode);
    // The same invite with another key (a damaged or forged code).
    const forged = await sealInvite({ ...payload, key: 'A'.repeat(43) }, invite.passcode);
    const eve = browser();
    expect(await code(eve.engine.join(forged, invite.passcode))).toBe('wrong-key');
    expect(await eve.engine.configured()).toBe(false);
    expect(await eve.sync.quarantine.count()).toBe(0);
  });

  it('sets aside what was altered on the server once it has opened the household, and goes on', async () => {
    const { anna, ola, database } = await household();
    for (const doc of await rawDocs(database)) {
      const ct = String(doc.ct);
      const altered = { ...doc, ct: `${ct.slice(0, 20)}${ct[20] === 'A' ? 'B' : 'A'}${ct.slice(21)}` };
      await couch.asAdmin(`/${database}/${doc._id}`, { method: 'PUT', body: JSON.stringify(altered) });
    }
    const before = await ola.db.subscriptions.toArray();
    const status = await ola.engine.run();
    expect(status.state).toBe('ok');
    expect(status.quarantined).toBeGreaterThanOrEqual(7);
    expect(await ola.db.subscriptions.toArray()).toEqual(before);
    // A change made now is written over the altered revisions, and reaches the others.
    await saveSubscription(ola.db, { id: 'anna-netflix', amountMinor: 4200 }, new Date(T0 + 1000).toISOString());
    await ola.engine.run();
    await anna.engine.run();
    expect((await anna.db.subscriptions.get('anna-netflix'))?.amountMinor).toBe(4200);
  });

  it('removes a member: new key and database, their login gone, the others move on', async () => {
    const { anna, ola, database } = await household();
    const carol = browser('Edge');
    const inv = await anna.engine.invite({ memberName: 'Carol' });
    await carol.engine.join(inv.code, inv.passcode);
    await anna.engine.run();
    await ola.engine.run();
    const olaCfg = await config(ola);

    await anna.engine.removeMember(olaCfg.memberId);
    const annaCfg = await config(anna);
    expect(annaCfg.epoch).toBe(2);
    expect(annaCfg.database).toBe(`${database}-k2`);
    expect(annaCfg.key).not.toBe(olaCfg.key);

    // Ola's login no longer opens either database.
    const olaAuth = { authorization: `Basic ${Buffer.from(`${olaCfg.user}:${olaCfg.password}`).toString('base64')}` };
    expect((await fetch(`${couch.url}/${database}-k2`, { headers: olaAuth })).status).toBe(401);
    expect((await fetch(`${couch.url}/${database}`, { headers: olaAuth })).status).toBe(401);
    const olaStatus = await ola.engine.run();
    expect(olaStatus.state).toBe('error');
    expect(olaStatus.error?.code).toBe('unauthorized');
    // Ola keeps what she had.
    expect(await ola.db.subscriptions.count()).toBe(2);

    // Carol follows the rotation (the new key was sealed for her browser) and keeps syncing.
    await anna.db.subscriptions.put(sub({ id: 'after-rotation', service: 'Storytel' }));
    await anna.engine.run();
    expect((await carol.engine.run()).state).toBe('ok');
    expect((await config(carol)).epoch).toBe(2);
    expect(await carol.db.subscriptions.get('after-rotation')).toBeDefined();
    // Re-encrypted: nothing on the new database opens with the old key; the old database goes once all moved.
    await anna.engine.run();
    expect((await couch.asAdmin(`/${database}`)).status).toBe(404);
    const view = await anna.engine.overview();
    expect(view.devices[olaCfg.memberId]?.map((d) => d.status)).toEqual(['removed']);
  });

  it('a member who leaves loses access once the managing browser syncs', async () => {
    const { anna, ola, database } = await household();
    const olaCfg = await config(ola);
    await ola.engine.leave();
    expect(await ola.engine.configured()).toBe(false);
    expect(await ola.db.subscriptions.count()).toBe(2);
    await anna.engine.run();
    expect((await config(anna)).epoch).toBe(2);
    const olaAuth = { authorization: `Basic ${Buffer.from(`${olaCfg.user}:${olaCfg.password}`).toString('base64')}` };
    expect((await fetch(`${couch.url}/${database}-k2`, { headers: olaAuth })).status).toBe(401);
  });

  it('the last browser leaving deletes the household from the server', async () => {
    const anna = browser();
    const database = `solo${uid()}`;
    await anna.engine.create({ server: couch.url, database, admin: couch.admin, memberName: 'Anna' });
    expect((await couch.asAdmin(`/${database}`)).status).toBe(200);
    await anna.engine.leave();
    expect((await couch.asAdmin(`/${database}`)).status).toBe(404);
  });
});
