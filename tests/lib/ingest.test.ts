import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubkeeperDb } from '../../lib/db';
import { ingestDetection } from '../../lib/ingest';
import { DEFAULT_SETTINGS, type PageDetection, type Settings } from '../../lib/model';
import { dropDb, freshDb } from '../helpers';

let db: SubkeeperDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const clock = { today: '2026-11-23', stamp: '2026-11-23T10:00:00.000Z' };
const known = (host: string) =>
  host.endsWith('storytel.com')
    ? { id: 'storytel', name: 'Storytel', category: 'books' as const, domains: ['storytel.com'] }
    : undefined;
const page = (over: Partial<PageDetection> = {}): PageDetection => ({
  kind: 'confirmation',
  service: { name: 'Viaplay', domain: 'viaplay.no' },
  subscription: { amountMinor: 12900, currency: 'NOK', period: 'P1M', nextRenewal: '2026-12-23' },
  charges: [],
  links: {},
  ...over,
});
const ingest = (p: PageDetection, settings: Settings = DEFAULT_SETTINGS, url = 'https://www.viaplay.no/takk') =>
  ingestDetection(db, { url, result: p, tabId: 3 }, settings, clock, known);

describe('ingest: what the background does with a detection', () => {
  it('stores nothing for pricing and none pages', async () => {
    expect(await ingest(page({ kind: 'pricing', subscription: null }))).toMatchObject({ action: 'ignored' });
    expect(await ingest(page({ kind: 'none', subscription: null }))).toMatchObject({ action: 'ignored' });
    expect(await db.subscriptions.count()).toBe(0);
    expect(await db.detections.count()).toBe(0);
  });

  it('keeps a signup page as a pending detection only', async () => {
    const r = await ingest(page({ kind: 'signup' }));
    expect(r.action).toBe('pending');
    expect(await db.subscriptions.count()).toBe(0);
    expect((await db.detections.toArray())[0]).toMatchObject({ status: 'pending', tabId: 3, hostname: 'viaplay.no' });
  });

  it('creates an unconfirmed detected subscription from a confirmation page', async () => {
    const r = await ingest(page({ links: { cancel: 'https://www.viaplay.no/konto/si-opp' } }));
    expect(r).toMatchObject({ action: 'tracked', created: true });
    const [s] = await db.subscriptions.toArray();
    expect(s).toMatchObject({
      service: 'Viaplay',
      amountMinor: 12900,
      period: 'P1M',
      status: 'active',
      billingAnchor: '2026-12-23',
      source: 'detected',
      confirmed: false,
    });
    expect(s?.links.cancel).toMatchObject({
      url: 'https://www.viaplay.no/konto/si-opp',
      source: 'page',
      seenAt: '2026-11-23',
    });
    expect(await db.serviceLinks.get('viaplay.no')).toBeDefined();
  });

  it('turns a free trial and an intro price into dates', async () => {
    await ingest(
      page({
        subscription: {
          amountMinor: 12900,
          currency: 'NOK',
          period: 'P1M',
          trialDays: 30,
          introAmountMinor: 900,
          introPeriods: 3,
        },
      }),
    );
    const [s] = await db.subscriptions.toArray();
    expect(s).toMatchObject({ status: 'trial', trialEnd: '2026-12-23', introAmountMinor: 900, introEnd: '2027-03-23' });
  });

  it('records charges without duplicates and a price change when the price differs', async () => {
    await ingest(page());
    const billing = page({
      kind: 'billing',
      subscription: { amountMinor: 14900, currency: 'NOK', period: 'P1M' },
      charges: [
        { date: '2026-10-23', amountMinor: 12900, currency: 'NOK' },
        { date: '2026-11-23', amountMinor: 14900, currency: 'NOK' },
      ],
    });
    const r = await ingest(billing, DEFAULT_SETTINGS, 'https://www.viaplay.no/konto/betalinger');
    expect(r).toMatchObject({ action: 'tracked', created: false, chargesAdded: 2 });
    expect(await ingest(billing, DEFAULT_SETTINGS, 'https://www.viaplay.no/konto/betalinger')).toMatchObject({
      chargesAdded: 0,
    });
    expect(await db.subscriptions.count()).toBe(1);
    expect(await db.charges.count()).toBe(2);
    const changes = await db.priceChanges.toArray();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ oldAmountMinor: 12900, newAmountMinor: 14900 });
    expect((await db.subscriptions.toArray())[0]?.amountMinor).toBe(14900);
  });

  it('names the service and its category from the directory', async () => {
    const r = await ingest(
      page({ service: { name: 'Welcome', domain: 'www.storytel.com' } }),
      DEFAULT_SETTINGS,
      'https://www.storytel.com/no/welcome',
    );
    expect(r.action).toBe('tracked');
    expect((await db.subscriptions.toArray())[0]).toMatchObject({
      service: 'Storytel',
      serviceId: 'storytel',
      category: 'books',
    });
  });

  it('honours detection off, never-here sites and only-known-services', async () => {
    const off = { ...DEFAULT_SETTINGS, detection: { ...DEFAULT_SETTINGS.detection, enabled: false } };
    expect(await ingest(page(), off)).toEqual({ action: 'ignored', reason: 'disabled' });
    const never = { ...DEFAULT_SETTINGS, detection: { ...DEFAULT_SETTINGS.detection, neverSites: ['viaplay.no'] } };
    expect(await ingest(page(), never)).toEqual({ action: 'ignored', reason: 'never-here' });
    const onlyKnown = { ...DEFAULT_SETTINGS, detection: { ...DEFAULT_SETTINGS.detection, onlyKnownServices: true } };
    expect(await ingest(page(), onlyKnown)).toEqual({ action: 'ignored', reason: 'unknown-service' });
    expect(await db.subscriptions.count()).toBe(0);
  });
});
