import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import { MAX_BACKUP_BYTES, parseBackup } from '../../lib/io/backup';
import type { RestoreMode, RestoreResult } from '../../lib/io/restore';
import type { Backup } from '../../lib/model';
import { codeKey, fileOf, type ReadFile } from './types';

type State =
  | { step: 'idle' }
  | { step: 'error'; message: string; detail?: string }
  | { step: 'ready'; backup: Backup; fileName: string }
  | { step: 'working'; backup: Backup; fileName: string }
  | { step: 'done'; result: RestoreResult; mode: RestoreMode };

/**
 * Backup and restore: an export button, and a restore from a file in `merge` (add what is missing) or `replace`
 * (everything replaced) mode. The file is checked before anything is written; the outcome shows the counts or
 * the problem, naming the entry and field.
 */
export function BackupPanel(props: {
  t: Translate;
  readFile: ReadFile;
  onExport: () => void;
  onRestore: (backup: Backup, mode: RestoreMode) => Promise<RestoreResult>;
}) {
  const { t } = props;
  const [state, setState] = useState<State>({ step: 'idle' });
  const [mode, setMode] = useState<RestoreMode>('merge');

  async function choose(e: Event) {
    const file = fileOf(e);
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      setState({ step: 'error', message: t('data.backup.error.tooLarge') });
      return;
    }
    let text: string;
    try {
      text = await props.readFile(file);
    } catch {
      setState({ step: 'error', message: t('data.fileUnreadable') });
      return;
    }
    const parsed = parseBackup(text);
    if (parsed.ok) setState({ step: 'ready', backup: parsed.backup, fileName: file.name });
    else setState({ step: 'error', message: t(`data.backup.error.${codeKey(parsed.code)}`), detail: parsed.error });
  }

  async function restore() {
    if (state.step !== 'ready') return;
    setState({ ...state, step: 'working' });
    try {
      const result = await props.onRestore(state.backup, mode);
      setState({ step: 'done', result, mode });
    } catch (err) {
      setState({
        step: 'error',
        message: t('data.backup.restoreFailed'),
        detail: String((err as Error)?.message ?? err),
      });
    }
  }

  const busy = state.step === 'working';
  return (
    <section class="card" aria-labelledby="backup-h">
      <h2 id="backup-h">{t('data.backup.title')}</h2>
      <p class="muted small">{t('data.backup.hint')}</p>
      <button type="button" onClick={props.onExport}>
        {t('data.backup.export')}
      </button>

      <h3>{t('data.backup.restoreTitle')}</h3>
      <label for="backup-file">{t('data.backup.file')}</label>
      <input id="backup-file" type="file" accept=".json,application/json" onChange={choose} disabled={busy} />

      {(state.step === 'ready' || state.step === 'working') && (
        <div>
          <p>
            {t('data.backup.contains', {
              file: state.fileName,
              subscriptions: state.backup.subscriptions.length,
              charges: state.backup.charges.length,
              members: state.backup.members.length,
            })}
          </p>
          <fieldset>
            <legend>{t('data.backup.mode')}</legend>
            {(['merge', 'replace'] as const).map((m) => (
              <div key={m}>
                <input
                  type="radio"
                  id={`backup-mode-${m}`}
                  name="backup-mode"
                  value={m}
                  checked={mode === m}
                  onChange={() => setMode(m)}
                />
                <label for={`backup-mode-${m}`}>{t(`data.backup.mode.${m}`)}</label>
              </div>
            ))}
          </fieldset>
          {mode === 'replace' && <p role="note">{t('data.backup.replaceWarning')}</p>}
          <button type="button" class="primary" onClick={restore} disabled={busy}>
            {t(mode === 'replace' ? 'data.backup.restoreReplace' : 'data.backup.restoreMerge')}
          </button>
        </div>
      )}

      <div role="status" aria-live="polite">
        {state.step === 'done' && <RestoreReport t={t} result={state.result} />}
      </div>
      {state.step === 'error' && (
        <div role="alert">
          <p>{state.message}</p>
          {state.detail && <p class="muted small">{state.detail}</p>}
        </div>
      )}
    </section>
  );
}

/** What a restore did, subscriptions and charges apart (the rest together, when there was any). */
function RestoreReport({ t, result }: { t: Translate; result: RestoreResult }) {
  const { subscriptions, charges, members, priceChanges, detections } = result.tables;
  // Proofs (issue 14) came later than the other tables: a result without them counts none.
  const proofs = result.tables.proofs ?? { added: 0, updated: 0, skipped: 0 };
  const other = {
    added: members.added + priceChanges.added + detections.added + proofs.added,
    skipped: members.skipped + priceChanges.skipped + detections.skipped + proofs.skipped + members.updated,
  };
  return (
    <>
      <p>{t('data.backup.doneTitle')}</p>
      <ul class="restore-report">
        <li>{t('data.backup.doneSubscriptions', { ...subscriptions })}</li>
        <li>{t('data.backup.doneCharges', { added: charges.added, skipped: charges.skipped + charges.updated })}</li>
        {other.added + other.skipped > 0 && <li>{t('data.backup.doneOther', other)}</li>}
      </ul>
    </>
  );
}
