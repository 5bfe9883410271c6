import type { DBCore, DBCoreTransaction, Dexie } from 'dexie';

/**
 * Tells `listener` after every committed read-write transaction of this database in this page or worker that
 * included one of `tables` (by the tables it was opened on: a transaction that could write them). Installed as a
 * Dexie middleware, so it sees every write whichever module makes it; it must be installed before the database
 * opens (Dexie builds its middleware stack then), which is checked.
 */
export function onCommittedWrite(db: Dexie, tables: readonly string[], listener: (tables: string[]) => void): void {
  if (db.isOpen()) throw new Error('onCommittedWrite: install it before the database opens');
  const watched = new Set(tables);
  db.use({
    stack: 'dbcore',
    name: 'committed-write',
    create(down: DBCore): DBCore {
      return {
        ...down,
        transaction(stores, mode, options) {
          const trans: DBCoreTransaction = down.transaction(stores, mode, options);
          const hit = mode === 'readwrite' ? stores.filter((s) => watched.has(s)) : [];
          // The default core hands out the IndexedDB transaction itself.
          const idb = trans as unknown as Partial<IDBTransaction>;
          if (hit.length > 0 && typeof idb.addEventListener === 'function') {
            idb.addEventListener('complete', () => {
              try {
                listener(hit);
              } catch {
                // A listener's failure never fails the write.
              }
            });
          }
          return trans;
        },
      };
    },
  });
}
