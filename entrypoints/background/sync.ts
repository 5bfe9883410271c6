import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { getSettings, type SubkeeperDb, saveSettings } from '../../lib/db';
import { touches } from '../../lib/db/mutated';
import type { SenderInfo } from '../../lib/messages';
import { createEngine } from '../../lib/sync/engine';
import { asSyncError } from '../../lib/sync/errors';
import { browserLabel } from '../../lib/sync/label';
import { SyncDb } from '../../lib/sync/local-db';
import { acceptSyncCommand, LIVE_PORT, type SyncCommand, type SyncReply } from '../../lib/sync/messages';
import type { RecordTable } from '../../lib/sync/records';
import { ERROR_KEY, type LocalMeta, META_KEY, planPull, planPush } from '../../lib/sync/settings-sync';
import { OFF, STATUS_KEY } from '../../lib/sync/status';

/**
 * Wires household sync (lib/sync) and per-person settings sync to the browser: when sync runs (an alarm every
 * few minutes, right after a local write, live while a Subkeeper page is open; never a permanent connection),
 * the commands of the Settings page, and the status the popup and Settings show (storage.local).
 */

export const SYNC_ALARM = 'subkeeper-sync';
const PERIOD_MINUTES = 5;
const DEBOUNCE_MS = 800;
/** Data tables whose writes are shared with the household. */
const SHARED_TABLES = ['subscriptions', 'charges', 'priceChanges', 'members'] as const;

interface Port {
  name: string;
  sender?: { id?: string; url?: string };
  postMessage(message: unknown): void;
  onDisconnect: { addListener(cb: () => void): void };
  onMessage: { addListener(cb: (m: unknown) => void): void };
}

/**
 * The shared tables a Dexie mutation report (`idb://db/table/` → key ranges) touches in `db`; the dismissed
 * suggestions are one key of the `state` table.
 */
function touchedTables(parts: Record<string, unknown>, dbName: string): RecordTable[] {
  const out = new Set<RecordTable>();
  for (const [part, range] of Object.entries(parts)) {
    const m = /^idb:\/\/([^/]+)\/([^/]+)\/$/.exec(part);
    if (!m || m[1] !== dbName) continue;
    const table = m[2] as string;
    if ((SHARED_TABLES as readonly string[]).includes(table)) out.add(table as RecordTable);
    if (table === 'state' && rangeHas(range, 'proposals.dismissed')) out.add('dismissals');
  }
  return [...out];
}

/** Whether Dexie's RangeSet (a tree of {from, to, l, r}) holds `key`. */
function rangeHas(node: unknown, key: string): boolean {
  const n = node as { from?: unknown; to?: unknown; l?: unknown; r?: unknown } | null;
  if (!n || typeof n !== 'object') return false;
  const from = n.from;
  const to = n.to;
  const afterFrom = from === undefined || typeof from !== 'string' ? true : from <= key;
  const beforeTo = to === undefined || typeof to !== 'string' ? true : key <= to;
  if (from !== undefined && afterFrom && beforeTo) return true;
  return rangeHas(n.l, key) || rangeHas(n.r, key);
}

