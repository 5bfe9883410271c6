import Dexie, { type EntityTable } from 'dexie';
import type {
  Charge,
  Detection,
  Links,
  Member,
  PriceChange,
  Proof,
  QuarantineEntry,
  Settings,
  Subscription,
} from '../model';
import { MIGRATIONS, type Migration } from './migrations';
import { CURRENT_RULES, settle, type TableRules } from './migrations/settle';

import { DB_NAME } from './name';

export { DB_NAME };

export interface SettingsRow {
  key: 'settings';
  value: Settings;
}
/** Small keyed state the background keeps (reminder log, last sync...). */
export interface StateRow {
  key: string;
  value: unknown;
}
/** Links seen on a service's own account pages, keyed by service id or domain. */
export interface ServiceLinksRow {
  key: string;
  links: Links;
}
/** Records an upgrade could not convert (kept whole), or parts of records it dropped: never lost (./migrations/settle). */
export type QuarantineRow = QuarantineEntry & { id?: number };

export interface DbOptions {
  /** Open at this version at most (tests seed old layouts this way); the check after the last step then does not run. */
  upToVersion?: number;
  /** The migrations (default: lib/db/migrations); tests pass future ones. */
  migrations?: readonly Migration[];
  /** The schemas records are checked against after the last step (default: today's, lib/model). */
  rules?: TableRules;
  /** The clock for quarantine stamps (default: the system clock). */
  now?: () => Date;
}

/**
 * The typed database. Opened only in extension pages and the background (never in a content script, where
 * IndexedDB would belong to the visited site). Reads and writes go through `lib/db/repo.ts`, except in the few
 * modules that need one transaction over several tables (a find with its charges, a backup, a restore, an import,
 * household sync): `tests/architecture.test.ts` lists them with their reasons and fails on any other.
 */
export class SubkeeperDb extends Dexie {
  subscriptions!: EntityTable<Subscription, 'id'>;
  charges!: EntityTable<Charge, 'id'>;
  priceChanges!: EntityTable<PriceChange, 'id'>;
  detections!: EntityTable<Detection, 'id'>;
  members!: EntityTable<Member, 'id'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  state!: EntityTable<StateRow, 'key'>;
  serviceLinks!: EntityTable<ServiceLinksRow, 'key'>;
  quarantine!: EntityTable<QuarantineRow, 'id'>;
  proofs!: EntityTable<Proof, 'id'>;

  constructor(name = DB_NAME, options: DbOptions = {}) {
    super(name);
    const all = options.migrations ?? MIGRATIONS;
    const used = all.filter((m) => options.upToVersion === undefined || m.version <= options.upToVersion);
    const last = used[used.length - 1];
    // Whether the chain ends at the newest version: only then is the data checked against today's schema.
    const complete = last !== undefined && last.version === all[all.length - 1]?.version;
    // The version the data is upgraded from: the version before the first upgrade that runs.
    let from: number | undefined;
    for (const m of used) {
      this.version(m.version)
        .stores(m.stores)
        // Every version gets an upgrade function (Dexie runs them only when an older database is opened), so
        // that the last one can check the data once, after all of them.
        .upgrade(async (tx) => {
          from ??= m.version - 1;
          await m.upgrade?.(tx);
          if (m === last && complete) {
            await settle(tx, options.rules ?? CURRENT_RULES, {
              version: from,
              at: (options.now?.() ?? new Date()).toISOString(),
            });
          }
        });
    }
  }
}
