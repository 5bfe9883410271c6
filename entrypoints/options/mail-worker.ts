/**
 * The mail import off the main thread: the dashboard posts the chosen files (File objects, read here as streams)
 * and gets progress, finds and the outcome back (lib/io/mail-job.ts). Only this extension's own page can start it;
 * stopping it is terminating it.
 */
import type { FoundMail } from '../../lib/ingest-mail';
import { type MailJobProgress, type MailJobResult, runMailJob } from '../../lib/io/mail-job';

export type MailWorkerMessage =
  | { type: 'progress'; progress: MailJobProgress }
  | { type: 'found'; found: FoundMail[] }
  | { type: 'done'; result: MailJobResult }
  | { type: 'failed' };

const post = (m: MailWorkerMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<{ files: unknown; today: unknown; prefer?: unknown }>) => {
  const { files, today, prefer } = e.data ?? {};
  // What a bare `kr` or `$` means to the user (currency codes only; anything else is left out).
  const preferCurrencies = Array.isArray(prefer)
    ? prefer.filter((c): c is string => typeof c === 'string' && /^[A-Z]{3}$/.test(c))
    : [];
  if (
    !Array.isArray(files) ||
    !files.every((f) => f instanceof Blob) ||
    typeof today !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(today)
  ) {
    post({ type: 'failed' });
    return;
  }
  try {
    const result = await runMailJob(files as File[], {
      today,
      ...(preferCurrencies.length > 0 ? { preferCurrencies } : {}),
      onProgress: (progress) => post({ type: 'progress', progress }),
      onFound: (found) => post({ type: 'found', found }),
    });
    post({ type: 'done', result });
  } catch {
    post({ type: 'failed' });
  }
};
