import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubkeeperDb } from '../../lib/db';
import type { DirectoryHit } from '../../lib/ingest';
import { type FoundMail, importMails, ingestMail } from '../../lib/ingest-mail';
import { DEFAULT_SETTINGS, type MailSource, type PageDetection } from '../../lib/model';
import { acceptProposal, applyDuePriceChanges } from '../../lib/proposal/accept';
import { planReminders } from '../../lib/reminders/plan';
import { dropDb, freshDb, sub } from '../helpers';

let db: SubkeeperDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const clock = { today: '2026-11-23', stamp: '2026-11-23T10:00:00.000Z' };
const DIRECTORY: DirectoryHit[] = [
  { id: 'netflix', name: 'Netflix', category: 'video', domains: ['netflix.com'] },
  { id: 'spotify', name: 'Spotify', category: 'music', domains: ['spotify.com'] },
];
const lookup = (host: string) => DIRECTORY.find((e) => e.domains.some((d) => host === d || host.endsWith(`.${d}`)));
const mail = (over: Partial<MailSource> = {}): MailSource => ({
  from: 'billing@fernpost.com',
  name: 'Fernpost',
  subject: 'Your receipt',
  sent: '2026-11-20',
  via: 'file',
  ...over,
});
const detection = (over: Partial<PageDetection> = {}): PageDetection => ({
  kind: 'receipt',
  service: { name: 'Fernpost', domain: 'fernpost.com' },
  subscription: { amountMinor: 2400, currency: 'EUR', period: 'P1M' },
  charges: [{ date: '2026-11-20', amountMinor: 2400, currency: 'EUR' }],
  links: {},
  ...over,
});
const ingest = (result: PageDetection, source: MailSource = mail(), url?: string) =>
  ingestMail(db, { result, mail: source, ...(url ? { url } : {}) }, DEFAULT_SETTINGS, clock, lookup);

