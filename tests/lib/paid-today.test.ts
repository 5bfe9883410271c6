import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upcomingDates } from '../../components/views/SubscriptionDetail';
import { popupSummary } from '../../lib/app/popup';
import { addCharges, type SubkeeperDb } from '../../lib/db';
import { ingestDetection } from '../../lib/ingest';
import { DEFAULT_SETTINGS } from '../../lib/model';
import { acceptProposal } from '../../lib/proposal/accept';
import { expectedCharges, nextExpectedCharge, planReminders } from '../../lib/reminders';
import { firstDueDay, nextRenewal, renewalCalendar, upcomingRenewals } from '../../lib/summary';
import { dropDb, freshDb, sub } from '../helpers';

/**
 * Issue 13 item 3: a receipt paid today must not show as "renews today". A charge on day D moves the next renewal
 * to D + period, in every place that lists renewals (summary, popup, detail, calendar, reminders, ingest).
 */
const today = '2026-11-23';
const rates = { date: '2026-11-20', perEur: { EUR: 1, NOK: 11.5 } };
const ctx = { today, base: 'NOK', rates };
const clock = { today, stamp: `${today}T10:00:00.000Z` };

describe('a charge on day D: the next renewal is D + period', () => {
  const paid = sub({ id: 'p', billingAnchor: '2026-10-23', period: 'P1M', lastPaid: today });

  it('is not a renewal today anywhere', () => {
    expect(firstDueDay(paid)).toBe('2026-11-24');
    expect(nextRenewal(paid, today)).toBe('2026-12-23');
    expect(upcomingRenewals([paid], today, 30).map((r) => r.date)).toEqual(['2026-12-23']);
    expect(popupSummary([paid], ctx).renewals.map((r) => r.date)).toEqual(['2026-12-23']);
    expect(upcomingDates(paid, today, 2)).toEqual(['2026-12-23', '2027-01-23']);
    expect(renewalCalendar([paid], ctx, 2)[0]!.renewals).toEqual([]);
    expect(expectedCharges(paid, today, '2026-12-31').map((c) => c.date)).toEqual(['2026-12-23']);
    expect(nextExpectedCharge(paid, today)?.date).toBe('2026-12-23');
    const plan = planReminders({ subscriptions: [paid], settings: DEFAULT_SETTINGS, today });
    expect(plan.map((r) => r.eventDate)).toEqual(['2026-12-23']);
  });

  it('without the payment, today is still a renewal (the rule is the payment, not the day)', () => {
    const unpaid = { ...paid, lastPaid: undefined };
    expect(nextRenewal(unpaid, today)).toBe(today);
    expect(upcomingRenewals([unpaid], today, 30).map((r) => r.date)).toEqual([today, '2026-12-23']);
  });

  it('keeps a month-end billing day: paid on 31 January, next 28 February, then 31 March', () => {
    const s = sub({ billingAnchor: '2027-01-31', period: 'P1M', lastPaid: '2027-01-31' });
    expect(upcomingRenewals([s], '2027-01-31', 60).map((r) => r.date)).toEqual(['2027-02-28', '2027-03-31']);
  });

  it('a payment a few days before the billing day pays that renewal (a card charged or a bank posting early)', () => {
    // Billed on the 23rd, the charge dated the 21st: the next renewal is 23 December, not 23 November.
    const early = sub({ billingAnchor: '2026-10-23', period: 'P1M', lastPaid: '2026-11-21' });
    expect(nextRenewal(early, '2026-11-21')).toBe('2026-12-23');
    expect(upcomingRenewals([early], '2026-11-21', 40).map((r) => r.date)).toEqual(['2026-12-23']);
    const plan = planReminders({ subscriptions: [early], settings: DEFAULT_SETTINGS, today: '2026-11-21' });
    expect(plan.map((r) => r.eventDate)).toEqual(['2026-12-23']);
    // Far from the billing day it is an extra payment, not that renewal's.
    const extra = sub({ billingAnchor: '2026-10-23', period: 'P1M', lastPaid: '2026-11-10' });
    expect(nextRenewal(extra, '2026-11-10')).toBe('2026-11-23');
    // Weekly plans allow one day; daily ones none.
    const weekly = sub({ billingAnchor: '2026-11-02', period: 'P1W', lastPaid: '2026-11-22' });
    expect(nextRenewal(weekly, '2026-11-22')).toBe('2026-11-30');
    const twoEarly = sub({ billingAnchor: '2026-11-02', period: 'P1W', lastPaid: '2026-11-21' });
    expect(nextRenewal(twoEarly, '2026-11-21')).toBe('2026-11-23');
  });

  it('never lists a renewal before the billing anchor (a future anchor is the next renewal)', () => {
    const weekly = sub({ billingAnchor: '2026-12-14', period: 'P1W' });
    expect(nextRenewal(weekly, today)).toBe('2026-12-14');
    // A weekly trial: nothing is charged before the trial ends.
    const trial = sub({ status: 'trial', trialEnd: '2026-12-07', billingAnchor: '2026-12-07', period: 'P1W' });
    expect(upcomingRenewals([trial], today, 21).map((r) => r.date)).toEqual(['2026-12-07', '2026-12-14']);
  });
});

