import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ActionResult, HouseholdSync, type HouseholdSyncProps } from '../../../components/settings/HouseholdSync';
import { createTranslator } from '../../../lib/i18n';
import type { HouseholdOverview } from '../../../lib/sync/engine';
import { OFF, type SyncStatus } from '../../../lib/sync/status';
import { makeMember } from '../views/helpers';

afterEach(cleanup);

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const ok = async (): Promise<ActionResult> => ({ ok: true, value: undefined });
const NOT_SET_UP: HouseholdOverview = {
  configured: false,
  manager: false,
  removed: false,
  devices: {},
  quarantine: [],
};

function renderSync(over: Partial<HouseholdSyncProps> = {}) {
  const props: HouseholdSyncProps = {
    status: OFF,
    overview: NOT_SET_UP,
    members: [],
    nextColor: '#0072b2',
    t: createTranslator('en'),
    locale: 'en-GB',
    nowMs: NOW,
    onCreate: vi.fn(ok),
    onReadInvite: vi.fn(async () => ({
      ok: true as const,
      value: { server: 'https://couch.berg.no', database: 'berg', name: 'Berg', memberName: 'Ola' },
    })),
    onJoin: vi.fn(ok),
    onAllow: vi.fn(ok),
    onSyncNow: vi.fn(ok),
    onInvite: vi.fn(async () => ({ ok: true as const, value: { code: 'SK1.abc', passcode: 'ABCD-EFGH' } })),
    onRemoveMember: vi.fn(ok),
    onRemoveDevice: vi.fn(ok),
    onManage: vi.fn(ok),
    onLeave: vi.fn(ok),
    onDismiss: vi.fn(ok),
    onCopy: vi.fn(ok),
    ...over,
  };
  render(<HouseholdSync {...props} />);
  return props;
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('HouseholdSync', () => {
  it('creates a household: calls onCreate straight from the submit with the form, and shows an error in words', async () => {
    const onCreate = vi.fn(
      async (): Promise<ActionResult> => ({ ok: false, error: { code: 'exists', detail: 'berg' } }),
    );
    renderSync({ onCreate });
    type('Server address', ' https://couch.berg.no ');
    type('Database name', 'berg');
    type('Admin password', 's3cret');
    type('Your name', 'Anna');
    fireEvent.click(screen.getByRole('button', { name: 'Create household' }));
    // Synchronously, in the click: the browser's permission prompt needs the user gesture.
    expect(onCreate).toHaveBeenCalledWith({
      server: 'https://couch.berg.no',
      database: 'berg',
      adminUser: 'admin',
      adminPassword: 's3cret',
      householdName: '',
      memberName: 'Anna',
      memberColor: '#0072b2',
    });
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'A database with this name already exists on the server. Choose another name, or join with an invite.',
    );
  });

  it('lets an existing member be who this browser is', () => {
    const { onCreate } = renderSync({ members: [makeMember('m1', 'Kari'), makeMember('m2', 'Ola')] });
    fireEvent.change(screen.getByLabelText('Who are you?'), { target: { value: 'm2' } });
    type('Server address', 'https://couch.berg.no');
    fireEvent.click(screen.getByRole('button', { name: 'Create household' }));
    expect(onCreate).toHaveBeenCalledWith(expect.objectContaining({ memberId: 'm2' }));
  });

  it('joins in two steps: opens the invite, shows where it leads, then joins from the click', async () => {
    const props = renderSync();
    type('Invite code', 'SK1.abc');
    type('Passcode', 'abcd efgh');
    fireEvent.click(screen.getByRole('button', { name: 'Open invite' }));
    expect(await screen.findByTestId('sync-join-preview')).toHaveProperty(
      'textContent',
      expect.stringContaining('Join “Berg” on couch.berg.no as Ola.'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(props.onJoin).toHaveBeenCalledWith('SK1.abc', 'abcd efgh', 'https://couch.berg.no');
  });

  it('says when the passcode does not open the code', async () => {
    renderSync({
      onReadInvite: vi.fn(async () => ({ ok: false as const, error: { code: 'bad-passcode' as const } })),
    });
    type('Invite code', 'SK1.abc');
    type('Passcode', 'WRNG-CODE');
    fireEvent.click(screen.getByRole('button', { name: 'Open invite' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The passcode does not open this invite code.');
    expect(screen.queryByTestId('sync-join-preview')).toBeNull();
  });

  const configured: HouseholdOverview = {
    configured: true,
    name: 'Berg',
    server: 'https://couch.berg.no',
    database: 'berg',
    epoch: 1,
    deviceId: 'd-anna',
    memberId: 'm-anna',
    manager: true,
    removed: false,
    devices: {
      'm-anna': [{ id: 'd-anna', label: 'Firefox (Linux)', status: 'active', manager: true, self: true }],
      'm-ola': [{ id: 'd-ola', label: 'Chrome (Windows)', status: 'active', manager: false, self: false }],
    },
    quarantine: [
      { key: 'dx@1', docId: 'dxyz12345', rev: '1-a', reason: 'altered', seenAt: new Date(NOW - 120_000).toISOString() },
    ],
  };
  const status: SyncStatus = {
    state: 'error',
    lastSyncAt: new Date(NOW - 3 * 60_000).toISOString(),
    pending: 3,
    quarantined: 1,
    skews: [{ memberId: 'm-ola', name: 'Ola', aheadMs: 3 * 3600_000 }],
    error: { code: 'offline' },
    household: { server: 'https://couch.berg.no', database: 'berg' },
  };

  it('shows the status in words, the members with their browsers, and what was set aside', () => {
    renderSync({
      status,
      overview: configured,
      members: [makeMember('m-ola', 'Ola'), makeMember('m-anna', 'Anna')],
    });
    const line = screen.getByTestId('sync-status').textContent ?? '';
    expect(line).toContain('Last synced 3 minutes ago. 3 changes waiting to be sent.');
    expect(line).toContain('Could not reach the server. Your changes are kept here');
    expect(line).toContain('1 document from the server was set aside, not applied.');
    expect(line).toContain('The clock of Ola’s browser is about 3 hours ahead of this one.');
    const members = screen.getAllByTestId('sync-member').map((li) => li.textContent);
    expect(members[0]).toContain('Anna');
    expect(members[0]).toContain('Firefox (Linux) (this browser) — in the household, manages');
    expect(members[1]).toContain('Chrome (Windows) — in the household');
    expect(screen.getByTestId('sync-quarantine').textContent).toContain(
      'Document dxyz1234 does not open with the household key (altered, or written with another key); seen 2 minutes ago.',
    );
  });

  it('asks before removing a member, then removes them', async () => {
    const props = renderSync({
      status,
      overview: configured,
      members: [makeMember('m-ola', 'Ola'), makeMember('m-anna', 'Anna')],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Ola' }));
    expect(props.onRemoveMember).not.toHaveBeenCalled();
    expect(screen.getByText(/Remove Ola from the household\? Their browsers lose access/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(props.onRemoveMember).toHaveBeenCalledWith('m-ola'));
  });

  it('makes an invite and shows the code and its passcode', async () => {
    const props = renderSync({ status, overview: configured, members: [makeMember('m-anna', 'Anna')] });
    type('Their name', 'Kari');
    fireEvent.click(screen.getByRole('button', { name: 'Create invite' }));
    expect(props.onInvite).toHaveBeenCalledWith({ memberName: 'Kari', memberColor: '#0072b2' });
    expect((await screen.findByTestId('sync-passcode')).textContent).toBe('ABCD-EFGH');
    expect((screen.getByLabelText('Invite code') as HTMLTextAreaElement).value).toBe('SK1.abc');
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(props.onCopy).toHaveBeenCalledWith('SK1.abc');
  });

  it('offers the permission button when the browser does not let it reach the server', () => {
    const props = renderSync({
      status: { ...status, error: { code: 'permission' } },
      overview: configured,
      members: [],
    });
    expect(screen.getByTestId('sync-status').textContent).toContain('Subkeeper is not allowed to reach couch.berg.no');
    fireEvent.click(screen.getByRole('button', { name: 'Allow access to couch.berg.no' }));
    expect(props.onAllow).toHaveBeenCalledWith('https://couch.berg.no');
  });

  it('has words for every error, device status and set-aside reason in every language', async () => {
    const { SYNC_ERROR_CODES } = await import('../../../lib/sync/errors');
    const { DEVICE_STATUSES } = await import('../../../lib/sync/records');
    const { catalogKeys, LANGUAGES } = await import('../../../lib/i18n');
    const needed = [
      ...SYNC_ERROR_CODES.map((c) => `sync.error.${c}`),
      ...DEVICE_STATUSES.map((s) => `sync.household.device.${s}`),
      ...['altered', 'unreadable', 'other-key', 'malformed', 'invalid'].map((r) => `sync.quarantine.reason.${r}`),
    ];
    for (const lang of LANGUAGES) {
      const keys = new Set(catalogKeys(lang));
      expect(
        needed.filter((k) => !keys.has(k)),
        lang,
      ).toEqual([]);
    }
  });
});