describe('mails: the same proposal path as pages', () => {
  it('proposes a new subscription from a receipt, with its charge, kept apart until accepted', async () => {
    const out = await ingest(detection());
    expect(out.action).toBe('proposed');
    expect(await db.subscriptions.count()).toBe(0);
    const [d] = await db.detections.toArray();
    expect(d).toMatchObject({ status: 'pending', hostname: 'fernpost.com', mail: { from: 'billing@fernpost.com' } });
    expect(d?.url).toBeUndefined();
    expect(d?.proposal).toMatchObject({
      type: 'new',
      subscription: { service: 'Fernpost', amountMinor: 2400, currency: 'EUR', period: 'P1M', startDate: '2026-11-20' },
      charges: [{ date: '2026-11-20', amountMinor: 2400, source: 'receipt' }],
    });
  });

  it('never adds a subscription from a one-off purchase, a seller mail or a service the user already left', async () => {
    expect(await ingest(detection({ subscription: null }))).toEqual({ action: 'ignored', reason: 'nothing' });
    expect(await ingest(detection({ kind: 'none', service: null, subscription: null, charges: [] }))).toMatchObject({
      action: 'ignored',
    });
    expect(await ingest(detection({ kind: 'account', event: 'cancelled', charges: [] }))).toMatchObject({
      action: 'ignored',
    });
    expect(await db.detections.count()).toBe(0);
  });

  it('adds a one-off receipt’s charge to a subscription the user has (at its price: recorded right away)', async () => {
    await db.subscriptions.put(
      sub({ id: 'fp', service: 'Fernpost', domain: 'fernpost.com', amountMinor: 2400, currency: 'EUR' }),
    );
    const out = await ingest(detection({ subscription: null }));
    expect(out).toMatchObject({ action: 'recorded', subscriptionId: 'fp', chargesAdded: 1 });
    expect(await db.charges.toArray()).toMatchObject([{ subscriptionId: 'fp', date: '2026-11-20', amountMinor: 2400 }]);
  });

  it('a cancellation proposes marking the subscription cancelled, on the day the mail was sent', async () => {
    await db.subscriptions.put(
      sub({ id: 'fp', service: 'Fernpost', domain: 'fernpost.com', amountMinor: 2400, currency: 'EUR' }),
    );
    const out = await ingest(
      detection({ kind: 'account', event: 'cancelled', charges: [] }),
      mail({ sent: '2026-11-19' }),
    );
    expect(out.action).toBe('proposed');
    const [d] = await db.detections.toArray();
    expect(d?.proposal).toMatchObject({ type: 'update', changes: { status: 'cancelled', statusFrom: '2026-11-19' } });
    expect((await db.subscriptions.get('fp'))?.status).toBe('active');
    const accepted = await acceptProposal(db, d!.id, clock);
    expect(accepted.ok).toBe(true);
    expect(await db.subscriptions.get('fp')).toMatchObject({ status: 'cancelled', cancelledOn: '2026-11-19' });
  });

  it('a price-change notice records the coming price and its day; the price changes on that day', async () => {
    await db.subscriptions.put(
      sub({
        id: 'sp',
        service: 'Spotify',
        serviceId: 'spotify',
        domain: 'spotify.com',
        amountMinor: 11900,
        currency: 'SEK',
      }),
    );
    const notice = detection({
      kind: 'account',
      event: 'price-change',
      service: { name: 'Spotify', domain: 'spotify.com', serviceId: 'spotify' },
      subscription: {
        amountMinor: 11900,
        currency: 'SEK',
        period: 'P1M',
        priceChange: { amountMinor: 12900, from: '2027-02-09' },
      },
      charges: [],
    });
    expect((await ingest(notice, mail({ from: 'no-reply@spotify.com', name: 'Spotify' }))).action).toBe('proposed');
    const [d] = await db.detections.toArray();
    expect(d?.proposal).toMatchObject({ type: 'update', changes: { amountMinor: 12900, priceFrom: '2027-02-09' } });
    expect((await acceptProposal(db, d!.id, clock)).ok).toBe(true);
    // Recorded now, applied on its day.
    expect((await db.subscriptions.get('sp'))?.amountMinor).toBe(11900);
    expect(await db.priceChanges.toArray()).toMatchObject([
      { subscriptionId: 'sp', date: '2027-02-09', oldAmountMinor: 11900, newAmountMinor: 12900, announced: true },
    ]);
    // The notice the user had (issue 14: checked against the notice a rise needs): the day the mail was sent.
    expect((await db.priceChanges.toArray())[0]?.noticedOn).toBe('2026-11-20');
    expect(await applyDuePriceChanges(db, '2027-02-08', clock.stamp)).toBe(0);
    expect(await applyDuePriceChanges(db, '2027-02-09', clock.stamp)).toBe(1);
    expect((await db.subscriptions.get('sp'))?.amountMinor).toBe(12900);
    expect((await db.priceChanges.toArray())[0]?.announced).toBeUndefined();
  });

  it('a failed payment is noted for the reminders (once), and shows nothing in the inbox', async () => {
    const netflix = sub({ id: 'nf', service: 'Netflix', serviceId: 'netflix', domain: 'netflix.com' });
    await db.subscriptions.put(netflix);
    const failed = detection({
      kind: 'account',
      event: 'payment-failed',
      service: { name: 'Netflix', domain: 'netflix.com', serviceId: 'netflix' },
      subscription: null,
      charges: [],
    });
    const out = await ingest(failed, mail({ from: 'info@account.netflix.com', name: 'Netflix', sent: '2026-11-22' }));
    expect(out).toMatchObject({ action: 'recorded', subscriptionId: 'nf' });
    const [d] = await db.detections.toArray();
    expect(d).toMatchObject({ status: 'accepted', subscriptionId: 'nf', result: { event: 'payment-failed' } });
    const plan = planReminders({
      subscriptions: [netflix],
      paymentFailures: [{ subscriptionId: 'nf', date: '2026-11-22' }],
      settings: DEFAULT_SETTINGS,
      today: '2026-11-23',
    });
    expect(plan.filter((r) => r.kind === 'paymentFailed')).toMatchObject([
      { subscriptionId: 'nf', dueDate: '2026-11-22', eventDate: '2026-11-22' },
    ]);
    // An old failure (an mbox of last year) stays quiet.
    expect(await ingest(failed, mail({ from: 'info@account.netflix.com', sent: '2025-11-22' }))).toMatchObject({
      action: 'ignored',
    });
  });

  it('a trial-ending notice proposes the subscription as a trial ending that day', async () => {
    const out = await ingest(
      detection({
        kind: 'account',
        event: 'trial-ending',
        subscription: { amountMinor: 499, currency: 'USD', period: 'P1M', nextRenewal: '2026-11-26' },
        charges: [],
      }),
    );
    expect(out.action).toBe('proposed');
    expect((await db.detections.toArray())[0]?.proposal).toMatchObject({
      subscription: { status: 'trial', trialEnd: '2026-11-26', billingAnchor: '2026-11-26' },
    });
  });

  it('keeps only links to the service’s own site or its directory domains (no mailing-service trackers)', async () => {
    await ingest(
      detection({
        links: { manage: 'https://app.fernpost.com/billing', cancel: 'https://u123.ct.sendgrid.net/ls/click?upn=abc' },
      }),
    );
    const [d] = await db.detections.toArray();
    const links = d?.proposal?.type === 'new' ? d.proposal.subscription.links : {};
    expect(links.manage?.url).toBe('https://app.fernpost.com/billing');
    expect(links.manage).not.toHaveProperty('seenOn');
    expect(links.cancel).toBeUndefined();
  });

  it('respects "never here" for the sender and the webmail page', async () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      detection: { ...DEFAULT_SETTINGS.detection, neverSites: ['fernpost.com'] },
    };
    expect(await ingestMail(db, { result: detection(), mail: mail() }, settings, clock, lookup)).toMatchObject({
      reason: 'never-here',
    });
    const gmail = {
      ...DEFAULT_SETTINGS,
      detection: { ...DEFAULT_SETTINGS.detection, neverSites: ['mail.google.com'] },
    };
    const viaGmail = {
      result: detection(),
      mail: mail({ via: 'webmail' }),
      url: 'https://mail.google.com/mail/u/0/#inbox/x',
    };
    expect(await ingestMail(db, viaGmail, gmail, clock, lookup)).toMatchObject({ reason: 'never-here' });
    expect(await db.detections.count()).toBe(0);
  });
});

