import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubkeeperDb } from '../../../lib/db';
import { detectMail } from '../../../lib/detect';
import { addressHost } from '../../../lib/detect/mail';
import { readMail } from '../../../lib/detect/mail-mime';
import { DIRECTORY_OPTIONS, lookupHost } from '../../../lib/directory';
import { importMails, ingestMail } from '../../../lib/ingest-mail';
import { DEFAULT_SETTINGS, type MailSource, type PageDetection, Proof } from '../../../lib/model';
import { acceptProposal } from '../../../lib/proposal/accept';
import { chargesAfterCancel } from '../../../lib/rights/after-cancel';
import { withdrawalOf } from '../../../lib/rights/deadlines';
import { mailEvidence } from '../../../lib/rights/mail';
import { proofText } from '../../../lib/rights/proof';
import { readMailCorpus } from '../../../scripts/corpus';
import { dropDb, freshDb, sub } from '../../helpers';

/**
 * Cancellation mails and charges after cancelling from mails (issue 14 items 4 and 5): a mail that confirms a
 * cancellation proposes the subscription as cancelled with a proof of what it said, as a page does; a receipt from a
 * service the user cancelled is recorded on the cancelled subscription, where it warns.
 */
let db: SubkeeperDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

/** The cancellation mails among the fixtures (all four languages), and the last day of access each states. */
const ACCESS_UNTIL: Record<string, string | undefined> = {
  'da-fitnessworld-opsigelse': '2026-12-31',
  'da-lydlageret-opsagt': '2026-12-23',
  'da-saxo-premium-opsagt': '2026-12-22',
  'en-audible-cancelled': '2026-12-12',
  // Added to the corpus later (first sight: all three right): a box already on its way is not a day of access.
  'en-brewmail-cancelled-fragment': undefined,
  'en-google-play-cancelled-sleepwell': '2026-12-14',
  'sv-bokcirkeln-uppsagd': '2026-12-14',
  // "Last box: Ships 2 December 2026" is a delivery, not a last day of access.
  'en-hearthbox-cancelled': undefined,
  'nb-klatreverket-oppsigelse': '2026-12-31',
  'nb-podme-avsluttet': '2026-12-14',
  'sv-andas-uppsagning-bekraftad': '2026-12-31',
  'sv-podimo-uppsagd': '2026-11-30',
};

const corpus = readMailCorpus(join(process.cwd(), 'tests', 'fixtures', 'mails'));

async function read(name: string) {
  const fx = corpus.find((f) => f.name === name);
  if (!fx) throw new Error(`no fixture ${name}`);
  const mail = await readMail(fx.raw);
  const result = detectMail(mail, fx.now, DIRECTORY_OPTIONS);
  const source: MailSource = {
    from: mail.from.address,
    name: mail.from.name,
    subject: mail.subject,
    ...(mail.date ? { sent: mail.date } : {}),
    via: 'file',
  };
  const domain = result.service?.domain ?? addressHost(mail.from.address);
  const cancellation = mailEvidence(
    result,
    { subject: mail.subject, day: mail.date || fx.now, body: mail.body },
    domain,
  );
  return { fx, mail, result, source, cancellation };
}

