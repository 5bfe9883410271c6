import { describe, expect, it } from 'vitest';
import { checkAgainstCharges, proposalKey } from '../../../lib/app/charge-check';
import { addPeriods } from '../../../lib/schedule';
import { sub } from '../../helpers';

const monthly = (id: string, from: string, n: number, amounts: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${id}-${i}`,
    subscriptionId: id,
    date: addPeriods(from, 'P1M', i),
    amountMinor: amounts(i),
    currency: 'NOK',
    source: 'receipt' as const,
  }));

describe('checking subscriptions against their recorded charges', () => {
  const today = '2026-11-23';
  it('proposes the price the charges show after an increase', () => {
    const s = sub({ id: 'a', service: 'Viaplay', amountMinor: 12900, period: 'P1M', billingAnchor: '2026-05-15' });
    const charges = monthly('a', '2026-05-15', 7, (i) => (i < 4 ? 12900 : 14900));
    const [p] = checkAgainstCharges([s], charges, today);
    expect(p).toMatchObject({
      subscriptionId: 'a',
      period: 'P1M',
      amountMinor: 14900,
      current: { amountMinor: 12900 },
    });
  });

  it('proposes the period the charges show', () => {
    const s = sub({ id: 'b', service: 'Matkassen', amountMinor: 64900, period: 'P1M', billingAnchor: '2026-08-03' });
    const charges = Array.from({ length: 8 }, (_, i) => ({
      id: `b-${i}`,
      subscriptionId: 'b',
      date: addPeriods('2026-08-03', 'P2W', i),
      amountMinor: 64900,
      currency: 'NOK',
      source: 'receipt' as const,
    }));
    expect(checkAgainstCharges([s], charges, today)[0]).toMatchObject({ period: 'P2W', current: { period: 'P1M' } });
  });

  it('says nothing when the charges agree, for cancelled ones, and for dismissed proposals', () => {
    const s = sub({ id: 'c', amountMinor: 17900, period: 'P1M', billingAnchor: '2026-05-10' });
    expect(
      checkAgainstCharges(
        [s],
        monthly('c', '2026-05-10', 6, () => 17900),
        today,
      ),
    ).toEqual([]);
    const changed = monthly('c', '2026-05-10', 6, (i) => (i < 3 ? 17900 : 19900));
    expect(checkAgainstCharges([{ ...s, status: 'cancelled' }], changed, today)).toEqual([]);
    const [p] = checkAgainstCharges([s], changed, today);
    expect(checkAgainstCharges([s], changed, today, new Set([proposalKey(p!)]))).toEqual([]);
  });
});
