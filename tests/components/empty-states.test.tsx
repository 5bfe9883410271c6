import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overview } from '../../components/Overview';
import { PopupView } from '../../components/PopupView';
import { QuickAdd } from '../../components/QuickAdd';
import { SubscriptionTable } from '../../components/SubscriptionTable';
import { buildRows, DEFAULT_QUERY } from '../../lib/app/table';
import { createTranslator } from '../../lib/i18n';
import { bundledRates } from '../../lib/money';
import { totals } from '../../lib/summary';
import { sub } from '../helpers';

/** Issue 13 item 2: with nothing to show, every view says what to do — no zeros, bare headers or "0 of 0". */
afterEach(cleanup);
const ctx = { today: '2026-11-23', base: 'GBP', rates: bundledRates };
const en = createTranslator('en');

function overview(subscriptions: ReturnType<typeof sub>[]) {
  render(
    <Overview
      totals={totals(subscriptions, ctx)}
      base="GBP"
      ratesDate="2026-11-20"
      renewals={[]}
      renewalsTotalMinor={0}
      ending={[]}
      increases={[]}
      subscriptions={subscriptions}
      inbox={[]}
      locale="en-GB"
      t={en}
      onOpen={vi.fn()}
      onAccept={vi.fn()}
      onEditDetection={vi.fn()}
      onDismiss={vi.fn()}
    />,
  );
}

function table(subs: ReturnType<typeof sub>[], query = DEFAULT_QUERY, onQuery = vi.fn()) {
  const rows = buildRows(subs, ctx);
  render(
    <SubscriptionTable
      rows={rows.filter((r) => !query.search || r.text.includes(query.search))}
      query={query}
      members={[]}
      payments={[]}
      currencies={[]}
      total={subs.length}
      base="GBP"
      locale="en-GB"
      t={en}
      onQuery={onQuery}
      onOpen={vi.fn()}
      onEdit={vi.fn()}
      onDelete={vi.fn()}
    />,
  );
  return onQuery;
}

describe('empty states', () => {
  it('overview: what to do, not a page of zeros', () => {
    overview([]);
    expect(screen.getByRole('heading', { name: 'No subscriptions yet' })).toBeTruthy();
    expect(screen.queryByTestId('monthly-total')).toBeNull();
    expect(document.body.textContent).not.toMatch(/£0\.00/);
    expect(screen.getByRole('link', { name: /Add your first subscription/ }).getAttribute('href')).toBe('#/add');
    expect(screen.getByRole('link', { name: /Import a bank statement/ }).getAttribute('href')).toBe('#/data/statement');
    cleanup();
    overview([sub({ currency: 'GBP' })]);
    expect(screen.queryByRole('heading', { name: 'No subscriptions yet' })).toBeNull();
    expect(screen.getByTestId('monthly-total')).toBeTruthy();
  });

  it('table with no subscriptions: no headers, no "0 of 0", but the ways to start', () => {
    table([]);
    expect(screen.queryByRole('table')).toBeNull();
    expect(document.body.textContent).not.toMatch(/0 of 0/);
    expect(screen.getByText('No subscriptions yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Restore a backup/ }).getAttribute('href')).toBe('#/data/backup');
  });

  it('a search with no hits says so and offers to clear it', () => {
    const onQuery = table([sub({ service: 'Netflix' })], { ...DEFAULT_QUERY, search: 'zzz' });
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No subscriptions match your search and filters.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Showing 0 of 1');
    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(onQuery).toHaveBeenCalledWith(DEFAULT_QUERY);
  });

  it('an unfiltered table counts its subscriptions in words', () => {
    table([sub({ id: 'a' })]);
    expect(screen.getByRole('status').textContent).toBe('1 subscription');
    cleanup();
    table([sub({ id: 'a' }), sub({ id: 'b' })]);
    expect(screen.getByRole('status').textContent).toBe('2 subscriptions');
  });

  it('popup with nothing tracked: how to start, not "0,00 kr"', () => {
    const onOpenDashboard = vi.fn();
    const onGettingStarted = vi.fn();
    render(
      <PopupView
        site={null}
        totals={totals([], { ...ctx, base: 'SEK' })}
        base="SEK"
        today={ctx.today}
        renewals={[]}
        ending={[]}
        members={[]}
        locale="sv-SE"
        t={createTranslator('sv')}
        subscriptionCount={0}
        onTrack={vi.fn()}
        onEdit={vi.fn()}
        onIgnore={vi.fn()}
        onAdd={vi.fn(async () => ({ ok: true as const }))}
        onOpenDashboard={onOpenDashboard}
        onGettingStarted={onGettingStarted}
        QuickAdd={QuickAdd}
      />,
    );
    expect(screen.getByTestId('popup-empty').textContent).toContain('Inga prenumerationer ännu');
    expect(screen.queryByTestId('popup-monthly-total')).toBeNull();
    expect(document.body.textContent).not.toMatch(/0,00/);
    fireEvent.click(screen.getByRole('button', { name: 'Importera ett kontoutdrag' }));
    expect(onOpenDashboard).toHaveBeenCalledWith('#/data/statement');
    fireEvent.click(screen.getByRole('button', { name: 'Så kommer du igång' }));
    expect(onGettingStarted).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till manuellt' }));
    expect(screen.getByRole('heading', { name: 'Lägg till en prenumeration' })).toBeTruthy();
  });
});
