import { z } from 'zod';
import { SYNC_ERROR_CODES } from './errors';

/**
 * What the popup and Settings show about sync. The background keeps it in `storage.local` (key
 * `sync.status`), so the popup reads it without loading PouchDB or the sync code.
 */
export const SyncStatus = z.object({
  state: z.enum(['off', 'syncing', 'ok', 'error', 'removed']),
  /** The last run that reached the server and finished. */
  lastSyncAt: z.string().optional(),
  lastAttemptAt: z.string().optional(),
  /** Local changes the server does not have yet. */
  pending: z.number().int().min(0).default(0),
  error: z
    .object({ code: z.enum(SYNC_ERROR_CODES), detail: z.string().optional(), status: z.number().optional() })
    .optional(),
  /** Documents set aside (not applied) and not yet dismissed. */
  quarantined: z.number().int().min(0).default(0),
  /** Members whose changes carry stamps far ahead of this browser's clock. */
  skews: z
    .array(z.object({ memberId: z.string().optional(), name: z.string().optional(), aheadMs: z.number() }))
    .default([]),
  household: z.object({ name: z.string().optional(), server: z.string(), database: z.string() }).optional(),
  /** Live while a Subkeeper page is open. */
  live: z.boolean().optional(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const STATUS_KEY = 'sync.status';
export const OFF: SyncStatus = { state: 'off', pending: 0, quarantined: 0, skews: [] };

/** Reads a stored status; anything unreadable is "off". */
export function readStatus(value: unknown): SyncStatus {
  const parsed = SyncStatus.safeParse(value);
  return parsed.success ? parsed.data : OFF;
}
