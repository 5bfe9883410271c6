import type { SubkeeperDb } from '../db';
import { canonical, sameValue } from '../io/canonical';
import { docIdFor, type HouseholdKeys, openDoc, SealError, sealDoc } from './crypto';
import type { Hlc } from './hlc';
import {
  type JournalRow,
  type QuarantineRow,
  type SeenRow,
  type ShadowRow,
  type SyncDb,
  setValue,
  shadowKey,
} from './local-db';
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
 * `captureLocalChanges` finds what changed locally since the last sync by comparing each shared record with
 * what Dexie held when it was last synced (the `seen` rows; so no write path needs to know about sync, and nothing
 * is missed after a crash), stamps the changed fields with the hybrid logical clock and this member, merges them
 * into the replica's version and writes the sealed result to the replica.
 *
 * `applyReplicaChanges` reads what changed in the replica (pulled from the server, or written here), opens each
 * document and its conflicting revisions, merges them field by field (lib/sync/merge), writes the merged version
 * back as the one revision (CouchDB keeps losing revisions until someone does this), and applies the records to
 * Dexie in one transaction. A document that does not open or validate goes to quarantine and is never applied.
 *
 * Both work in batches: one read of the replica, one write, one Dexie transaction per batch.
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
  /** Kept between runs of one session (optional): document ids, and the revisions this browser wrote itself. */
  cache?: BridgeCache;
}

export interface BridgeCache {
  /** `${table}:${id}` → document id (an HMAC: worth keeping). */
  docIds: Map<string, string>;
  /** Document id → the revision this browser just wrote: its echo in the changes feed needs no work. */
  ownRevs: Map<string, string>;
}

export function newBridgeCache(): BridgeCache {
  return { docIds: new Map(), ownRevs: new Map() };
}

