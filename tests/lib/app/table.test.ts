import { describe, expect, it } from 'vitest';
import { buildRows, DEFAULT_QUERY, queryRows } from '../../../lib/app/table';
import { sub } from '../../helpers';

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
  '2026-11-23',
);
const names = (q: Partial<typeof DEFAULT_QUERY>) =>
  queryRows(rows, { ...DEFAULT_QUERY, ...q }).map((r) => r.sub.service);

describe('subscription table query', () => {
  it('sorts by next renewal by default, paused ones last', () => {
    expect(names({})).toEqual(['Spotify', 'Netflix', 'Zetland']);
  });
  it('sorts by monthly cost both ways', () => {
    expect(names({ sort: 'monthly' })).toEqual(['Zetland', 'Spotify', 'Netflix']);
    expect(names({ sort: 'monthly', desc: true })).toEqual(['Netflix', 'Spotify', 'Zetland']);
  });
  it('filters and searches', () => {
    expect(names({ status: 'paused' })).toEqual(['Zetland']);
    expect(names({ currency: 'NOK', category: 'video' })).toEqual(['Netflix']);
    expect(names({ search: 'spot' })).toEqual(['Spotify']);
    expect(names({ payment: 'Visa' })).toEqual(['Netflix']);
  });
});
