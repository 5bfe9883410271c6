/** The database's name, in a module of its own so the popup's first paint (lib/app/snapshot) can open it without Dexie. */
export const DB_NAME = 'subkeeper';
