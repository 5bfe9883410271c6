/**
 * The statement import off the main thread: the dashboard posts the file's bytes and options, and gets progress and
 * the outcome back (lib/io/statement-job.ts). Only this extension's own page can start this worker.
 */
import { runStatementJob, type StatementJob, type StatementJobMessage } from '../../lib/io/statement-job';

const post = (m: StatementJobMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<StatementJob>) => {
  const job = e.data;
  if (!job || !(job.bytes instanceof Uint8Array) || typeof job.name !== 'string' || typeof job.today !== 'string') {
    post({ type: 'done', outcome: { ok: false, code: 'binary', error: 'bad request' } });
    return;
  }
  const outcome = await runStatementJob(job, (fraction) => post({ type: 'progress', fraction }));
  post({ type: 'done', outcome });
};
