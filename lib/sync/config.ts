import { z } from 'zod';
import { SyncError } from './errors';

/** The household this browser is in, as kept in the sync database (never in storage.sync, never on the server). */
export const Login = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(200) });

export const HouseholdConfig = z.object({
  householdId: z.string().min(8).max(64),
  name: z.string().max(80).optional(),
  server: z.string().min(1).max(2000),
  database: z.string().min(1).max(240),
  /** The key epoch: 1 at creation, one more at every rotation. */
  epoch: z.number().int().min(1),
  /** The household key (32 bytes, base64url). */
  key: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** This browser's CouchDB login. */
  user: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
  /** This browser, in the household's device list. */
  deviceId: z.string().min(1).max(64),
  /** Whose browser this is. */
  memberId: z.string().min(1).max(64),
  /** The server admin login, when this browser manages the household (invites, removals). */
  manager: Login.optional(),
  /** Databases of earlier key epochs, deleted by the manager once every browser has moved on. */
  previous: z.array(z.object({ database: z.string(), epoch: z.number().int() })).default([]),
  /** The key was rotated without this browser: it was removed from the household. */
  removed: z.boolean().optional(),
  createdAt: z.string().max(40),
});
export type HouseholdConfig = z.infer<typeof HouseholdConfig>;

/** What an invite code carries (sealed with its passcode). */
export const InvitePayload = z.object({
  v: z.literal(1),
  householdId: z.string().min(8).max(64),
  name: z.string().max(80).optional(),
  server: z.string().min(1).max(2000),
  database: z.string().min(1).max(240),
  epoch: z.number().int().min(1),
  key: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  deviceId: z.string().min(1).max(64),
  memberId: z.string().min(1).max(64),
  memberName: z.string().max(60).optional(),
  user: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
});
export type InvitePayload = z.infer<typeof InvitePayload>;

export function parseInvite(value: unknown): InvitePayload {
  const parsed = InvitePayload.safeParse(value);
  if (!parsed.success) throw new SyncError('bad-invite', parsed.error.issues[0]?.message);
  return parsed.data;
}

/** The local replica's database name for a household and epoch. */
export function replicaName(householdId: string, epoch: number): string {
  return `subkeeper-household-${householdId}-${epoch}`;
}

/** The database of the next epoch: the first name with `-k<epoch>` (CouchDB names allow it). */
export function nextDatabaseName(database: string, epoch: number): string {
  return `${database.replace(/-k\d+$/, '')}-k${epoch}`;
}
