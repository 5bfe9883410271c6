import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubkeeperDb } from '../../lib/db';
import { ingestDetection } from '../../lib/ingest';
import { DEFAULT_SETTINGS, type PageDetection } from '../../lib/model';
import { changeLines, proposalOf } from '../../lib/proposal';
import { acceptProposal } from '../../lib/proposal/accept';
import { detection, dropDb, freshDb, sub } from '../helpers';

let db: SubkeeperDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const clock = { today: '2026-11-23', stamp: '2026-11-23T10:00:00.000Z' };
const later = { today: '2026-11-25', stamp: '2026-11-25T09:00:00.000Z' };
const netflix = { id: 'netflix', name: 'Netflix', category: 'video' as const, domains: ['netflix.com'] };
const lookup = (h: string) => (h === 'netflix.com' || h.endsWith('.netflix.com') ? netflix : undefined);

const receipt = (over: Partial<PageDetection> = {}): PageDetection => ({
  kind: 'receipt',
  service: { name: 'Netflix', domain: 'netflix.com', serviceId: 'netflix' },
  subscription: { amountMinor: 2900, currency: 'USD', period: 'P1M', nextRenewal: '2026-12-20' },
  charges: [{ date: '2026-11-20', amountMinor: 2900, currency: 'USD' }],
  links: { cancel: 'https://www.netflix.com/cancelplan', manage: 'https://www.netflix.com/account' },
  ...over,
});
const ingest = (p: PageDetection, url = 'https://www.netflix.com/billingActivity') =>
  ingestDetection(db, { url, result: p, tabId: 1 }, DEFAULT_SETTINGS, clock, lookup);

describe('accepting a proposal', () => {
  it('applies a price rise: new price, a price-change record, the renewal day, the charges and accepted links', async () => {
    await db.subscriptions.put(
      sub({
        id: 'n',
        service: 'Netflix',
        serviceId: 'netflix',
        domain: 'netflix.com',
        amountMinor: 2500,
        currency: 'USD',
        billingAnchor: '2026-12-05',
        links: { manage: { url: 'https://example.com/my-own', source: 'user' } },
      }),
    );
    const r = await ingest(receipt());
    expect(r.action).toBe('proposed');
    const [d] = await db.detections.toArray();
    const result = await acceptProposal(db, d!.id, later);
    expect(result).toEqual({ ok: true, subscriptionId: 'n', chargesAdded: 1 });
    const s = await db.subscriptions.get('n');
    expect(s).toMatchObject({ amountMinor: 2900, billingAnchor: '2026-12-20', updatedAt: later.stamp });
    expect(s?.links.cancel).toMatchObject({
      url: 'https://www.netflix.com/cancelplan',
      source: 'page',
      acceptedAt: '2026-11-25',
    });
    // The user's own link stays.
    expect(s?.links.manage).toEqual({ url: 'https://example.com/my-own', source: 'user' });
    expect(await db.priceChanges.toArray()).toMatchObject([
      { subscriptionId: 'n', date: '2026-11-20', oldAmountMinor: 2500, newAmountMinor: 2900, currency: 'USD' },
    ]);
    expect(await db.charges.toArray()).toMatchObject([{ subscriptionId: 'n', date: '2026-11-20', amountMinor: 2900 }]);
    expect(await db.detections.get(d!.id)).toMatchObject({ status: 'accepted', subscriptionId: 'n' });
    // Accepting twice does nothing more.
    expect(await acceptProposal(db, d!.id, later)).toEqual({ ok: false, reason: 'not-pending' });
    expect(await db.priceChanges.count()).toBe(1);
  });

  it('adds a new subscription, confirmed, with its charges', async () => {
    await ingest(receipt());
    expect(await db.subscriptions.count()).toBe(0);
    const [d] = await db.detections.toArray();
    const result = await acceptProposal(db, d!.id, later);
    expect(result).toMatchObject({ ok: true, chargesAdded: 1 });
    const [s] = await db.subscriptions.toArray();
    expect(s).toMatchObject({
      service: 'Netflix',
      serviceId: 'netflix',
      category: 'video',
      amountMinor: 2900,
      confirmed: true,
      source: 'detected',
      billingAnchor: '2026-12-20',
      statusHistory: [{ status: 'active', date: '2026-11-25' }],
    });
    expect(s?.links.cancel?.acceptedAt).toBe('2026-11-25');
  });

  it('refuses when the subscription was deleted meanwhile, and changes nothing', async () => {
    await db.subscriptions.put(sub({ id: 'n', serviceId: 'netflix', domain: 'netflix.com', currency: 'USD' }));
    await ingest(receipt());
    await db.subscriptions.delete('n');
    const [d] = await db.detections.toArray();
    expect(await acceptProposal(db, d!.id, later)).toEqual({ ok: false, reason: 'subscription-gone' });
    expect(await db.charges.count()).toBe(0);
    expect(await db.detections.get(d!.id)).toMatchObject({ status: 'pending' });
  });
});

describe('reading proposals', () => {
  it('shows only what would still change, old → new, never over a link the user entered', () => {
    const s = sub({
      amountMinor: 2500,
      currency: 'USD',
      period: 'P1M',
      billingAnchor: '2026-12-05',
      links: { cancel: { url: 'https://mine.example/cancel', source: 'user' } },
    });
    expect(
      changeLines(s, {
        amountMinor: 2900,
        period: 'P1M',
        billingAnchor: '2026-12-20',
        links: {
          cancel: { url: 'https://www.netflix.com/cancelplan', source: 'page' },
          manage: { url: 'https://www.netflix.com/account', source: 'page' },
        },
      }),
    ).toEqual([
      { field: 'amount', from: 2500, to: 2900, currency: 'USD' },
      { field: 'renewal', from: '2026-12-05', to: '2026-12-20' },
      { field: 'link', kind: 'manage', to: 'https://www.netflix.com/account' },
    ]);
  });

  it('reads a detection stored before proposals as a new subscription', () => {
    const d = detection({
      result: {
        kind: 'signup',
        service: { name: 'Viaplay', domain: 'viaplay.no' },
        subscription: { amountMinor: 12900, currency: 'NOK', period: 'P1M', trialDays: 14 },
        charges: [],
        links: {},
      },
    });
    expect(proposalOf(d)).toMatchObject({
      type: 'new',
      subscription: { service: 'Viaplay', amountMinor: 12900, status: 'trial', trialEnd: '2026-12-07' },
    });
    expect(proposalOf(detection())).toBeUndefined();
  });
});
