import { money, periodLabel } from '../lib/app/format';
import type { Translate } from '../lib/i18n';
import type { Detection } from '../lib/model';

/** Detections waiting for the user: accept (track), edit, or dismiss. Page text is shown as text only. */
export function DetectionInbox(props: {
  detections: readonly Detection[];
  locale: string;
  t: Translate;
  onAccept: (d: Detection) => void;
  onEdit: (d: Detection) => void;
  onDismiss: (d: Detection) => void;
}) {
  const { t, locale } = props;
  if (props.detections.length === 0) return <p class="muted">{t('dashboard.inboxEmpty')}</p>;
  return (
    <ul class="inbox">
      {props.detections.map((d) => {
        const s = d.result.subscription;
        const name = d.result.service?.name ?? d.hostname;
        return (
          <li key={d.id} class="inbox-item">
            <div>
              <strong>{name}</strong>
              {s && (
                <span class="amount">
                  {' '}
                  {money(s.amountMinor, s.currency, locale)} {s.period ? periodLabel(s.period, t) : ''}
                </span>
              )}
              <div class="muted small">
                {t(`common.kind.${d.result.kind}`)} · {d.hostname}
              </div>
            </div>
            <div class="row-actions">
              <button type="button" class="primary" onClick={() => props.onAccept(d)}>
                {t('common.add')}
                <span class="sr-only"> {name}</span>
              </button>
              <button type="button" onClick={() => props.onEdit(d)}>
                {t('common.edit')}
                <span class="sr-only"> {name}</span>
              </button>
              <button type="button" onClick={() => props.onDismiss(d)}>
                {t('common.ignore')}
                <span class="sr-only"> {name}</span>
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