describe('a mail import: one proposal per service, with the charges and price history of its receipts', () => {
  const receipt = (day: string, amount: number): FoundMail => ({
    result: detection({
      subscription: { amountMinor: amount, currency: 'EUR', period: 'P1M' },
      charges: [{ date: day, amountMinor: amount, currency: 'EUR' }],
    }),
    mail: mail({ sent: day, subject: `Receipt ${day}` }),
  });

  it('groups a year of receipts into one new-subscription proposal with its price history', async () => {
    const found = [
      receipt('2026-01-20', 2000),
      receipt('2026-02-20', 2000),
      receipt('2026-03-20', 2400),
      receipt('2026-04-20', 2400),
    ];
    const seller: FoundMail = {
      result: { kind: 'none', service: null, subscription: null, charges: [], links: {} },
      mail: mail(),
    };
    const summary = await importMails(db, [...found, seller], DEFAULT_SETTINGS, clock, lookup);
    expect(summary).toEqual({ proposed: 1, recorded: 0, skipped: 0 });
    const [d] = await db.detections.toArray();
    expect(d?.mail).toMatchObject({ count: 4, subject: 'Receipt 2026-04-20' });
    expect(d?.proposal).toMatchObject({
      type: 'new',
      subscription: { amountMinor: 2400 },
      priceSteps: [{ date: '2026-03-20', oldAmountMinor: 2000, newAmountMinor: 2400 }],
    });
    expect(d?.proposal?.charges).toHaveLength(4);
    const accepted = await acceptProposal(db, d!.id, clock);
    expect(accepted).toMatchObject({ ok: true, chargesAdded: 4 });
    expect(await db.priceChanges.toArray()).toMatchObject([
      { date: '2026-03-20', oldAmountMinor: 2000, newAmountMinor: 2400 },
    ]);
  });

  it('records the receipts of a subscription the user has at its price, and proposes the rest', async () => {
    await db.subscriptions.put(
      sub({ id: 'fp', service: 'Fernpost', domain: 'fernpost.com', amountMinor: 2400, currency: 'EUR' }),
    );
    const summary = await importMails(
      db,
      [receipt('2026-09-20', 2400), receipt('2026-10-20', 2400), receipt('2026-11-20', 2600)],
      DEFAULT_SETTINGS,
      clock,
      lookup,
    );
    expect(summary).toEqual({ proposed: 1, recorded: 2, skipped: 0 });
    expect(await db.charges.count()).toBe(2);
    expect((await db.detections.toArray())[0]?.proposal).toMatchObject({
      type: 'update',
      changes: { amountMinor: 2600, priceFrom: '2026-11-20' },
      charges: [{ date: '2026-11-20', amountMinor: 2600 }],
    });
  });

  it('keeps apps bought in an app store apart: one domain (apple.com), a subscription per app', async () => {
    const app = (name: string, amount: number): FoundMail => ({
      result: detection({
        service: { name, domain: 'apple.com' },
        subscription: { amountMinor: amount, currency: 'GBP', period: 'P1M' },
        charges: [{ date: '2026-11-20', amountMinor: amount, currency: 'GBP' }],
      }),
      mail: mail({ from: 'no_reply@email.apple.com', name: 'Apple', subject: `Your receipt from Apple (${name})` }),
    });
    await db.subscriptions.put(
      sub({ id: 'bear', service: 'Bear', domain: 'apple.com', amountMinor: 299, currency: 'GBP', period: 'P1M' }),
    );
    const summary = await importMails(
      db,
      [app('Bear', 299), app('Things', 499), app('Calm', 1499)],
      DEFAULT_SETTINGS,
      clock,
      lookup,
    );
    expect(summary).toEqual({ proposed: 2, recorded: 1, skipped: 0 });
    expect(await db.charges.toArray()).toMatchObject([{ subscriptionId: 'bear', amountMinor: 299 }]);
    const names = (await db.detections.toArray()).map((d) =>
      d.proposal?.type === 'new' ? d.proposal.subscription.service : '',
    );
    expect(names.sort()).toEqual(['Calm', 'Things']);
  });
});
