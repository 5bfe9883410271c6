import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SubkeeperDb, saveSubscription, setDetectionStatus } from '../../../lib/db';
import { type DirectoryHit, ingestDetection } from '../../../lib/ingest';
import { exportBackup, parseBackup, serializeBackup } from '../../../lib/io/backup';
import { restoreBackup } from '../../../lib/io/restore';
import { DEFAULT_SETTINGS, type PageDetection, type PageTerms, type Settings } from '../../../lib/model';
import { acceptProposal } from '../../../lib/proposal/accept';
import {
  readUsage,
  recordVisit,
  setTabWarning,
  setUsageCounting,
  TAB_WARNINGS_KEY,
  tabWarning,
} from '../../../lib/rights/db';
import { dropDb, freshDb, sub } from '../../helpers';

/** What a page causes for the rights part (issue 14): terms and proof with proposals, cancellations, warnings. */
let db: SubkeeperDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const clock = { today: '2026-03-10', stamp: '2026-03-10T10:00:00.000Z' };
const later = { today: '2026-03-11', stamp: '2026-03-11T09:00:00.000Z' };
const DIRECTORY: DirectoryHit[] = [
  { id: 'amazon-prime', name: 'Amazon Prime', category: 'shopping', domains: ['amazon.se'] },
  { id: 'prime-video', name: 'Prime Video', category: 'video', domains: ['primevideo.com'] },
];
const known = (host: string) => DIRECTORY.find((e) => e.domains.some((d) => host === d || host.endsWith(`.${d}`)));
const page = (over: Partial<PageDetection> = {}): PageDetection => ({
  kind: 'signup',
  service: { name: 'Strimla', domain: 'strimla.no' },
  subscription: { amountMinor: 14900, currency: 'NOK', period: 'P1M' },
  charges: [],
  links: {},
  ...over,
});
const text = (lines: string[]) => ({ title: 'Strimla', lines: lines.map((t) => ({ text: t })), truncated: false });
const ingest = (
  p: PageDetection,
  terms: PageTerms,
  url = 'https://www.strimla.no/betal',
  c = clock,
  settings: Settings = DEFAULT_SETTINGS,
) => ingestDetection(db, { url, result: p, tabId: 4, terms, page: text([`Page at ${url}`]) }, settings, c, known);

describe('sign-up pages: terms and proof wait with the proposal', () => {
  it('proposes the subscription with the terms the page stated, and keeps a proof of the page', async () => {
    const r = await ingest(page(), { bindingMonths: 12, notice: { n: 1, unit: 'M' }, withdrawal: 'stated' });
    expect(r.action).toBe('proposed');
    const [d] = await db.detections.toArray();
    expect(d?.proposal).toMatchObject({
      type: 'new',
      subscription: {
        terms: {
          contractDate: '2026-03-10',
          withdrawal: 'stated',
          bindingMonths: 12,
          notice: { n: 1, unit: 'M' },
          seenOn: 'https://www.strimla.no/betal',
        },
      },
    });
    const [proof] = await db.proofs.toArray();
    expect(proof).toMatchObject({
      kind: 'signup',
      detectionId: d?.id,
      url: 'https://www.strimla.no/betal',
      pageKind: 'signup',
      terms: { bindingMonths: 12 },
      text: 'Page at https://www.strimla.no/betal',
    });
    expect(proof?.subscriptionId).toBeUndefined();
  });

  it('a sign-up page that says nothing about withdrawal is recorded as such (the period may be extended)', async () => {
    await ingest(page(), {});
    const [d] = await db.detections.toArray();
    expect(d?.proposal?.type === 'new' && d.proposal.subscription.terms?.withdrawal).toBe('none');
  });

  it('the confirmation after it keeps the sign-up page’s terms and proof', async () => {
    await ingest(page(), { bindingMonths: 12, withdrawal: 'stated' });
    await ingest(page({ kind: 'confirmation' }), { customerNumber: '7731904' }, 'https://www.strimla.no/takk', later);
    const pending = await db.detections.where('status').equals('pending').toArray();
    expect(pending).toHaveLength(1);
    const terms = pending[0]?.proposal?.type === 'new' ? pending[0].proposal.subscription.terms : undefined;
    expect(terms).toMatchObject({
      contractDate: '2026-03-10',
      withdrawal: 'stated',
      bindingMonths: 12,
      customerNumber: '7731904',
    });
    const proofs = await db.proofs.toArray();
    expect(proofs.map((p) => p.url).sort()).toEqual(['https://www.strimla.no/betal', 'https://www.strimla.no/takk']);
    expect(proofs.every((p) => p.detectionId === pending[0]?.id)).toBe(true);
  });

  it('accepting gives the subscription its terms and proof; ignoring deletes the proof', async () => {
    await ingest(page(), { bindingMonths: 12, withdrawal: 'stated' });
    const [d] = await db.detections.toArray();
    const r = await acceptProposal(db, d!.id, clock);
    expect(r.ok).toBe(true);
    const s = await db.subscriptions.get(r.ok ? r.subscriptionId : '');
    expect(s?.terms).toMatchObject({ bindingMonths: 12, withdrawal: 'stated', contractDate: '2026-03-10' });
    expect((await db.proofs.toArray())[0]?.subscriptionId).toBe(s?.id);

    await ingest(page({ service: { name: 'Lydhylla', domain: 'lydhylla.no' } }), {}, 'https://lydhylla.no/betal');
    const other = (await db.detections.where('status').equals('pending').toArray())[0];
    expect(await db.proofs.where('detectionId').equals(other!.id).count()).toBe(1);
    await setDetectionStatus(db, other!.id, 'dismissed');
    expect(await db.proofs.where('detectionId').equals(other!.id).count()).toBe(0);
  });

  it('a proposal the user resolved with their own form brings its terms and proof to the saved subscription', async () => {
    await ingest(page(), { bindingMonths: 6 });
    const [d] = await db.detections.toArray();
    const saved = await saveSubscription(db, { ...sub(), id: undefined, service: 'Strimla' }, clock.stamp);
    expect(saved.ok).toBe(true);
    const id = saved.ok ? saved.value.id : '';
    await setDetectionStatus(db, d!.id, 'accepted', id);
    expect((await db.subscriptions.get(id))?.terms?.bindingMonths).toBe(6);
    expect((await db.proofs.toArray())[0]?.subscriptionId).toBe(id);
  });
});

