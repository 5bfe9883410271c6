/**
 * Household sync in real Chromium (Debian's), two browser profiles and pouchdb-server. Prints numbers; asserts
 * nothing.   npm run build:e2e && npx tsx bench/sync.ts   (SYNC_SUBS, SYNC_CHARGES: the household's size)
 * 1. Create: capture every record, seal it and push it (500 subscriptions, 5,000 charges by default).
 * 2. Join from a second browser: pull everything, open and apply it in Dexie.
 * 3. One edit there and back: a run on the editing browser, then a run on the other (no live pull here).
 * 4. A run with nothing to do (the check for local changes, a pull that brings nothing, a push of nothing).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemo } from '../scripts/demo';
import { startCouch } from '../tests/couch-server';
import { EXTENSION_DIR, launchExtension } from '../tests/e2e/harness';

const SUBS = Number(process.env.SYNC_SUBS ?? 500);
const CHARGES = Number(process.env.SYNC_CHARGES ?? 5000);

type Hooks = {
  subkeeper: {
    db: Record<
      string,
      {
        bulkPut(x: unknown[]): Promise<unknown>;
        count(): Promise<number>;
        update(id: string, c: unknown): Promise<unknown>;
      }
    >;
    sync: {
      create(i: unknown): Promise<void>;
      invite(i: unknown): Promise<{ code: string; passcode: string }>;
      join(c: string, p: string): Promise<void>;
      run(): Promise<{ state: string }>;
      localEdits(): Promise<number>;
      timings(): Record<string, number>;
    };
  };
};

const couch = await startCouch();
const dir = await mkdtemp(path.join(tmpdir(), 'subkeeper-bench-sync-'));
cpSync(EXTENSION_DIR, dir, { recursive: true });
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
manifest.host_permissions = [`${new URL(couch.url).origin}/*`];
writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
const anna = await launchExtension({ extensionDir: dir });
const ola = await launchExtension({ extensionDir: dir });
try {
  const today = new Date().toISOString().slice(0, 10);
  const demo = generateDemo({ subscriptions: SUBS, charges: CHARGES, today });
  await anna.sw.evaluate(async (b) => {
    const db = (globalThis as unknown as Hooks).subkeeper.db;
    await db.subscriptions!.bulkPut(b.subscriptions);
    await db.charges!.bulkPut(b.charges);
    await db.priceChanges!.bulkPut(b.priceChanges);
    await db.members!.bulkPut(b.members);
  }, demo);
  const timed = async <T>(f: () => Promise<T>) => {
    const t = performance.now();
    const value = await f();
    return { ms: performance.now() - t, value };
  };
  const create = await timed(() =>
    anna.sw.evaluate(
      ([url, admin]) =>
        (globalThis as unknown as Hooks).subkeeper.sync.create({
          server: url,
          database: 'bench',
          admin,
          memberName: 'Anna',
        }),
      [couch.url, couch.admin] as const,
    ),
  );
  const docs = demo.subscriptions.length + demo.charges.length + demo.priceChanges.length + demo.members.length;
  console.log(
    '  status after create:',
    await anna.sw.evaluate(() =>
      JSON.stringify((globalThis as unknown as { subkeeper: { sync: { status(): unknown } } }).subkeeper.sync.status()),
    ),
  );
  const phases = (b: typeof anna) =>
    b.sw.evaluate(() => JSON.stringify((globalThis as unknown as Hooks).subkeeper.sync.timings()));
  console.log(
    `create, capture and push ${docs} records: ${(create.ms / 1000).toFixed(1)} s; last run's phases (ms): ${await phases(anna)}`,
  );
  await anna.sw.evaluate(() => (globalThis as unknown as Hooks).subkeeper.sync.run());
  console.log(`  the run after: ${await phases(anna)}`);
  const invite = await anna.sw.evaluate(() =>
    (globalThis as unknown as Hooks).subkeeper.sync.invite({ memberName: 'Ola' }),
  );
  const join = await timed(() =>
    ola.sw.evaluate(([c, p]) => (globalThis as unknown as Hooks).subkeeper.sync.join(c, p), [
      invite.code,
      invite.passcode,
    ] as const),
  );
  console.log(`  joining (ms): ${await phases(ola)}`);
  const got = await ola.sw.evaluate(() => (globalThis as unknown as Hooks).subkeeper.db.charges!.count());
  console.log(
    `join: pull, open and apply (${got} charges arrived): ${(join.ms / 1000).toFixed(1)} s; the run after joining (ms): ${await phases(ola)}`,
  );
  const idle = [];
  for (let i = 0; i < 5; i++)
    idle.push((await timed(() => anna.sw.evaluate(() => (globalThis as unknown as Hooks).subkeeper.sync.run()))).ms);
  const scan = [];
  for (let i = 0; i < 5; i++)
    scan.push(
      (await timed(() => anna.sw.evaluate(() => (globalThis as unknown as Hooks).subkeeper.sync.localEdits()))).ms,
    );
  const id = demo.subscriptions[0]!.id;
  const trip = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await anna.sw.evaluate(
      async ([sid, n]) => {
        const h = (globalThis as unknown as Hooks).subkeeper;
        await h.db.subscriptions!.update(sid, { notes: `edit ${n}` });
        await h.sync.run();
      },
      [id, i] as const,
    );
    await ola.sw.evaluate(() => (globalThis as unknown as Hooks).subkeeper.sync.run());
    trip.push(performance.now() - t);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`a run with nothing to do: ${med(idle).toFixed(0)} ms (median of 5); phases (ms): ${await phases(anna)}`);
  console.log(`checking for local changes (every shared record against its shadow): ${med(scan).toFixed(0)} ms`);
  console.log(`one edit there and back (a run on each browser): ${med(trip).toFixed(0)} ms (median of 5)`);
} finally {
  await anna.close();
  await ola.close();
  await couch.stop();
  await rm(dir, { recursive: true, force: true });
}
