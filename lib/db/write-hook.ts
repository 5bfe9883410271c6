import type { DBCore, DBCoreTransaction, Dexie } from 'dexie';

interface Entry {
  tables: ReadonlySet<string>;
  listener: (tables: string[]) => void;
}

/** Listeners per database object; one middleware per database serves them all. */
const registry = new WeakMap<Dexie, Entry[]>();

/**
 * Tells `listener` after every committed read-write transaction of this database in this page or worker that
 * included one of `tables` (by the tables it was opened on: a transaction that could write them). A Dexie
 * middleware, so it sees every write whichever module makes it. Dexie builds its middleware stack when the database
 * opens: installed on an open database, it closes it, and the next use opens it again with the middleware in place.
 * Returns a function that removes the listener.
 */
export function onCommittedWrite(db: Dexie, tables: readonly string[], listener: (tables: string[]) => void) {
  let entries = registry.get(db);
  if (!entries) {
    const list: Entry[] = [];
    entries = list;
    registry.set(db, list);
    db.use({
      stack: 'dbcore',
      name: 'committed-write',
      create(down: DBCore): DBCore {
        return {
          ...down,
          transaction(stores, mode, options) {
            const trans: DBCoreTransaction = down.transaction(stores, mode, options);
            // The default core hands out the IndexedDB transaction itself.
            const idb = trans as unknown as Partial<IDBTransaction>;
            if (mode === 'readwrite' && typeof idb.addEventListener === 'function') {
              idb.addEventListener('complete', () => {
                for (const e of [...list]) {
                  const hit = stores.filter((s) => e.tables.has(s));
                  if (hit.length === 0) continue;
                  try {
                    e.listener(hit);
                  } catch {
                    // A listener's failure never fails the write.
                  }
                }
              });
            }
            return trans;
          },
        };
      },
    });
    if (db.isOpen()) db.close({ disableAutoOpen: false });
  }
  const entry: Entry = { tables: new Set(tables), listener };
  entries.push(entry);
  return () => {
    const i = entries.indexOf(entry);
    if (i !== -1) entries.splice(i, 1);
  };
}
