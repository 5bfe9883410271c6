import { z } from 'zod';
import type { SenderInfo } from '../messages';
import type { SyncErrorCode } from './errors';

/**
 * Household-sync commands from the extension's own pages (Settings, the popup) to the background. Parsed with
 * zod and accepted only from this extension's pages: a content script can never reach them.
 */
const Short = (max: number) => z.string().max(max);
const MemberChoice = {
  memberId: Short(64).optional(),
  memberName: Short(60).optional(),
  memberColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
};

export const SyncCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sync-now') }),
  z.object({ type: z.literal('sync-overview') }),
  z.object({
    type: z.literal('sync-create'),
    server: Short(2000),
    database: Short(240),
    adminUser: Short(200),
    adminPassword: Short(200),
    householdName: Short(80).optional(),
    ...MemberChoice,
  }),
  z.object({ type: z.literal('sync-read-invite'), code: Short(4000), passcode: Short(40) }),
  z.object({ type: z.literal('sync-join'), code: Short(4000), passcode: Short(40) }),
  z.object({ type: z.literal('sync-invite'), ...MemberChoice }),
  z.object({ type: z.literal('sync-leave') }),
  z.object({ type: z.literal('sync-remove-member'), memberId: Short(64) }),
  z.object({ type: z.literal('sync-remove-device'), deviceId: Short(64) }),
  z.object({ type: z.literal('sync-manage'), adminUser: Short(200), adminPassword: Short(200) }),
  z.object({ type: z.literal('sync-dismiss'), key: Short(200).optional() }),
]);
export type SyncCommand = z.infer<typeof SyncCommand>;

export type SyncReply<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { code: SyncErrorCode; detail?: string; status?: number } };

/** True when the message is a sync command at all (its type starts with `sync-`). */
export function isSyncMessage(raw: unknown): boolean {
  const type = (raw as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.startsWith('sync-');
}

/** A sync command is accepted only from this extension's own pages. */
export function acceptSyncCommand(
  raw: unknown,
  sender: SenderInfo,
  ownId: string,
  ownOrigin: string,
): { ok: true; command: SyncCommand } | { ok: false; reason: string } {
  if (sender.id !== ownId) return { ok: false, reason: 'foreign sender' };
  if (!sender.url?.startsWith(ownOrigin)) return { ok: false, reason: 'not an extension page' };
  const parsed = SyncCommand.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `invalid message: ${parsed.error.issues[0]?.message ?? ''}` };
  return { ok: true, command: parsed.data };
}

/** The port a page opens while it is visible: sync runs live until the last one closes. */
export const LIVE_PORT = 'subkeeper-sync-live';

/** Background → page, on the live port: records were applied (the page reloads its data). */
export interface AppliedMessage {
  type: 'sync-applied';
  tables: string[];
}