describe('cancellation mails in four languages', () => {
  it('the fixtures name every cancellation mail of the corpus', async () => {
    const found: string[] = [];
    for (const fx of corpus) {
      const result = detectMail(await readMail(fx.raw), fx.now, DIRECTORY_OPTIONS);
      if (result.event === 'cancelled') found.push(fx.name);
    }
    expect(found.sort()).toEqual(Object.keys(ACCESS_UNTIL).sort());
  });

  for (const [name, until] of Object.entries(ACCESS_UNTIL)) {
    it(`${name}: proposes cancelled from the day it was sent${until ? `, access until ${until}` : ''}, with its proof`, async () => {
      const { fx, mail, result, source, cancellation } = await read(name);
      expect(cancellation?.terms.cancelled).toBe(true);
      expect(cancellation?.terms.accessUntil).toBe(until);
      const svc = result.service!;
      await db.subscriptions.put(
        sub({
          id: 'mine',
          service: svc.name,
          ...(svc.serviceId ? { serviceId: svc.serviceId } : {}),
          domain: svc.domain,
          billingAnchor: '2026-12-05',
        }),
      );
      const clock = { today: fx.now, stamp: `${fx.now}T12:00:00.000Z` };
      const out = await ingestMail(
        db,
        { result, mail: source, ...(cancellation ? { evidence: cancellation } : {}) },
        DEFAULT_SETTINGS,
        clock,
        lookupHost,
      );
      expect(out).toMatchObject({ action: 'proposed', subscriptionId: 'mine' });
      const [d] = await db.detections.toArray();
      expect(d?.proposal).toMatchObject({
        type: 'update',
        changes: { status: 'cancelled', statusFrom: mail.date },
        charges: [],
      });
      expect(d?.proposal?.type === 'update' ? d.proposal.changes.endsOn : 'not an update').toBe(until);
      const [proof] = await db.proofs.toArray();
      expect(proof).toMatchObject({
        kind: 'cancellation',
        detectionId: d?.id,
        title: mail.subject,
        mail: { from: source.from, subject: mail.subject, sent: mail.date, via: 'file' },
        terms: { cancelled: true, ...(until ? { accessUntil: until } : {}) },
      });
      expect(proof?.url).toBeUndefined();
      // The proof's text is the mail's body as read.
      expect(proof?.text).toContain(mail.body.lines.map((l) => l.text).find((t) => t.length > 20));
      const accepted = await acceptProposal(db, d!.id, clock);
      expect(accepted.ok).toBe(true);
      const s = await db.subscriptions.get('mine');
      expect(s).toMatchObject({ status: 'cancelled', cancelledOn: mail.date });
      expect(s?.endsOn).toBe(until);
      expect((await db.proofs.get(proof!.id))?.subscriptionId).toBe('mine');
    });
  }

  it('a mail open in webmail keeps the page it was open in with the proof', async () => {
    const { fx, result, source, cancellation } = await read('nb-podme-avsluttet');
    const svc = result.service!;
    await db.subscriptions.put(sub({ id: 'mine', service: svc.name, serviceId: svc.serviceId, domain: svc.domain }));
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQ';
    await ingestMail(
      db,
      { result, mail: { ...source, via: 'webmail' }, url, tabId: 3, evidence: cancellation! },
      DEFAULT_SETTINGS,
      { today: fx.now, stamp: `${fx.now}T12:00:00.000Z` },
      lookupHost,
    );
    const [proof] = await db.proofs.toArray();
    expect(proof).toMatchObject({ url, mail: { via: 'webmail' }, kind: 'cancellation' });
  });

  it('a subscription the user already cancelled keeps the mail as its proof, once; nothing is proposed', async () => {
    const { fx, result, source, cancellation } = await read('sv-podimo-uppsagd');
    const svc = result.service!;
    await db.subscriptions.put(
      sub({
        id: 'gone',
        service: svc.name,
        serviceId: svc.serviceId,
        domain: svc.domain,
        status: 'cancelled',
        cancelledOn: '2026-11-15',
      }),
    );
    const clock = { today: fx.now, stamp: `${fx.now}T12:00:00.000Z` };
    const input = { result, mail: source, evidence: cancellation! };
    expect(await ingestMail(db, input, DEFAULT_SETTINGS, clock, lookupHost)).toEqual({
      action: 'ignored',
      reason: 'nothing',
    });
    await ingestMail(db, input, DEFAULT_SETTINGS, clock, lookupHost);
    expect(await db.detections.count()).toBe(0);
    const proofs = await db.proofs.toArray();
    expect(proofs).toHaveLength(1);
    expect(proofs[0]).toMatchObject({
      subscriptionId: 'gone',
      kind: 'cancellation',
      mail: { subject: source.subject },
    });
  });

  it('a mail import proposes the cancellation with the newest mail’s proof', async () => {
    const { fx, result, source, cancellation } = await read('da-lydlageret-opsagt');
    const svc = result.service!;
    await db.subscriptions.put(sub({ id: 'mine', service: svc.name, serviceId: svc.serviceId, domain: svc.domain }));
    const summary = await importMails(
      db,
      [{ result, mail: source, evidence: cancellation! }],
      DEFAULT_SETTINGS,
      { today: fx.now, stamp: `${fx.now}T12:00:00.000Z` },
      lookupHost,
    );
    expect(summary.proposed).toBe(1);
    const [d] = await db.detections.toArray();
    expect(d?.proposal).toMatchObject({ changes: { status: 'cancelled', endsOn: '2026-12-23' } });
    expect(await db.proofs.toArray()).toMatchObject([{ detectionId: d?.id, mail: { via: 'file', count: 1 } }]);
  });

  it('a mail that is neither a cancellation nor a sign-up gives no proof material', async () => {
    const { mail, result } = await read('nb-podme-avsluttet');
    const account: PageDetection = { ...result };
    delete account.event;
    const body = { subject: mail.subject, day: mail.date, body: mail.body };
    expect(mailEvidence(account, body, 'podme.com')).toBe(undefined);
    // A receipt is a sign-up's proof only when it informs about the right of withdrawal (this one does not).
    expect(mailEvidence({ ...account, kind: 'receipt' }, body, 'podme.com')).toBe(undefined);
  });
});

