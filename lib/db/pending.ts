/**
 * Finds the background could not store because the database would not open (an upgrade failed, a newer version
 * wrote it, the disk is full): held in a small database of their own, with plain IndexedDB and one table (no
 * schema, no upgrades that could fail the same way), and stored when the database opens again. A find that
 * still fails after {@link MAX_ATTEMPTS} tries is given up to the caller (which keeps it in `quarantine`).
 */

export const PENDING_DB = 'subkeeper-pending';
const STORE = 'finds';
/** Most finds held; the oldest go first beyond it (a page cannot fill the disk while the database is down). */
export const MAX_HELD = 200;
export const MAX_ATTEMPTS = 5;

export interface HeldFind {
  url: string;
  /** What the detection read (already checked when the page sent it). */
  result: unknown;
  tabId?: number;
  /** The clock when the page was seen. */
  today: string;
  stamp: string;
  attempts?: number;
}

/** Opens the hold, creating its table when it is missing (also in a database someone opened bare). */
function openHold(idb: IDBFactory, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? idb.open(PENDING_DB) : idb.open(PENDING_DB, version);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) {
        request.result.createObjectStore(STORE, { autoIncrement: true });
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      if (db.objectStoreNames.contains(STORE)) return resolve(db);
      const next = db.version + 1;
      db.close();
      openHold(idb, next).then(resolve, reject);
    };
    request.onerror = () => reject(request.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
    tx.onerror = () => reject(tx.error);
  });
}

/** Holds a find until the database opens; beyond MAX_HELD the oldest is let go. */
export async function holdFind(idb: IDBFactory, find: HeldFind): Promise<void> {
  const db = await openHold(idb);
  try {
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    store.add({ ...find, attempts: find.attempts ?? 0 });
    const count = store.count();
    count.onsuccess = () => {
      let extra = count.result - MAX_HELD;
      if (extra <= 0) return;
      const cursor = store.openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c || extra <= 0) return;
        c.delete();
        extra--;
        c.continue();
      };
    };
    await done(tx);
  } finally {
    db.close();
  }
}

/** How many finds are held. */
export async function heldCount(idb: IDBFactory): Promise<number> {
  const db = await openHold(idb);
  try {
    const tx = db.transaction(STORE, 'readonly');
    const req = tx.objectStore(STORE).count();
    await done(tx);
    return req.result;
  } finally {
    db.close();
  }
}

/**
 * Stores the held finds with `store`, oldest first: each one stored leaves the hold; one that fails stays, with
 * one more attempt counted, and after MAX_ATTEMPTS goes to `giveUp` and leaves the hold.
 */
export async function releaseFinds(
  idb: IDBFactory,
  store: (find: HeldFind) => Promise<void>,
  giveUp: (find: HeldFind, error: unknown) => Promise<void>,
): Promise<{ stored: number; failed: number; left: number }> {
  const db = await openHold(idb);
  try {
    const read = db.transaction(STORE, 'readonly');
    const keysReq = read.objectStore(STORE).getAllKeys();
    const valuesReq = read.objectStore(STORE).getAll();
    await done(read);
    const held = (valuesReq.result as HeldFind[]).map((find, i) => ({ key: keysReq.result[i]!, find }));
    let stored = 0;
    let failed = 0;
    for (const { key, find } of held) {
      let outcome: 'stored' | 'retry' | 'gone';
      try {
        await store(find);
        outcome = 'stored';
        stored++;
      } catch (error) {
        failed++;
        const attempts = (find.attempts ?? 0) + 1;
        if (attempts >= MAX_ATTEMPTS) {
          await giveUp({ ...find, attempts }, error);
          outcome = 'gone';
        } else {
          outcome = 'retry';
          find.attempts = attempts;
        }
      }
      const tx = db.transaction(STORE, 'readwrite');
      if (outcome === 'retry') tx.objectStore(STORE).put(find, key);
      else tx.objectStore(STORE).delete(key);
      await done(tx);
    }
    const tx = db.transaction(STORE, 'readonly');
    const left = tx.objectStore(STORE).count();
    await done(tx);
    return { stored, failed, left: left.result };
  } finally {
    db.close();
  }
}
