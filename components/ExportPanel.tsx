import type { Translate } from '../lib/i18n';

export type ExportKind = 'backup' | 'subscriptions-csv' | 'charges-csv' | 'calendar';

/** The ways data goes out: a full backup, CSV files, and the renewals as a calendar file. */
export function ExportPanel(props: { t: Translate; onExport: (kind: ExportKind) => void }) {
  const { t } = props;
  const items: Array<[ExportKind, string, string]> = [
    ['backup', t('dashboard.export.backup'), t('dashboard.export.backupHint')],
    ['subscriptions-csv', t('dashboard.export.subscriptionsCsv'), t('dashboard.export.csvHint')],
    ['charges-csv', t('dashboard.export.chargesCsv'), t('dashboard.export.csvHint')],
    ['calendar', t('dashboard.export.calendar'), t('dashboard.export.calendarHint')],
  ];
  return (
    <section class="card" aria-labelledby="export-h">
      <h2 id="export-h">{t('dashboard.export.title')}</h2>
      <ul class="export-list">
        {items.map(([kind, label, hint]) => (
          <li key={kind}>
            <button type="button" onClick={() => props.onExport(kind)}>
              {label}
            </button>
            <span class="muted small">{hint}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
