/** The database module: the typed Dexie schema, its migrations, and every read and write. */
export * from './repo';
export { DB_NAME, type QuarantineRow, type ServiceLinksRow, type SettingsRow, SubkeeperDb } from './schema';

import { SubkeeperDb } from './schema';

let shared: SubkeeperDb | undefined;
/** The one database of this extension page or worker (opened lazily). */
export function getDb(): SubkeeperDb {
  shared ??= new SubkeeperDb();
  return shared;
}
