import Dexie from 'dexie';
import { SubkeeperDb } from '../lib/db';
import { type Detection, Subscription } from '../lib/model';

/** A fresh database in fake-indexeddb. */
export function freshDb(): SubkeeperDb {
  return new SubkeeperDb(`test-${Math.random().toString(36).slice(2)}`);
}

export async function dropDb(db: SubkeeperDb) {
  db.close();
  await Dexie.delete(db.name);
}

/** A valid subscription (checked by the real schema) with overrides. */
export function sub(over: Partial<Subscription> = {}): Subscription {
  return Subscription.parse({
    id: over.id ?? `s-${Math.random().toString(36).slice(2, 8)}`,
    service: 'Netflix',
    category: 'video',
    amountMinor: 17900,
    currency: 'NOK',
    period: 'P1M',
    status: 'active',
    statusHistory: [],
    billingAnchor: '2026-12-05',
    links: {},
    source: 'manual',
    confirmed: true,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...over,
  });
}

/** A pending detection of a Viaplay sign-up page (tab 7), with `over` applied. */
export function detection(over: Partial<Detection> = {}): Detection {
  return {
    id: 'd1',
    url: 'https://www.viaplay.no/takk',
    hostname: 'viaplay.no',
    seenAt: '2026-11-23T10:00:00.000Z',
    status: 'pending',
    tabId: 7,
    result: { kind: 'signup', service: null, subscription: null, charges: [], links: {} },
    ...over,
  };
}
