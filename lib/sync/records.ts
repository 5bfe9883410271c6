import { z } from 'zod';
import type { SubkeeperDb } from '../db';
import { Charge, Member, PriceChange, Subscription } from '../model';

/**
 * What is shared with the household, table by table, and how each maps to the local database (Dexie stays the
 * store; the bridge only reads and writes through these adapters).
 *
 * Shared: confirmed subscriptions (a detected one is shared once the user accepts it), their charges and price
 * changes, the household's members, and dismissed charge-check proposals. Not shared: pending detections and the
 * links seen on account pages (they name pages this browser visited), proofs of sign-up and cancellation pages and the
 * days of use (issue 14: the same, and a person's own evidence), settings (per person: they go to
 * `storage.sync`, lib/sync/settings-sync), the reminder log (per browser).
 */

export const RECORD_TABLES = ['subscriptions', 'charges', 'priceChanges', 'members', 'dismissals'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

/** Household bookkeeping kept only in the replica and the sync database (not in Dexie's data tables). */
export const META_TABLES = ['household', 'devices', 'rotation'] as const;
export type MetaTable = (typeof META_TABLES)[number];

export type SyncTable = RecordTable | MetaTable;
export const SYNC_TABLES: readonly SyncTable[] = [...RECORD_TABLES, ...META_TABLES];

export type PlainRecord = Record<string, unknown> & { id: string };

export const Dismissal = z.object({ id: z.string().min(1).max(300) });

const DISMISSED_KEY = 'proposals.dismissed';

export interface RecordAdapter {
  table: RecordTable;
  /** The Dexie tables a write touches (the apply transaction spans them all). */
  dexieTables: readonly string[];
  /** Validates a record before it is written locally. */
  schema: z.ZodType;
  /**
   * Every local record: `shared` those the household sees, `present` the ids held locally at all (a record held
   * but not shared, such as an unconfirmed subscription, is not a deletion).
   */
  readAll(db: SubkeeperDb): Promise<{ shared: Map<string, PlainRecord>; present: Set<string> }>;
  /** Inside the apply transaction: the local record (shared or not). */
  get(db: SubkeeperDb, id: string): Promise<PlainRecord | undefined>;
  /** The same for many ids, in their order. */
  getMany(db: SubkeeperDb, ids: readonly string[]): Promise<Array<PlainRecord | undefined>>;
  /** Writes and deletes many records (inside the apply transaction). */
  write(db: SubkeeperDb, put: readonly PlainRecord[], remove: readonly string[]): Promise<void>;
}

function dexieAdapter(
  table: 'subscriptions' | 'charges' | 'priceChanges' | 'members',
  schema: z.ZodType,
  shared: (r: PlainRecord, confirmed: Set<string>) => boolean,
): RecordAdapter {
  const t = (db: SubkeeperDb) => db.table(table);
  return {
    table,
    dexieTables: [table],
    schema,
    async readAll(db) {
      const rows = (await t(db).toArray()) as PlainRecord[];
      const confirmed =
        table === 'charges' || table === 'priceChanges' ? await confirmedSubscriptionIds(db) : new Set<string>();
      const out = new Map<string, PlainRecord>();
      for (const r of rows) if (shared(r, confirmed)) out.set(r.id, r);
      return { shared: out, present: new Set(rows.map((r) => r.id)) };
    },
    get: (db, id) => t(db).get(id) as Promise<PlainRecord | undefined>,
    getMany: (db, ids) => t(db).bulkGet([...ids]) as Promise<Array<PlainRecord | undefined>>,
    async write(db, put, remove) {
      if (put.length > 0) await t(db).bulkPut([...put]);
      if (remove.length > 0) await t(db).bulkDelete([...remove]);
    },
  };
}

async function confirmedSubscriptionIds(db: SubkeeperDb): Promise<Set<string>> {
  const subs = await db.subscriptions.toArray();
  return new Set(subs.filter((s) => s.confirmed !== false).map((s) => s.id));
}

async function dismissedKeys(db: SubkeeperDb): Promise<string[]> {
  const row = await db.state.get(DISMISSED_KEY);
  return Array.isArray(row?.value) ? (row.value as unknown[]).filter((k): k is string => typeof k === 'string') : [];
}

const dismissals: RecordAdapter = {
  table: 'dismissals',
  dexieTables: ['state'],
  schema: Dismissal,
  async readAll(db) {
    const keys = await dismissedKeys(db);
    return { shared: new Map(keys.map((id) => [id, { id }])), present: new Set(keys) };
  },
  async get(db, id) {
    return (await dismissedKeys(db)).includes(id) ? { id } : undefined;
  },
  async getMany(db, ids) {
    const keys = new Set(await dismissedKeys(db));
    return ids.map((id) => (keys.has(id) ? { id } : undefined));
  },
  async write(db, put, remove) {
    const keys = await dismissedKeys(db);
    const gone = new Set(remove);
    const next = [...new Set([...keys.filter((k) => !gone.has(k)), ...put.map((r) => r.id)])];
    if (next.length !== keys.length || next.some((k, i) => k !== keys[i])) {
      await db.state.put({ key: DISMISSED_KEY, value: next });
    }
  },
};

export const ADAPTERS: Record<RecordTable, RecordAdapter> = {
  subscriptions: dexieAdapter('subscriptions', Subscription, (r) => r.confirmed !== false),
  charges: dexieAdapter('charges', Charge, (r, confirmed) => confirmed.has(r.subscriptionId as string)),
  priceChanges: dexieAdapter('priceChanges', PriceChange, (r, confirmed) => confirmed.has(r.subscriptionId as string)),
  members: dexieAdapter('members', Member, () => true),
  dismissals,
};

export function isRecordTable(t: unknown): t is RecordTable {
  return (RECORD_TABLES as readonly unknown[]).includes(t);
}

export function isSyncTable(t: unknown): t is SyncTable {
  return (SYNC_TABLES as readonly unknown[]).includes(t);
}

// ---- meta records ---------------------------------------------------------------------------------------

const Jwk = z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().max(100), y: z.string().max(100) });

