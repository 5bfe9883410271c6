import Dexie from 'dexie';
import { SubkeeperDb } from '../../../lib/db';
import type { BridgeContext } from '../../../lib/sync/bridge';
import { deriveHouseholdKeys, type HouseholdKeys } from '../../../lib/sync/crypto';
import { Hlc } from '../../../lib/sync/hlc';
import { SyncDb } from '../../../lib/sync/local-db';
import { openLocal, type Pouch, pouchdb } from '../../../lib/sync/pouch';

const uid = () => Math.random().toString(36).slice(2, 10);

/** A browser in a test household: its data, its sync bookkeeping, its replica and its own clock. */
export interface TestDevice extends BridgeContext {
  /** Moves this device's wall clock. */
  clock: { ms: number };
  drop(): Promise<void>;
}

export const T0 = Date.UTC(2026, 11, 6, 9, 0, 0);

export async function testKeys(raw = new Uint8Array(32).fill(7), epoch = 1): Promise<HouseholdKeys> {
  return deriveHouseholdKeys(raw, 'hh-test', epoch);
}

export function device(memberId: string, keys: HouseholdKeys, node = `${memberId}-${uid()}`): TestDevice {
  const clock = { ms: T0 };
  const db = new SubkeeperDb(`data-${uid()}`);
  const sync = new SyncDb(`sync-${uid()}`);
  const replica = openLocal(`replica-${uid()}`);
  return {
    db,
    sync,
    replica,
    keys,
    hlc: new Hlc(node, () => clock.ms),
    memberId,
    now: () => new Date(clock.ms),
    clock,
    async drop() {
      db.close();
      sync.close();
      await Dexie.delete(db.name);
      await Dexie.delete(sync.name);
      await replica.destroy();
    },
  };
}

/** The household's server, as a PouchDB database (the replication protocol is the same). */
export function testServer(): Pouch {
  return openLocal(`server-${uid()}`);
}

/** Push then pull, as one sync run does. */
export async function replicate(replica: Pouch, server: Pouch): Promise<void> {
  await pouchdb().replicate(replica, server);
  await pouchdb().replicate(server, replica);
}
