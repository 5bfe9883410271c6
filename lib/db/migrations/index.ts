import type { Transaction } from 'dexie';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';

/**
 * One file per schema version. A version lists its full table layout (Dexie keeps older ones only for the
 * upgrade path) and, when data must change shape, an upgrade function. An upgrade that throws aborts the
 * version-change transaction, so IndexedDB keeps the old data and the old version.
 */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4];
export const LATEST_VERSION = v4.version;
