import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SubscriptionForm } from '../../components/SubscriptionForm';
import { valuesFrom } from '../../lib/app/form';
import { createStore, type Store } from '../../lib/app/store';
import { type SubkeeperDb, saveSubscription } from '../../lib/db';
import { createTranslator } from '../../lib/i18n';
import type { Subscription } from '../../lib/model';
import { dropDb, freshDb, sub } from '../helpers';

/**
 * Two dashboard tabs, and a tab and the background, over one database (issue 15, item 5): an edit form saves only
 * what the user changed in it, so it never overwrites what another tab or the background wrote meanwhile; when
 * both changed the same field it says so and saves nothing; it never brings back a deleted subscription.
 */
afterEach(cleanup);
const t = createTranslator('en');
let db: SubkeeperDb;
let clock = 0;
const now = () => new Date(Date.UTC(2026, 10, 23, 10, 0, clock++));
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

/** A dashboard tab: its own store over the shared database, loaded now. */
async function tab(): Promise<Store> {
  const store = createStore({ db, now });
  await store.load();
  return store;
}

/** The edit form as the dashboard shows it, for `id`, as `store` has it now, saving through `store`. */
function openForm(store: Store, id: string) {
  const existing = store.subscriptions.value.find((s) => s.id === id) as Subscription;
  const saved: Array<{ ok: boolean }> = [];
  const view = render(
    <SubscriptionForm
      initial={valuesFrom(existing)}
      existing={existing}
      members={[]}
      t={t}
      onSave={async (input, base) => {
        const r = await store.save(input, { base });
        saved.push(r);
        return r.ok ? { ok: true } : r;
      }}
      onCancel={() => {}}
    />,
  );
  return { view, saved };
}

const edit = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('editing in two places at once', () => {
  it("keeps the notes one tab saved when another tab's older form saves a price", async () => {
    await db.subscriptions.put(sub({ id: 's1', amountMinor: 17900, notes: 'old' }));
    const a = await tab();
    const b = await tab();
    // Tab B's form is open; tab A edits the notes and saves.
    const formB = openForm(b, 's1');
    const r = await a.save({ id: 's1', notes: 'shared with Ola' }, { base: a.subscriptions.value[0] });
    expect(r.ok).toBe(true);
    // Tab B changes the price and saves its form.
    edit('Price', '199');
    save();
    await waitFor(() => expect(formB.saved).toHaveLength(1));
    expect(await db.subscriptions.get('s1')).toMatchObject({ amountMinor: 19900, notes: 'shared with Ola' });
  });

  it('does not revert a price the background recorded while the form was open', async () => {
    await db.subscriptions.put(sub({ id: 's1', amountMinor: 17900 }));
    const a = await tab();
    const form = openForm(a, 's1');
    // A receipt page: the background records the new price (as lib/ingest does).
    await saveSubscription(db, { id: 's1', amountMinor: 19900 }, '2026-11-23T11:00:00.000Z');
    edit('Notes', 'family plan');
    save();
    await waitFor(() => expect(form.saved).toHaveLength(1));
    expect(await db.subscriptions.get('s1')).toMatchObject({ amountMinor: 19900, notes: 'family plan' });
  });

  it('refuses, and says so, when both changed the same field; "load the latest" keeps the other edits', async () => {
    await db.subscriptions.put(sub({ id: 's1', amountMinor: 17900 }));
    const a = await tab();
    const form = openForm(a, 's1');
    await saveSubscription(db, { id: 's1', amountMinor: 19900 }, '2026-11-23T11:00:00.000Z');
    edit('Price', '189');
    edit('Notes', 'mine');
    save();
    const alert = await screen.findByText(/changed elsewhere while you were editing it/);
    expect(alert.textContent).toContain('Price');
    expect(form.saved[0]?.ok).toBe(false);
    expect(await db.subscriptions.get('s1')).toMatchObject({ amountMinor: 19900 });
    expect((await db.subscriptions.get('s1'))?.notes).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: /Load the latest/ }));
    expect((screen.getByLabelText('Price') as HTMLInputElement).value).toBe('199');
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('mine');
    save();
    await waitFor(() => expect(form.saved).toHaveLength(2));
    expect(await db.subscriptions.get('s1')).toMatchObject({ amountMinor: 19900, notes: 'mine' });
  });

  it('does not bring back a subscription another tab deleted; it offers to add it as new', async () => {
    await db.subscriptions.put(sub({ id: 's1', service: 'Viaplay' }));
    const a = await tab();
    const b = await tab();
    const form = openForm(b, 's1');
    await a.remove('s1');
    edit('Notes', 'stale edit');
    save();
    expect(await screen.findByText(/was deleted while you were editing it/)).toBeTruthy();
    expect(await db.subscriptions.count()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Add it as a new subscription' }));
    await waitFor(() => expect(form.saved).toHaveLength(2));
    const all = await db.subscriptions.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ service: 'Viaplay', notes: 'stale edit' });
    expect(all[0]?.id).not.toBe('s1');
  });
});

describe('status changes from two tabs', () => {
  it('keeps both in the history', async () => {
    await db.subscriptions.put(sub({ id: 's1', statusHistory: [{ status: 'active', date: '2026-01-01' }] }));
    const a = await tab();
    const b = await tab();
    await a.setStatus('s1', 'paused', '2026-11-20');
    await b.setStatus('s1', 'cancelled', '2026-11-23');
    const saved = await db.subscriptions.get('s1');
    expect(saved?.statusHistory.map((h) => `${h.status} ${h.date}`)).toEqual([
      'active 2026-01-01',
      'paused 2026-11-20',
      'cancelled 2026-11-23',
    ]);
  });

  it('a status change from a tab that still shows a deleted subscription does not bring it back', async () => {
    await db.subscriptions.put(sub({ id: 's1' }));
    const a = await tab();
    const b = await tab();
    await a.remove('s1');
    await b.setStatus('s1', 'cancelled', '2026-11-23');
    expect(await db.subscriptions.count()).toBe(0);
  });
});