async function docIdOf(ctx: Pick<BridgeContext, 'keys' | 'cache'>, table: SyncTable, id: string): Promise<string> {
  const key = shadowKey(table, id);
  const cached = ctx.cache?.docIds.get(key);
  if (cached) return cached;
  const docId = await docIdFor(ctx.keys, table, id);
  ctx.cache?.docIds.set(key, docId);
  return docId;
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
export async function openPayload(
  keys: HouseholdKeys,
  docId: string,
  doc: unknown,
  cache?: BridgeCache,
): Promise<Payload> {
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
  if ((await docIdOf({ keys, ...(cache ? { cache } : {}) }, p.t, p.id)) !== docId) {
    throw new BadDocument(docId, 'malformed', 'the document is filed under another record’s id');
  }
  return p as Payload;
}

interface Leaf {
  rev: string;
  doc: PouchDoc;
}

interface OpenedDoc {
  docId: string;
  /** The winning revision first, then the conflicting ones (empty when there is no such document). */
  leaves: Leaf[];
  valid: Array<{ leaf: Leaf; payload: Payload }>;
  bad: Array<{ leaf: Leaf; error: BadDocument }>;
}

/**
 * Reads and opens documents, each with its conflicting revisions: one read for all the winners, one more per
 * document that has conflicts (few).
 */
async function readOpened(
  ctx: Pick<BridgeContext, 'replica' | 'keys' | 'cache'>,
  docIds: string[],
): Promise<Map<string, OpenedDoc>> {
  const out = new Map<string, OpenedDoc>();
  if (docIds.length === 0) return out;
  const res = await ctx.replica.allDocs({ keys: docIds, include_docs: true, conflicts: true });
  await Promise.all(
    res.rows.map(async (row) => {
      const docId = row.key;
      const leaves: Leaf[] = [];
      const winner = row.doc;
      if (!row.error && winner && !row.value?.deleted) {
        leaves.push({ rev: winner._rev as string, doc: winner });
        for (const rev of winner._conflicts ?? []) {
          try {
            leaves.push({ rev, doc: await ctx.replica.get(docId, { rev }) });
          } catch (e) {
            if ((e as { status?: number }).status !== 404) throw e;
          }
        }
      }
      const opened: OpenedDoc = { docId, leaves, valid: [], bad: [] };
      for (const leaf of leaves) {
        try {
          opened.valid.push({ leaf, payload: await openPayload(ctx.keys, docId, leaf.doc, ctx.cache) });
        } catch (e) {
          if (!(e instanceof BadDocument)) throw e;
          opened.bad.push({ leaf, error: e });
        }
      }
      out.set(docId, opened);
    }),
  );
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
  const text = `${r.name ?? ''} ${r.message ?? ''} ${r.reason ?? ''}`.trim();
  if (/quota/i.test(text)) return new ReplicaWriteError('quota', text);
  if (r.status === 409) return new ReplicaWriteError('conflict', text);
  return new ReplicaWriteError('other', text);
}

interface Resolved {
  docId: string;
  leaves: Leaf[];
  payload: Payload;
}

/**
 * Writes each state as the one revision of its document (a child of the winner; every other leaf deleted), in
 * one write for the batch. Returns the documents whose winner changed meanwhile (409), to read again.
 */
async function writeResolved(ctx: BridgeContext, items: Resolved[]): Promise<Set<string>> {
  const conflicted = new Set<string>();
  if (items.length === 0) return conflicted;
  const sealed = await Promise.all(items.map((item) => sealPayload(ctx.keys, item.payload)));
  const docs: PouchDoc[] = items.map((item, i) => {
    const doc: PouchDoc = { _id: item.docId, ...(sealed[i] as { body: object }).body };
    const winner = item.leaves[0];
    if (winner) doc._rev = winner.rev;
    return doc;
  });
  const results = await ctx.replica.bulkDocs(docs);
  results.forEach((r, i) => {
    const item = items[i] as Resolved;
    if (!r.error) {
      if (r.rev) ctx.cache?.ownRevs.set(item.docId, r.rev);
      return;
    }
    const err = replicaWriteError(r);
    if (err.kind !== 'conflict') throw err;
    conflicted.add(item.docId);
  });
  const losers = items
    .filter((item) => !conflicted.has(item.docId))
    .flatMap((item) => item.leaves.slice(1).map((l) => ({ _id: item.docId, _rev: l.rev, _deleted: true })));
  if (losers.length > 0) {
    const gone = await ctx.replica.bulkDocs(losers);
    const failed = gone.find((r) => r.error && r.status !== 409 && r.status !== 404);
    if (failed) throw replicaWriteError(failed);
  }
  return conflicted;
}

// ---- crash safety of the apply step -------------------------------------------------------------------

/**
 * Finishes or undoes an interrupted apply: a journal row whose record still reads as it did before the apply
 * means the Dexie transaction did not commit, so `seen` goes back (the apply runs again, its checkpoint was not
 * moved); otherwise the write happened and the row is dropped.
 */
export async function recoverJournal(ctx: Pick<BridgeContext, 'db' | 'sync'>): Promise<number> {
  const rows = await ctx.sync.journal.toArray();
  let undone = 0;
  for (const row of rows) {
    const seen = await ctx.sync.seen.get(row.key);
    if (seen && isRecordTable(seen.table)) {
      const local = await ADAPTERS[seen.table].get(ctx.db, seen.id);
      const localJson = local ? canonical(local) : null;
      if (localJson === row.from && seen.json !== row.from) {
        await ctx.sync.seen.put({ ...seen, json: row.from });
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

/**
 * Shared records that differ from what was last synced: new, changed or deleted since. `tables` limits the
 * search to the tables a write touched (the default is all of them).
 */
export async function findLocalEdits(
  ctx: Pick<BridgeContext, 'db' | 'sync'>,
  tables: readonly RecordTable[] = RECORD_TABLES,
): Promise<LocalEdit[]> {
  const edits: LocalEdit[] = [];
  for (const table of tables) {
    const { shared, present } = await ADAPTERS[table].readAll(ctx.db);
    const seen = new Map<string, SeenRow>();
    for (const row of await ctx.sync.seen.where('table').equals(table).toArray()) seen.set(row.id, row);
    for (const [id, record] of shared) {
      const json = canonical(record);
      const last = seen.get(id);
      if (last?.json === json) continue;
      edits.push({ table, id, before: last?.json ? JSON.parse(last.json) : null, after: record, json });
    }
    for (const [id, last] of seen) {
      if (last.json !== null && !present.has(id)) {
        edits.push({ table, id, before: JSON.parse(last.json), after: null, json: null });
      }
    }
  }
  return edits;
}

export interface CaptureResult {
  /** Documents written to the replica. */
  written: number;
}

const BATCH = 200;

export async function captureLocalChanges(
  ctx: BridgeContext,
  tables: readonly RecordTable[] = RECORD_TABLES,
): Promise<CaptureResult> {
  await recoverJournal(ctx);
  const edits = await findLocalEdits(ctx, tables);
  let written = 0;
  for (let i = 0; i < edits.length; i += BATCH) {
    const batch = edits.slice(i, i + BATCH);
    const keys = batch.map((e) => shadowKey(e.table, e.id));
    const docIds = await Promise.all(batch.map((e) => docIdOf(ctx, e.table, e.id)));
    const shadows = new Map<string, ShadowRow>();
    for (const row of await ctx.sync.shadow.bulkGet(keys)) if (row) shadows.set(row.key, row);
    const stamps = batch.map(() => ctx.hlc.now());
    const states = new Map<string, FieldState>();
    let pending = batch.map((_, j) => j);
    for (let attempt = 1; pending.length > 0; attempt++) {
      const opened = await readOpened(
        ctx,
        pending.map((j) => docIds[j] as string),
      );
      const items: Resolved[] = [];
      const quarantine: QuarantineRow[] = [];
      for (const j of pending) {
        const edit = batch[j] as LocalEdit;
        const docId = docIds[j] as string;
        const doc = opened.get(docId) as OpenedDoc;
        const valid = doc.valid.map((v) => v.payload.s);
        const base = valid.length > 0 ? mergeAll(valid) : (shadows.get(keys[j] as string)?.state ?? null);
        const next = stampLocalEdit(base, edit.before, edit.after, stamps[j] as string, ctx.memberId);
        states.set(docId, next);
        items.push({ docId, leaves: doc.leaves, payload: { t: edit.table, id: edit.id, s: next } });
        quarantine.push(...quarantineRows(doc, ctx.now().toISOString()));
      }
      const conflicted = await writeResolved(ctx, items);
      if (quarantine.length > 0) await ctx.sync.quarantine.bulkPut(quarantine);
      // Live replication added a revision between the read and the write: read those again.
      pending = pending.filter((j) => conflicted.has(docIds[j] as string));
      if (pending.length > 0 && attempt >= 4) {
        throw new ReplicaWriteError('conflict', 'the replica kept changing while writing local changes');
      }
    }
    await ctx.sync.shadow.bulkPut(
      batch.map((e, j) => ({
        key: keys[j] as string,
        table: e.table,
        id: e.id,
        state: states.get(docIds[j] as string) as FieldState,
      })),
    );
    await ctx.sync.seen.bulkPut(
      batch.map((e, j) => ({ key: keys[j] as string, table: e.table, id: e.id, json: e.json })),
    );
    written += batch.length;
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
  const docId = await docIdOf(ctx, table, id);
  const key = shadowKey(table, id);
  const shadow = await ctx.sync.shadow.get(key);
  const stamp = ctx.hlc.now();
  for (let attempt = 1; ; attempt++) {
    const doc = (await readOpened(ctx, [docId])).get(docId) as OpenedDoc;
    const valid = doc.valid.map((v) => v.payload.s);
    const base = valid.length > 0 ? mergeAll(valid) : (shadow?.state ?? null);
    const before = base ? recordOf(base) : null;
    const after: Record<string, unknown> = { ...(before ?? {}), ...fields, id };
    for (const [k, v] of Object.entries(fields)) if (v === undefined) delete after[k];
    schemaOf(table).parse(after);
    const state = stampLocalEdit(base, before, after, stamp, ctx.memberId);
    const conflicted = await writeResolved(ctx, [{ docId, leaves: doc.leaves, payload: { t: table, id, s: state } }]);
    if (conflicted.size === 0) {
      await ctx.sync.shadow.put({ key, table, id, state });
      await saveClock(ctx);
      return state;
    }
    if (attempt >= 4) throw new ReplicaWriteError('conflict', 'the replica kept changing while writing');
  }
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
    const metaRows: ShadowRow[] = [];
    const quarantine: QuarantineRow[] = [];
    const resolutions: Resolved[] = [];
    const cleared: string[] = [];
    const stamp = ctx.now().toISOString();
    const own = ctx.cache?.ownRevs;
    const ids = [
      ...new Set(
        changes.results
          .filter((c) => {
            if (c.id.startsWith('_')) return false;
            // The echo of this browser's own write (the only leaf is the revision it wrote): nothing to do.
            const mine = own?.get(c.id);
            if (mine !== undefined && c.changes.length === 1 && c.changes[0]?.rev === mine) {
              own?.delete(c.id);
              return false;
            }
            return true;
          })
          .map((c) => c.id),
      ),
    ];
    const opened = await readOpened(ctx, ids);
    for (const docId of ids) {
      const doc = opened.get(docId) as OpenedDoc;
      if (doc.leaves.length === 0) continue;
      if (doc.valid.length === 0) {
        quarantine.push(...quarantineRows(doc, stamp));
        continue;
      }
      const first = doc.valid[0]?.payload as Payload;
      let merged: { state: FieldState; record: PlainRecord | null };
      try {
        merged = mergeRevisions(
          first.t,
          docId,
          doc.valid.map((v) => v.payload.s),
        );
      } catch (e) {
        if (!(e instanceof BadDocument)) throw e;
        quarantine.push(...quarantineRows(doc, stamp, e));
        continue;
      }
      quarantine.push(...quarantineRows(doc, stamp));
      if (doc.bad.length === 0) cleared.push(docId);
      noteClock(ctx, merged.state, result);
      // Several leaves, or a winner that is not the merge: write the merge as the one revision.
      const winnerState = doc.valid.find((v) => v.leaf.rev === doc.leaves[0]?.rev)?.payload.s;
      if (doc.leaves.length > 1 || !winnerState || canonical(winnerState) !== canonical(merged.state)) {
        resolutions.push({ docId, leaves: doc.leaves, payload: { t: first.t, id: first.id, s: merged.state } });
      }
      if (isRecordTable(first.t)) {
        incoming.push({ table: first.t, id: first.id, key: shadowKey(first.t, first.id), ...merged });
      } else {
        result.meta.push({ table: first.t, id: first.id, ...merged });
        metaRows.push({ key: shadowKey(first.t, first.id), table: first.t, id: first.id, state: merged.state });
      }
    }
    // A newer revision that arrived meanwhile comes up in the next batch and is merged then.
    const conflicted = await writeResolved(ctx, resolutions);
    result.conflictsResolved += resolutions.length - conflicted.size;
    if (metaRows.length > 0) await ctx.sync.shadow.bulkPut(metaRows);
    if (quarantine.length > 0) {
      await ctx.sync.quarantine.bulkPut(quarantine);
      result.quarantined += quarantine.length;
    }
    // Kept, to be shown until dismissed, but marked: a valid later revision is what is applied now.
    if (cleared.length > 0) {
      await ctx.sync.quarantine.where('docId').anyOf(cleared).modify({ superseded: true });
    }
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
 * browser's changed fields (the next capture stamps them, so they win as the later change); `seen` takes the
 * incoming version, so that the difference is seen as the local edit it is.
 */
async function applyToDexie(ctx: BridgeContext, incoming: Incoming[], result: ApplyResult) {
  const keys = incoming.map((i) => i.key);
  const before = new Map<string, string | null>();
  for (const row of await ctx.sync.seen.bulkGet(keys)) if (row) before.set(row.key, row.json);
  const journal: JournalRow[] = incoming.map((i) => ({ key: i.key, from: before.get(i.key) ?? null }));
  await ctx.sync.journal.bulkPut(journal);
  await ctx.sync.shadow.bulkPut(incoming.map((i) => ({ key: i.key, table: i.table, id: i.id, state: i.state })));
  await ctx.sync.seen.bulkPut(
    incoming.map((i) => ({ key: i.key, table: i.table, id: i.id, json: i.record ? canonical(i.record) : null })),
  );
  const tables = [...new Set(incoming.flatMap((i) => ADAPTERS[i.table].dexieTables))];
  const byTable = new Map<RecordTable, Incoming[]>();
  for (const item of incoming) byTable.set(item.table, [...(byTable.get(item.table) ?? []), item]);
  await ctx.db.transaction('rw', tables, async () => {
    for (const [table, items] of byTable) {
      const adapter = ADAPTERS[table];
      const locals = await adapter.getMany(
        ctx.db,
        items.map((i) => i.id),
      );
      const put: PlainRecord[] = [];
      const remove: string[] = [];
      items.forEach((item, n) => {
        const local = locals[n];
        const localJson = local ? canonical(local) : null;
        const was = before.get(item.key) ?? null;
        let target = item.record;
        if (localJson !== was) {
          // Changed here since the last capture.
          if (!local || !target) return;
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
          if (local) remove.push(item.id);
        } else if (canonical(target) !== localJson) {
          put.push(target);
        }
      });
      await adapter.write(ctx.db, put, remove);
      if (put.length + remove.length > 0) {
        result.applied += put.length + remove.length;
        result.tables.add(table);
      }
    }
  });
  await ctx.sync.journal.bulkDelete(keys);
}

export { type Attribution, readAttribution } from './attribution';
