import type { Migration } from './types';

type Row = Record<string, unknown>;

/** The link kinds of version 2 (spelled out here: a migration depends on nothing that may change later). */
const LINK_KINDS = ['manage', 'cancel', 'pause'] as const;

/** Turns one v1 subscription into the v2 shape: `billingAnchor` and links that say where they came from. */
export function upgradeSubscriptionV1toV2(old: Row): Row {
  const { nextRenewal, links, ...rest } = old;
  const next: Row = { ...rest };
  if (next.billingAnchor === undefined && typeof nextRenewal === 'string') next.billingAnchor = nextRenewal;
  const sourced: Row = {};
  if (links && typeof links === 'object') {
    for (const kind of LINK_KINDS) {
      const value = (links as Row)[kind];
      const url = typeof value === 'string' ? value : (value as Row | undefined)?.url;
      // Whether it is a link worth keeping is decided after the last step (./settle.ts).
      if (typeof url === 'string') sourced[kind] = { url, source: 'user' };
    }
  }
  next.links = sourced;
  return next;
}

/**
 * Version 2: subscriptions are scheduled from a `billingAnchor` (so month-end days survive short months),
 * links carry their source; charges get a compound index for duplicate checks; links seen on account pages
 * are kept per service; records that do not fit the schema after the upgrade go to `quarantine` (./settle.ts)
 * instead of being dropped.
 */
export const v2: Migration = {
  version: 2,
  stores: {
    subscriptions: 'id, status, category, currency, domain, serviceId, ownerId, updatedAt',
    charges: 'id, subscriptionId, date, [subscriptionId+date]',
    priceChanges: 'id, subscriptionId, date',
    detections: 'id, status, hostname, seenAt',
    members: 'id',
    settings: 'key',
    state: 'key',
    serviceLinks: 'key',
    quarantine: '++id, table',
  },
  async upgrade(tx) {
    const subs = tx.table('subscriptions');
    await subs.toCollection().modify((row: Row, ref: { value: Row }) => {
      ref.value = upgradeSubscriptionV1toV2(row);
    });
  },
};
