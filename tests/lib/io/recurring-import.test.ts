import { describe, expect, it } from 'vitest';
import { findRecurring } from '../../../lib/io/recurring';
import { payeeName, seriesToImport } from '../../../lib/io/recurring-import';
import { Charge, Subscription } from '../../../lib/model';
import { addPeriods } from '../../../lib/schedule';

const STAMP = '2026-11-23T10:00:00.000Z';

function found(description: string, amountMinor: number, n: number, anchor = '2026-03-14') {
  const txs = Array.from({ length: n }, (_, k) => ({
    date: addPeriods(anchor, 'P1M', k),
    description,
    amountMinor,
    currency: 'NOK',
  }));
  const [s] = findRecurring(txs, { today: '2026-11-23' }).series;
  if (!s) throw new Error('no series');
  return s;
}

describe('seriesToImport', () => {
  it('turns a known service into a valid subscription with directory facts and its charges', () => {
    const { subscription, charges } = seriesToImport(found('NETFLIX.COM', 15900, 9));
    const sub = Subscription.parse({ ...subscription, id: 'x', createdAt: STAMP, updatedAt: STAMP });
    expect(sub).toMatchObject({
      service: 'Netflix',
      serviceId: 'netflix',
      category: 'video',
      amountMinor: 15900,
      period: 'P1M',
      status: 'active',
      billingAnchor: '2026-11-14',
      startDate: '2026-03-14',
      source: 'imported',
    });
    expect(sub.domain).toBeTruthy();
    expect(sub.links.cancel?.source).toBe('directory');
    expect(charges).toHaveLength(9);
    expect(Charge.parse({ ...charges[0], id: 'c', subscriptionId: 'x' }).source).toBe('import');
  });

  it('names an unknown payee readably and saves a stopped series as cancelled', () => {
    const { subscription } = seriesToImport(found('KLATREKLUBBEN', 35000, 6, '2025-03-02'));
    const sub = Subscription.parse({ ...subscription, id: 'x', createdAt: STAMP, updatedAt: STAMP });
    expect(sub).toMatchObject({ service: 'Klatreklubben', category: 'other', status: 'cancelled' });
    expect(sub.serviceId).toBeUndefined();
  });

  it('formats payee names', () => {
    expect(payeeName('ADAMS MATKASSE AS')).toBe('Adams Matkasse As');
    expect(payeeName('NETFLIX.COM')).toBe('Netflix.com');
  });
});
