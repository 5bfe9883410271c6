/**
 * Whether a Dexie `storagemutated` report (`idb://<database>/<table>/` → key ranges, from any page or worker of the
 * extension) includes a write to `table` of the database `dbName`.
 */
export function touches(parts: Record<string, unknown>, dbName: string, table: string): boolean {
  return Object.keys(parts).some((part) => part === `idb://${dbName}/${table}/`);
}
