import type { Migration } from './types';

/**
 * Version 1: the first layout. Subscriptions stored `nextRenewal` (a single date) and links as plain URL
 * strings; charges had no compound index.
 */
export const v1: Migration = {
  version: 1,
  stores: {
    subscriptions: 'id, status, category, currency, domain',
    charges: 'id, subscriptionId, date',
    priceChanges: 'id, subscriptionId, date',
    detections: 'id, status, hostname, seenAt',
    members: 'id',
    settings: 'key',
    state: 'key',
  },
};
