import { browser } from 'wxt/browser';
import { PAINT_KEYS } from '../../lib/app/paint-keys';
import { readSnapshot } from '../../lib/app/snapshot';
import '../../components/styles.css';

// For the benchmark: when Subkeeper's own code starts (after the browser loaded the page and this module).
performance.mark('subkeeper:start');

/**
 * The dashboard's entry is kept tiny so that its reads start at once: the summary kept in storage.local
 * (lib/app/paint-summary) and the database read (lib/app/snapshot) are on their way while the app (Preact, the
 * store, Dexie, the schema, the texts) loads. ./first-paint draws the summary (what you pay, the next renewals) if
 * it is there before the app; ./mount renders the app, filled from the database read, over it.
 */
const root = document.getElementById('root')!;
const stored = browser.storage.local
  .get(PAINT_KEYS)
  .then((r) => r as Record<string, unknown>)
  .catch(() => undefined);
const snapshot = readSnapshot(indexedDB, { dashboard: true });
let mounting = false;
void import('./mount').then((m) => {
  mounting = true;
  return m.mount(root, snapshot);
});
void Promise.all([stored, import('./first-paint')]).then(([s, m]) => {
  // For the benchmark: the first frame with data (the app marks `subkeeper:ready` when it shows the database's).
  if (m.paintSummary(root, s, () => mounting)) performance.mark('subkeeper:first');
});
