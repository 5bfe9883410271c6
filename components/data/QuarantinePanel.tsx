import { formatDate } from '../../lib/dates';
import type { QuarantineRow } from '../../lib/db';
import type { Translate } from '../../lib/i18n';

const TABLES = ['subscriptions', 'charges', 'priceChanges', 'detections', 'members', 'settings', 'serviceLinks'];

/** A few words that say which record it was (its name, site, date or id), as plain text. */
function summary(record: unknown): string {
  if (!record || typeof record !== 'object') return '';
  const r = record as Record<string, unknown>;
  const parts = ['service', 'name', 'hostname', 'key', 'date', 'id']
    .map((k) => r[k])
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
  return (parts[0] ?? '').slice(0, 80);
}

/** Stored field names that the form calls otherwise. */
const ALIASES: Record<string, string> = {
  amountMinor: 'amount',
  billingAnchor: 'nextRenewal',
  introAmountMinor: 'introAmount',
  ownerId: 'owner',
};

/** A dropped part in words (`links.cancel` → "Cancel page"), or as it is when there are none. */
function partLabel(t: Translate, path: string): string {
  const link = /(?:^|\.)(manage|cancel|pause)(?:\.url)?$/.exec(path);
  if (link) return t(`dashboard.field.${link[1]}`);
  const field = path.split('.').pop() ?? path;
  const last = ALIASES[field] ?? field;
  for (const key of [`dashboard.field.${last}`, `data.quarantine.part.${last}`]) {
    const text = t(key);
    if (text !== key) return text;
  }
  return path;
}

/** `path: message; …` with the parts and the messages in words where the catalog has them. */
function reasonText(t: Translate, reason: string): string {
  return reason
    .split('; ')
    .map((part) => {
      const at = part.indexOf(': ');
      if (at < 0) {
        const bare = t(`data.problem.${part}`);
        return bare === `data.problem.${part}` ? part : bare;
      }
      const key = `data.problem.${part.slice(at + 2)}`;
      const message = t(key);
      return `${partLabel(t, part.slice(0, at))}: ${message === key ? part.slice(at + 2) : message}`;
    })
    .join('; ');
}

/**
 * What upgrades could not fit into how data is stored now (lib/db/migrations/settle): records set aside whole,
 * and records kept without a part that was wrong. Nothing is lost: they are listed here, can be downloaded, and
 * are in every backup. Shown only when there is something.
 */
export function QuarantinePanel(props: {
  entries: readonly QuarantineRow[];
  t: Translate;
  locale: string;
  onDownload: () => void;
  onRemove: (id: number) => void;
}) {
  const { t, entries } = props;
  if (entries.length === 0) return null;
  return (
    <section class="card" aria-labelledby="quarantine-h">
      <h2 id="quarantine-h">
        {t('data.quarantine.title')} <span class="count">{entries.length}</span>
      </h2>
      <p class="muted small">{t('data.quarantine.hint')}</p>
      <button type="button" onClick={props.onDownload}>
        {t('data.quarantine.download')}
      </button>
      <ul class="quarantine">
        {entries.map((e, i) => {
          const what = TABLES.includes(e.table) ? t(`data.quarantine.table.${e.table}`) : e.table;
          const name = summary(e.record);
          return (
            <li key={e.id ?? i}>
              <strong>
                {what}
                {name && `: ${name}`}
              </strong>
              <div>
                {e.kept
                  ? t('data.quarantine.kept', { parts: (e.dropped ?? []).map((p) => partLabel(t, p)).join(', ') })
                  : t('data.quarantine.setAside')}
              </div>
              <div class="muted small">{t('data.quarantine.reason', { reason: reasonText(t, e.reason) })}</div>
              {e.at && (
                <div class="muted small">
                  {e.version !== undefined
                    ? t('data.quarantine.when', {
                        date: formatDate(e.at.slice(0, 10), props.locale),
                        version: e.version,
                      })
                    : formatDate(e.at.slice(0, 10), props.locale)}
                </div>
              )}
              {e.id !== undefined && (
                <button type="button" class="linkish" onClick={() => props.onRemove(e.id as number)}>
                  {t('data.quarantine.remove')}
                  <span class="sr-only"> {name}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
