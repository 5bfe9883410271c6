import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubkeeperDb } from '../../lib/db';
import { type DirectoryHit, ingestDetection } from '../../lib/ingest';
import { DEFAULT_SETTINGS, type PageDetection, type Settings, type Subscription } from '../../lib/model';
import { dropDb, freshDb, sub } from '../helpers';

let db: SubkeeperDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const clock = { today: '2026-11-23', stamp: '2026-11-23T10:00:00.000Z' };
const DIRECTORY: DirectoryHit[] = [
  { id: 'storytel', name: 'Storytel', category: 'books', domains: ['storytel.com', 'storytel.no'] },
  { id: 'netflix', name: 'Netflix', category: 'video', domains: ['netflix.com'] },
  { id: 'github', name: 'GitHub', category: 'software', domains: ['github.com'] },
  { id: 'wordpress-com', name: 'WordPress.com', category: 'software', domains: ['wordpress.com'] },
];
const known = (host: string) => DIRECTORY.find((e) => e.domains.some((d) => host === d || host.endsWith(`.${d}`)));
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

  it('keeps a signup page as a pending proposal only', async () => {
    const r = await ingest(page({ kind: 'signup' }));
    expect(r.action).toBe('proposed');
    expect(await db.subscriptions.count()).toBe(0);
    expect((await db.detections.toArray())[0]).toMatchObject({ status: 'pending', tabId: 3, hostname: 'viaplay.no' });
  });

  it('proposes a new subscription from a confirmation page, and adds nothing the user has not accepted', async () => {
    const r = await ingest(page({ links: { cancel: 'https://www.viaplay.no/konto/si-opp' } }));
    expect(r).toMatchObject({ action: 'proposed' });
    // Finds are not the user's subscriptions: nothing is counted before it is accepted.
    expect(await db.subscriptions.count()).toBe(0);
    const [d] = await db.detections.toArray();
    expect(d?.status).toBe('pending');
    expect(d?.subscriptionId).toBeUndefined();
    expect(d?.proposal).toMatchObject({
      type: 'new',
      subscription: {
        service: 'Viaplay',
        amountMinor: 12900,
        period: 'P1M',
        status: 'active',
        billingAnchor: '2026-12-23',
        links: { cancel: { url: 'https://www.viaplay.no/konto/si-opp', source: 'page', seenAt: '2026-11-23' } },
      },
    });
    expect(await db.serviceLinks.get('viaplay.no')).toBeDefined();
  });

  it('turns a free trial and an intro price into dates counted from the day the page was seen', async () => {
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
    const [d] = await db.detections.toArray();
    expect(d?.proposal).toMatchObject({
      type: 'new',
      subscription: { status: 'trial', trialEnd: '2026-12-23', introAmountMinor: 900, introEnd: '2027-03-23' },
    });
  });

  it('names the service and its category from the directory', async () => {
    const r = await ingest(
      page({ service: { name: 'Welcome', domain: 'www.storytel.com' } }),
      DEFAULT_SETTINGS,
      'https://www.storytel.com/no/welcome',
    );
    expect(r.action).toBe('proposed');
    expect((await db.detections.toArray())[0]?.proposal).toMatchObject({
      type: 'new',
      subscription: { service: 'Storytel', serviceId: 'storytel', category: 'books' },
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
    expect(await db.detections.count()).toBe(0);
  });
});

/** A confirmed Netflix subscription the user entered, with their own cancel link. */
async function seedNetflix(over: Partial<Subscription> = {}): Promise<Subscription> {
  const s = sub({
    id: 'netflix-1',
    service: 'Netflix',
    serviceId: 'netflix',
    domain: 'netflix.com',
    amountMinor: 2500,
    currency: 'USD',
    period: 'P1M',
    billingAnchor: '2026-12-05',
    links: { cancel: { url: 'https://www.netflix.com/cancelplan', source: 'user' } },
    ...over,
  });
  await db.subscriptions.put(s);
  return s;
}

/** The fake receipt of issue 15: $999 a year, renewal moved, a phishing cancel link. */
const fakeReceipt = (over: Partial<PageDetection> = {}): PageDetection => ({
  kind: 'receipt',
  service: { name: 'Netflix', domain: 'netflix.com', serviceId: 'netflix' },
  subscription: { amountMinor: 99900, currency: 'USD', period: 'P1Y', nextRenewal: '2027-01-15' },
  charges: [{ date: '2026-11-20', amountMinor: 99900, currency: 'USD' }],
  links: { cancel: 'https://netflix-cancel.example/login', manage: 'https://evil.example/manage' },
  ...over,
});

