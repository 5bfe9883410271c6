import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_FORM, priceFromInput, readForm, valuesFrom } from '../../../lib/app/form';
import { createStore } from '../../../lib/app/store';
import type { SubkeeperDb } from '../../../lib/db';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { planReminders } from '../../../lib/reminders';
import { recentIncreases, totals, upcomingRenewals } from '../../../lib/summary';
import { dropDb, freshDb, sub } from '../../helpers';

let db: SubkeeperDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const now = () => new Date('2026-11-23T12:00:00Z');
const today = '2026-11-23';
const err = (code: string) => `E:${code}`;

describe('item 8: every price edit is a price change', () => {
  it('records the edit with its date, shows it among the increases, folds edits of one day', async () => {
    await db.subscriptions.put(sub({ id: 's1', amountMinor: 12900 }));
    const store = createStore({ db, now });
    await store.load();
    await store.save({ id: 's1', amountMinor: 14900 });
    expect(store.priceChanges.value).toEqual([
      expect.objectContaining({ subscriptionId: 's1', date: today, oldAmountMinor: 12900, newAmountMinor: 14900 }),
    ]);
    expect(recentIncreases(store.priceChanges.value, today).map((c) => c.newAmountMinor)).toEqual([14900]);

    await store.save({ id: 's1', amountMinor: 15900 });
    expect(store.priceChanges.value.map((c) => [c.oldAmountMinor, c.newAmountMinor])).toEqual([[12900, 15900]]);
    await store.save({ id: 's1', amountMinor: 12900 });
    expect(store.priceChanges.value).toEqual([]);
  });

  it('a decrease is recorded (history) but is no increase; other edits and currency fixes are not price changes', async () => {
    await db.subscriptions.put(sub({ id: 's1', amountMinor: 12900 }));
    const store = createStore({ db, now });
    await store.load();
    await store.save({ id: 's1', service: 'Renamed' });
    expect(await db.priceChanges.count()).toBe(0);
    await store.save({ id: 's1', currency: 'SEK' });
    expect(await db.priceChanges.count()).toBe(0);
    await store.save({ id: 's1', amountMinor: 9900 });
    expect(store.priceChanges.value.map((c) => [c.oldAmountMinor, c.newAmountMinor])).toEqual([[12900, 9900]]);
    expect(recentIncreases(store.priceChanges.value, today)).toEqual([]);
  });

  it('no notification about a price the user typed in', async () => {
    await db.subscriptions.put(sub({ id: 's1', amountMinor: 12900 }));
    const store = createStore({ db, now });
    await store.load();
    await store.save({ id: 's1', amountMinor: 14900 });
    const plan = planReminders({
      subscriptions: store.subscriptions.value,
      priceChanges: store.priceChanges.value,
      settings: DEFAULT_SETTINGS,
      today,
    });
    expect(plan.filter((r) => r.kind === 'priceIncrease')).toEqual([]);
  });
});

describe('item 7: a free trial in one step', () => {
  it('"Free trial until DATE, then PRICE per PERIOD": status, trial end and the first charge on that day', async () => {
    const read = readForm(
      { ...EMPTY_FORM, service: 'Streamo', hasTrial: true, trialEnd: '2026-12-07', amount: '99', period: 'P1M' },
      undefined,
      err,
    );
    expect(read.ok && read.input).toMatchObject({
      status: 'trial',
      trialEnd: '2026-12-07',
      billingAnchor: '2026-12-07',
      amountMinor: 9900,
    });
    const store = createStore({ db, now, languages: ['nb-NO'] });
    await store.load();
    expect(read.ok && (await store.save(read.input)).ok).toBe(true);
    const subs = store.subscriptions.value;
    expect(totals(subs, store.ctx.value)).toMatchObject({ monthlyMinor: 0, afterTrialsMonthlyMinor: 9900 });
    expect(upcomingRenewals(subs, today, 30).map((r) => [r.date, r.amountMinor])).toEqual([['2026-12-07', 9900]]);
  });

  it('asks for the trial’s end, not a next renewal, and a trial unticked is active again', () => {
    const r = readForm({ ...EMPTY_FORM, service: 'X', amount: '10', hasTrial: true, nextRenewal: '' }, undefined, err);
    expect(r).toEqual({ ok: false, errors: { trialEnd: 'E:required' } });
    const trial = sub({ status: 'trial', trialEnd: '2026-12-07', billingAnchor: '2026-12-07' });
    const values = valuesFrom(trial, today);
    expect(values).toMatchObject({ hasTrial: true, trialEnd: '2026-12-07' });
    const active = readForm({ ...values, hasTrial: false, nextRenewal: '2026-12-07' }, trial, err);
    expect(active.ok && active.input).toMatchObject({ status: 'active', trialEnd: undefined });
  });
});

describe('the edit form shows the coming renewal and keeps the billing day', () => {
  it('next renewal is the coming one; unchanged, a 31st anchor survives the save', () => {
    const s = sub({ billingAnchor: '2026-01-31', period: 'P1M' });
    const values = valuesFrom(s, '2027-02-10');
    expect(values.nextRenewal).toBe('2027-02-28');
    const r = readForm(values, s, err);
    expect(r.ok && r.input.billingAnchor).toBe('2026-01-31');
    const moved = readForm({ ...values, nextRenewal: '2027-02-20' }, s, err);
    expect(moved.ok && moved.input.billingAnchor).toBe('2027-02-20');
  });
});

describe('a price typed with its currency', () => {
  it('reads "149 kr" as the user’s krone and "€12,99" as euros', () => {
    expect(priceFromInput('149 kr', { lang: 'en-GB', prefer: ['SEK', 'GBP'] })).toEqual({
      amount: '149',
      currency: 'SEK',
    });
    expect(priceFromInput('149 kr', { lang: 'da-DK', prefer: ['NOK'] })?.currency).toBe('DKK');
    expect(priceFromInput('€12,99', { lang: 'nb-NO' })).toEqual({ amount: '12.99', currency: 'EUR' });
    expect(priceFromInput('149', { lang: 'nb-NO' })).toBeNull();
    expect(priceFromInput('129,50', { lang: 'nb-NO' })).toBeNull();
  });
});
