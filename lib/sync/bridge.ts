import type { SubkeeperDb } from '../db';
import { canonical, sameValue } from './canonical';
import { docIdFor, type HouseholdKeys, openDoc, SealError, sealDoc } from './crypto';
import type { Hlc } from './hlc';
import { type JournalRow, type QuarantineRow, type ShadowRow, type SyncDb, setValue, shadowKey } from './local-db';
import { type FieldState, isFieldState, latestChange, mergeAll, recordOf, stampLocalEdit } from './merge';
import type { Pouch, PouchDoc } from './pouch';
import {
  ADAPTERS,
  isRecordTable,
  isSyncTable,
  type MetaTable,
  type PlainRecord,
  RECORD_TABLES,
  type RecordTable,
  type SyncTable,
  schemaOf,
} from './records';

/**
 * The bridge between Dexie (the store) and the PouchDB replica (encrypted documents, replicated with the
 * household's CouchDB).
 *
 * `captureLocalChanges` finds what changed locally since the last sync by comparing each shared record with the
 * shadow copy of what Dexie held then (so no write path needs to know about sync, and nothing is missed after a
 * crash), stamps the changed fields with the hybrid logical clock and this member, merges them into the
 * replica's version and writes the sealed result to the replica.
 *
 * `applyReplicaChanges` reads what changed in the replica (pulled from the server, or written here), opens each
 * document and its conflicting revisions, merges them field by field (lib/sync/merge), writes the merged version
 * back as the one revision (CouchDB keeps losing revisions until someone does this), and applies the records to
 * Dexie in one transaction. A document that does not open or validate goes to quarantine and is never applied.
 */

export interface BridgeContext {
  db: SubkeeperDb;
  sync: SyncDb;
  replica: Pouch;
  keys: HouseholdKeys;
  hlc: Hlc;
  /** The household member this browser belongs to: the author of its edits. */
  memberId: string;
  now: () => Date;
}

/** What a document holds once opened. */
export interface Payload {
  t: SyncTable;
  id: string;
  s: FieldState;
}

/** A document that could not be used, and why in words. */
export class BadDocument extends Error {
  constructor(
    readonly docId: string,
    readonly reason: 'unreadable' | 'altered' | 'other-key' | 'malformed' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'BadDocument';
  }
}

/** Seals a state as a document for the replica. */
export async function sealPayload(keys: HouseholdKeys, payload: Payload): Promise<{ docId: string; body: object }> {
  const docId = await docIdFor(keys, payload.t, payload.id);
  return { docId, body: await sealDoc(keys, docId, payload) };
}

/** Opens and checks one document revision; throws BadDocument. */
export async function openPayload(keys: HouseholdKeys, docId: string, doc: unknown): Promise<Payload> {
  let raw: unknown;
  try {
    raw = await openDoc(keys, docId, doc);
  } catch (e) {
    if (e instanceof SealError) {
      const reason = e.reason === 'auth' ? 'altered' : e.reason === 'epoch' ? 'other-key' : 'unreadable';
      throw new BadDocument(docId, reason, e.message);
    }
    throw e;
  }
  const p = raw as Partial<Payload> | null;
  if (!p || typeof p !== 'object' || !isSyncTable(p.t) || typeof p.id !== 'string' || !isFieldState(p.s)) {
    throw new BadDocument(docId, 'malformed', 'the document opened but is not a Subkeeper record');
  }
  if ((await docIdFor(keys, p.t, p.id)) !== docId) {
    throw new BadDocument(docId, 'malformed', 'the document is filed under another record’s id');
  }
  return p as Payload;
}

interface Leaf {
  rev: string;
  doc: PouchDoc;
}

/** The winning revision and every conflicting one (empty when the document does not exist or was deleted). */
async function readLeaves(replica: Pouch, docId: string): Promise<Leaf[]> {
  let winner: PouchDoc;
  try {
    winner = await replica.get(docId, { conflicts: true });
  } catch (e) {
    if ((e as { status?: number }).status === 404) return [];
    throw e;
  }
  const leaves: Leaf[] = [{ rev: winner._rev as string, doc: winner }];
  for (const rev of winner._conflicts ?? []) {
    try {
      leaves.push({ rev, doc: await replica.get(docId, { rev }) });
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
    }
  }
  return leaves;
}

