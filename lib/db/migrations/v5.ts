import type { Migration } from './types';
import { v4 } from './v4';

/**
 * Version 5: proof of what sign-up and cancellation pages said (lib/model `Proof`, issue 14), in a table of its own
 * indexed by the subscription it belongs to and the detection it waits with. Subscriptions may carry `terms` and
 * settings `rights` (both optional or defaulted: the check after the last step fills the default in).
 */
export const v5: Migration = {
  version: 5,
  stores: { ...v4.stores, proofs: 'id, subscriptionId, detectionId' },
};
