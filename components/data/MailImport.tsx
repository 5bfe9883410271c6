import { useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import type { FoundMail, MailImportSummary } from '../../lib/ingest-mail';
import type { MailJobProgress, MailJobResult } from '../../lib/io/mail-job';

/** A running mail import (the page puts a Web Worker behind it): finds and progress come in, it can be stopped. */
export interface MailReading {
  done: Promise<MailJobResult>;
  cancel: () => void;
}
export type ReadMails = (
  files: File[],
  onProgress: (p: MailJobProgress) => void,
  onFound: (found: FoundMail[]) => void,
) => MailReading;

type Phase =
  | { step: 'idle' }
  | { step: 'reading'; progress: MailJobProgress }
  | { step: 'adding'; result: MailJobResult }
  | { step: 'done'; result: MailJobResult; summary: MailImportSummary }
  | { step: 'stopped'; result?: MailJobResult }
  | { step: 'failed' };

function mb(bytes: number): string {
  return (bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0);
}

/**
 * Receipts in the user's e-mail: drop `.eml` files or a whole mailbox (`.mbox` from Google Takeout, Thunderbird or
 * Apple Mail), watch it being read message by message (and stop it any time), then what it found goes where pages'
 * finds go: new services to the inbox, charges at a price the user already has straight to that subscription.
 */
export function MailImport(props: {
  t: Translate;
  locale: string;
  readMails: ReadMails;
  onFound: (found: FoundMail[]) => Promise<MailImportSummary>;
  onShowInbox?: () => void;
}) {
  const { t, locale } = props;
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [over, setOver] = useState(false);
  const running = useRef<MailReading | null>(null);
  const n = (x: number) => x.toLocaleString(locale);

  async function start(files: File[]) {
    if (files.length === 0 || running.current) return;
    const found: FoundMail[] = [];
    const empty: MailJobProgress = {
      bytesRead: 0,
      bytesTotal: files.reduce((s, f) => s + f.size, 0),
      messages: 0,
      read: 0,
      found: 0,
      malformed: 0,
      truncated: 0,
    };
    setPhase({ step: 'reading', progress: empty });
    const reading = props.readMails(
      files,
      (progress) => setPhase((p) => (p.step === 'reading' ? { step: 'reading', progress } : p)),
      (batch) => found.push(...batch),
    );
    running.current = reading;
    try {
      const result = await reading.done;
      if (result.cancelled) {
        setPhase({ step: 'stopped', result });
        return;
      }
      setPhase({ step: 'adding', result });
      const summary = await props.onFound(found);
      setPhase({ step: 'done', result, summary });
    } catch {
      setPhase((p) => (p.step === 'stopped' ? p : { step: 'failed' }));
    } finally {
      running.current = null;
    }
  }

  function stop() {
    running.current?.cancel();
    setPhase({ step: 'stopped' });
  }

  const files = (list: FileList | null | undefined) => (list ? Array.from(list) : []);
  const busy = phase.step === 'reading' || phase.step === 'adding';
  const counts = (p: MailJobProgress) =>
    t('data.mail.counts', { messages: p.messages, read: n(p.read), found: n(p.found) }) +
    (p.malformed > 0 ? ` · ${t('data.mail.malformed', { n: n(p.malformed) })}` : '');

  return (
    <section class="card" aria-labelledby="mail-h">
      <h2 id="mail-h">{t('data.mail.title')}</h2>
      <p class="muted small">{t('data.mail.hint')}</p>
      <fieldset
        class={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!busy) void start(files(e.dataTransfer?.files));
        }}
      >
        <legend>{t('data.mail.drop')}</legend>
        <label for="mail-files">{t('data.mail.choose')}</label>{' '}
        <input
          id="mail-files"
          type="file"
          multiple
          disabled={busy}
          onChange={(e) => {
            const chosen = files((e.currentTarget as HTMLInputElement).files);
            (e.currentTarget as HTMLInputElement).value = '';
            void start(chosen);
          }}
        />
      </fieldset>

      {phase.step === 'reading' && (
        <div role="status" aria-live="polite" class="mail-progress">
          <label for="mail-progress">
            {t('data.mail.reading', { read: mb(phase.progress.bytesRead), total: mb(phase.progress.bytesTotal) })}
          </label>{' '}
          <progress
            id="mail-progress"
            max={Math.max(1, phase.progress.bytesTotal)}
            value={Math.min(phase.progress.bytesRead, phase.progress.bytesTotal)}
          />
          <p class="small">{counts(phase.progress)}</p>
          <button type="button" onClick={stop}>
            {t('data.mail.stop')}
          </button>
        </div>
      )}
      {phase.step === 'adding' && (
        <p role="status" aria-live="polite">
          {t('data.mail.adding', { n: phase.result.found })}
        </p>
      )}
      {phase.step === 'done' && (
        <div role="status" aria-live="polite" class="mail-summary">
          <p>
            <strong>{t('data.mail.done')}</strong> {counts(phase.result)}
          </p>
          <ul class="small">
            {phase.summary.proposed > 0 && <li>{t('data.mail.proposed', { n: phase.summary.proposed })}</li>}
            {phase.summary.recorded > 0 && <li>{t('data.mail.recorded', { n: phase.summary.recorded })}</li>}
            {phase.summary.proposed === 0 && phase.summary.recorded === 0 && <li>{t('data.mail.nothing')}</li>}
            {phase.result.truncated > 0 && <li>{t('data.mail.truncated', { n: phase.result.truncated })}</li>}
          </ul>
          {phase.summary.proposed > 0 && props.onShowInbox && (
            <button type="button" class="primary" onClick={props.onShowInbox}>
              {t('data.mail.showInbox')}
            </button>
          )}
        </div>
      )}
      {phase.step === 'stopped' && <p role="status">{t('data.mail.stopped')}</p>}
      {phase.step === 'failed' && <p role="alert">{t('data.fileUnreadable')}</p>}
    </section>
  );
}