describe('sign-up mails in four languages: their terms and proof', () => {
  const dir = join(process.cwd(), 'tests', 'fixtures', 'rights', 'mails');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => f.slice(0, -4));

  it('has one in each language', () => {
    expect(names.map((n) => n.slice(0, 2)).sort()).toEqual(['da', 'en', 'nb', 'sv']);
  });

  for (const name of names) {
    it(`${name}: proposes the subscription with the terms the mail stated, from the day it was sent, with its proof`, async () => {
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
      const mail = await readMail(new Uint8Array(readFileSync(join(dir, `${name}.eml`))));
      const result = detectMail(mail, expected.now, DIRECTORY_OPTIONS);
      const domain = result.service?.domain ?? addressHost(mail.from.address);
      const evidence = mailEvidence(result, { subject: mail.subject, day: mail.date, body: mail.body }, domain);
      expect(evidence?.kind).toBe('signup');
      expect(evidence?.terms).toEqual(expected.terms);
      const source: MailSource = {
        from: mail.from.address,
        name: mail.from.name,
        subject: mail.subject,
        sent: mail.date,
        via: 'file',
      };
      const clock = { today: expected.now, stamp: `${expected.now}T12:00:00.000Z` };
      const out = await ingestMail(
        db,
        { result, mail: source, evidence: evidence! },
        DEFAULT_SETTINGS,
        clock,
        lookupHost,
      );
      expect(out.action).toBe('proposed');
      const [d] = await db.detections.toArray();
      expect(d?.proposal).toMatchObject({
        type: 'new',
        subscription: {
          service: expected.service,
          amountMinor: expected.amountMinor,
          currency: expected.currency,
          period: expected.period,
          terms: { contractDate: mail.date, ...expected.terms },
        },
      });
      const [proof] = await db.proofs.toArray();
      expect(proof).toMatchObject({ kind: 'signup', detectionId: d?.id, mail: { subject: mail.subject } });
      expect((await acceptProposal(db, d!.id, clock)).ok).toBe(true);
      const [s] = await db.subscriptions.toArray();
      expect(s?.terms).toEqual({ contractDate: mail.date, ...expected.terms });
      expect((await db.proofs.get(proof!.id))?.subscriptionId).toBe(s?.id);
      // The withdrawal period runs from the day the mail was sent; the mail stated the right, so no extension.
      const w = withdrawalOf(s!, 'SE', mail.date);
      expect(w).toMatchObject({ state: 'open', daysLeft: 14, info: 'stated', contractDate: mail.date });
    });
  }

  it('proposes the terms for a subscription the user has without terms; a mail import takes the welcome mail’s', async () => {
    const name = 'sv-fibernat-valkommen';
    const mail = await readMail(new Uint8Array(readFileSync(join(dir, `${name}.eml`))));
    const result = detectMail(mail, '2026-03-12', DIRECTORY_OPTIONS);
    const evidence = mailEvidence(result, { subject: mail.subject, day: mail.date, body: mail.body }, 'fibernatsyd.se');
    await db.subscriptions.put(
      sub({ id: 'fs', service: 'Fibernät Syd', domain: 'fibernatsyd.se', amountMinor: 39900, currency: 'SEK' }),
    );
    const source: MailSource = {
      from: mail.from.address,
      name: mail.from.name,
      subject: mail.subject,
      sent: mail.date,
      via: 'file',
    };
    const receipt: PageDetection = {
      kind: 'receipt',
      service: result.service,
      subscription: { amountMinor: 39900, currency: 'SEK', period: 'P1M' },
      charges: [{ date: '2026-04-10', amountMinor: 39900, currency: 'SEK' }],
      links: {},
    };
    await importMails(
      db,
      [
        { result, mail: source, evidence: evidence! },
        { result: receipt, mail: { ...source, subject: 'Kvitto', sent: '2026-04-10' } },
      ],
      DEFAULT_SETTINGS,
      { today: '2026-04-12', stamp: '2026-04-12T10:00:00.000Z' },
      lookupHost,
    );
    const [d] = await db.detections.toArray();
    expect(d?.proposal).toMatchObject({
      type: 'update',
      changes: { terms: { contractDate: '2026-03-10', bindingMonths: 24, withdrawal: 'stated' } },
    });
    expect(await db.proofs.toArray()).toMatchObject([{ kind: 'signup', detectionId: d?.id, mail: { count: 2 } }]);
  });
});

