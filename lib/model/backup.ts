import { z } from 'zod';
import { Charge, Detection, Member, PriceChange, Settings, Subscription } from './entities';
import { Timestamp } from './primitives';
import { Proof } from './rights';

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
  /** What sign-up and cancellation pages said (lib/rights); absent in backups made before it existed. */
  proofs: z.array(Proof).default([]),
});
export type Backup = z.infer<typeof Backup>;
