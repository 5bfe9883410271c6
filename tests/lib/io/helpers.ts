import type { Charge, Member, Subscription } from '../../../lib/model';
import { sub as baseSub } from '../../helpers';

export { freshDb } from '../../helpers';

/** A valid subscription with overridable fields (io tests' defaults: 159 kr from 14 January). */
export function sub(over: Partial<Subscription> & { id: string }): Subscription {
  return baseSub({
    amountMinor: 15900,
    billingAnchor: '2026-01-14',
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