describe('receipts that mention the right of withdrawal', () => {
  it('do not propose terms for a subscription the user has (they would, every month)', async () => {
    const dir = join(process.cwd(), 'tests', 'fixtures', 'rights', 'mails');
    const mail = await readMail(new Uint8Array(readFileSync(join(dir, 'nb-dagsavisa-ordrebekreftelse.eml'))));
    const result = detectMail(mail, '2026-03-12', DIRECTORY_OPTIONS);
    expect(result.kind).toBe('receipt');
    const evidence = mailEvidence(result, { subject: mail.subject, day: mail.date, body: mail.body }, 'dagsavisa.no');
    expect(evidence?.kind).toBe('signup');
    await db.subscriptions.put(
      sub({ id: 'da', service: 'Dagsavisa', domain: 'dagsavisa.no', amountMinor: 24900, currency: 'NOK' }),
    );
    const source: MailSource = {
      from: mail.from.address,
      name: mail.from.name,
      subject: mail.subject,
      sent: mail.date,
      via: 'file',
    };
    const out = await ingestMail(
      db,
      { result, mail: source, evidence: evidence! },
      DEFAULT_SETTINGS,
      { today: '2026-03-12', stamp: '2026-03-12T10:00:00.000Z' },
      lookupHost,
    );
    expect(out.action).not.toBe('proposed');
    expect(await db.detections.count()).toBe(0);
    expect(await db.proofs.count()).toBe(0);
  });
});

