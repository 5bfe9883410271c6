/**
 * One statement import, start to end, as plain data in and out: read the file (statement-file.ts) — again with the
 * columns remembered for its layout when there are some — and find its recurring payments. The dashboard runs it in
 * a Web Worker (entrypoints/options/statement-worker.ts) so a large or hostile file never freezes the page; tests run
 * the same function in Node.
 */
import { findRecurring, type RecurringSeries } from './recurring';
import type { ColumnMapping, StatementOptions, StatementResult } from './statement';
import { readStatementFile } from './statement-file';

/** The columns and currency the user confirmed for one bank layout (by its signature). */
export interface RememberedLayout {
  mapping: ColumnMapping;
  currency: string;
}

export interface StatementJob {
  bytes: Uint8Array;
  name: string;
  today: string;
  /** The account's currency (the user's base currency). */
  defaultCurrency?: string;
  /** Columns and currency chosen now in the preview. */
  mapping?: ColumnMapping;
  currency?: string;
  /** What the user confirmed before, per layout signature. */
  remembered?: Readonly<Record<string, RememberedLayout>>;
}

export type StatementJobOutcome = StatementResult & {
  /** Recurring payments found (only when the file was read). */
  series?: RecurringSeries[];
  /** The file was read with columns remembered for its layout. */
  rememberedUsed?: boolean;
};

export type StatementJobMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; outcome: StatementJobOutcome };

export async function runStatementJob(
  job: StatementJob,
  onProgress?: (fraction: number) => void,
): Promise<StatementJobOutcome> {
  const base: StatementOptions = {};
  if (job.defaultCurrency) base.defaultCurrency = job.defaultCurrency;
  if (onProgress) base.onProgress = (f) => onProgress(Math.min(0.9, f * 0.9));
  const chosen: StatementOptions = { ...base };
  if (job.mapping) chosen.mapping = job.mapping;
  if (job.currency) chosen.currency = job.currency;
  let result: StatementJobOutcome = await readStatementFile(job.bytes, job.name, chosen);
  if (result.ok && !job.mapping) {
    const known = job.remembered?.[result.format.signature];
    if (known) {
      const again = await readStatementFile(job.bytes, job.name, {
        ...base,
        mapping: known.mapping,
        currency: known.currency,
      });
      if (again.ok) result = { ...again, rememberedUsed: true };
    }
  }
  if (result.ok) result.series = findRecurring(result.transactions, { today: job.today }).series;
  onProgress?.(1);
  return result;
}
