import type { Translate } from '../../lib/i18n/translate';
import type { SyncStatus } from '../../lib/sync/status';
import { durationWords, relativeTime } from './format';
import './sync.css';

/** One error of a sync status in words (`sync.error.<code>`). */
export function syncErrorText(error: NonNullable<SyncStatus['error']>, t: Translate, server?: string): string {
  return t(`sync.error.${error.code}`, {
    server: server ? new URL(server).host : '',
    detail: error.detail ?? error.code,
    status: error.status ?? '',
  });
}

/**
 * Sync status in words: when it last synced, what is waiting to be sent, what went wrong, clocks that
 * disagree. Shown in the popup (compact: one line) and in Settings.
 */
export function SyncStatusLine(props: {
  status: SyncStatus;
  t: Translate;
  locale: string;
  /** Now, for "3 minutes ago". */
  nowMs: number;
  compact?: boolean;
}) {
  const { status, t, locale, nowMs } = props;
  if (status.state === 'off') return null;
  const parts: string[] = [];
  let problem: string | undefined;
  if (status.state === 'removed') {
    problem = t('sync.status.removed');
  } else {
    if (status.state === 'syncing') parts.push(t('sync.status.syncing'));
    else if (status.lastSyncAt) {
      const when = relativeTime(status.lastSyncAt, nowMs, locale);
      parts.push(status.state === 'error' ? t('sync.status.lastSynced', { when }) : t('sync.status.synced', { when }));
    } else parts.push(t('sync.status.never'));
    if (status.pending > 0) {
      parts.push(
        status.pending === 1 ? t('sync.status.pendingOne') : t('sync.status.pendingMany', { count: status.pending }),
      );
    }
    if (status.state === 'error' && status.error) problem = syncErrorText(status.error, t, status.household?.server);
  }
  const skews = props.compact ? [] : status.skews;
  return (
    <div class={`sync-status sync-${status.state}`} data-testid="sync-status">
      <p role="status" class="sync-status-line">
        {parts.join(' ')}
        {!props.compact && status.live && status.state !== 'removed' && <> {t('sync.status.live')}</>}
      </p>
      {problem && (
        <p class="sync-problem" role="alert">
          {problem}
        </p>
      )}
      {status.quarantined > 0 && (
        <p class="sync-problem">
          {status.quarantined === 1
            ? t('sync.status.quarantinedOne')
            : t('sync.status.quarantined', { count: status.quarantined })}
        </p>
      )}
      {skews.map((s) => (
        <p key={s.memberId ?? 'x'} class="sync-problem">
          {s.name
            ? t('sync.status.skew', { name: s.name, ahead: durationWords(s.aheadMs, locale) })
            : t('sync.status.skewSomeone', { ahead: durationWords(s.aheadMs, locale) })}{' '}
          <span class="hint">{t('sync.status.skewHint')}</span>
        </p>
      ))}
    </div>
  );
}