async function unchanged(before: Subscription) {
  expect(await db.subscriptions.get(before.id)).toEqual(before);
  expect(await db.priceChanges.count()).toBe(0);
  expect(await db.charges.count()).toBe(0);
}

describe('trust boundary: a page proposes, the user decides (issue 15, item 1)', () => {
  it('a receipt on the service’s own https site never changes a confirmed subscription: it becomes a proposal', async () => {
    const before = await seedNetflix();
    const r = await ingest(fakeReceipt(), DEFAULT_SETTINGS, 'https://www.netflix.com/billingActivity');
    await unchanged(before);
    expect(r).toMatchObject({ action: 'proposed', subscriptionId: before.id });
    const [d] = await db.detections.toArray();
    expect(d).toMatchObject({ status: 'pending', subscriptionId: before.id });
    expect(d?.proposal).toEqual({
      type: 'update',
      changes: { amountMinor: 99900, period: 'P1Y', billingAnchor: '2027-01-15', priceFrom: '2026-11-20' },
      charges: [{ date: '2026-11-20', amountMinor: 99900, currency: 'USD', source: 'receipt' }],
    });
  });

  it('a fake receipt in a GitHub issue is not GitHub: nothing is stored', async () => {
    const before = await seedNetflix({ id: 'gh', service: 'GitHub', serviceId: 'github', domain: 'github.com' });
    const gh = fakeReceipt({ service: { name: 'GitHub', domain: 'github.com', serviceId: 'github' } });
    const r = await ingest(gh, DEFAULT_SETTINGS, 'https://github.com/someone/repo/issues/12');
    expect(r).toEqual({ action: 'ignored', reason: 'user-content' });
    await unchanged(before);
    expect(await db.detections.count()).toBe(0);
    expect(await db.serviceLinks.count()).toBe(0);
  });

  it('GitHub’s own billing page is GitHub', async () => {
    await seedNetflix({ id: 'gh', service: 'GitHub', serviceId: 'github', domain: 'github.com' });
    const gh = fakeReceipt({ kind: 'billing', service: { name: 'GitHub', domain: 'github.com', serviceId: 'github' } });
    const r = await ingest(gh, DEFAULT_SETTINGS, 'https://github.com/settings/billing/summary');
    expect(r).toMatchObject({ action: 'proposed', subscriptionId: 'gh' });
  });

  it('a blog post on someone.wordpress.com is not WordPress.com', async () => {
    const before = await seedNetflix({
      id: 'wp',
      service: 'WordPress.com',
      serviceId: 'wordpress-com',
      domain: 'wordpress.com',
    });
    const wp = fakeReceipt({ service: { name: 'WordPress.com', domain: 'wordpress.com', serviceId: 'wordpress-com' } });
    expect(await ingest(wp, DEFAULT_SETTINGS, 'https://someone.wordpress.com/2026/11/my-receipt/')).toEqual({
      action: 'ignored',
      reason: 'user-content',
    });
    await unchanged(before);
    expect(await db.detections.count()).toBe(0);
  });

  it('plain http pages are ignored, even on the service’s own host', async () => {
    const before = await seedNetflix();
    expect(await ingest(fakeReceipt(), DEFAULT_SETTINGS, 'http://www.netflix.com/billingActivity')).toEqual({
      action: 'ignored',
      reason: 'insecure',
    });
    await unchanged(before);
    expect(await db.detections.count()).toBe(0);
    expect(await db.serviceLinks.count()).toBe(0);
  });

  it('keeps links only to the page’s own site or the service’s directory domains', async () => {
    await ingest(
      page({
        service: { name: 'Storytel', domain: 'storytel.com', serviceId: 'storytel' },
        links: {
          cancel: 'https://evil.example/cancel',
          manage: 'https://www.storytel.no/konto',
          pause: 'https://login.storytel.com/pause',
        },
      }),
      DEFAULT_SETTINGS,
      'https://www.storytel.com/no/welcome',
    );
    const [d] = await db.detections.toArray();
    const links = d?.proposal?.type === 'new' ? d.proposal.subscription.links : {};
    expect(links.cancel).toBeUndefined();
    expect(links.manage?.url).toBe('https://www.storytel.no/konto');
    expect(links.pause?.url).toBe('https://login.storytel.com/pause');
    expect((await db.serviceLinks.get('storytel'))?.links.cancel).toBeUndefined();
  });

  it('never proposes to replace a link the user entered, and drops links to other sites', async () => {
    await seedNetflix();
    await ingest(
      fakeReceipt({ subscription: null, charges: [], links: { cancel: 'https://www.netflix.com/other-cancel' } }),
      DEFAULT_SETTINGS,
      'https://www.netflix.com/account',
    );
    expect(await db.detections.count()).toBe(0);
    await ingest(
      fakeReceipt({ subscription: null, charges: [], links: { manage: 'https://www.netflix.com/YourAccount' } }),
      DEFAULT_SETTINGS,
      'https://www.netflix.com/account',
    );
    const [d] = await db.detections.toArray();
    expect(d?.proposal).toMatchObject({
      type: 'update',
      changes: { links: { manage: { url: 'https://www.netflix.com/YourAccount', source: 'page' } } },
    });
    expect(d?.proposal?.type === 'update' && d.proposal.changes.links?.cancel).toBeFalsy();
  });

  it('records, directly, only charges at the known price from the service’s own https site', async () => {
    const before = await seedNetflix();
    const r = await ingest(
      fakeReceipt({
        kind: 'billing',
        subscription: { amountMinor: 2500, currency: 'USD', period: 'P1M' },
        links: {},
        charges: [
          { date: '2026-10-05', amountMinor: 2500, currency: 'USD' },
          { date: '2026-11-05', amountMinor: 2500, currency: 'USD' },
          { date: '2026-12-05', amountMinor: 2500, currency: 'USD' },
        ],
      }),
      DEFAULT_SETTINGS,
      'https://www.netflix.com/billingActivity',
    );
    expect(r).toEqual({ action: 'recorded', subscriptionId: before.id, chargesAdded: 2 });
    expect((await db.charges.toArray()).map((c) => c.date).sort()).toEqual(['2026-10-05', '2026-11-05']);
    // Nothing the page says is applied; the payments it recorded mark their day as paid (issue 13 item 3).
    expect(await db.subscriptions.get(before.id)).toEqual({ ...before, lastPaid: '2026-11-05' });
    expect(await db.detections.count()).toBe(0);
  });

  it('does not believe absurd amounts (9,999,999,999 a month)', async () => {
    await seedNetflix();
    const r = await ingest(
      fakeReceipt({
        subscription: { amountMinor: 999_999_999_900, currency: 'USD', period: 'P1M' },
        charges: [{ date: '2026-11-20', amountMinor: 999_999_999_900, currency: 'USD' }],
        links: {},
      }),
      DEFAULT_SETTINGS,
      'https://www.netflix.com/billingActivity',
    );
    expect(r).toEqual({ action: 'ignored', reason: 'nothing' });
    expect(await db.detections.count()).toBe(0);
    expect(await db.charges.count()).toBe(0);
  });

  it('keeps one pending proposal per service: a page repeating itself replaces, never piles up', async () => {
    await seedNetflix();
    for (let i = 0; i < 50; i++) {
      await ingest(
        fakeReceipt({
          subscription: { amountMinor: 3000 + i, currency: 'USD', period: 'P1M' },
          charges: [],
          links: {},
        }),
        DEFAULT_SETTINGS,
        `https://www.netflix.com/billingActivity#${i}`,
      );
    }
    for (let i = 0; i < 50; i++) await ingest(page({ subscription: { amountMinor: 100 + i, currency: 'NOK' } }));
    const pending = await db.detections.where('status').equals('pending').toArray();
    expect(pending).toHaveLength(2);
    expect(pending.find((d) => d.hostname === 'netflix.com')?.proposal).toMatchObject({
      changes: { amountMinor: 3049 },
    });
  });

  it('caps the pending proposals of one host', async () => {
    for (let i = 0; i < 40; i++) {
      await ingest(page({ service: { name: `Shop ${i}`, domain: `shop${i}.viaplay.no` } }));
    }
    expect(await db.detections.where('hostname').equals('viaplay.no').count()).toBeLessThanOrEqual(5);
  });

  it('does not bring back a proposal the user ignored', async () => {
    await seedNetflix();
    const receipt = fakeReceipt({ charges: [], links: {} });
    await ingest(receipt, DEFAULT_SETTINGS, 'https://www.netflix.com/billingActivity');
    const [d] = await db.detections.toArray();
    await db.detections.update(d!.id, { status: 'dismissed' });
    expect(await ingest(receipt, DEFAULT_SETTINGS, 'https://www.netflix.com/billingActivity')).toEqual({
      action: 'ignored',
      reason: 'dismissed',
    });
    expect(await db.detections.where('status').equals('pending').count()).toBe(0);
  });

  it('writes the service links and the detection in one transaction (a failure loses neither half alone)', async () => {
    db.detections.hook('creating', () => {
      throw new Error('worker stopped');
    });
    await expect(ingest(page({ links: { cancel: 'https://www.viaplay.no/konto/si-opp' } }))).rejects.toThrow();
    expect(await db.serviceLinks.count()).toBe(0);
  });
});
