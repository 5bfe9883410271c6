import { browser } from 'wxt/browser';
import { paintPopupSummary } from '../../components/first-paint';
import { PAINT_KEYS } from '../../lib/app/paint-keys';
import { popupSite, usableSummary } from '../../lib/app/paint-summary-check';
import type { ActiveTab } from '../../lib/app/popup';
import { readSnapshot } from '../../lib/app/snapshot';
import { todayFromInstant } from '../../lib/dates/today';
import '../../components/styles.css';

// For the benchmark: when Subkeeper's own code starts (after the browser loaded the page and this module).
performance.mark('subkeeper:start');

/**
 * The popup's entry is kept small so that its reads start at once: the summary kept in storage.local
 * (lib/app/paint-summary), the database read (lib/app/snapshot) and the active tab are on their way while ./paint
 * (Preact, the view, the sums) loads. The summary, when it can be painted, is drawn here as soon as it and the tab
 * answer (components/first-paint); ./paint draws the view from the database read over it, and after that, ./full
 * loads the store and takes over (see ./paint).
 */
const root = document.getElementById('root')!;
const snapshot = readSnapshot(indexedDB);
const tab: Promise<ActiveTab | undefined> = browser.tabs.query({ active: true, currentWindow: true }).then(
  ([t]) => t,
  () => undefined,
);
const state = { live: false };
void Promise.all([browser.storage.local.get(PAINT_KEYS), tab])
  .then(([stored, t]) => {
    const summary = usableSummary(stored as Record<string, unknown>, todayFromInstant(new Date()));
    const here = summary && popupSite(summary, t);
    if (state.live || !summary || !here || !paintPopupSummary(root, summary, here.site)) return;
    // For the benchmark: the first frame with data (`subkeeper:ready` marks the database's).
    performance.mark('subkeeper:first');
  })
  .catch(() => {});

void import('./paint').then((m) => m.paint(root, snapshot, tab, state));
