import { describe, expect, it } from 'vitest';
import { buildRows, DEFAULT_QUERY, queryRows } from '../../../lib/app/table';
import { sub } from '../../helpers';

const ctx = {
  today: '2026-11-23',
  base: 'NOK',
  rates: { date: '2026-11-20', perEur: { EUR: 1, NOK: 11.5, DKK: 7.5 } },
};

const rows = buildRows(
  [
    sub({
      service: 'Netflix',
      amountMinor: 17900,
      category: 'video',
      billingAnchor: '2026-12-10',
      paymentMethod: 'Visa',
    }),
    sub({ service: 'Spotify', amountMinor: 11900, category: 'music', billingAnchor: '2026-11-30' }),
    sub({
      service: 'Zetland',
      amountMinor: 119900,
      period: 'P1Y',
      currency: 'DKK',
      category: 'news',
      billingAnchor: '2027-01-05',
      status: 'paused',
    }),
  ],
  ctx,
);
const names = (q: Partial<typeof DEFAULT_QUERY>) =>
  queryRows(rows, { ...DEFAULT_QUERY, ...q }).map((r) => r.sub.service);

describe('subscription table query', () => {
  it('sorts by next renewal by default, paused ones last', () => {
    expect(names({})).toEqual(['Spotify', 'Netflix', 'Zetland']);
  });
  it('sorts by monthly cost in the base currency, both ways', () => {
    // Zetland: 1,199 DKK a year = 99.92 DKK a month = 153.21 NOK, between Spotify and Netflix.
    expect(names({ sort: 'monthly' })).toEqual(['Spotify', 'Zetland', 'Netflix']);
    expect(names({ sort: 'monthly', desc: true })).toEqual(['Netflix', 'Zetland', 'Spotify']);
  });
  it('puts costs without an exchange rate last, and ties in name order', () => {
    const r = buildRows(
      [
        sub({ service: 'Beta', amountMinor: 100, currency: 'XTS' }),
        sub({ service: 'Zulu', amountMinor: 5000 }),
        sub({ service: 'Alfa', amountMinor: 5000 }),
        sub({ service: 'Æbler', amountMinor: 5000 }),
      ],
      ctx,
    );
    const byName = [...r].sort((a, b) => a.sub.service.localeCompare(b.sub.service)).map((x) => x.sub.service);
    expect(queryRows(r, { ...DEFAULT_QUERY, sort: 'monthly' }).map((x) => x.sub.service)).toEqual([
      ...byName.filter((n) => n !== 'Beta'),
      'Beta',
    ]);
    expect(queryRows(r, { ...DEFAULT_QUERY, sort: 'service' }).map((x) => x.sub.service)).toEqual(byName);
    expect(queryRows(r, { ...DEFAULT_QUERY, sort: 'service', desc: true }).map((x) => x.sub.service)).toEqual(
      [...byName].reverse(),
    );
  });
  it('filters and searches', () => {
    expect(names({ status: 'paused' })).toEqual(['Zetland']);
    expect(names({ currency: 'NOK', category: 'video' })).toEqual(['Netflix']);
    expect(names({ search: 'spot' })).toEqual(['Spotify']);
    expect(names({ payment: 'Visa' })).toEqual(['Netflix']);
    expect(names({ search: 'NETFL' })).toEqual(['Netflix']);
    // A search never matches across two fields (service "Netflix" + payment "Visa").
    expect(names({ search: 'xvisa' })).toEqual([]);
  });
});