describe('cancellation pages', () => {
  const strimla = () => sub({ id: 's-strimla', service: 'Strimla', domain: 'strimla.no', category: 'video' });

  it('propose the subscription as cancelled, with the day of access and a proof; accepting cancels it', async () => {
    await db.subscriptions.put(strimla());
    const r = await ingest(
      page({ kind: 'none', service: null, subscription: null }),
      { cancelled: true, accessUntil: '2026-03-31' },
      'https://www.strimla.no/konto/oppsigelse',
    );
    expect(r).toMatchObject({ action: 'proposed', subscriptionId: 's-strimla' });
    const [d] = await db.detections.toArray();
    expect(d?.proposal).toEqual({
      type: 'update',
      changes: { status: 'cancelled', statusFrom: '2026-03-10', endsOn: '2026-03-31' },
      charges: [],
    });
    expect((await db.subscriptions.get('s-strimla'))?.status).toBe('active');
    const [proof] = await db.proofs.toArray();
    expect(proof).toMatchObject({ kind: 'cancellation', detectionId: d?.id, terms: { cancelled: true } });

    const accepted = await acceptProposal(db, d!.id, later);
    expect(accepted.ok).toBe(true);
    const s = await db.subscriptions.get('s-strimla');
    expect(s).toMatchObject({ status: 'cancelled', cancelledOn: '2026-03-10', endsOn: '2026-03-31' });
    expect(s?.statusHistory.at(-1)).toMatchObject({ status: 'cancelled', date: '2026-03-10' });
    expect((await db.proofs.get(proof!.id))?.subscriptionId).toBe('s-strimla');
  });

  it('keep the proof with a subscription the user already cancelled, proposing nothing', async () => {
    await db.subscriptions.put({ ...strimla(), status: 'cancelled', cancelledOn: '2026-03-09' });
    const r = await ingest(page({ kind: 'account' }), { cancelled: true }, 'https://www.strimla.no/konto');
    expect(r.action).toBe('ignored');
    expect(await db.detections.count()).toBe(0);
    expect((await db.proofs.toArray())[0]).toMatchObject({ kind: 'cancellation', subscriptionId: 's-strimla' });
    // Once is enough.
    await ingest(page({ kind: 'account' }), { cancelled: true }, 'https://www.strimla.no/konto');
    expect(await db.proofs.count()).toBe(1);
  });

  it('of a service the user does not have do nothing', async () => {
    const r = await ingest(page({ kind: 'none' }), { cancelled: true }, 'https://www.other.no/oppsagt');
    expect(r.action).toBe('ignored');
    expect(await db.detections.count()).toBe(0);
    expect(await db.proofs.count()).toBe(0);
  });
});

describe('charges after cancelling', () => {
  it('a receipt after the cancellation is recorded on the cancelled subscription; earlier charges are not', async () => {
    await db.subscriptions.put(
      sub({ id: 's-c', service: 'Strimla', domain: 'strimla.no', status: 'cancelled', cancelledOn: '2026-02-01' }),
    );
    const r = await ingest(
      page({
        kind: 'receipt',
        charges: [
          { date: '2026-01-15', amountMinor: 14900, currency: 'NOK' },
          { date: '2026-03-01', amountMinor: 14900, currency: 'NOK' },
        ],
      }),
      {},
      'https://www.strimla.no/kvittering',
    );
    expect(r).toMatchObject({ action: 'recorded', subscriptionId: 's-c', chargesAdded: 1 });
    expect((await db.charges.toArray()).map((c) => c.date)).toEqual(['2026-03-01']);
    // No proposal to add it again from a receipt.
    expect(await db.detections.count()).toBe(0);
  });
});

