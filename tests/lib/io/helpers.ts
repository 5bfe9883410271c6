import { SubkeeperDb } from '../../../lib/db/schema';
import { type Charge, type Member, Subscription } from '../../../lib/model';

let counter = 0;
/** A fresh, empty database with a unique name. */
export function freshDb(): SubkeeperDb {
  counter++;
  return new SubkeeperDb(`io-test-${counter}-${Math.random().toString(36).slice(2)}`);
}

/** A valid subscription with overridable fields. */
export function sub(over: Partial<Subscription> & { id: string }): Subscription {
  return Subscription.parse({
    service: 'Netflix',
    amountMinor: 15900,
    currency: 'NOK',
    period: 'P1M',
    status: 'active',
    billingAnchor: '2026-01-14',
    source: 'manual',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...over,
  });
}

export function charge(over: Partial<Charge> & { id: string; subscriptionId: string }): Charge {
  return { date: '2026-01-14', amountMinor: 15900, currency: 'NOK', source: 'manual', ...over };
}

export function member(id: string, name: string, color = '#3366cc'): Member {
  return { id, name, color };
}
