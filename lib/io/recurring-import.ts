import { directoryLinks, getService } from '../directory';
import type { Charge } from '../model';
import type { RecurringSeries } from './recurring';

/** A payee as a name people read: `KLATREKLUBBEN OSLO` → `Klatreklubben Oslo`, `NETFLIX.COM` → `Netflix.com`. */
export function payeeName(payee: string): string {
  return payee.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/**
 * What accepting a found series saves: a subscription input for `saveSubscription(db, input, stamp)` (marked
 * `imported`; a stopped series is saved as cancelled) and its charges (add the subscription id, then
 * `addCharges`). A known service brings its directory name, domain, category and links.
 */
export function seriesToImport(series: RecurringSeries): {
  subscription: Record<string, unknown>;
  charges: Array<Omit<Charge, 'id' | 'subscriptionId'>>;
} {
  const entry = series.serviceId ? getService(series.serviceId) : undefined;
  const subscription: Record<string, unknown> = {
    service: entry?.name ?? series.serviceName ?? payeeName(series.payee),
    category: entry?.category ?? series.category ?? 'other',
    amountMinor: series.amountMinor,
    currency: series.currency,
    period: series.period,
    status: series.active ? 'active' : 'cancelled',
    billingAnchor: series.billingAnchor,
    startDate: series.firstDate,
    source: 'imported',
    confirmed: true,
  };
  if (entry) {
    subscription.serviceId = entry.id;
    subscription.domain = entry.domains[0];
    subscription.links = directoryLinks(entry);
  }
  if (series.introAmountMinor !== undefined) subscription.introAmountMinor = series.introAmountMinor;
  const charges = series.charges.map((c) => ({
    date: c.date,
    amountMinor: c.amountMinor,
    currency: series.currency,
    source: 'import' as const,
  }));
  return { subscription, charges };
}
