import { useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n';
import type { Member } from '../lib/model';

export type ExportKind = 'backup' | 'household' | 'subscriptions-csv' | 'charges-csv' | 'calendar';

/** The ways data goes out besides the backup: CSV files, the renewals as a calendar file, a household file. */
export function ExportPanel(props: {
  t: Translate;
  members: readonly Member[];
  onExport: (kind: ExportKind, memberId?: string) => void;
}) {
  const { t } = props;
  const [member, setMember] = useState(props.members[0]?.id ?? '');
  const items: Array<[ExportKind, string, string]> = [
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
        {props.members.length > 0 && (
          <li>
            <label>
              <span class="sr-only">{t('dashboard.export.member')}</span>
              <select value={member} onChange={(e) => setMember((e.currentTarget as HTMLSelectElement).value)}>
                {props.members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => props.onExport('household', member)}>
              {t('dashboard.export.household')}
            </button>
            <span class="muted small">{t('dashboard.export.householdHint')}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
