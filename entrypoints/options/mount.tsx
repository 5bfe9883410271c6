import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadText } from '../../lib/app/download';
import type { Snapshot } from '../../lib/app/snapshot';
import { createStore } from '../../lib/app/store';
import { holdLivePort } from '../../lib/app/sync-live';
import { DB_NAME, getDb } from '../../lib/db';
import { exportRaw } from '../../lib/db/raw';
import { send } from '../../lib/messages';
import { HttpUrl } from '../../lib/model';
import { App } from './App';

/**
 * Renders the dashboard, fills its store from the early read (or from the database when that failed), and then
 * follows the database live: the views update when the popup, another tab or the background writes.
 */
export async function mount(root: HTMLElement, snapshot: Promise<Snapshot | null>) {
  const store = createStore({
    db: getDb(),
    now: () => new Date(),
    notifyChanged: () => void send(browser.runtime, { type: 'data-changed' }).catch(() => {}),
    languages: navigator.languages,
    remindersAction: (message) => send(browser.runtime, message),
  });

  const platform = {
    languages: navigator.languages,
    openUrl: (url: string) => {
      const parsed = HttpUrl.safeParse(url);
      if (parsed.success) void browser.tabs.create({ url: parsed.data });
    },
    download: downloadText,
    welcomeUrl: browser.runtime.getURL('/welcome.html'),
    exportRaw: async () => JSON.stringify(await exportRaw(indexedDB, DB_NAME, new Date().toISOString()), null, 1),
    about: {
      version: browser.runtime.getManifest().version,
      privacyUrl: (lang: string) => `${browser.runtime.getURL('/privacy.html')}?lang=${lang}`,
    },
  };

  render(<App store={store} platform={platform} />, root);
  const snap = await snapshot.catch(() => null);
  if (snap?.dashboard) {
    store.hydrate({ ...snap, dashboard: snap.dashboard });
    // Once the first frame is painted from the early read (the live queries re-read the same data first).
    requestAnimationFrame(() => setTimeout(() => void store.live().catch(() => {}), 0));
  } else {
    await store.live().catch(() => {});
  }
  // Household sync runs live while the dashboard is open (the live queries show what it applies).
  holdLivePort(browser.runtime as never, () => void store.load());
}