describe('charges after cancelling, from mails', () => {
  const clock = { today: '2026-11-23', stamp: '2026-11-23T10:00:00.000Z' };
  const lookup = () => undefined;
  const receipt = (date: string, over: Partial<PageDetection> = {}): PageDetection => ({
    kind: 'receipt',
    service: { name: 'Fernpost', domain: 'fernpost.com' },
    subscription: { amountMinor: 2400, currency: 'EUR', period: 'P1M' },
    charges: [{ date, amountMinor: 2400, currency: 'EUR' }],
    links: {},
    ...over,
  });
  const source = (sent: string): MailSource => ({
    from: 'billing@fernpost.com',
    name: 'Fernpost',
    subject: 'Your receipt',
    sent,
    via: 'file',
  });
  const cancelled = () =>
    db.subscriptions.put(
      sub({
        id: 'fp',
        service: 'Fernpost',
        domain: 'fernpost.com',
        amountMinor: 2400,
        currency: 'EUR',
        status: 'cancelled',
        cancelledOn: '2026-11-01',
        endsOn: '2026-11-10',
      }),
    );

  it('a receipt dated after the last day of access is recorded on the cancelled subscription and warns', async () => {
    await cancelled();
    const out = await ingestMail(
      db,
      { result: receipt('2026-11-20'), mail: source('2026-11-20') },
      DEFAULT_SETTINGS,
      clock,
      lookup,
    );
    expect(out).toEqual({ action: 'recorded', subscriptionId: 'fp', chargesAdded: 1 });
    expect(await db.detections.count()).toBe(0);
    const warned = chargesAfterCancel(await db.subscriptions.toArray(), await db.charges.toArray());
    expect(warned).toMatchObject([
      { subscription: { id: 'fp' }, since: '2026-11-10', charges: [{ date: '2026-11-20' }] },
    ]);
  });

  it('a receipt on or before the last day of access records nothing and proposes nothing', async () => {
    await cancelled();
    for (const day of ['2026-10-20', '2026-11-05', '2026-11-10']) {
      const out = await ingestMail(db, { result: receipt(day), mail: source(day) }, DEFAULT_SETTINGS, clock, lookup);
      expect(out).toEqual({ action: 'ignored', reason: 'nothing' });
    }
    expect(await db.charges.count()).toBe(0);
    expect(await db.detections.count()).toBe(0);
  });

  it('a mail import of old and new receipts records only those after the cancellation', async () => {
    await cancelled();
    await importMails(
      db,
      [
        { result: receipt('2026-10-01'), mail: source('2026-10-01') },
        { result: receipt('2026-11-01'), mail: source('2026-11-01') },
        { result: receipt('2026-11-21'), mail: source('2026-11-21') },
      ],
      DEFAULT_SETTINGS,
      clock,
      lookup,
    );
    expect((await db.charges.toArray()).map((c) => c.date)).toEqual(['2026-11-21']);
    expect(await db.detections.count()).toBe(0);
  });

  it('a welcome mail from a service the user cancelled proposes it again (a new sign-up)', async () => {
    await cancelled();
    const out = await ingestMail(
      db,
      { result: receipt('2026-11-22', { kind: 'confirmation', event: 'welcome' }), mail: source('2026-11-22') },
      DEFAULT_SETTINGS,
      clock,
      lookup,
    );
    expect(out.action).toBe('proposed');
    const [d] = await db.detections.toArray();
    expect(d?.proposal?.type).toBe('new');
  });
});

describe('a proof from a mail', () => {
  const base = {
    id: 'p1',
    kind: 'cancellation' as const,
    title: 'Abonnementet ditt er avsluttet',
    seenAt: '2026-11-23T10:00:00.000Z',
    pageKind: 'account' as const,
    text: 'Du har tilgang ut perioden.',
    truncated: false,
    terms: { cancelled: true },
  };

  it('needs the page it was on or the mail it came from', () => {
    expect(Proof.safeParse(base).success).toBe(false);
    expect(Proof.safeParse({ ...base, url: 'https://podme.com/konto' }).success).toBe(true);
    const mail = { from: 'hei@podme.com', name: 'PodMe', subject: base.title, sent: '2026-11-14', via: 'file' };
    expect(Proof.safeParse({ ...base, mail }).success).toBe(true);
  });

  it('is saved as text with its sender and day', () => {
    const p = Proof.parse({
      ...base,
      mail: { from: 'hei@podme.com', name: 'PodMe', subject: base.title, sent: '2026-11-14', via: 'file' },
    });
    expect(proofText(p)).toBe(
      'Abonnementet ditt er avsluttet\nPodMe <hei@podme.com>, 2026-11-14\n2026-11-23T10:00:00.000Z\n\nDu har tilgang ut perioden.\n',
    );
    const page = Proof.parse({ ...base, url: 'https://podme.com/konto' });
    expect(proofText(page)).toBe(
      'Abonnementet ditt er avsluttet\nhttps://podme.com/konto\n2026-11-23T10:00:00.000Z\n\nDu har tilgang ut perioden.\n',
    );
  });
});
