import { type ExportKind, ExportPanel } from '../../components/ExportPanel';
import type { Store } from '../../lib/app/store';
import { exportIcs } from '../../lib/calendar/ics';
import type { Translate } from '../../lib/i18n';
import { exportBackup, serializeBackup } from '../../lib/io/backup';
import { exportChargesCsv, exportSubscriptionsCsv } from '../../lib/io/csv';
import type { Language } from '../../lib/model';
import type { Platform } from './App';

/** Import and export: wires lib/io and lib/calendar to the data views. */
export function DataPanel(props: { store: Store; platform: Platform; t: Translate; lang: Language; locale: string }) {
  const { store, platform, t } = props;
  const today = store.today.value;

  async function onExport(kind: ExportKind) {
    const now = new Date().toISOString();
    if (kind === 'backup') {
      platform.download(
        `subkeeper-${today}.json`,
        'application/json',
        serializeBackup(await exportBackup(store.db, now)),
      );
    } else if (kind === 'subscriptions-csv') {
      platform.download(
        `subkeeper-subscriptions-${today}.csv`,
        'text/csv',
        exportSubscriptionsCsv(store.subscriptions.value, { today }),
      );
    } else if (kind === 'charges-csv') {
      const charges = await store.loadCharges();
      platform.download(
        `subkeeper-charges-${today}.csv`,
        'text/csv',
        exportChargesCsv(charges, store.subscriptions.value),
      );
    } else {
      const ics = exportIcs(store.subscriptions.value, {
        now,
        lang: props.lang,
        reminders: store.settings.value.reminders,
      });
      platform.download(`subkeeper-renewals-${today}.ics`, 'text/calendar', ics);
    }
  }

  return (
    <div class="data-views">
      <ExportPanel t={t} onExport={onExport} />
    </div>
  );
}
