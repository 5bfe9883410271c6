import {
  DEFAULT_SETTINGS,
  PriceChange,
  type ReminderSettings,
  Subscription,
  type SubscriptionInput,
} from '../../../lib/model';

/** A valid subscription for tests (monthly, active, 100.00 NOK) with any fields overridden. */
export function sub(overrides: Partial<SubscriptionInput> = {}): Subscription {
  return Subscription.parse({
    id: 's1',
    service: 'Streamly',
    amountMinor: 10000,
    currency: 'NOK',
    period: 'P1M',
    status: 'active',
    billingAnchor: '2025-01-15',
    source: 'manual',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...overrides,
  });
}

export function priceChange(overrides: Partial<PriceChange> = {}): PriceChange {
  return PriceChange.parse({
    id: 'pc1',
    subscriptionId: 's1',
    date: '2025-03-01',
    oldAmountMinor: 10000,
    newAmountMinor: 12000,
    currency: 'NOK',
    ...overrides,
  });
}

export function settings(overrides: Partial<ReminderSettings> = {}): ReminderSettings {
  return { ...DEFAULT_SETTINGS.reminders, ...overrides };
}