describe('before you pay twice', () => {
  it('warns on the sign-up page of a service the user has, and proposes nothing', async () => {
    await db.subscriptions.put(sub({ id: 's-strimla', domain: 'strimla.no' }));
    const r = await ingest(page(), {});
    expect(r).toEqual({ action: 'warned', subscriptionId: 's-strimla', via: 'tracked' });
    expect(await db.detections.count()).toBe(0);
    expect(await db.proofs.count()).toBe(0);
  });

  it('warns when the service is included in a bundle the user has', async () => {
    await db.subscriptions.put(sub({ id: 's-prime', serviceId: 'amazon-prime', domain: 'amazon.se' }));
    const r = await ingest(
      page({ service: { name: 'Prime Video', domain: 'primevideo.com', serviceId: 'prime-video' } }),
      {},
      'https://www.primevideo.com/signup',
    );
    expect(r).toEqual({ action: 'warned', subscriptionId: 's-prime', via: 'bundle', bundleId: 'amazon-prime' });
  });

  it('keeps the warning per tab, only for the site the tab still shows, for a day', async () => {
    const at = '2026-03-10T10:00:00.000Z';
    await setTabWarning(db, 4, { hostname: 'strimla.no', subscriptionId: 's1', via: 'tracked', at });
    expect(await tabWarning(db, 4, 'https://www.strimla.no/betal', '2026-03-10')).toMatchObject({
      subscriptionId: 's1',
    });
    expect(await tabWarning(db, 4, 'https://www.strimla.no/betal', '2026-03-11')).toBeDefined();
    expect(await tabWarning(db, 4, 'https://www.strimla.no/betal', '2026-03-12')).toBeUndefined();
    expect(await tabWarning(db, 4, 'https://www.other.no/', '2026-03-10')).toBeUndefined();
    expect(await tabWarning(db, 5, 'https://www.strimla.no/betal', '2026-03-10')).toBeUndefined();
    await db.state.put({ key: TAB_WARNINGS_KEY, value: { 4: { hostname: 1 } } });
    expect(await tabWarning(db, 4, 'https://www.strimla.no/', '2026-03-10')).toBeUndefined();
  });
});

describe('days of use (opt-in)', () => {
  const on: Settings = { ...DEFAULT_SETTINGS, rights: { country: 'auto', usage: true } };

  it('counts a day on a tracked service’s site only when turned on, once a day, and nothing else', async () => {
    await db.subscriptions.put(sub({ id: 's-n', domain: 'netflix.com' }));
    expect(await recordVisit(db, DEFAULT_SETTINGS, 'https://www.netflix.com/', '2026-03-10')).toBeUndefined();
    expect((await readUsage(db)).days.size).toBe(0);
    expect(await recordVisit(db, on, 'https://www.netflix.com/browse', '2026-03-10')).toBe('s-n');
    expect(await recordVisit(db, on, 'https://www.netflix.com/title/1', '2026-03-10')).toBeUndefined();
    expect(await recordVisit(db, on, 'https://www.netflix.com/', '2026-03-11')).toBe('s-n');
    expect(await recordVisit(db, on, 'https://www.viaplay.no/', '2026-03-11')).toBeUndefined();
    const usage = await readUsage(db);
    expect([...usage.days.entries()]).toEqual([['s-n', ['2026-03-10', '2026-03-11']]]);
    // No address is kept anywhere.
    expect(JSON.stringify(await db.state.toArray())).not.toContain('browse');
  });

  it('turning it off forgets every day counted', async () => {
    await setUsageCounting(db, true, '2026-03-01');
    await db.subscriptions.put(sub({ id: 's-n', domain: 'netflix.com' }));
    await recordVisit(db, on, 'https://www.netflix.com/', '2026-03-10');
    expect((await readUsage(db)).since).toBe('2026-03-01');
    await setUsageCounting(db, false, '2026-03-12');
    expect(await readUsage(db)).toEqual({ days: new Map() });
  });
});

describe('backups', () => {
  it('export proofs and bring them back, merged onto the subscription they belong to', async () => {
    await db.subscriptions.put(sub({ id: 's-strimla', domain: 'strimla.no' }));
    await ingest(page({ kind: 'account' }), { cancelled: true }, 'https://www.strimla.no/konto');
    const backup = await exportBackup(db, clock.stamp);
    expect(backup.proofs).toHaveLength(1);
    const text = serializeBackup(backup);
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    const other = freshDb();
    try {
      const r = await restoreBackup(other, parsed.ok ? parsed.backup : backup, 'merge');
      expect(r.tables.proofs).toEqual({ added: 1, updated: 0, skipped: 0 });
      expect(await other.proofs.count()).toBe(1);
      const again = await restoreBackup(other, parsed.ok ? parsed.backup : backup, 'merge');
      expect(again.tables.proofs.skipped).toBe(1);
    } finally {
      await dropDb(other);
    }
    // A backup made before proofs existed still reads.
    const old = JSON.parse(text);
    delete old.proofs;
    expect(parseBackup(JSON.stringify(old))).toMatchObject({ ok: true, backup: { proofs: [] } });
  });
});
