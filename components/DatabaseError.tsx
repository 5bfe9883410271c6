import { useState } from 'preact/hooks';
import type { OpenFailure } from '../lib/db/raw';
import type { Translate } from '../lib/i18n';

/**
 * Shown instead of the data when the database cannot be opened (an upgrade failed, or a newer Subkeeper wrote
 * it): what happened, that nothing was changed, the raw data to download, and a way to try again. Used by the
 * dashboard and the popup.
 */
export function DatabaseError(props: {
  t: Translate;
  kind: OpenFailure;
  detail: string;
  onDownload: () => Promise<void> | void;
  onRetry: () => void;
}) {
  const { t } = props;
  const [downloadFailed, setDownloadFailed] = useState(false);
  async function download() {
    setDownloadFailed(false);
    try {
      await props.onDownload();
    } catch {
      setDownloadFailed(true);
    }
  }
  return (
    <section class="card db-error" role="alert" aria-labelledby="db-error-h">
      <h2 id="db-error-h">{t('common.dbError.title')}</h2>
      <p>{t(props.kind === 'newer' ? 'common.dbError.newer' : 'common.dbError.failed')}</p>
      <p>{t('common.dbError.keep')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={download}>
          {t('common.dbError.download')}
        </button>
        <button type="button" onClick={props.onRetry}>
          {t('common.dbError.retry')}
        </button>
      </div>
      {downloadFailed && <p>{t('common.dbError.downloadFailed')}</p>}
      <p class="muted small">{t('common.dbError.detail', { detail: props.detail })}</p>
    </section>
  );
}