describe('recording charges marks the day paid', () => {
  let db: SubkeeperDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => dropDb(db));

  it('addCharges moves lastPaid forward only', async () => {
    await db.subscriptions.put(sub({ id: 's1', billingAnchor: '2026-10-23' }));
    const charge = (id: string, date: string) => ({
      id,
      subscriptionId: 's1',
      date,
      amountMinor: 17900,
      currency: 'NOK',
      source: 'manual',
    });
    await addCharges(db, [charge('a', '2026-10-23'), charge('b', today)]);
    expect((await db.subscriptions.get('s1'))?.lastPaid).toBe(today);
    await addCharges(db, [charge('c', '2026-09-23')]);
    expect((await db.subscriptions.get('s1'))?.lastPaid).toBe(today);
    expect(nextRenewal((await db.subscriptions.get('s1'))!, today)).toBe('2026-12-23');
  });

  it('a receipt read today: the subscription renews a month later, not today', async () => {
    const outcome = await ingestDetection(
      db,
      {
        url: 'https://www.viaplay.no/kvittering',
        result: {
          kind: 'receipt',
          service: { name: 'Viaplay', domain: 'viaplay.no' },
          subscription: { amountMinor: 44900, currency: 'NOK', period: 'P1M' },
          charges: [{ date: today, amountMinor: 44900, currency: 'NOK' }],
          links: {},
        },
      },
      DEFAULT_SETTINGS,
      clock,
      () => undefined,
    );
    // The page proposes; the user adds it (lib/proposal acceptProposal records the charge with it).
    expect(outcome).toMatchObject({ action: 'proposed' });
    if (outcome.action !== 'proposed') return;
    expect(await acceptProposal(db, outcome.detectionId, clock)).toMatchObject({ ok: true });
    const [s] = await db.subscriptions.toArray();
    expect(s).toMatchObject({ lastPaid: today });
    expect(nextRenewal(s!, today)).toBe('2026-12-23');
    expect(upcomingRenewals([s!], today, 30).map((r) => r.date)).toEqual(['2026-12-23']);
  });

  it('a confirmation with a price and no date: paid today, renews a period later', async () => {
    const outcome = await ingestDetection(
      db,
      {
        url: 'https://www.viaplay.no/takk',
        result: {
          kind: 'confirmation',
          service: { name: 'Viaplay', domain: 'viaplay.no' },
          subscription: { amountMinor: 44900, currency: 'NOK', period: 'P1Y' },
          charges: [],
          links: {},
        },
      },
      DEFAULT_SETTINGS,
      clock,
      () => undefined,
    );
    if (outcome.action !== 'proposed') throw new Error(outcome.action);
    await acceptProposal(db, outcome.detectionId, clock);
    const [s] = await db.subscriptions.toArray();
    expect(nextRenewal(s!, today)).toBe('2027-11-23');
  });
});
