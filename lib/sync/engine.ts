import { type SubkeeperDb, saveMember } from '../db';
import { fromBase64Url, toBase64Url } from './base64';
import {
  applyReplicaChanges,
  type BridgeCache,
  type BridgeContext,
  captureLocalChanges,
  findLocalEdits,
  type MetaChange,
  newBridgeCache,
  openPayload,
  sealPayload,
  writeMeta,
} from './bridge';
import { HouseholdConfig, type InvitePayload, nextDatabaseName, parseInvite, replicaName } from './config';
import {
  changeOwnPassword,
  checkAdmin,
  createDatabase,
  createUser,
  deleteDatabase,
  deleteUser,
  ensureUsersDatabase,
  isDatabaseName,
  type Login,
  normaliseServer,
  originPattern,
  probeDatabase,
  probeServer,
  type ServerFetch,
  serverFetch,
  setMembers,
} from './couch';
import {
  type DeviceKeyPair,
  deriveHouseholdKeys,
  docIdFor,
  type HouseholdKeys,
  newDeviceKeyPair,
  newHouseholdKey,
  newPasscode,
  openInvite,
  randomId,
  SealError,
  sealInvite,
  unwrapWith,
  wrapFor,
} from './crypto';
import { asSyncError, SyncError } from './errors';
import { Hlc, type HlcState } from './hlc';
import { getValue, type QuarantineRow, type SyncDb, setValue } from './local-db';
import { recordOf, stampLocalEdit } from './merge';
import type { Pouch, PouchDoc } from './pouch';
import { DeviceRecord, type RecordTable, RotationRecord } from './records';
import { OFF, type SyncStatus } from './status';

/**
 * The sync engine of one browser: household setup (create, invite, join, leave, remove, rotate), and sync runs
 * (capture local changes → pull → apply → push) over PouchDB replication with the household's CouchDB. It runs
 * in the background; the background decides when (alarms, after local writes, live while a page is open).
 * Runs are serialised: at most one touches the replica at a time.
 */

export interface EngineDeps {
  db: SubkeeperDb;
  sync: SyncDb;
  now: () => Date;
  /** The network (every request goes through a ServerFetch bound to the configured server). */
  fetch?: typeof fetch;
  /** This browser's name in the member list ("Chrome", "Firefox"). */
  label: string;
  /** Records were applied to these Dexie tables (the open pages reload). */
  onApplied?: (tables: RecordTable[]) => void;
  onStatus?: (status: SyncStatus) => void;
  /** Whether the browser lets the extension reach the server (tells "no permission" from "offline"). */
  hasPermission?: (pattern: string) => Promise<boolean>;
  /** Prefix of the local replica's name (tests run several browsers in one IndexedDB). */
  namespace?: string;
  /** Opens a local replica (default: PouchDB over IndexedDB; tests wrap it to simulate a full disk). */
  openReplica?: (name: string) => Pouch;
}

export interface CreateInput {
  server: string;
  database: string;
  admin: Login;
  householdName?: string;
  /** Who this browser belongs to: an existing member, or a new one. */
  memberId?: string;
  memberName?: string;
  memberColor?: string;
}

export interface InviteInput {
  memberId?: string;
  memberName?: string;
  memberColor?: string;
}

export interface DeviceView {
  id: string;
  label?: string;
  status: DeviceRecord['status'];
  manager: boolean;
  self: boolean;
  joinedAt?: string;
  invitedAt?: string;
}

export interface HouseholdOverview {
  configured: boolean;
  name?: string;
  server?: string;
  database?: string;
  epoch?: number;
  deviceId?: string;
  memberId?: string;
  manager: boolean;
  removed: boolean;
  /** Member id → this member's browsers. */
  devices: Record<string, DeviceView[]>;
  quarantine: QuarantineRow[];
}

interface Session {
  cfg: HouseholdConfig;
  cache: BridgeCache;
  keys: HouseholdKeys;
  replica: Pouch;
  remote: Pouch;
  sf: ServerFetch;
  hlc: Hlc;
}

const CONFIG_KEY = 'household';
const IDENTITY_KEY = 'identity';

type PouchModule = typeof import('./pouch');
let pouchModule: PouchModule | undefined;
/**
 * PouchDB is loaded on first use, not when the background starts: the background starts for many reasons (a page's
 * message, a reminder's alarm), and most of them have nothing to do with sync.
 */
