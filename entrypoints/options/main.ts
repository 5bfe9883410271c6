import { browser } from 'wxt/browser';
import { paintDashboardSummary } from '../../components/first-paint';
import { PAINT_KEYS } from '../../lib/app/paint-keys';
import { usableSummary } from '../../lib/app/paint-summary-check';
import { readSnapshot } from '../../lib/app/snapshot';
import { todayFromInstant } from '../../lib/dates/today';
import '../../components/styles.css';

// For the benchmark: when Subkeeper's own code starts (after the browser loaded the page and this module).
performance.mark('subkeeper:start');

/**
 * The dashboard's entry is kept small so that its reads start at once: the summary kept in storage.local
 * (lib/app/paint-summary) and the database read (lib/app/snapshot) are on their way while the app (Preact, the
 * store, Dexie, the schema, the texts) loads. components/first-paint (components/first-paint) draws the summary (what you pay, the next renewals) when
 * it answers before the app is there; ./mount renders the app, filled from the database read, over it.
 */
const root = document.getElementById('root')!;
const snapshot = readSnapshot(indexedDB, { dashboard: true });
let mounting = false;
void browser.storage.local
  .get(PAINT_KEYS)
  .then((stored) => {
    const summary = usableSummary(stored as Record<string, unknown>, todayFromInstant(new Date()));
    if (!summary || mounting) return;
    paintDashboardSummary(root, summary);
    // For the benchmark: the first frame with data (the app marks `subkeeper:ready` when it shows the database's).
    performance.mark('subkeeper:first');
  })
  .catch(() => {});
void import('./mount').then((m) => {
  mounting = true;
  return m.mount(root, snapshot);
});
