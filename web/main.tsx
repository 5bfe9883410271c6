import { render } from 'preact';
import { App } from '../entrypoints/options/App';
import { createStore } from '../lib/app/store';
import { SubkeeperDb } from '../lib/db';
import { exportRaw } from '../lib/db/raw';
import { parseBackup } from '../lib/io/backup';
import { restoreBackup } from '../lib/io/restore';
import { HttpUrl } from '../lib/model';
import '../components/styles.css';
import { downloadText } from '../lib/app/download';

/**
 * The static dashboard: the same App as the extension's options page, over this site's own IndexedDB. With
 * `demo-backup.json` beside it (npm start writes one) an empty database is filled with the demo data.
 */
const db = new SubkeeperDb('subkeeper-web');
const store = createStore({ db, now: () => new Date(), languages: navigator.languages });

const platform = {
  languages: navigator.languages,
  openUrl: (url: string) => {
    const parsed = HttpUrl.safeParse(url);
    if (parsed.success) window.open(parsed.data, '_blank', 'noopener,noreferrer');
  },
  download: downloadText,
  exportRaw: async () => JSON.stringify(await exportRaw(indexedDB, db.name, new Date().toISOString()), null, 1),
};

async function seedDemo() {
  if ((await db.subscriptions.count()) > 0) return;
  const res = await fetch('./demo-backup.json').catch(() => null);
  if (!res?.ok) return;
  const parsed = parseBackup(await res.text());
  if (parsed.ok) await restoreBackup(db, parsed.backup, 'replace');
}

render(<App store={store} platform={platform} />, document.getElementById('root')!);
// Followed live, so that two tabs of the web dashboard stay in step.
void seedDemo()
  .catch(() => {})
  .then(() => store.live())
  .catch(() => {});