interface OpenedDoc {
  docId: string;
  leaves: Leaf[];
  valid: Array<{ leaf: Leaf; payload: Payload }>;
  bad: Array<{ leaf: Leaf; error: BadDocument }>;
}

async function openLeaves(keys: HouseholdKeys, docId: string, leaves: Leaf[]): Promise<OpenedDoc> {
  const out: OpenedDoc = { docId, leaves, valid: [], bad: [] };
  for (const leaf of leaves) {
    try {
      out.valid.push({ leaf, payload: await openPayload(keys, docId, leaf.doc) });
    } catch (e) {
      if (!(e instanceof BadDocument)) throw e;
      out.bad.push({ leaf, error: e });
    }
  }
  return out;
}

/** The record in a state, checked by its table's schema (null when deleted). Throws BadDocument when invalid. */
function checkedRecord(table: SyncTable, state: FieldState, docId: string): PlainRecord | null {
  const record = recordOf(state);
  if (record === null) return null;
  const parsed = schemaOf(table).safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadDocument(
      docId,
      'invalid',
      `invalid ${table} record: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
    );
  }
  return parsed.data as PlainRecord;
}

/**
 * Merges the revisions that opened. When the field-by-field merge does not validate (records from two versions
 * of Subkeeper, say), the valid revision with the latest change wins whole; the choice depends only on the
 * revisions, so every browser makes the same one.
 */
function mergeRevisions(
  table: SyncTable,
  docId: string,
  states: FieldState[],
): { state: FieldState; record: PlainRecord | null } {
  const merged = mergeAll(states);
  try {
    return { state: merged, record: checkedRecord(table, merged, docId) };
  } catch (e) {
    if (!(e instanceof BadDocument)) throw e;
    const ranked = states
      .map((s) => ({ s, latest: latestChange(s)?.stamp ?? '' }))
      .sort((a, b) => (a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : 0));
    for (const { s } of ranked) {
      try {
        return { state: s, record: checkedRecord(table, s, docId) };
      } catch {
        // try the next one
      }
    }
    throw e;
  }
}

function quarantineRows(opened: OpenedDoc, now: string, extra?: BadDocument): QuarantineRow[] {
  const rows = opened.bad.map(({ leaf, error }) => ({
    key: `${opened.docId}@${leaf.rev}`,
    docId: opened.docId,
    rev: leaf.rev,
    reason: error.reason,
    detail: error.message,
    seenAt: now,
  }));
  if (extra) {
    for (const { leaf, payload } of opened.valid) {
      rows.push({
        key: `${opened.docId}@${leaf.rev}`,
        docId: opened.docId,
        rev: leaf.rev,
        reason: extra.reason,
        detail: `${payload.t} ${payload.id}: ${extra.message}`,
        seenAt: now,
      });
    }
  }
  return rows;
}

/** Writes `state` as the one revision of the document: a child of the winner, every other leaf deleted. */
async function writeResolved(ctx: BridgeContext, docId: string, leaves: Leaf[], payload: Payload): Promise<void> {
  const { body } = await sealPayload(ctx.keys, payload);
  const [winner, ...losers] = leaves;
  const doc: PouchDoc = { _id: docId, ...body };
  if (winner) doc._rev = winner.rev;
  const [result] = await ctx.replica.bulkDocs([doc]);
  if (result?.error) throw replicaWriteError(result);
  if (losers.length > 0) {
    const gone = await ctx.replica.bulkDocs(losers.map((l) => ({ _id: docId, _rev: l.rev, _deleted: true })));
    const failed = gone.find((r) => r.error && r.status !== 409 && r.status !== 404);
    if (failed) throw replicaWriteError(failed);
  }
}

/**
 * Runs a read-merge-write of one document again when the replica changed under it (live replication can add a
 * revision between the read and the write).
 */
async function retryOnConflict<T>(task: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await task();
    } catch (e) {
      if (!(e instanceof ReplicaWriteError) || e.kind !== 'conflict' || i >= attempts) throw e;
    }
  }
}

/** A replica write that failed (`quota` when the browser's storage is full). */
export class ReplicaWriteError extends Error {
  constructor(
    readonly kind: 'quota' | 'conflict' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'ReplicaWriteError';
  }
}

function replicaWriteError(r: { status?: number; name?: string; message?: string; reason?: string }) {
  const text = `${r.name ?? ''} ${r.message ?? ''} ${r.reason ?? ''}`;
  if (/quota/i.test(text)) return new ReplicaWriteError('quota', text.trim());
  if (r.status === 409) return new ReplicaWriteError('conflict', text.trim());
  return new ReplicaWriteError('other', text.trim());
}

// ---- crash safety of the apply step -------------------------------------------------------------------

/**
 * Finishes or undoes an interrupted apply: a journal row whose record still reads as it did before the apply
 * means the Dexie transaction did not commit, so the shadow goes back (the apply runs again, its checkpoint was
 * not moved); otherwise the write happened and the row is dropped.
 */
export async function recoverJournal(ctx: Pick<BridgeContext, 'db' | 'sync'>): Promise<number> {
  const rows = await ctx.sync.journal.toArray();
  let undone = 0;
  for (const row of rows) {
    const shadow = await ctx.sync.shadow.get(row.key);
    if (shadow && isRecordTable(shadow.table)) {
      const local = await ADAPTERS[shadow.table].get(ctx.db, shadow.id);
      const localJson = local ? canonical(local) : null;
      if (localJson === row.from && shadow.json !== row.from) {
        await ctx.sync.shadow.put({ ...shadow, json: row.from });
        undone++;
      }
    }
    await ctx.sync.journal.delete(row.key);
  }
  return undone;
}

// ---- local → replica ----------------------------------------------------------------------------------

export interface LocalEdit {
  table: RecordTable;
  id: string;
  before: PlainRecord | null;
  after: PlainRecord | null;
  /** Canonical JSON of `after` (null when deleted). */
  json: string | null;
}

/** Shared records that differ from their shadow: new, changed or deleted since the last sync. */
export async function findLocalEdits(ctx: Pick<BridgeContext, 'db' | 'sync'>): Promise<LocalEdit[]> {
  const edits: LocalEdit[] = [];
  for (const table of RECORD_TABLES) {
    const { shared, present } = await ADAPTERS[table].readAll(ctx.db);
    const shadows = new Map<string, ShadowRow>();
    for (const row of await ctx.sync.shadow.where('table').equals(table).toArray()) shadows.set(row.id, row);
    for (const [id, record] of shared) {
      const json = canonical(record);
      const shadow = shadows.get(id);
      if (shadow?.json === json) continue;
      edits.push({ table, id, before: shadow?.json ? JSON.parse(shadow.json) : null, after: record, json });
    }
    for (const [id, shadow] of shadows) {
      if (shadow.json !== null && !present.has(id)) {
        edits.push({ table, id, before: JSON.parse(shadow.json), after: null, json: null });
      }
    }
  }
  return edits;
}

export interface CaptureResult {
  /** Documents written to the replica. */
  written: number;
}

const BATCH = 100;

export async function captureLocalChanges(ctx: BridgeContext): Promise<CaptureResult> {
  await recoverJournal(ctx);
  const edits = await findLocalEdits(ctx);
  let written = 0;
  for (let i = 0; i < edits.length; i += BATCH) {
    const batch = edits.slice(i, i + BATCH);
    const shadows: ShadowRow[] = [];
    for (const edit of batch) {
      const docId = await docIdFor(ctx.keys, edit.table, edit.id);
      const key = shadowKey(edit.table, edit.id);
      const shadow = await ctx.sync.shadow.get(key);
      const stamp = ctx.hlc.now();
      const state = await retryOnConflict(async () => {
        const opened = await openLeaves(ctx.keys, docId, await readLeaves(ctx.replica, docId));
        const states = opened.valid.map((v) => v.payload.s);
        const base = states.length > 0 ? mergeAll(states) : (shadow?.state ?? null);
        const next = stampLocalEdit(base, edit.before, edit.after, stamp, ctx.memberId);
        await writeResolved(ctx, docId, opened.leaves, { t: edit.table, id: edit.id, s: next });
        if (opened.bad.length > 0) await ctx.sync.quarantine.bulkPut(quarantineRows(opened, ctx.now().toISOString()));
        return next;
      });
      shadows.push({ key, table: edit.table, id: edit.id, state, json: edit.json });
      written++;
    }
    await ctx.sync.shadow.bulkPut(shadows);
    await saveClock(ctx);
  }
  return { written };
}

/**
 * Writes a household record (meta table) with the given fields changed, stamped as this member's edit. Used
 * for the household, device and rotation records, which live only in the replica and the shadow.
 */
export async function writeMeta(
  ctx: BridgeContext,
  table: MetaTable,
  id: string,
  fields: Record<string, unknown>,
): Promise<FieldState> {
  const docId = await docIdFor(ctx.keys, table, id);
  const key = shadowKey(table, id);
  const shadow = await ctx.sync.shadow.get(key);
  const stamp = ctx.hlc.now();
  const state = await retryOnConflict(async () => {
    const opened = await openLeaves(ctx.keys, docId, await readLeaves(ctx.replica, docId));
    const states = opened.valid.map((v) => v.payload.s);
    const base = states.length > 0 ? mergeAll(states) : (shadow?.state ?? null);
    const before = base ? recordOf(base) : null;
    const after: Record<string, unknown> = { ...(before ?? {}), ...fields, id };
    for (const [k, v] of Object.entries(fields)) if (v === undefined) delete after[k];
    schemaOf(table).parse(after);
    const next = stampLocalEdit(base, before, after, stamp, ctx.memberId);
    await writeResolved(ctx, docId, opened.leaves, { t: table, id, s: next });
    return next;
  });
  await ctx.sync.shadow.put({ key, table, id, state, json: null });
  await saveClock(ctx);
  return state;
}

async function saveClock(ctx: BridgeContext) {
  await setValue(ctx.sync, 'hlc', ctx.hlc.snapshot());
}

// ---- replica → local ----------------------------------------------------------------------------------

/** A change of a household record (meta table), for the engine to act on. */
export interface MetaChange {
  table: MetaTable;
  id: string;
  record: PlainRecord | null;
  state: FieldState;
}

export interface ClockSkew {
  /** The member whose change carried the stamp. */
  memberId: string | undefined;
  /** How far that stamp was ahead of this browser's clock. */
  aheadMs: number;
}

export interface ApplyResult {
  /** Records written to or deleted from Dexie. */
  applied: number;
  /** Dexie tables that changed (the pages reload them). */
  tables: Set<RecordTable>;
  /** Documents with several revisions merged into one. */
  conflictsResolved: number;
  /** Revisions set aside. */
  quarantined: number;
  meta: MetaChange[];
  skews: ClockSkew[];
}

/** A stamp this far ahead of the local clock is reported (clocks a few seconds apart are normal). */
export const SKEW_REPORT_MS = 2 * 60 * 1000;
const CHANGES_BATCH = 200;

interface Incoming {
  table: RecordTable;
  id: string;
  key: string;
  state: FieldState;
  record: PlainRecord | null;
}

export async function applyReplicaChanges(ctx: BridgeContext): Promise<ApplyResult> {
  await recoverJournal(ctx);
  const result: ApplyResult = {
    applied: 0,
    tables: new Set(),
    conflictsResolved: 0,
    quarantined: 0,
    meta: [],
    skews: [],
  };
  let since = (await ctx.sync.state.get('appliedSeq'))?.value ?? 0;
  for (;;) {
    const changes = await ctx.replica.changes({
      since: since as number | string,
      limit: CHANGES_BATCH,
      style: 'all_docs',
    });
    if (changes.results.length === 0) break;
    const incoming: Incoming[] = [];
    const quarantine: QuarantineRow[] = [];
    const cleared: string[] = [];
    const stamp = ctx.now().toISOString();
    for (const change of changes.results) {
      if (change.id.startsWith('_')) continue;
      const leaves = await readLeaves(ctx.replica, change.id);
      if (leaves.length === 0) continue;
      const opened = await openLeaves(ctx.keys, change.id, leaves);
      if (opened.valid.length === 0) {
        quarantine.push(...quarantineRows(opened, stamp));
        continue;
      }
      const first = opened.valid[0]?.payload as Payload;
      let merged: { state: FieldState; record: PlainRecord | null };
      try {
        merged = mergeRevisions(
          first.t,
          change.id,
          opened.valid.map((v) => v.payload.s),
        );
      } catch (e) {
        if (!(e instanceof BadDocument)) throw e;
        quarantine.push(...quarantineRows(opened, stamp, e));
        continue;
      }
      quarantine.push(...quarantineRows(opened, stamp));
      if (opened.bad.length === 0) cleared.push(change.id);
      noteClock(ctx, merged.state, result);
      // Several leaves, or a winner that is not the merge: write the merge as the one revision.
      const winnerState = opened.valid.find((v) => v.leaf.rev === leaves[0]?.rev)?.payload.s;
      if (leaves.length > 1 || !winnerState || canonical(winnerState) !== canonical(merged.state)) {
        try {
          await writeResolved(ctx, change.id, leaves, { t: first.t, id: first.id, s: merged.state });
          result.conflictsResolved++;
        } catch (e) {
          // A newer revision arrived meanwhile: it comes up in the next batch and is merged then.
          if (!(e instanceof ReplicaWriteError) || e.kind !== 'conflict') throw e;
        }
      }
      if (isRecordTable(first.t)) {
        incoming.push({ table: first.t, id: first.id, key: shadowKey(first.t, first.id), ...merged });
      } else {
        result.meta.push({ table: first.t, id: first.id, ...merged });
        await ctx.sync.shadow.put({
          key: shadowKey(first.t, first.id),
          table: first.t,
          id: first.id,
          state: merged.state,
          json: null,
        });
      }
    }
    if (quarantine.length > 0) {
      await ctx.sync.quarantine.bulkPut(quarantine);
      result.quarantined += quarantine.length;
    }
    // Kept, to be shown until dismissed, but marked: a valid later revision is what is applied now.
    for (const docId of cleared) await ctx.sync.quarantine.where('docId').equals(docId).modify({ superseded: true });
    if (incoming.length > 0) await applyToDexie(ctx, incoming, result);
    since = changes.last_seq;
    await setValue(ctx.sync, 'appliedSeq', since);
    await saveClock(ctx);
  }
  return result;
}

function noteClock(ctx: BridgeContext, state: FieldState, result: ApplyResult) {
  const latest = latestChange(state);
  if (!latest) return;
  const ahead = ctx.hlc.observe(latest.stamp);
  if (ahead > SKEW_REPORT_MS) result.skews.push({ memberId: latest.by, aheadMs: ahead });
}

/**
 * Writes incoming records to Dexie in one transaction. A record changed here since the last capture keeps this
 * browser's changed fields (the next capture stamps them, so they win as the later change); the shadow takes
 * the incoming version, so that the difference is seen as the local edit it is.
 */
async function applyToDexie(ctx: BridgeContext, incoming: Incoming[], result: ApplyResult) {
  const keys = incoming.map((i) => i.key);
  const before = new Map<string, string | null>();
  for (const row of await ctx.sync.shadow.bulkGet(keys)) if (row) before.set(row.key, row.json);
  const journal: JournalRow[] = incoming.map((i) => ({ key: i.key, from: before.get(i.key) ?? null }));
  await ctx.sync.journal.bulkPut(journal);
  await ctx.sync.shadow.bulkPut(
    incoming.map((i) => ({
      key: i.key,
      table: i.table,
      id: i.id,
      state: i.state,
      json: i.record ? canonical(i.record) : null,
    })),
  );
  const tables = [...new Set(incoming.flatMap((i) => ADAPTERS[i.table].dexieTables))];
  await ctx.db.transaction('rw', tables, async () => {
    for (const item of incoming) {
      const adapter = ADAPTERS[item.table];
      const local = await adapter.get(ctx.db, item.id);
      const localJson = local ? canonical(local) : null;
      const was = before.get(item.key) ?? null;
      let target = item.record;
      if (localJson !== was) {
        // Changed here since the last capture.
        if (!local || !target) continue;
        const prior = (was ? JSON.parse(was) : {}) as Record<string, unknown>;
        const mixed: Record<string, unknown> = { ...target };
        for (const k of new Set([...Object.keys(local), ...Object.keys(prior)])) {
          if (sameValue(local[k], prior[k])) continue;
          if (local[k] === undefined) delete mixed[k];
          else mixed[k] = local[k];
        }
        target = mixed as PlainRecord;
      }
      if (target === null) {
        if (local) {
          await adapter.remove(ctx.db, item.id);
          result.applied++;
          result.tables.add(item.table);
        }
      } else if (canonical(target) !== localJson) {
        await adapter.put(ctx.db, target);
        result.applied++;
        result.tables.add(item.table);
      }
    }
  });
  await ctx.sync.journal.bulkDelete(keys);
}

export { type Attribution, readAttribution } from './attribution';
