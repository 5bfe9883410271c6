import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HouseholdView } from '../../../components/household/HouseholdView';
import { createTranslator } from '../../../lib/i18n';
import { liveHousehold } from '../../../lib/sync/household-view';
import { OFF, type SyncStatus } from '../../../lib/sync/status';
import { makeMember, makeSub, RATES, textOf } from '../views/helpers';

afterEach(cleanup);

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const t = createTranslator('en');
const ok: SyncStatus = { ...OFF, state: 'ok', lastSyncAt: new Date(NOW - 60_000).toISOString() };

describe('HouseholdView', () => {
  it('shows what each member pays, who added and changed what, and what is paid twice', () => {
    const members = [makeMember('m-anna', 'Anna', '#0072b2'), makeMember('m-ola', 'Ola', '#e69f00')];
    const subs = [
      makeSub({ id: 'n1', service: 'Netflix', serviceId: 'netflix', amountMinor: 17900, currency: 'NOK' }),
      makeSub({ id: 'n2', service: 'Netflix', serviceId: 'netflix', amountMinor: 12900, currency: 'NOK' }),
      makeSub({
        id: 'sp',
        service: 'Spotify Family',
        amountMinor: 20000,
        currency: 'NOK',
        shares: [{ memberId: 'm-ola', percent: 50 }],
      }),
    ];
    const who = new Map([
      ['n1', { createdBy: 'm-anna', changedBy: 'm-ola', changedAt: new Date(NOW - 2 * 3600_000).toISOString() }],
      ['n2', { createdBy: 'm-ola', changedBy: 'm-ola', changedAt: new Date(NOW - 86_400_000).toISOString() }],
      ['sp', { createdBy: 'm-anna', changedBy: 'm-anna', changedAt: new Date(NOW).toISOString() }],
    ]);
    const view = liveHousehold(members, subs, who, { today: '2026-12-06', base: 'NOK', rates: RATES });
    const onOpen = vi.fn();
    render(
      <HouseholdView view={view} status={ok} t={t} locale="en-GB" nowMs={NOW} onOpen={onOpen} onSetUp={vi.fn()} />,
    );
    expect(textOf(screen.getByTestId('household-total'))).toBe('NOK 508.00 a month');
    const rows = screen.getAllByTestId('household-member-total').map((r) => textOf(r));
    expect(rows).toEqual([' Anna2NOK 279.00', ' Ola1NOK 229.00']);
    const items = screen.getAllByTestId('household-item').map((i) => textOf(i));
    expect(items).toContain('Netflix NOK 179.00 a month · added by Anna · last changed by Ola, 2 hours ago');
    expect(items).toContain('Spotify Family NOK 100.00 a month (50 % share) · added by Anna');
    expect(textOf(screen.getByTestId('household-duplicates'))).toContain(
      'Netflix is paid by Anna, Ola: keeping one saves NOK 129.00 a month.',
    );
    expect(screen.getByTestId('sync-status').textContent).toContain('Synced 1 minute ago.');
    fireEvent.click(screen.getAllByRole('button', { name: 'Netflix' })[0] as HTMLElement);
    expect(onOpen).toHaveBeenCalledWith('n1');
  });

  it('without a household: points to Settings and offers the file comparison', () => {
    const onSetUp = vi.fn();
    render(
      <HouseholdView
        view={null}
        status={OFF}
        t={t}
        locale="en-GB"
        nowMs={NOW}
        onOpen={vi.fn()}
        onSetUp={onSetUp}
        fileMerge={<p>file comparison here</p>}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Set up household sync' }));
    expect(onSetUp).toHaveBeenCalled();
    expect(screen.getByText('file comparison here')).toBeTruthy();
    expect(screen.getByText('Without a server: compare household files')).toBeTruthy();
  });
});
