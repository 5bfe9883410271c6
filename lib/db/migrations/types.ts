import type { Transaction } from 'dexie';

/**
 * One file per schema version. A version lists its full table layout (Dexie keeps older ones only for the
 * upgrade path) and, when data must change shape, an upgrade function. An upgrade that throws aborts the
 * version-change transaction, so IndexedDB keeps the old data and the old version.
 *
 * Rules for an upgrade function:
 * - it changes shapes only, and NEVER validates against lib/model: the data is checked once, after the last
 *   step, against today's schema (./settle.ts). A migration that validated against today's schema would set
 *   aside old records that a later step would have made valid (issue 15, item 6);
 * - it depends on nothing that may change meaning later: what it needs of the model it spells out itself;
 * - it has saved example data (tests/fixtures/db/v<N>.json, written in that version's shape), which the tests
 *   upgrade through every later version.
 */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}
