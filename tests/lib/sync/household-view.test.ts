import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../../lib/sync/attribution';
import { liveHousehold } from '../../../lib/sync/household-view';
import { sub } from '../../helpers';

const RATES = { date: '2026-11-20', perEur: { EUR: 1, NOK: 11.5, SEK: 11.5 } };
const OPTS = { today: '2026-12-06', base: 'NOK', rates: RATES };
const anna = { id: 'm-anna', name: 'Anna', color: '#0072b2' };
const ola = { id: 'm-ola', name: 'Ola', color: '#e69f00' };
const by = (createdBy: string, changedBy = createdBy): Attribution => ({
  createdBy,
  changedBy,
  changedAt: '2026-12-05T10:00:00.000Z',
});

describe('live household view', () => {
  it('puts each subscription with its owner, else whoever added it, and totals what each pays', () => {
    const subs = [
      sub({ id: 'netflix', service: 'Netflix', amountMinor: 17900, ownerId: 'm-ola' }),
      sub({ id: 'spotify', service: 'Spotify', amountMinor: 11900 }),
      sub({ id: 'hbo', service: 'HBO Max', amountMinor: 12000, shares: [{ memberId: 'm-ola', percent: 50 }] }),
      sub({ id: 'pending', service: 'Detected', amountMinor: 99, confirmed: false }),
      sub({ id: 'old', service: 'Old one', amountMinor: 5000 }),
    ];
    const who = new Map([
      ['netflix', by('m-anna')],
      ['spotify', by('m-ola', 'm-anna')],
      ['hbo', by('m-anna')],
    ]);
    const view = liveHousehold([ola, anna], subs, who, OPTS);
    expect(view.members.map((m) => m.name)).toEqual(['Anna', 'Ola']);
    const total = (id: string) => view.totalsPerMember.find((t) => t.memberId === id);
    expect(total('m-anna')).toMatchObject({ count: 1, monthlyMinor: 6000 });
    expect(total('m-ola')).toMatchObject({ count: 2, monthlyMinor: 17900 + 11900 + 6000 });
    expect(view.paidBy.get('m-ola')?.map((i) => [i.subscription.service, i.monthlyMinor, i.percent])).toEqual([
      ['Netflix', 17900, 100],
      ['Spotify', 11900, 100],
      ['HBO Max', 6000, 50],
    ]);
    expect(view.paidBy.get('m-ola')?.[1]?.attribution).toEqual(by('m-ola', 'm-anna'));
    expect(view.split.map((s) => s.id)).toEqual(['hbo']);
    expect(view.unassigned.map((s) => s.id)).toEqual(['old']);
  });

  it('flags a service two members pay for, as the file merge does', () => {
    const subs = [
      sub({ id: 'a', service: 'Netflix', serviceId: 'netflix', amountMinor: 17900 }),
      sub({ id: 'b', service: 'Netflix Premium', serviceId: 'netflix', amountMinor: 22900 }),
    ];
    const view = liveHousehold(
      [anna, ola],
      subs,
      new Map([
        ['a', by('m-anna')],
        ['b', by('m-ola')],
      ]),
      OPTS,
    );
    expect(view.duplicates).toEqual([
      expect.objectContaining({ members: ['m-anna', 'm-ola'], monthlySavingMinor: 17900, subscriptionIds: ['a', 'b'] }),
    ]);
  });
});
