import { newId } from '../db/repo';
import type { SubkeeperDb } from '../db/schema';
import { type FieldErrors, Subscription, validate } from '../model';
import { subscriptionDuplicateKey } from './restore';

/** Subscriptions written per request inside the one import transaction (progress is reported after each). */
const CHUNK = 2000;

export interface ImportOptions {
  /** The current instant (ISO), stamped on every new subscription. */
  stamp: string;
  /** Also add rows that look like a subscription already there (default: skip them). */
  includeDuplicates?: boolean;
  /** Called after each chunk is written, with how many of `total` are written so far. */
  onProgress?: (done: number, total: number) => void;
}

/** What a bulk import did, in numbers: subscriptions added, rows skipped as already there, rows refused. */
export interface ImportCounts {
  added: number;
  duplicates: number;
  invalid: number;
}

export interface ImportResult {
  added: Subscription[];
  /** Rows skipped because the same service, price, currency and period is already there (or earlier in the file). */
  duplicates: number;
  /** Rows the schema refused (nothing is written for them), by their index in the input. */
  invalid: Array<{ index: number; errors: FieldErrors }>;
}

/**
 * Adds many subscriptions (a CSV file's rows) in ONE transaction: either all of them are there afterwards, or, if
 * anything fails on the way (the tab is closed, the disk is full), none. A row that has the same service, price,
 * currency and period as one already stored, or as an earlier row, is skipped, as a backup merge does
 * ({@link subscriptionDuplicateKey}); `includeDuplicates` adds them anyway. Every row gets a new id and is
 * validated before anything is written.
 */
export async function importSubscriptions(
  db: SubkeeperDb,
  inputs: ReadonlyArray<Record<string, unknown>>,
  opts: ImportOptions,
): Promise<ImportResult> {
  const valid: Subscription[] = [];
  const invalid: ImportResult['invalid'] = [];
  inputs.forEach((input, index) => {
    const v = validate(Subscription, {
      source: 'imported',
      confirmed: true,
      ...input,
      id: newId(),
      createdAt: opts.stamp,
      updatedAt: opts.stamp,
    });
    if (v.ok) valid.push(v.value);
    else invalid.push({ index, errors: v.errors });
  });
  return db.transaction('rw', db.subscriptions, async () => {
    const seen = new Set<string>();
    if (!opts.includeDuplicates) {
      await db.subscriptions.each((s) => {
        seen.add(subscriptionDuplicateKey(s));
      });
    }
    const added: Subscription[] = [];
    let duplicates = 0;
    for (const s of valid) {
      const key = subscriptionDuplicateKey(s);
      if (!opts.includeDuplicates && seen.has(key)) {
        duplicates++;
        continue;
      }
      seen.add(key);
      added.push(s);
    }
    for (let i = 0; i < added.length; i += CHUNK) {
      await db.subscriptions.bulkAdd(added.slice(i, i + CHUNK));
      opts.onProgress?.(Math.min(i + CHUNK, added.length), added.length);
    }
    if (added.length === 0) opts.onProgress?.(0, 0);
    return { added, duplicates, invalid };
  });
}

/**
 * Marks which of `rows` (previewed, not yet saved) look like a subscription in `existing` or an earlier row, by the
 * same rule as {@link importSubscriptions}: the preview shows them before the import skips them.
 */
export function duplicateRows(
  rows: ReadonlyArray<Parameters<typeof subscriptionDuplicateKey>[0]>,
  existing: ReadonlyArray<Parameters<typeof subscriptionDuplicateKey>[0]>,
): boolean[] {
  const seen = new Set(existing.map(subscriptionDuplicateKey));
  return rows.map((r) => {
    const key = subscriptionDuplicateKey(r);
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}