async function loadPouch(): Promise<PouchModule> {
  pouchModule ??= await import('./pouch');
  return pouchModule;
}
function pouch(): PouchModule {
  if (!pouchModule) throw new Error('PouchDB is not loaded yet');
  return pouchModule;
}

/** Waits for `p` at most `ms`; never throws. */
function settle(p: Promise<unknown>, ms = 5000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    p.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}

export function rotationContext(householdId: string, epoch: number): string {
  return `subkeeper rotation ${householdId} epoch ${epoch}`;
}

export function createEngine(deps: EngineDeps) {
  const { db, sync, now } = deps;
  const ns = deps.namespace ?? '';
  const openReplica = (name: string) => (deps.openReplica ?? pouch().openLocal)(ns + name);
  let current: Session | undefined;
  let status: SyncStatus = OFF;
  let chain: Promise<unknown> = Promise.resolve();
  let live: { cancel: () => void } | undefined;

  /** Runs `task` after every earlier one. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  }

  async function loadConfig(): Promise<HouseholdConfig | undefined> {
    const row = await sync.config.get(CONFIG_KEY);
    const parsed = HouseholdConfig.safeParse(row?.value);
    return parsed.success ? parsed.data : undefined;
  }

  async function saveConfig(cfg: HouseholdConfig) {
    await sync.config.put({ key: CONFIG_KEY, value: HouseholdConfig.parse(cfg) });
  }

  /** This browser's key pair (created once; the private key cannot be read out). */
  async function identity(): Promise<DeviceKeyPair> {
    const row = (await sync.config.get(IDENTITY_KEY))?.value as DeviceKeyPair | undefined;
    if (row?.privateKey && row.publicJwk) return row;
    const pair = await newDeviceKeyPair();
    await sync.config.put({ key: IDENTITY_KEY, value: pair });
    return pair;
  }

  function remoteFor(cfg: Pick<HouseholdConfig, 'server' | 'database' | 'user' | 'password'>, sf: ServerFetch) {
    return pouch().openRemote(`${cfg.server}/${encodeURIComponent(cfg.database)}`, {
      auth: { username: cfg.user, password: cfg.password },
      fetch: sf.fetch,
    });
  }

  async function session(): Promise<Session | undefined> {
    const cfg = await loadConfig();
    if (cfg) await loadPouch();
    if (!cfg) {
      await closeSession();
      return undefined;
    }
    const same = (a: HouseholdConfig, b: HouseholdConfig) =>
      a.householdId === b.householdId &&
      a.epoch === b.epoch &&
      a.server === b.server &&
      a.database === b.database &&
      a.user === b.user &&
      a.password === b.password &&
      a.key === b.key;
    if (current && same(current.cfg, cfg)) {
      current.cfg = cfg;
      return current;
    }
    await closeSession();
    const keys = await deriveHouseholdKeys(fromBase64Url(cfg.key), cfg.householdId, cfg.epoch);
    const sf = serverFetch(cfg.server, deps.fetch);
    const clock = await getValue<HlcState | undefined>(sync, 'hlc', undefined);
    current = {
      cfg,
      cache: newBridgeCache(),
      keys,
      sf,
      replica: openReplica(replicaName(cfg.householdId, cfg.epoch)),
      remote: remoteFor(cfg, sf),
      hlc: new Hlc(cfg.deviceId, () => now().getTime(), clock),
    };
    return current;
  }

  async function closeSession() {
    live?.cancel();
    live = undefined;
    const s = current;
    current = undefined;
    if (s) {
      // A database that failed (storage full, say) may never answer: do not wait for it for long.
      await settle(s.replica.close());
      await settle(s.remote.close());
    }
  }

  function bridge(s: Session): BridgeContext {
    return { db, sync, replica: s.replica, keys: s.keys, hlc: s.hlc, memberId: s.cfg.memberId, now, cache: s.cache };
  }

  function setStatus(next: SyncStatus): SyncStatus {
    status = next;
    deps.onStatus?.(next);
    void setValue(sync, 'status', next).catch(() => undefined);
    return next;
  }

  async function quarantinedCount(): Promise<number> {
    return sync.quarantine.count();
  }

  async function pendingCount(s: Session): Promise<number> {
    const since = await getValue<number | string>(sync, 'pushedSeq', 0);
    const changes = await s.replica.changes({ since, limit: 5000 });
    return changes.results.filter((r) => !r.id.startsWith('_')).length;
  }

  /** The error of a failed run, in the most telling words available. */
  async function classify(e: unknown, s: Session | undefined): Promise<SyncError> {
    let err = asSyncError(e);
    const seen = s?.sf.failure();
    // PouchDB's own errors lose the HTTP detail: the first failure the server fetch saw says more. A local one
    // (a full disk) says itself.
    if (seen && !(e instanceof SyncError) && err.code !== 'quota') err = seen;
    if (err.code === 'offline' && s && deps.hasPermission) {
      const allowed = await deps.hasPermission(originPattern(s.cfg.server)).catch(() => true);
      if (!allowed) err = new SyncError('permission', originPattern(s.cfg.server));
    }
    return err;
  }

  async function replicateOnce(source: Pouch, target: Pouch) {
    const result = await pouch().pouchdb().replicate(source, target, { batch_size: 500, batches_limit: 4 });
    if (!result.ok || result.doc_write_failures > 0) throw result.errors[0] ?? new SyncError('unknown', 'replication');
    return result;
  }

  /**
   * Checks that the household key opens the household document: a wrong key would otherwise look like every
   * document being altered (and fill the quarantine). No document at all is fine only while nothing is there.
   * Once this browser has opened the household document with its key, a document that no longer opens was
   * altered on the server: that is for the quarantine, not a reason to stop.
   */
  async function checkKey(s: Session) {
    if (await sync.shadow.get('household:household')) return;
    const id = await docIdFor(s.keys, 'household', 'household');
    let doc: PouchDoc;
    try {
      doc = await s.replica.get(id);
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
      const info = await s.replica.info();
      if (info.doc_count > 0) throw new SyncError('wrong-key', 'no household document under this key');
      return;
    }
    try {
      await openPayload(s.keys, id, doc);
    } catch {
      throw new SyncError('wrong-key', 'the household document does not open with this key');
    }
  }

  async function devicesOf(): Promise<DeviceRecord[]> {
    const rows = await sync.shadow.where('table').equals('devices').toArray();
    return rows.flatMap((r) => {
      const parsed = DeviceRecord.safeParse(recordOf(r.state));
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** How long the phases of the last run took (ms): for benchmarks. */
  let timings: Record<string, number> = {};

  /**
   * One sync run. Never throws: the outcome is the status. `capture` limits the search for local changes to the
   * tables a write touched (all of them by default).
   */
  async function runOnce(capture?: readonly RecordTable[], depth = 0): Promise<SyncStatus> {
    const s = await session();
    if (!s) return setStatus(OFF);
    const household = { server: s.cfg.server, database: s.cfg.database, ...(s.cfg.name ? { name: s.cfg.name } : {}) };
    if (s.cfg.removed) {
      return setStatus({ ...OFF, state: 'removed', household, error: { code: 'removed' } });
    }
    const attempt = now().toISOString();
    setStatus({ ...status, state: 'syncing', household, lastAttemptAt: attempt, live: !!live });
    const ctx = bridge(s);
    s.sf.reset();
    try {
      let t = performance.now();
      const lap = (phase: string) => {
        const now2 = performance.now();
        timings[phase] = Math.round(now2 - t);
        t = now2;
      };
      timings = {};
      await captureLocalChanges(ctx, capture);
      lap('capture');
      await probeDatabase(s.sf, { username: s.cfg.user, password: s.cfg.password }, s.cfg.database);
      lap('probe');
      await replicateOnce(s.remote, s.replica);
      lap('pull');
      await checkKey(s);
      const applied = await applyReplicaChanges(ctx);
      lap('apply');
      if (applied.tables.size > 0) deps.onApplied?.([...applied.tables]);
      const moved = await onMeta(s, applied.meta);
      if (moved && depth < 2) return runOnce(undefined, depth + 1);
      if (s.cfg.manager) await managerDuties(s);
      const pushed = await replicateOnce(s.replica, s.remote);
      lap('push');
      await setValue(sync, 'pushedSeq', pushed.last_seq);
      const skews = await namedSkews(applied.skews);
      return setStatus({
        state: 'ok',
        household,
        lastSyncAt: now().toISOString(),
        lastAttemptAt: attempt,
        pending: await pendingCount(s),
        quarantined: await quarantinedCount(),
        skews: skews.length > 0 ? skews : (status.skews ?? []),
        live: !!live,
      });
    } catch (e) {
      const err = await classify(e, s);
      if (err.code === 'removed') return runOnce(undefined, depth + 1);
      return setStatus({
        ...status,
        state: 'error',
        household,
        lastAttemptAt: attempt,
        pending: await pendingCount(s).catch(() => status.pending),
        quarantined: await quarantinedCount().catch(() => 0),
        error: {
          code: err.code,
          ...(err.detail ? { detail: err.detail } : {}),
          ...(err.status ? { status: err.status } : {}),
        },
        live: !!live,
      });
    }
  }

  async function namedSkews(skews: Array<{ memberId: string | undefined; aheadMs: number }>) {
    if (skews.length === 0) return [];
    const worst = new Map<string, number>();
    for (const s of skews) worst.set(s.memberId ?? '', Math.max(worst.get(s.memberId ?? '') ?? 0, s.aheadMs));
    const members = new Map((await db.members.toArray()).map((m) => [m.id, m.name]));
    return [...worst].map(([memberId, aheadMs]) => ({
      ...(memberId ? { memberId } : {}),
      ...(members.get(memberId) ? { name: members.get(memberId) } : {}),
      aheadMs,
    }));
  }

  /** Acts on household records that changed. Returns true when this browser moved to a new key. */
  async function onMeta(s: Session, changes: MetaChange[]): Promise<boolean> {
    let moved = false;
    const rotations = changes
      .filter((c) => c.table === 'rotation' && c.record)
      .flatMap((c) => {
        const parsed = RotationRecord.safeParse(c.record);
        return parsed.success ? [parsed.data] : [];
      })
      .sort((a, b) => b.epoch - a.epoch);
    const latest = rotations[0];
    if (latest && latest.epoch > s.cfg.epoch) {
      await followRotation(s, latest);
      moved = true;
    }
    return moved;
  }

  /** Moves to the key and database of a rotation (the key sealed for this browser), or notes removal. */
  async function followRotation(s: Session, rot: RotationRecord) {
    const wrapped = rot.keys[s.cfg.deviceId];
    if (!wrapped) {
      await saveConfig({ ...s.cfg, removed: true });
      await closeSession();
      throw new SyncError('removed');
    }
    const me = await identity();
    const raw = await unwrapWith(me.privateKey, wrapped, rotationContext(s.cfg.householdId, rot.epoch));
    const next: HouseholdConfig = {
      ...s.cfg,
      epoch: rot.epoch,
      key: toBase64Url(raw),
      database: rot.database,
      previous: [...s.cfg.previous, { database: s.cfg.database, epoch: s.cfg.epoch }],
    };
    const old = s.replica;
    await saveConfig(next);
    await resetSeqs();
    await closeSession();
    await settle(old.destroy());
    const fresh = await session();
    if (fresh) {
      await replicateOnce(fresh.remote, fresh.replica);
      await applyReplicaChanges(bridge(fresh));
      await writeMeta(bridge(fresh), 'devices', next.deviceId, { epoch: next.epoch });
    }
  }

  async function resetSeqs() {
    await setValue(sync, 'appliedSeq', 0);
    await setValue(sync, 'pushedSeq', 0);
  }

  // ---- the manager's work ----------------------------------------------------------------------------

  function requireManager(s: Session): Login {
    if (!s.cfg.manager) throw new SyncError('not-manager');
    return s.cfg.manager;
  }

  async function managerDuties(s: Session) {
    const devices = await devicesOf();
    if (devices.some((d) => d.status === 'left')) {
      await rotate(s, []);
      return;
    }
    const admin = requireManager(s);
    const active = devices.filter((d) => d.status === 'active');
    const previous = s.cfg.previous;
    if (previous.length > 0 && active.every((d) => (d.epoch ?? 0) >= s.cfg.epoch || d.id === s.cfg.deviceId)) {
      for (const p of previous) await deleteDatabase(s.sf, admin, p.database);
      await saveConfig({ ...s.cfg, previous: [] });
      s.cfg = { ...s.cfg, previous: [] };
    }
  }

  /**
   * Removes browsers from the household: a new key (sealed for each browser that stays), a new database with
   * only their logins, every record re-encrypted into it, a rotation record in the old database, the old
   * database closed to the removed logins, and their logins deleted. Browsers that left on their own and
   * invites not yet used go too.
   */
  async function rotate(s: Session, removeIds: readonly string[]) {
    const admin = requireManager(s);
    const devices = await devicesOf();
    const removing = devices.filter(
      (d) => removeIds.includes(d.id) || d.status === 'left' || d.status === 'invited' || d.status === 'removed',
    );
    const staying = devices.filter((d) => d.status === 'active' && !removing.includes(d) && d.publicKey);
    const epoch = s.cfg.epoch + 1;
    const database = nextDatabaseName(s.cfg.database, epoch);
    const raw = newHouseholdKey();
    const keys = await deriveHouseholdKeys(raw, s.cfg.householdId, epoch);
    const users = staying.map((d) => d.user);

    const created = await createDatabase(s.sf, admin, database).then(
      () => true,
      async (e) => {
        if (!(e instanceof SyncError) || e.code !== 'exists') throw e;
        // Left by an attempt that stopped half-way: start it again.
        await deleteDatabase(s.sf, admin, database);
        await createDatabase(s.sf, admin, database);
        return true;
      },
    );
    if (!created) return;
    await setMembers(s.sf, admin, database, users);

    const replica = openReplica(replicaName(s.cfg.householdId, epoch));
    await settle(replica.destroy());
    const fresh = openReplica(replicaName(s.cfg.householdId, epoch));
    const hlcStamp = s.hlc.now();
    const rows = await sync.shadow.toArray();
    const docs: PouchDoc[] = [];
    for (const row of rows) {
      if (row.table === 'rotation') continue;
      let state = row.state;
      if (row.table === 'devices') {
        const rec = recordOf(state);
        const gone = removing.some((d) => d.id === row.id);
        const self = row.id === s.cfg.deviceId;
        if (rec && (gone || self)) {
          const after = { ...rec, ...(gone ? { status: 'removed' } : {}), ...(self ? { epoch } : {}) };
          state = stampLocalEdit(state, rec, after, hlcStamp, s.cfg.memberId);
          await sync.shadow.put({ ...row, state });
        }
      }
      const { docId, body } = await sealPayload(keys, { t: row.table, id: row.id, s: state });
      docs.push({ _id: docId, ...body });
    }
    for (let i = 0; i < docs.length; i += 200) await fresh.bulkDocs(docs.slice(i, i + 200));
    // With the admin login: when the managing browser itself leaves, its own login is not among the new members.
    const freshRemote = remoteFor({ ...s.cfg, database, user: admin.username, password: admin.password }, s.sf);
    await replicateOnce(fresh, freshRemote);

    const wrappedKeys: Record<string, unknown> = {};
    for (const d of staying) {
      wrappedKeys[d.id] = await wrapFor(d.publicKey as JsonWebKey, raw, rotationContext(s.cfg.householdId, epoch));
    }
    await writeMeta(bridge(s), 'rotation', `epoch-${epoch}`, {
      epoch,
      database,
      keys: wrappedKeys,
      at: now().toISOString(),
    });
    await replicateOnce(s.replica, s.remote);
    await setMembers(s.sf, admin, s.cfg.database, users);
    for (const d of removing) await deleteUser(s.sf, admin, d.user);

    const next: HouseholdConfig = {
      ...s.cfg,
      epoch,
      key: toBase64Url(raw),
      database,
      previous: [...s.cfg.previous, { database: s.cfg.database, epoch: s.cfg.epoch }],
    };
    const old = s.replica;
    await saveConfig(next);
    await resetSeqs();
    await fresh.close();
    await settle(freshRemote.close());
    await closeSession();
    await settle(old.destroy());
  }

  // ---- setup ------------------------------------------------------------------------------------------

  async function create(input: CreateInput): Promise<void> {
    await loadPouch();
    const server = normaliseServer(input.server);
    const database = input.database.trim();
    if (!isDatabaseName(database)) throw new SyncError('bad-database', database);
    if (await loadConfig()) throw new SyncError('unknown', 'this browser is already in a household');
    const sf = serverFetch(server, deps.fetch);
    await probeServer(sf);
    await checkAdmin(sf, input.admin);
    await ensureUsersDatabase(sf, input.admin);
    await createDatabase(sf, input.admin, database);
    const householdId = randomId(12);
    const deviceId = randomId(9);
    const user = `subkeeper-${householdId
      .slice(0, 8)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}-${randomId(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}`;
    const password = randomId(24);
    try {
      await createUser(sf, input.admin, { username: user, password });
      await setMembers(sf, input.admin, database, [user]);
      const memberId = await ensureMember(input.memberId, input.memberName, input.memberColor);
      const stamp = now().toISOString();
      await sync.shadow.clear();
      await sync.seen.clear();
      await sync.quarantine.clear();
      await resetSeqs();
      await saveConfig({
        householdId,
        ...(input.householdName ? { name: input.householdName } : {}),
        server,
        database,
        epoch: 1,
        key: toBase64Url(newHouseholdKey()),
        user,
        password,
        deviceId,
        memberId,
        manager: input.admin,
        previous: [],
        createdAt: stamp,
      });
      const s = (await session()) as Session;
      const me = await identity();
      await writeMeta(bridge(s), 'household', 'household', {
        createdAt: stamp,
        ...(input.householdName ? { name: input.householdName } : {}),
      });
      await writeMeta(bridge(s), 'devices', deviceId, {
        memberId,
        status: 'active',
        user,
        label: deps.label,
        publicKey: me.publicJwk,
        manager: true,
        epoch: 1,
        joinedAt: stamp,
      });
    } catch (e) {
      // Leave nothing half-made on the server.
      await deleteDatabase(sf, input.admin, database).catch(() => undefined);
      await deleteUser(sf, input.admin, user).catch(() => undefined);
      await dropLocal();
      throw e;
    }
  }

  async function ensureMember(memberId?: string, name?: string, color?: string): Promise<string> {
    if (memberId && (await db.members.get(memberId))) return memberId;
    const trimmed = (name ?? '').trim();
    if (!trimmed) throw new SyncError('unknown', 'a member name is needed');
    const same = (await db.members.toArray()).find((m) => m.name.trim().toLowerCase() === trimmed.toLowerCase());
    if (same) return same.id;
    const saved = await saveMember(db, { name: trimmed, color: color ?? '#0072b2' });
    if (!saved.ok) throw new SyncError('unknown', Object.values(saved.errors).join(' '));
    return saved.value.id;
  }

  async function invite(input: InviteInput): Promise<{ code: string; passcode: string }> {
    const s = await session();
    if (!s) throw new SyncError('not-configured');
    const admin = requireManager(s);
    const memberId = await ensureMember(input.memberId, input.memberName, input.memberColor);
    const member = await db.members.get(memberId);
    const deviceId = randomId(9);
    const user = `subkeeper-${s.cfg.householdId
      .slice(0, 8)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}-${randomId(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}`;
    const password = randomId(24);
    await createUser(s.sf, admin, { username: user, password });
    const devices = await devicesOf();
    await setMembers(s.sf, admin, s.cfg.database, [
      ...devices.filter((d) => d.status === 'active' || d.status === 'invited').map((d) => d.user),
      user,
    ]);
    await writeMeta(bridge(s), 'devices', deviceId, {
      memberId,
      status: 'invited',
      user,
      invitedAt: now().toISOString(),
    });
    const payload: InvitePayload = {
      v: 1,
      householdId: s.cfg.householdId,
      ...(s.cfg.name ? { name: s.cfg.name } : {}),
      server: s.cfg.server,
      database: s.cfg.database,
      epoch: s.cfg.epoch,
      key: s.cfg.key,
      deviceId,
      memberId,
      ...(member ? { memberName: member.name } : {}),
      user,
      password,
    };
    const passcode = newPasscode();
    const code = await sealInvite(payload, passcode);
    return { code, passcode };
  }

  /** Reads an invite (for the join form to show where it leads) without joining. */
  async function readInvite(code: string, passcode: string): Promise<InvitePayload> {
    try {
      return parseInvite(await openInvite(code, passcode));
    } catch (e) {
      if (e instanceof SealError) throw new SyncError(e.reason === 'auth' ? 'bad-passcode' : 'bad-invite', e.message);
      throw e;
    }
  }

  async function join(code: string, passcode: string): Promise<void> {
    await loadPouch();
    if (await loadConfig()) throw new SyncError('unknown', 'this browser is already in a household');
    const inv = await readInvite(code, passcode);
    const server = normaliseServer(inv.server);
    const sf = serverFetch(server, deps.fetch);
    const login = { username: inv.user, password: inv.password };
    try {
      await probeDatabase(sf, login, inv.database);
    } catch (e) {
      if (e instanceof SyncError && e.code === 'unauthorized') throw new SyncError('invite-used', e.detail, 401);
      throw e;
    }
    // Single use: the invite's password stops working once this browser has joined.
    let password = inv.password;
    const fresh = randomId(24);
    try {
      await changeOwnPassword(sf, login, fresh);
      password = fresh;
    } catch {
      // A server that does not let users change their password: keep the invite's (it still works).
    }
    const stamp = now().toISOString();
    await sync.shadow.clear();
    await sync.seen.clear();
    await sync.quarantine.clear();
    await resetSeqs();
    const cfg: HouseholdConfig = {
      householdId: inv.householdId,
      ...(inv.name ? { name: inv.name } : {}),
      server,
      database: inv.database,
      epoch: inv.epoch,
      key: inv.key,
      user: inv.user,
      password,
      deviceId: inv.deviceId,
      memberId: inv.memberId,
      previous: [],
      createdAt: stamp,
    };
    await saveConfig(cfg);
    try {
      const s = (await session()) as Session;
      s.sf.reset();
      let t = performance.now();
      await replicateOnce(s.remote, s.replica);
      timings = { joinPull: Math.round(performance.now() - t) };
      t = performance.now();
      await checkKey(s);
      await applyReplicaChanges(bridge(s));
      timings.joinApply = Math.round(performance.now() - t);
      await mergeMembersByName();
      const me = await identity();
      await writeMeta(bridge(s), 'devices', inv.deviceId, {
        memberId: inv.memberId,
        status: 'active',
        user: inv.user,
        label: deps.label,
        publicKey: me.publicJwk,
        epoch: inv.epoch,
        joinedAt: stamp,
      });
    } catch (e) {
      await dropLocal();
      throw await classify(e, current);
    }
  }

  /**
   * After joining: a member this browser kept locally under the same name as one of the household's (people
   * often list the household before they sync) becomes that member; its subscriptions follow.
   */
  async function mergeMembersByName() {
    const shared = new Set(
      (await sync.shadow.where('table').equals('members').toArray()).filter((r) => recordOf(r.state)).map((r) => r.id),
    );
    const members = await db.members.toArray();
    const norm = (n: string) => n.trim().toLocaleLowerCase();
    const byName = new Map(members.filter((m) => shared.has(m.id)).map((m) => [norm(m.name), m.id]));
    for (const m of members) {
      const target = shared.has(m.id) ? undefined : byName.get(norm(m.name));
      if (!target) continue;
      await db.transaction('rw', db.members, db.subscriptions, async () => {
        await db.subscriptions.toCollection().modify((sub) => {
          if (sub.ownerId === m.id) sub.ownerId = target;
          if (sub.shares)
            sub.shares = sub.shares.map((sh) => (sh.memberId === m.id ? { ...sh, memberId: target } : sh));
        });
        await db.members.delete(m.id);
      });
    }
  }

  /** Forgets the household on this browser. Its data stays as it is now (it simply stops updating). */
  async function dropLocal() {
    const cfg = await loadConfig();
    await loadPouch();
    await closeSession();
    if (cfg) await settle(openReplica(replicaName(cfg.householdId, cfg.epoch)).destroy());
    await sync.config.delete(CONFIG_KEY);
    await sync.shadow.clear();
    await sync.seen.clear();
    await sync.journal.clear();
    await sync.quarantine.clear();
    await sync.state.clear();
    setStatus(OFF);
  }

  /**
   * Leaves the household. A member's browser marks itself as gone (the manager's browser then rotates the key
   * and removes its login); the managing browser removes itself at once, or deletes the household from the
   * server when it is the last one in it.
   */
  async function leave(): Promise<void> {
    const s = await session();
    if (!s) return;
    if (!s.cfg.removed) {
      try {
        if (s.cfg.manager) {
          const others = (await devicesOf()).filter((d) => d.status === 'active' && d.id !== s.cfg.deviceId);
          if (others.length === 0) {
            await deleteDatabase(s.sf, s.cfg.manager, s.cfg.database);
            for (const p of s.cfg.previous) await deleteDatabase(s.sf, s.cfg.manager, p.database);
            for (const d of await devicesOf()) await deleteUser(s.sf, s.cfg.manager, d.user);
          } else {
            await rotate(s, [s.cfg.deviceId]);
          }
        } else {
          await writeMeta(bridge(s), 'devices', s.cfg.deviceId, { status: 'left' });
          await replicateOnce(s.replica, s.remote);
        }
      } catch (e) {
        const err = await classify(e, s);
        // Offline: leave anyway; the household's manager can remove this browser later.
        if (err.code !== 'offline' && err.code !== 'unauthorized' && err.code !== 'forbidden') throw err;
      }
    }
    await dropLocal();
  }

  async function removeMember(memberId: string) {
    const s = await session();
    if (!s) throw new SyncError('not-configured');
    requireManager(s);
    const ids = (await devicesOf()).filter((d) => d.memberId === memberId && d.id !== s.cfg.deviceId).map((d) => d.id);
    await rotate(s, ids);
  }

  async function removeDevice(deviceId: string) {
    const s = await session();
    if (!s) throw new SyncError('not-configured');
    requireManager(s);
    if (deviceId === s.cfg.deviceId) throw new SyncError('unknown', 'use Leave for this browser');
    await rotate(s, [deviceId]);
  }

  /** Makes this browser the household's manager, with the server's admin login. */
  async function manage(admin: Login) {
    const s = await session();
    if (!s) throw new SyncError('not-configured');
    await checkAdmin(s.sf, admin);
    await saveConfig({ ...s.cfg, manager: admin });
    s.cfg = { ...s.cfg, manager: admin };
    await writeMeta(bridge(s), 'devices', s.cfg.deviceId, { manager: true });
  }

  async function overview(): Promise<HouseholdOverview> {
    const cfg = await loadConfig();
    if (!cfg) return { configured: false, manager: false, removed: false, devices: {}, quarantine: [] };
    const devices: Record<string, DeviceView[]> = {};
    for (const d of await devicesOf()) {
      devices[d.memberId] ??= [];
      devices[d.memberId]?.push({
        id: d.id,
        ...(d.label ? { label: d.label } : {}),
        status: d.status,
        manager: !!d.manager,
        self: d.id === cfg.deviceId,
        ...(d.joinedAt ? { joinedAt: d.joinedAt } : {}),
        ...(d.invitedAt ? { invitedAt: d.invitedAt } : {}),
      });
    }
    return {
      configured: true,
      ...(cfg.name ? { name: cfg.name } : {}),
      server: cfg.server,
      database: cfg.database,
      epoch: cfg.epoch,
      deviceId: cfg.deviceId,
      memberId: cfg.memberId,
      manager: !!cfg.manager,
      removed: !!cfg.removed,
      devices,
      quarantine: await sync.quarantine.orderBy('key').toArray(),
    };
  }

  /** Pulls continuously while a Subkeeper page is open; every change that arrives is applied. */
  async function startLive(onChange: () => void) {
    const s = await session();
    if (!s || s.cfg.removed || live) return;
    const rep = pouch().pouchdb().replicate(s.remote, s.replica, { live: true, retry: true, heartbeat: 25_000 });
    let timer: ReturnType<typeof setTimeout> | undefined;
    rep.on('change', () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, 300);
    });
    rep.on('error', () => undefined);
    live = {
      cancel: () => {
        clearTimeout(timer);
        rep.cancel();
      },
    };
    setStatus({ ...status, live: true });
  }

  function stopLive() {
    live?.cancel();
    live = undefined;
    if (status.state !== 'off') setStatus({ ...status, live: false });
  }

  return {
    run: (capture?: readonly RecordTable[]) => serial(() => runOnce(capture)),
    timings: () => ({ ...timings }),
    create: (input: CreateInput) => serial(() => create(input)).then(() => serial(() => runOnce())),
    invite: (input: InviteInput) =>
      serial(async () => {
        const out = await invite(input);
        await runOnce();
        return out;
      }),
    readInvite,
    join: (code: string, passcode: string) => serial(() => join(code, passcode)).then(() => serial(() => runOnce())),
    leave: () => serial(() => leave()),
    removeMember: (memberId: string) => serial(() => removeMember(memberId)).then(() => serial(() => runOnce())),
    removeDevice: (deviceId: string) => serial(() => removeDevice(deviceId)).then(() => serial(() => runOnce())),
    manage: (admin: Login) => serial(() => manage(admin)).then(() => serial(() => runOnce())),
    overview: () => serial(() => overview()),
    dismissQuarantine: (key?: string) =>
      serial(async () => {
        if (key) await sync.quarantine.delete(key);
        else await sync.quarantine.clear();
        return setStatus({ ...status, quarantined: await quarantinedCount() });
      }),
    startLive: (onChange: () => void) => serial(() => startLive(onChange)),
    stopLive,
    status: () => status,
    /** Local changes not yet captured (no network): whether a run has anything to send. */
    localEdits: async (tables?: readonly RecordTable[]) =>
      (await loadConfig()) ? (await findLocalEdits({ db, sync }, tables)).length : 0,
    configured: async () => !!(await loadConfig()),
    /** The server origin pattern, for the host permission. */
    origin: async () => {
      const cfg = await loadConfig();
      return cfg ? originPattern(cfg.server) : undefined;
    },
    close: closeSession,
  };
}

export type SyncEngine = ReturnType<typeof createEngine>;
