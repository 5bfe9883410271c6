import { readSnapshot } from '../../lib/app/snapshot';
import '../../components/styles.css';

// For the benchmark: when Subkeeper's own code starts (after the browser loaded the page and this module).
performance.mark('subkeeper:start');

/**
 * The dashboard's entry is kept tiny so that the database read (lib/app/snapshot) is on its way while the app
 * (Preact, the store, Dexie, the schema, the texts) loads; ./mount renders the app and fills the store from it.
 */
const snapshot = readSnapshot(indexedDB, { dashboard: true });
void import('./mount').then((m) => m.mount(document.getElementById('root')!, snapshot));
