import { browser } from 'wxt/browser';
import type { ActiveTab } from '../../lib/app/popup';
import { readSnapshot } from '../../lib/app/snapshot';
import '../../components/styles.css';

// For the benchmark: when Subkeeper's own code starts (after the browser loaded the page and this module).
performance.mark('subkeeper:start');

/**
 * The popup's entry is kept tiny so that its reads start at once: the database read (lib/app/snapshot) and the
 * active tab are on their way while ./paint (Preact, the view, the sums) loads. ./paint draws the first frame
 * from them; after that frame, ./full loads the store and takes over (see ./paint).
 */
const snapshot = readSnapshot(indexedDB);
const tab: Promise<ActiveTab | undefined> = browser.tabs.query({ active: true, currentWindow: true }).then(
  ([t]) => t,
  () => undefined,
);

void import('./paint').then((m) => m.paint(document.getElementById('root')!, snapshot, tab));
