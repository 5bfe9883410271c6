import { describe, expect, it } from 'vitest';
import { serializeBackup } from '../../../lib/io/backup';
import { exportHouseholdFile, type HouseholdFile, mergeHousehold, parseHouseholdFile } from '../../../lib/io/household';
import { BACKUP_FORMAT, BACKUP_VERSION, Backup, type Subscription } from '../../../lib/model';
import { member, sub } from './helpers';

const TODAY = '2026-11-23';
const RATES = { date: '2026-11-01', perEur: { EUR: 1, NOK: 11.5, SEK: 11.5, USD: 1.15 } };
const opts = { today: TODAY, base: 'NOK', rates: RATES };

function backupWith(subscriptions: Subscription[], members = [member('me', 'Me')]): Backup {
  return Backup.parse({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2026-11-23T10:00:00.000Z',
    members,
    subscriptions,
    detections: [
      {
        id: 'd1',
        url: 'https://example.com/account',
        hostname: 'example.com',
        seenAt: '2026-11-01T10:00:00.000Z',
        result: { kind: 'none', service: null, subscription: null, charges: [], links: {} },
        status: 'pending',
      },
    ],
  });
}

function fileOf(
  name: string,
  color: string,
  subscriptions: Subscription[],
  members = [member('me', name)],
): HouseholdFile {
  return exportHouseholdFile(backupWith(subscriptions, members), member('me', name, color));
}

describe('exportHouseholdFile / parseHouseholdFile', () => {
  it('tags the backup with the member and leaves out detections and settings', () => {
    const f = fileOf('Kari', '#cc3366', [sub({ id: 'a' })]);
    expect(f.household.member).toEqual({ id: 'me', name: 'Kari', color: '#cc3366' });
    expect(f.detections).toEqual([]);
    expect(f.settings).toBeUndefined();
    expect(f.subscriptions).toHaveLength(1);
  });

  it('reads its own output back, and tells a plain backup from a household file', () => {
    const f = fileOf('Kari', '#cc3366', [sub({ id: 'a' })]);
    const text = serializeBackup(f);
    const back = parseHouseholdFile(text);
    expect(back.ok && back.file.household.member.name).toBe('Kari');
    const plain = parseHouseholdFile(serializeBackup(backupWith([])));
    expect(plain).toEqual({ ok: false, error: 'this is a backup, not a household file' });
    expect(parseHouseholdFile('nope').ok).toBe(false);
    const badColour = JSON.parse(text);
    badColour.household.member.color = 'red';
    const r = parseHouseholdFile(JSON.stringify(badColour));
    expect(r.ok === false && r.error).toBe('household.member.color: expected a colour like #3366cc');
  });
});