export function setupSync(deps: { db: SubkeeperDb; now: () => Date; onDataChanged: () => void }) {
  const { db, now } = deps;
  const sync = new SyncDb();
  const ports = new Set<Port>();
  const ownId = browser.runtime.id;
  const ownOrigin = browser.runtime.getURL('/');

  function notifyPages(tables: string[]) {
    for (const p of ports) {
      try {
        p.postMessage({ type: 'sync-applied', tables });
      } catch {
        ports.delete(p);
      }
    }
  }

  const engine = createEngine({
    db,
    sync,
    now,
    label: browserLabel(globalThis.navigator?.userAgent ?? ''),
    fetch: (input, init) => fetch(input, init),
    onStatus: (status) => void browser.storage.local.set({ [STATUS_KEY]: status }).catch(() => undefined),
    onApplied: (tables) => {
      notifyPages(tables);
      deps.onDataChanged();
    },
    hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  });

  // ---- when to run --------------------------------------------------------------------------------------

  let timer: ReturnType<typeof setTimeout> | undefined;
  let wantFull = false;
  let wantPull = false;
  const dirty = new Set<RecordTable>();
  /**
   * A sync run soon (writes come in bursts). No argument: a full run (every table searched for local changes;
   * the alarm, the browser's start). `'pull'`: a run for changes from the server (a page opened, live changes
   * came in). Tables: only when something local changed in them, and only they are searched.
   */
  function kick(what?: readonly RecordTable[] | 'pull') {
    if (what === 'pull') wantPull = true;
    else if (what) for (const t of what) dirty.add(t);
    else wantFull = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const full = wantFull;
      const pull = wantPull;
      const touched = [...dirty];
      wantFull = false;
      wantPull = false;
      dirty.clear();
      void (async () => {
        if (!(await engine.configured())) return;
        if (full) await engine.run();
        else if (pull || (touched.length > 0 && (await engine.localEdits(touched)) > 0)) await engine.run(touched);
        else return;
        // A run may have moved to a new key and database (a rotation): live goes on while a page is open.
        if (ports.size > 0) await engine.startLive(() => kick('pull'));
      })().catch((e) => console.error('[subkeeper sync]', e));
    }, DEBOUNCE_MS);
  }

  async function ensureAlarm() {
    if (await engine.configured()) {
      const existing = await browser.alarms.get(SYNC_ALARM);
      if (!existing) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: 1 });
    } else {
      await browser.alarms.clear(SYNC_ALARM);
      await browser.storage.local.set({ [STATUS_KEY]: OFF });
    }
  }

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) kick();
  });
  browser.runtime.onStartup.addListener(() => kick());

  // Local writes from any page or from the background itself (Dexie reports them across contexts).
  Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
    const tables = touchedTables(parts, db.name);
    if (tables.length > 0) kick(tables);
    if (touches(parts, db.name, 'settings')) void pushSettings();
  });

  browser.runtime.onConnect.addListener((raw) => {
    const port = raw as unknown as Port;
    if (port.name !== LIVE_PORT || port.sender?.id !== ownId || !port.sender?.url?.startsWith(ownOrigin)) return;
    ports.add(port);
    // Pages ping now and then: extension messages keep the worker awake while they are open.
    port.onMessage.addListener(() => undefined);
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      if (ports.size === 0) engine.stopLive();
    });
    // Idempotent: also starts it when the first page connected before this browser was in a household.
    void engine.startLive(() => kick('pull'));
    kick('pull');
  });

  // ---- per-person settings through storage.sync ------------------------------------------------------

  async function installId(): Promise<string> {
    const got = (await browser.storage.local.get('installId')).installId;
    if (typeof got === 'string') return got;
    const id = crypto.randomUUID();
    await browser.storage.local.set({ installId: id });
    return id;
  }

  let settingsChain: Promise<unknown> = Promise.resolve();
  function serialSettings(task: () => Promise<void>) {
    settingsChain = settingsChain.then(task).catch(async (e) => {
      await browser.storage.local.set({ [ERROR_KEY]: asSyncError(e).detail ?? String(e) }).catch(() => undefined);
    });
    return settingsChain;
  }

  const readMeta = async () => ((await browser.storage.local.get(META_KEY))[META_KEY] ?? {}) as LocalMeta;

  function pushSettings() {
    return serialSettings(async () => {
      const plan = planPush(await getSettings(db), await readMeta(), now().toISOString(), await installId());
      if (Object.keys(plan.items).length === 0) return;
      await browser.storage.sync.set(plan.items);
      await browser.storage.local.set({ [META_KEY]: plan.meta, [ERROR_KEY]: null });
    });
  }

  function pullSettings() {
    return serialSettings(async () => {
      const remote = (await browser.storage.sync.get(null)) as Record<string, unknown>;
      const plan = planPull(await getSettings(db), await readMeta(), remote);
      if (plan.next) {
        const saved = await saveSettings(db, plan.next);
        if (saved.ok) notifyPages(['settings']);
      }
      await browser.storage.local.set({ [META_KEY]: plan.meta });
    });
  }

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && Object.keys(changes).some((k) => k.startsWith('settings.'))) void pullSettings();
  });
  void pullSettings().then(() => pushSettings());

  // ---- commands from the Settings page -----------------------------------------------------------------

  async function handle(command: SyncCommand): Promise<unknown> {
    switch (command.type) {
      case 'sync-now':
        return engine.run();
      case 'sync-overview':
        return engine.overview();
      case 'sync-create':
        await engine.create({
          server: command.server,
          database: command.database,
          admin: { username: command.adminUser, password: command.adminPassword },
          ...(command.householdName ? { householdName: command.householdName } : {}),
          ...(command.memberId ? { memberId: command.memberId } : {}),
          ...(command.memberName ? { memberName: command.memberName } : {}),
          ...(command.memberColor ? { memberColor: command.memberColor } : {}),
        });
        await ensureAlarm();
        if (ports.size > 0) void engine.startLive(() => kick('pull'));
        return engine.status();
      case 'sync-read-invite': {
        const inv = await engine.readInvite(command.code, command.passcode);
        return { server: inv.server, database: inv.database, name: inv.name, memberName: inv.memberName };
      }
      case 'sync-join':
        await engine.join(command.code, command.passcode);
        await ensureAlarm();
        if (ports.size > 0) void engine.startLive(() => kick('pull'));
        return engine.status();
      case 'sync-invite':
        return engine.invite({
          ...(command.memberId ? { memberId: command.memberId } : {}),
          ...(command.memberName ? { memberName: command.memberName } : {}),
          ...(command.memberColor ? { memberColor: command.memberColor } : {}),
        });
      case 'sync-leave':
        await engine.leave();
        await ensureAlarm();
        return engine.status();
      case 'sync-remove-member':
        await engine.removeMember(command.memberId);
        return engine.status();
      case 'sync-remove-device':
        await engine.removeDevice(command.deviceId);
        return engine.status();
      case 'sync-manage':
        await engine.manage({ username: command.adminUser, password: command.adminPassword });
        return engine.status();
      case 'sync-dismiss':
        return engine.dismissQuarantine(command.key);
    }
  }

  function onMessage(raw: unknown, sender: SenderInfo): Promise<SyncReply> {
    const accepted = acceptSyncCommand(raw, sender, ownId, ownOrigin);
    if (!accepted.ok) return Promise.resolve({ ok: false, error: { code: 'unknown', detail: accepted.reason } });
    return handle(accepted.command).then(
      (value) => ({ ok: true, value }),
      (e) => {
        const err = asSyncError(e);
        return {
          ok: false,
          error: {
            code: err.code,
            ...(err.detail ? { detail: err.detail } : {}),
            ...(err.status ? { status: err.status } : {}),
          },
        };
      },
    );
  }

  // The worker starts for many reasons (a page's message, an alarm): send what changed here, if anything; pulling is
  // for the alarm, the browser's start and open pages.
  void ensureAlarm().then(() => kick([...SHARED_TABLES, 'dismissals']));
  return { onMessage, kick: () => kick([...SHARED_TABLES, 'dismissals']), engine };
}
