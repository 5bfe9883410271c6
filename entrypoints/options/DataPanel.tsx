import { useState } from 'preact/hooks';
import type { Store } from '../../lib/app/store';
import type { Translate } from '../../lib/i18n';
import { exportBackup, parseBackup, serializeBackup } from '../../lib/io/backup';
import { exportChargesCsv, exportSubscriptionsCsv } from '../../lib/io/csv';
import { restoreBackup } from '../../lib/io/restore';
import type { Platform } from './App';

/** Import and export: backups, CSV. */
export function DataPanel(props: { store: Store; platform: Platform; t: Translate; locale: string }) {
  const { store, platform, t } = props;
  const [message, setMessage] = useState('');
  const db = store.db;
  const today = store.today.value;

  async function restore(file: File, mode: 'merge' | 'replace') {
    const parsed = parseBackup(await file.text());
    if (!parsed.ok) {
      setMessage(parsed.error);
      return;
    }
    const r = await restoreBackup(db, parsed.backup, mode);
    setMessage(JSON.stringify(r));
    await store.load();
  }

  return (
    <section class="card" aria-labelledby="data-h">
      <h2 id="data-h">{t('dashboard.nav.data')}</h2>
      <div class="row-actions">
        <button
          type="button"
          onClick={async () =>
            platform.download(
              `subkeeper-${today}.json`,
              'application/json',
              serializeBackup(await exportBackup(db, new Date().toISOString())),
            )
          }
        >
          JSON
        </button>
        <button
          type="button"
          onClick={() =>
            platform.download(
              `subkeeper-subscriptions-${today}.csv`,
              'text/csv',
              exportSubscriptionsCsv(store.subscriptions.value, { today }),
            )
          }
        >
          CSV
        </button>
        <button
          type="button"
          onClick={async () =>
            platform.download(
              `subkeeper-charges-${today}.csv`,
              'text/csv',
              exportChargesCsv(await store.loadCharges(), store.subscriptions.value),
            )
          }
        >
          CSV
        </button>
      </div>
      <label>
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const f = (e.currentTarget as HTMLInputElement).files?.[0];
            if (f) void restore(f, 'merge');
          }}
        />
      </label>
      <p role="status">{message}</p>
    </section>
  );
}
