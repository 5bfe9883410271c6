import type { Detection, Subscription } from '../model';

/**
 * The popup's first-paint read: the settings row, every subscription and the pending detections, straight from
 * IndexedDB in one read-only transaction, without Dexie or the schema (neither is loaded before the first
 * paint). The records are the ones the store would read (it reads them without re-validation too).
 *
 * Returns null, and leaves the database untouched, whenever this cannot be done plainly: no database yet (it is
 * never created here: Dexie creates it with its schema), an older version whose upgrade has not run, a missing
 * store, or any error. The caller then takes the full path through the store.
 */

export const DB_NAME = 'subkeeper';
/** IndexedDB's version for the current schema: Dexie stores version × 10 (a test checks it against lib/db). */
export const DB_VERSION = 20;

export interface Snapshot {
  /** The stored settings value (not validated), or undefined when none was saved. */
  settings: unknown;
  subscriptions: Subscription[];
  /** Pending detections, newest first. */
  detections: Detection[];
}

const STORES = ['settings', 'subscriptions', 'detections'] as const;

export function readSnapshot(idb: IDBFactory, name = DB_NAME): Promise<Snapshot | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = idb.open(name);
    } catch {
      resolve(null);
      return;
    }
    // Only fires when the database does not exist: abort, so that it is not created (without its stores).
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      const done = (value: Snapshot | null) => {
        db.close();
        resolve(value);
      };
      if (db.version < DB_VERSION || STORES.some((s) => !db.objectStoreNames.contains(s))) {
        done(null);
        return;
      }
      try {
        const tx = db.transaction([...STORES], 'readonly');
        const settings = tx.objectStore('settings').get('settings');
        const subscriptions = tx.objectStore('subscriptions').getAll();
        const detections = tx.objectStore('detections').index('status').getAll('pending');
        tx.oncomplete = () =>
          done({
            settings: (settings.result as { value?: unknown } | undefined)?.value,
            subscriptions: subscriptions.result as Subscription[],
            detections: (detections.result as Detection[]).sort((a, b) =>
              a.seenAt < b.seenAt ? 1 : a.seenAt > b.seenAt ? -1 : 0,
            ),
          });
        tx.onabort = () => done(null);
      } catch {
        done(null);
      }
    };
  });
}
