import type { Migration } from './index';
import { v3 } from './v3';

/**
 * Version 4: proof of what sign-up and cancellation pages said (lib/model `Proof`, issue 14), in a table of its own
 * indexed by the subscription it belongs to and the detection it waits with. Nothing else changes shape.
 */
export const v4: Migration = {
  version: 4,
  stores: { ...v3.stores, proofs: 'id, subscriptionId, detectionId' },
};