/** The household itself: its name and which key epoch is current. Its document is also the key check. */
export const HouseholdRecord = z.object({
  id: z.literal('household'),
  name: z.string().max(80).optional(),
  createdAt: z.string().max(40),
});
export type HouseholdRecord = z.infer<typeof HouseholdRecord>;

export const DEVICE_STATUSES = ['invited', 'active', 'left', 'removed'] as const;

/** One browser in the household: whose it is, its public key, its CouchDB login name, and whether it is in. */
export const DeviceRecord = z.object({
  id: z.string().min(1).max(64),
  memberId: z.string().min(1).max(64),
  status: z.enum(DEVICE_STATUSES),
  /** The CouchDB user this browser logs in as. */
  user: z.string().min(1).max(120),
  label: z.string().max(80).optional(),
  publicKey: Jwk.optional(),
  /** This browser holds the server's admin login and manages invites and removals. */
  manager: z.boolean().optional(),
  /** The key epoch this browser has moved to. */
  epoch: z.number().int().min(0).optional(),
  invitedAt: z.string().max(40).optional(),
  joinedAt: z.string().max(40).optional(),
});
export type DeviceRecord = z.infer<typeof DeviceRecord>;

const WrappedKey = z.object({ epk: Jwk, iv: z.string().max(40), ct: z.string().max(200) });

/** Written to the old database when the key is rotated: the new key, sealed for each remaining browser. */
export const RotationRecord = z.object({
  id: z.string().min(1).max(64),
  epoch: z.number().int().min(1),
  database: z.string().min(1).max(240),
  keys: z.record(z.string().max(64), WrappedKey),
  at: z.string().max(40),
});
export type RotationRecord = z.infer<typeof RotationRecord>;

export const META_SCHEMAS: Record<MetaTable, z.ZodType> = {
  household: HouseholdRecord,
  devices: DeviceRecord,
  rotation: RotationRecord,
};

export function schemaOf(table: SyncTable): z.ZodType {
  return isRecordTable(table) ? ADAPTERS[table].schema : META_SCHEMAS[table];
}
