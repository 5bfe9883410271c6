import { z } from 'zod';
import { Charge, Detection, Member, PriceChange, Settings, Subscription } from './entities';
import { Timestamp } from './primitives';
import { Proof } from './rights';

/**
 * A record (or part of one) an upgrade could not fit into today's schema: kept as it was stored, with why
 * (lib/db/migrations/settle). It is shown in the Data view and travels in backups, so it is never lost.
 */
export const QuarantineEntry = z.object({
  table: z.string().min(1).max(40),
  record: z.unknown(),
  reason: z.string().max(4000),
  version: z.number().int().min(0).max(10000).optional(),
  at: Timestamp.optional(),
  kept: z.boolean().optional(),
  dropped: z.array(z.string().max(200)).max(50).optional(),
});
export type QuarantineEntry = z.infer<typeof QuarantineEntry>;

export const BACKUP_FORMAT = 'subkeeper-backup';
export const BACKUP_VERSION = 1;

/** A versioned JSON backup of everything the user has. */
export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: Timestamp,
  settings: Settings.optional(),
  members: z.array(Member).default([]),
  subscriptions: z.array(Subscription).default([]),
  charges: z.array(Charge).default([]),
  priceChanges: z.array(PriceChange).default([]),
  detections: z.array(Detection).default([]),
  /** What upgrades set aside (absent in backups made before it was kept in them). */
  quarantine: z.array(QuarantineEntry).max(100000).default([]),
  /** What sign-up and cancellation pages said (lib/rights); absent in backups made before it existed. */
  proofs: z.array(Proof).default([]),
});
export type Backup = z.infer<typeof Backup>;
