import { browser } from 'wxt/browser';
import { PAINT_KEYS } from '../../lib/app/paint-keys';
import type { ActiveTab } from '../../lib/app/popup';
import { readSnapshot } from '../../lib/app/snapshot';
import '../../components/styles.css';

// For the benchmark: when Subkeeper's own code starts (after the browser loaded the page and this module).
performance.mark('subkeeper:start');

/**
 * The popup's entry is kept tiny so that its reads start at once: the summary kept in storage.local
 * (lib/app/paint-summary), the database read (lib/app/snapshot) and the active tab are on their way while ./paint
 * (Preact, the view, the sums) loads. ./paint draws the first frame from whichever of the summary and the database
 * answers first, and the database's data always replaces the summary's; after that, ./full loads the store and
 * takes over (see ./paint).
 */
const stored: Promise<Record<string, unknown> | undefined> = browser.storage.local
  .get(PAINT_KEYS)
  .then((r) => r as Record<string, unknown>)
  .catch(() => undefined);
const snapshot = readSnapshot(indexedDB);
const tab: Promise<ActiveTab | undefined> = browser.tabs.query({ active: true, currentWindow: true }).then(
  ([t]) => t,
  () => undefined,
);

void import('./paint').then((m) => m.paint(document.getElementById('root')!, snapshot, tab, stored));
