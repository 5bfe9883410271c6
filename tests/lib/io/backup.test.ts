import { afterEach, describe, expect, it } from 'vitest';
import type { SubkeeperDb } from '../../../lib/db/schema';
import { exportBackup, formatIssuePath, MAX_BACKUP_BYTES, parseBackup, serializeBackup } from '../../../lib/io/backup';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { charge, freshDb, member, sub } from './helpers';

const STAMP = '2026-11-23T12:00:00.000Z';
let db: SubkeeperDb;

afterEach(async () => {
  await db?.delete();
});

async function seeded(): Promise<SubkeeperDb> {
  db = freshDb();
  await db.subscriptions.bulkPut([sub({ id: 'b', service: 'Spotify' }), sub({ id: 'a' })]);
  await db.charges.put(charge({ id: 'c1', subscriptionId: 'a' }));
  await db.members.put(member('m1', 'Kari'));
  await db.settings.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, baseCurrency: 'SEK' } });
  return db;
}

describe('exportBackup', () => {
  it('reads every table, sorted by id, with the format, version and stamp', async () => {
    const b = await exportBackup(await seeded(), STAMP);
    expect(b.format).toBe('subkeeper-backup');
    expect(b.version).toBe(1);
    expect(b.exportedAt).toBe(STAMP);
    expect(b.subscriptions.map((s) => s.id)).toEqual(['a', 'b']);
    expect(b.charges).toHaveLength(1);
    expect(b.members[0]?.name).toBe('Kari');
    expect(b.settings?.baseCurrency).toBe('SEK');
  });

  it('leaves settings out when none are stored', async () => {
    db = freshDb();
    const b = await exportBackup(db, STAMP);
    expect(b.settings).toBeUndefined();
    expect(b.subscriptions).toEqual([]);
  });
});

describe('serializeBackup', () => {
  it('writes pretty JSON with the envelope first and nested keys alphabetical', async () => {
    const text = serializeBackup(await exportBackup(await seeded(), STAMP));
    expect(text.startsWith('{\n  "format": "subkeeper-backup",\n  "version": 1,\n  "exportedAt"')).toBe(true);
    const first = text.indexOf('"amountMinor"');
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(text.indexOf('"billingAnchor"'));
    expect(text.indexOf('"billingAnchor"')).toBeLessThan(text.indexOf('"currency"'));
  });

  it('is stable: the same data gives the same text, and parses back to the same backup', async () => {
    const b = await exportBackup(await seeded(), STAMP);
    const text = serializeBackup(b);
    const shuffled = {
      ...b,
      subscriptions: b.subscriptions.map((s) => Object.fromEntries(Object.entries(s).reverse())),
    };
    expect(serializeBackup(shuffled as typeof b)).toBe(text);
    const back = parseBackup(text);
    expect(back.ok && back.backup).toEqual(b);
  });
});

describe('parseBackup', () => {
  const valid = {
    format: 'subkeeper-backup',
    version: 1,
    exportedAt: STAMP,
    subscriptions: [sub({ id: 'a' }), sub({ id: 'b' }), sub({ id: 'c' }), sub({ id: 'd' })],
  };

  it('accepts a valid file and fills defaults', () => {
    const r = parseBackup(JSON.stringify(valid));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.backup.subscriptions).toHaveLength(4);
      expect(r.backup.charges).toEqual([]);
    }
  });

  it('names the entry and the field of an invalid value', () => {
    const bad = structuredClone(valid);
    (bad.subscriptions[3] as { amountMinor: number }).amountMinor = 12.5;
    const r = parseBackup(JSON.stringify(bad));
    expect(r).toEqual({
      ok: false,
      code: 'invalid',
      error: 'subscriptions[3].amountMinor: amount must be whole minor units',
    });
  });

  it('names nested fields', () => {
    const bad = structuredClone(valid);
    (bad.subscriptions[1] as Record<string, unknown>).links = {
      cancel: { url: 'javascript:alert(1)', source: 'user' },
    };
    const r = parseBackup(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe('subscriptions[1].links.cancel.url: only http(s) links are allowed');
  });

  it('refuses text that is not JSON', () => {
    const r = parseBackup('{"format": "subkeeper-backup",');
    expect(r.ok === false && r.code).toBe('not-json');
  });

  it('refuses another format and another version', () => {
    const other = parseBackup(JSON.stringify({ format: 'other-app', version: 1 }));
    expect(other.ok === false && other.code).toBe('not-backup');
    const array = parseBackup('[1,2]');
    expect(array.ok === false && array.code).toBe('not-backup');
    const v2 = parseBackup(JSON.stringify({ ...valid, version: 2 }));
    expect(v2.ok === false && v2.code).toBe('version');
    expect(v2.ok === false && v2.error).toContain('version 2');
  });

  it('refuses a file larger than 50 MB without parsing it', () => {
    const r = parseBackup(' '.repeat(MAX_BACKUP_BYTES + 1));
    expect(r.ok === false && r.code).toBe('too-large');
  });

  it('accepts a byte-order mark', () => {
    expect(parseBackup(`\ufeff${JSON.stringify(valid)}`).ok).toBe(true);
  });

  it('formats issue paths', () => {
    expect(formatIssuePath(['charges', 0, 'date'])).toBe('charges[0].date');
    expect(formatIssuePath([])).toBe('(root)');
  });
});

describe('duplicate ids in one backup (issue 15, item 9)', () => {
  const text = (parts: Record<string, unknown>) =>
    JSON.stringify({ format: 'subkeeper-backup', version: 1, exportedAt: STAMP, ...parts });

  it('refuses the file, naming every entry that shares an id', () => {
    const r = parseBackup(
      text({
        subscriptions: [sub({ id: 'a' }), sub({ id: 'b', service: 'Spotify' }), sub({ id: 'a', service: 'Viaplay' })],
        charges: [charge({ id: 'c', subscriptionId: 'a' }), charge({ id: 'c', subscriptionId: 'b' })],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('duplicate');
    expect(r.error).toContain('subscriptions[0] and subscriptions[2] have the same id "a"');
    expect(r.error).toContain('charges[0] and charges[1] have the same id "c"');
  });

  it('checks members, price changes and detections too', () => {
    const r = parseBackup(text({ members: [member('m', 'Kari'), member('m', 'Ola')] }));
    expect(r.ok === false && r.error).toBe('members[0] and members[1] have the same id "m"');
  });
});
