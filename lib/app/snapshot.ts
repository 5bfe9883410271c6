import { DB_NAME } from '../db/name';
import type { Detection, Links, Member, PriceChange, Subscription } from '../model';

const storedValue = (row: unknown) => (row as { value?: unknown } | undefined)?.value;

/**
 * The popup's first-paint read: the settings row, every subscription and the pending detections, straight from
 * IndexedDB in one read-only transaction, without Dexie or the schema (neither is loaded before the first
 * paint). The records are the ones the store would read (it reads them without re-validation too).
 *
 * Returns null, and leaves the database untouched, whenever this cannot be done plainly: no database yet (it is
 * never created here: Dexie creates it with its schema), an older version whose upgrade has not run, a missing
 * store, or any error. The caller then takes the full path through the store.
 */

/** IndexedDB's version for the current schema: Dexie stores version × 10 (a test checks it against lib/db). */
export const DB_VERSION = 50;

export interface Snapshot {
  /** The stored settings value (not validated), or undefined when none was saved. */
  settings: unknown;
  subscriptions: Subscription[];
  /** Pending detections, newest first. */
  detections: Detection[];
  /** What the dashboard also loads (only when asked for). */
  dashboard?: DashboardSnapshot;
}

export interface DashboardSnapshot {
  priceChanges: PriceChange[];
  members: Member[];
  serviceLinks: Array<{ key: string; links: Links }>;
  /** The stored value of the `proposals.dismissed` state row (not validated), or undefined. */
  dismissedProposals: unknown;
}

const STORES = ['settings', 'subscriptions', 'detections'];
const DASHBOARD_STORES = [...STORES, 'priceChanges', 'members', 'serviceLinks', 'state'];

/** `dashboard: true` also reads the tables the dashboard's store loads (never the charges). */
export function readSnapshot(
  idb: IDBFactory,
  { name = DB_NAME, dashboard = false }: { name?: string; dashboard?: boolean } = {},
): Promise<Snapshot | null> {
  const stores = dashboard ? DASHBOARD_STORES : STORES;
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
      if (db.version < DB_VERSION || stores.some((s) => !db.objectStoreNames.contains(s))) {
        done(null);
        return;
      }
      try {
        const tx = db.transaction(stores, 'readonly');
        const settings = tx.objectStore('settings').get('settings');
        const subscriptions = tx.objectStore('subscriptions').getAll();
        const detections = tx.objectStore('detections').index('status').getAll('pending');
        const more = dashboard
          ? {
              priceChanges: tx.objectStore('priceChanges').getAll(),
              members: tx.objectStore('members').getAll(),
              serviceLinks: tx.objectStore('serviceLinks').getAll(),
              dismissed: tx.objectStore('state').get('proposals.dismissed'),
            }
          : undefined;
        tx.oncomplete = () =>
          done({
            settings: storedValue(settings.result),
            subscriptions: subscriptions.result as Subscription[],
            detections: (detections.result as Detection[]).sort((a, b) =>
              a.seenAt < b.seenAt ? 1 : a.seenAt > b.seenAt ? -1 : 0,
            ),
            ...(more
              ? {
                  dashboard: {
                    priceChanges: more.priceChanges.result as PriceChange[],
                    members: more.members.result as Member[],
                    serviceLinks: more.serviceLinks.result as DashboardSnapshot['serviceLinks'],
                    dismissedProposals: storedValue(more.dismissed.result),
                  },
                }
              : {}),
          });
        tx.onabort = () => done(null);
      } catch {
        done(null);
      }
    };
  });
}
