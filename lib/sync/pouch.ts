import httpAdapter from 'pouchdb-adapter-http';
import idbAdapter from 'pouchdb-adapter-idb';
import PouchCore from 'pouchdb-core';
import replication from 'pouchdb-replication';

/**
 * The part of PouchDB 9 Subkeeper uses, typed: a local replica in IndexedDB (`idb` adapter: in a Chrome MV3
 * service worker, a Firefox background page, extension pages and Node with fake-indexeddb) and the CouchDB
 * server over HTTP (PouchDB 9 speaks HTTP with `fetch`; there is no XMLHttpRequest in a service worker). Only
 * the modular packages are bundled: core, the two adapters and replication (no map/reduce, no LevelDB).
 */

export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

export interface BulkResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string | boolean;
  reason?: string;
  status?: number;
  name?: string;
}

export interface ChangesResult {
  results: Array<{
    id: string;
    seq: number | string;
    changes: Array<{ rev: string }>;
    doc?: PouchDoc;
    deleted?: boolean;
  }>;
  last_seq: number | string;
}

export interface Pouch {
  readonly name: string;
  get(id: string, opts?: { conflicts?: boolean; rev?: string }): Promise<PouchDoc>;
  bulkDocs(docs: PouchDoc[], opts?: { new_edits?: boolean }): Promise<BulkResult[]>;
  changes(opts: {
    since: number | string;
    include_docs?: boolean;
    conflicts?: boolean;
    limit?: number;
    style?: 'all_docs' | 'main_only';
  }): Promise<ChangesResult>;
  allDocs(opts: { include_docs?: boolean; conflicts?: boolean; keys?: string[] }): Promise<{
    rows: Array<{ id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: PouchDoc; error?: string }>;
  }>;
  info(): Promise<{ doc_count: number; update_seq: number | string; db_name: string }>;
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
}

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
  last_seq: number | string;
  status: string;
}

export interface ReplicationEvents {
  on(event: 'change' | 'complete' | 'error' | 'paused' | 'active' | 'denied', listener: (info: unknown) => void): this;
  cancel(): void;
}
export type Replication = Promise<ReplicationResult> & ReplicationEvents;

export interface RemoteOptions {
  /** Basic-auth login of this device's CouchDB user. */
  auth?: { username: string; password: string };
  /** The fetch to use (tests count requests through it). */
  fetch?: typeof fetch;
}

export interface PouchStatic {
  new (name: string, opts?: Record<string, unknown>): Pouch;
  replicate(
    source: Pouch,
    target: Pouch,
    opts?: { live?: boolean; retry?: boolean; batch_size?: number; batches_limit?: number; heartbeat?: number },
  ): Replication;
}

let Pouch: PouchStatic | undefined;

/** PouchDB with the idb and http adapters and replication (set up once). */
export function pouchdb(): PouchStatic {
  if (!Pouch) {
    const P = PouchCore as PouchStatic & { plugin(p: unknown): unknown };
    P.plugin(idbAdapter);
    P.plugin(httpAdapter);
    P.plugin(replication);
    Pouch = P;
  }
  return Pouch;
}

/** The local replica (IndexedDB; PouchDB prefixes the name with `_pouch_`). */
export function openLocal(name: string): Pouch {
  return new (pouchdb())(name, { adapter: 'idb', auto_compaction: true, revs_limit: 100 });
}

/**
 * The household database on the server. `skip_setup`: never try to create it (a member may not, and a missing
 * database is reported, not silently re-created).
 */
export function openRemote(url: string, opts: RemoteOptions = {}): Pouch {
  return new (pouchdb())(url, {
    adapter: 'http',
    skip_setup: true,
    ...(opts.auth ? { auth: opts.auth } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
}
