import type { Charge, Member, PriceChange, Subscription } from '../../../lib/model';
import { sub } from '../../helpers';

/** Rates used by the view tests: units per 1 EUR. */
export const RATES = { date: '2026-11-20', perEur: { EUR: 1, NOK: 11.5, SEK: 11, USD: 1.15 } };

/** A valid subscription (parsed by the real schema) with overridable fields. */
export function makeSub(over: Partial<Subscription> & { id: string }): Subscription {
  return sub({
    amountMinor: 15900,
    billingAnchor: '2026-01-14',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...over,
  });
}

export function makeCharge(over: Partial<Charge> & { id: string }): Charge {
  return { subscriptionId: 's1', date: '2026-10-14', amountMinor: 15900, currency: 'NOK', source: 'receipt', ...over };
}

export function makePriceChange(over: Partial<PriceChange> & { id: string }): PriceChange {
  return {
    subscriptionId: 's1',
    date: '2026-06-01',
    oldAmountMinor: 12900,
    newAmountMinor: 15900,
    currency: 'NOK',
    ...over,
  };
}

export function makeMember(id: string, name: string, color = '#3366cc'): Member {
  return { id, name, color };
}

/** An element's text with every kind of space (Intl uses no-break spaces) as a plain space. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s/g, ' ');
}