describe('mergeHousehold', () => {
  const kari = fileOf('Kari', '#cc3366', [
    sub({ id: 'n', service: 'Netflix', serviceId: 'netflix', amountMinor: 15900 }),
    sub({ id: 's', service: 'Spotify', serviceId: 'spotify', amountMinor: 11900 }),
    sub({ id: 'y', service: 'Avis', amountMinor: 120000, period: 'P1Y' }),
    sub({ id: 'x', service: 'Old', amountMinor: 9900, status: 'cancelled' }),
  ]);
  const ola = fileOf('Ola', '#3366cc', [
    sub({ id: 'n', service: 'NETFLIX', serviceId: 'netflix', amountMinor: 12900 }),
    sub({ id: 'u', service: 'Game', amountMinor: 1000, currency: 'USD' }),
  ]);

  it('lists the members with namespaced ids and keeps their subscriptions apart', () => {
    const v = mergeHousehold([kari, ola], opts);
    expect(v.members).toEqual([
      { id: 'h1', name: 'Kari', color: '#cc3366' },
      { id: 'h2', name: 'Ola', color: '#3366cc' },
    ]);
    expect(v.subscriptions.map((s) => [s.id, s.memberId])).toEqual([
      ['h1:n', 'h1'],
      ['h1:s', 'h1'],
      ['h1:y', 'h1'],
      ['h1:x', 'h1'],
      ['h2:n', 'h2'],
      ['h2:u', 'h2'],
    ]);
  });

  it('totals per member per month in the base currency, counting active subscriptions only', () => {
    const v = mergeHousehold([kari, ola], opts);
    // Kari: 159 + 119 + 1200/12 = 378 NOK. Ola: 129 NOK + 10 USD (= 100 NOK at 11.5/1.15).
    expect(v.totalsPerMember).toEqual([
      { memberId: 'h1', monthlyMinor: 37800, count: 3, missingRates: [] },
      { memberId: 'h2', monthlyMinor: 22900, count: 2, missingRates: [] },
    ]);
  });

  it('flags the same service paid by two members with the monthly saving', () => {
    const v = mergeHousehold([kari, ola], opts);
    expect(v.duplicates).toEqual([
      {
        serviceKey: 'id:netflix',
        name: 'Netflix',
        members: ['h1', 'h2'],
        subscriptionIds: ['h1:n', 'h2:n'],
        monthlySavingMinor: 12900,
      },
    ]);
  });

  it('matches duplicates by domain or by name when there is no directory id', () => {
    const a = fileOf('A', '#111111', [
      sub({ id: '1', service: 'Viaplay Total', domain: 'viaplay.no', amountMinor: 44900 }),
    ]);
    const b = fileOf('B', '#222222', [
      sub({ id: '2', service: 'viaplay', domain: 'www.viaplay.no', amountMinor: 44900 }),
    ]);
    const c = fileOf('C', '#333333', [sub({ id: '3', service: 'Min Avis!', amountMinor: 30000 })]);
    const d = fileOf('D', '#444444', [sub({ id: '4', service: 'min avis', amountMinor: 25000 })]);
    const v = mergeHousehold([a, b, c, d], opts);
    expect(v.duplicates.map((x) => [x.serviceKey, x.members, x.monthlySavingMinor])).toEqual([
      ['domain:viaplay.no', ['h1', 'h2'], 44900],
      ['name:minavis', ['h3', 'h4'], 25000],
    ]);
  });

  it('splits shared subscriptions by percent between household members, matched by name', () => {
    const k = fileOf(
      'Kari',
      '#cc3366',
      [
        sub({
          id: 'f',
          service: 'Family plan',
          amountMinor: 20000,
          shares: [{ memberId: 'ola-in-kari', percent: 25 }],
        }),
      ],
      [member('me', 'Kari'), member('ola-in-kari', 'Ola')],
    );
    const o = fileOf('Ola', '#3366cc', []);
    const v = mergeHousehold([k, o], opts);
    expect(v.subscriptions[0]?.shares).toEqual([{ memberId: 'h2', percent: 25 }]);
    expect(v.totalsPerMember.map((t) => t.monthlyMinor)).toEqual([15000, 5000]);
  });

  it('gives a subscription to the member its file names as owner, and keeps one copy when two files hold it', () => {
    const k = fileOf(
      'Kari',
      '#cc3366',
      [sub({ id: 'g', service: 'Gym', amountMinor: 50000, ownerId: 'ola-in-kari' })],
      [member('me', 'Kari'), member('ola-in-kari', 'Ola')],
    );
    const o = fileOf('Ola', '#3366cc', [sub({ id: 'g2', service: 'Gym', amountMinor: 50000 })]);
    const v = mergeHousehold([k, o], opts);
    expect(v.subscriptions.map((s) => [s.id, s.memberId])).toEqual([['h1:g', 'h2']]);
    expect(v.totalsPerMember.map((t) => t.monthlyMinor)).toEqual([0, 50000]);
    expect(v.duplicates).toEqual([]);
  });

  it('reports currencies without a rate instead of guessing', () => {
    const k = fileOf('Kari', '#cc3366', [sub({ id: 'z', amountMinor: 1000, currency: 'CHF' })]);
    const v = mergeHousehold([k], opts);
    expect(v.totalsPerMember[0]).toEqual({ memberId: 'h1', monthlyMinor: 0, count: 1, missingRates: ['CHF'] });
  });
});
