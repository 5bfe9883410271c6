import type { z } from 'zod';
import type { SubkeeperDb } from '../db/schema';
import { BACKUP_FORMAT, BACKUP_VERSION, Backup } from '../model';
import { sortKeys } from './canonical';

/** Largest backup file read (bytes of UTF-8; checked on the text's length, which is never more than its bytes). */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** Why a backup file was refused; the UI translates the code and may show `error` as the detail. */
export type BackupErrorCode = 'too-large' | 'not-json' | 'not-backup' | 'version' | 'invalid' | 'duplicate';

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; error: string; code: BackupErrorCode };

function byId<T extends { id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Reads everything the user has into a backup. `stamp` is the current instant (ISO date-time; the clock is
 * passed in). Rows are sorted by id, so two exports of the same data are identical apart from `exportedAt`.
 */
export async function exportBackup(db: SubkeeperDb, stamp: string): Promise<Backup> {
  return db.transaction(
    'r',
    [db.settings, db.members, db.subscriptions, db.charges, db.priceChanges, db.detections, db.quarantine, db.proofs],
    async () => {
      const settingsRow = await db.settings.get('settings');
      const backup: Backup = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: stamp,
        members: byId(await db.members.toArray()),
        subscriptions: byId(await db.subscriptions.toArray()),
        charges: byId(await db.charges.toArray()),
        priceChanges: byId(await db.priceChanges.toArray()),
        detections: byId(await db.detections.toArray()),
        // In the order they were set aside; their local numbers are not kept.
        quarantine: (await db.quarantine.toArray()).map(({ id: _id, ...entry }) => entry),
        proofs: byId(await db.proofs.toArray()),
      };
      if (settingsRow) backup.settings = settingsRow.value;
      return backup;
    },
  );
}

const TOP_LEVEL_ORDER = [
  'format',
  'version',
  'exportedAt',
  'settings',
  'members',
  'subscriptions',
  'charges',
  'priceChanges',
  'detections',
  'quarantine',
  'proofs',
];

/**
 * The backup as pretty JSON (two-space indent) with a stable key order: the envelope fields first
 * (format, version, exportedAt, then the tables), every nested object's keys alphabetical.
 */
export function serializeBackup(b: Backup): string {
  const out: Record<string, unknown> = {};
  const record = b as unknown as Record<string, unknown>;
  for (const key of TOP_LEVEL_ORDER) if (record[key] !== undefined) out[key] = sortKeys(record[key]);
  for (const key of Object.keys(record).sort()) {
    if (!(key in out) && record[key] !== undefined) out[key] = sortKeys(record[key]);
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** `subscriptions[3].amountMinor` from a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

/** One line naming up to `max` problems with their paths. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], max = 5): string {
  const lines = issues.slice(0, max).map((i) => `${formatIssuePath(i.path)}: ${i.message}`);
  if (issues.length > max) lines.push(`… and ${issues.length - max} more`);
  return lines.join('; ');
}

/**
 * Reads a backup file's text. Never throws: a file that is too large, not JSON, not a Subkeeper backup, of an
 * unknown version, or with an invalid entry is refused with a message naming the entry and field, such as
 * `subscriptions[3].amountMinor: amount must be whole minor units`.
 */
export function parseBackup(text: string): ParsedBackup {
  if (typeof text !== 'string') return { ok: false, code: 'not-json', error: 'the file is not text' };
  if (text.length > MAX_BACKUP_BYTES) {
    return { ok: false, code: 'too-large', error: `the file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, code: 'not-json', error: 'the file is not JSON' };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, code: 'not-backup', error: 'the file is not a Subkeeper backup' };
  }
  const envelope = json as Record<string, unknown>;
  if (envelope.format !== BACKUP_FORMAT) {
    return {
      ok: false,
      code: 'not-backup',
      error: `the file is not a Subkeeper backup (format: ${JSON.stringify(envelope.format ?? null).slice(0, 60)})`,
    };
  }
  if (envelope.version !== BACKUP_VERSION) {
    return {
      ok: false,
      code: 'version',
      error: `unsupported backup version ${JSON.stringify(envelope.version ?? null).slice(0, 20)} (this version reads ${BACKUP_VERSION})`,
    };
  }
  const parsed = Backup.safeParse(json);
  if (!parsed.success) return { ok: false, code: 'invalid', error: describeIssues(parsed.error.issues) };
  const duplicates = duplicateIds(parsed.data);
  if (duplicates) return { ok: false, code: 'duplicate', error: duplicates };
  return { ok: true, backup: parsed.data };
}

const ID_TABLES = ['members', 'subscriptions', 'charges', 'priceChanges', 'detections', 'proofs'] as const;

/**
 * Entries of one table that share an id, named (`subscriptions[0] and subscriptions[2] have the same id "a"`), or
 * null when every id is unique. A backup Subkeeper wrote never has them: two entries under one id mean the file
 * was edited or damaged, and which of the two is right cannot be known, so the file is refused rather than one
 * of them silently dropped (and counted as added).
 */
export function duplicateIds(backup: Pick<Backup, (typeof ID_TABLES)[number]>, max = 5): string | null {
  const found: string[] = [];
  for (const table of ID_TABLES) {
    const first = new Map<string, number>();
    (backup[table] ?? []).forEach((row, i) => {
      const at = first.get(row.id);
      if (at === undefined) first.set(row.id, i);
      else found.push(`${table}[${at}] and ${table}[${i}] have the same id ${JSON.stringify(row.id).slice(0, 80)}`);
    });
  }
  if (found.length === 0) return null;
  const lines = found.slice(0, max);
  if (found.length > max) lines.push(`… and ${found.length - max} more`);
  return lines.join('; ');
}
