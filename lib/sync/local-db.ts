import Dexie, { type EntityTable } from 'dexie';
import type { FieldState } from './merge';
import type { SyncTable } from './records';

/**
 * The sync bookkeeping of this browser, in its own IndexedDB database (`subkeeper-sync`), apart from the data
 * (lib/db), so that its layout can change without a migration of the data tables.
 *
 * - `config`: the household this browser is in (server, database, login, household key, key epoch) and this
 *   browser's identity (device id, non-extractable private key). Never synced anywhere.
 * - `shadow`: per shared record, the merged state last seen in the replica (`state`: values, stamps, authors).
 * - `seen`: per shared record, the record as Dexie held it when it was last synced (`json`, canonical; null when
 *   absent). A local edit is whatever differs from it. Kept apart from the states so that looking for local
 *   edits reads only these small rows.
 * - `journal`: `seen` rows whose Dexie write is under way (crash safety of the apply step).
 * - `quarantine`: documents that did not open or validate: kept aside and shown, never applied.
 * - `state`: small values (replica sequence numbers, the clock).
 */

export interface ShadowRow {
  /** `${table}:${id}` */
  key: string;
  table: SyncTable;
  id: string;
  state: FieldState;
}

export interface SeenRow {
  /** `${table}:${id}` */
  key: string;
  table: SyncTable;
  id: string;
  json: string | null;
}

export interface JournalRow {
  key: string;
  /** What Dexie held before the apply's write (canonical JSON; null when absent). */
  from: string | null;
}

export interface QuarantineRow {
  /** `${docId}@${rev}` */
  key: string;
  docId: string;
  rev: string;
  reason: string;
  /** Plain-language detail (table and record id when they could be read). */
  detail?: string;
  seenAt: string;
  /** A later revision of the same document opened and was applied. */
  superseded?: boolean;
}

export interface KeyValueRow {
  key: string;
  value: unknown;
}

export const SYNC_DB_NAME = 'subkeeper-sync';

export class SyncDb extends Dexie {
  config!: EntityTable<KeyValueRow, 'key'>;
  shadow!: EntityTable<ShadowRow, 'key'>;
  seen!: EntityTable<SeenRow, 'key'>;
  journal!: EntityTable<JournalRow, 'key'>;
  quarantine!: EntityTable<QuarantineRow, 'key'>;
  state!: EntityTable<KeyValueRow, 'key'>;

  constructor(name = SYNC_DB_NAME) {
    super(name);
    this.version(1).stores({
      config: 'key',
      shadow: 'key, table',
      seen: 'key, table',
      journal: 'key',
      quarantine: 'key, docId',
      state: 'key',
    });
  }
}

export const shadowKey = (table: string, id: string) => `${table}:${id}`;

export async function getValue<T>(db: SyncDb, key: string, fallback: T): Promise<T> {
  const row = await db.state.get(key);
  return row ? (row.value as T) : fallback;
}

export async function setValue(db: SyncDb, key: string, value: unknown): Promise<void> {
  await db.state.put({ key, value });
}
