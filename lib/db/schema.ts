import Dexie, { type EntityTable } from 'dexie';
import type { Charge, Detection, Links, Member, PriceChange, Proof, Settings, Subscription } from '../model';
import { MIGRATIONS } from './migrations';

export const DB_NAME = 'subkeeper';

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
/** Records an upgrade could not convert: kept, never dropped. */
export interface QuarantineRow {
  id?: number;
  table: string;
  record: unknown;
  reason: string;
}

/**
 * The typed database. Opened only in extension pages and the background (never in a content script, where
 * IndexedDB would belong to the visited site). All reads and writes go through `lib/db/repo.ts`.
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

  constructor(name = DB_NAME, options?: { upToVersion?: number }) {
    super(name);
    for (const m of MIGRATIONS) {
      if (options?.upToVersion !== undefined && m.version > options.upToVersion) break;
      const v = this.version(m.version).stores(m.stores);
      if (m.upgrade) v.upgrade(m.upgrade);
    }
  }
}
