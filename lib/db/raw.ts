/**
 * When the database cannot be opened (an upgrade failed, or a newer version of Subkeeper wrote it), the app
 * cannot show the data, but the user can still take it with them: this reads every table as it is stored,
 * with plain IndexedDB (no Dexie, no schema, no upgrade), into one JSON file.
 */

export const RAW_FORMAT = 'subkeeper-raw';

export interface RawExport {
  format: typeof RAW_FORMAT;
  /** The database's schema version as stored (IndexedDB's version / 10, Dexie's way). */
  databaseVersion: number;
  exportedAt: string;
  /** Every table's records as stored. */
  tables: Record<string, unknown[]>;
}

/** Reads every table of `name` as it is; an empty export when there is no such database (none is created). */
export function exportRaw(idb: IDBFactory, name: string, stamp: string): Promise<RawExport> {
  return new Promise((resolve, reject) => {
    const empty: RawExport = { format: RAW_FORMAT, databaseVersion: 0, exportedAt: stamp, tables: {} };
    let request: IDBOpenDBRequest;
    try {
      request = idb.open(name);
    } catch (error) {
      reject(error);
      return;
    }
    let missing = false;
    // Fires only when the database does not exist: nothing to export, and nothing is created.
    request.onupgradeneeded = () => {
      missing = true;
      request.transaction?.abort();
    };
    request.onerror = () => (missing ? resolve(empty) : reject(request.error));
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      const names = [...db.objectStoreNames];
      const out: RawExport = { ...empty, databaseVersion: db.version / 10, tables: {} };
      if (names.length === 0) {
        db.close();
        resolve(out);
        return;
      }
      const tx = db.transaction(names, 'readonly');
      for (const store of names) {
        const os = tx.objectStore(store);
        const values = os.getAll();
        if (os.keyPath === null) {
          const keys = os.getAllKeys();
          tx.addEventListener('complete', () => {
            out.tables[store] = (values.result as unknown[]).map((value, i) => ({ key: keys.result[i], value }));
          });
        } else {
          values.onsuccess = () => {
            out.tables[store] = values.result as unknown[];
          };
        }
      }
      tx.oncomplete = () => {
        db.close();
        resolve(out);
      };
      tx.onabort = () => {
        db.close();
        reject(tx.error);
      };
    };
  });
}

/** Why the database could not be opened, as far as the UI needs to know. */
export type OpenFailure = 'newer' | 'failed';

/** `newer` when a newer version of Subkeeper wrote the database (IndexedDB's VersionError); else `failed`. */
export function openFailureKind(error: unknown): OpenFailure {
  for (let e = error as { name?: string; inner?: unknown } | undefined, n = 0; e && n < 5; n++) {
    if (e.name === 'VersionError') return 'newer';
    e = e.inner as typeof e;
  }
  return 'failed';
}

/** One line about an error, for the details under the message. */
export function errorText(error: unknown): string {
  const e = error as { name?: string; message?: string; inner?: { name?: string; message?: string } } | undefined;
  const own = [e?.name, e?.message].filter(Boolean).join(': ');
  const inner = e?.inner ? [e.inner.name, e.inner.message].filter(Boolean).join(': ') : '';
  return (inner && !own.includes(inner) ? `${own} (${inner})` : own || String(error)).slice(0, 500);
}
