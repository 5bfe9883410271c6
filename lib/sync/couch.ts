import { SyncError, statusError } from './errors';

/**
 * The few CouchDB HTTP calls Subkeeper makes itself (replication is PouchDB's): checks, and the household
 * manager's database, user and access changes. Every call goes through `ServerFetch`, which refuses any URL
 * outside the configured server and words every failure as a SyncError.
 */

export interface Login {
  username: string;
  password: string;
}

/**
 * A fetch bound to one server: it refuses requests anywhere else, and records the first failure of a run so
 * that PouchDB's own errors (which lose the HTTP detail) can be worded.
 */
export interface ServerFetch {
  readonly server: string;
  fetch: typeof fetch;
  /** The first failure seen since the last `reset` (network, status, or not JSON). */
  failure(): SyncError | undefined;
  reset(): void;
}

/** `https://host[:port][/prefix]` without a trailing slash; throws SyncError bad-url / insecure-url. */
export function normaliseServer(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new SyncError('bad-url', input);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SyncError('bad-url', input);
  if (url.username || url.password || url.search || url.hash) throw new SyncError('bad-url', input);
  if (url.protocol === 'http:' && !isLocalHost(url.hostname)) throw new SyncError('insecure-url', url.hostname);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Hosts where plain http is accepted: this computer and the local network (a NAS at home). */
export function isLocalHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1') return true;
  if (/\.(local|lan|home\.arpa|internal)$/.test(h)) return true;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

/** The host-permission pattern for a server (what `permissions.request` asks for). */
export function originPattern(server: string): string {
  return `${new URL(server).origin}/*`;
}

/** CouchDB's rule for database names. */
export function isDatabaseName(name: string): boolean {
  return /^[a-z][a-z0-9_$()+/-]{0,237}$/.test(name);
}

export function serverFetch(server: string, base: typeof fetch = globalThis.fetch.bind(globalThis)): ServerFetch {
  const prefix = `${server}/`;
  let first: SyncError | undefined;
  const note = (e: SyncError) => {
    first ??= e;
    return e;
  };
  const bound: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url !== server && !url.startsWith(prefix)) {
      throw note(new SyncError('unknown', `refused a request outside the household server: ${url}`));
    }
    let response: Response;
    try {
      response = await base(input, init);
    } catch (e) {
      throw note(new SyncError('offline', e instanceof Error ? e.message : String(e)));
    }
    const type = response.headers.get('content-type') ?? '';
    // CouchDB answers JSON when asked for it (without the Accept header it says text/plain, so only then is a
    // non-JSON answer a sign that something else is answering: a login page, a proxy's error page).
    const wanted = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('accept');
    if (wanted && /json/i.test(wanted) && !/json/i.test(type) && response.status !== 304 && init?.method !== 'HEAD') {
      note(new SyncError('garbage', `${response.status} ${type || 'no content type'} from ${new URL(url).pathname}`));
    } else if (response.status === 401 || response.status === 403 || response.status >= 500) {
      note(statusError(response.status, new URL(url).pathname));
    }
    return response;
  };
  return {
    server,
    fetch: bound,
    failure: () => first,
    reset: () => {
      first = undefined;
    },
  };
}

function authHeader(login: Login): string {
  const bytes = new TextEncoder().encode(`${login.username}:${login.password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

interface CallOptions {
  method?: string;
  login?: Login;
  body?: unknown;
}

/** One JSON call; non-2xx answers throw SyncError (unless the status is in `accept`). */
export async function call(
  sf: ServerFetch,
  path: string,
  opts: CallOptions = {},
  accept: number[] = [],
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.login) headers.authorization = authHeader(opts.login);
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const response = await sf.fetch(`${sf.server}${path}`, {
    method: opts.method ?? 'GET',
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    credentials: 'omit',
    cache: 'no-store',
  });
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new SyncError('garbage', `${response.status} from ${path} is not JSON`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new SyncError('garbage', `${response.status} from ${path} is not a JSON object`);
  }
  const body = json as Record<string, unknown>;
  if ((response.status < 200 || response.status > 299) && !accept.includes(response.status)) {
    throw statusError(response.status, `${path}: ${String(body.reason ?? body.error ?? '')}`);
  }
  return { status: response.status, json: body };
}

/** Checks that the server speaks CouchDB (its welcome document). */
export async function probeServer(sf: ServerFetch): Promise<{ version?: string }> {
  const { json } = await call(sf, '/');
  const welcome = Object.values(json).some((v) => typeof v === 'string' && /^welcome/i.test(v));
  if (!welcome) throw new SyncError('garbage', 'the server’s welcome document is not CouchDB’s');
  return typeof json.version === 'string' ? { version: json.version } : {};
}

/** Checks that `login` is a server admin. */
export async function checkAdmin(sf: ServerFetch, login: Login): Promise<void> {
  const { json } = await call(sf, '/_session', { login });
  const ctx = json.userCtx as { name?: unknown; roles?: unknown } | undefined;
  if (!ctx || !Array.isArray(ctx.roles)) throw new SyncError('garbage', '/_session has no userCtx');
  if (ctx.name !== login.username) throw new SyncError('unauthorized', 'the server did not take the login');
  if (!ctx.roles.includes('_admin')) throw new SyncError('not-admin', login.username);
}

/** Checks the household database with this browser's login; words 401/403/404 and garbage. */
export async function probeDatabase(sf: ServerFetch, login: Login, database: string): Promise<void> {
  const { json } = await call(sf, `/${encodeURIComponent(database)}`, { login });
  if (typeof json.db_name !== 'string' && typeof json.doc_count !== 'number') {
    throw new SyncError('garbage', 'the database information is not CouchDB’s');
  }
}

export async function createDatabase(sf: ServerFetch, admin: Login, database: string): Promise<void> {
  const { status } = await call(sf, `/${encodeURIComponent(database)}`, { method: 'PUT', login: admin }, [412]);
  if (status === 412) throw new SyncError('exists', database, 412);
}

export async function deleteDatabase(sf: ServerFetch, admin: Login, database: string): Promise<void> {
  await call(sf, `/${encodeURIComponent(database)}`, { method: 'DELETE', login: admin }, [404]);
}

/** Only these CouchDB users may read and write the database (no admins by name: server admins always can). */
export async function setMembers(sf: ServerFetch, admin: Login, database: string, users: readonly string[]) {
  await call(sf, `/${encodeURIComponent(database)}/_security`, {
    method: 'PUT',
    login: admin,
    body: { admins: { names: [], roles: [] }, members: { names: [...new Set(users)].sort(), roles: [] } },
  });
}

export async function readMembers(sf: ServerFetch, admin: Login, database: string): Promise<string[]> {
  const { json } = await call(sf, `/${encodeURIComponent(database)}/_security`, { login: admin });
  const names = (json.members as { names?: unknown } | undefined)?.names;
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
}

/**
 * Makes sure the server has its users database. A fresh single-node CouchDB 3 (the Docker image) has none until
 * someone runs its setup; an admin may create it (412: it is there already).
 */
export async function ensureUsersDatabase(sf: ServerFetch, admin: Login): Promise<void> {
  await call(sf, '/_users', { method: 'PUT', login: admin }, [412]);
}

const userPath = (name: string) => `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;

export async function createUser(sf: ServerFetch, admin: Login, user: Login): Promise<void> {
  await call(sf, userPath(user.username), {
    method: 'PUT',
    login: admin,
    body: {
      _id: `org.couchdb.user:${user.username}`,
      name: user.username,
      password: user.password,
      roles: [],
      type: 'user',
    },
  });
}

export async function deleteUser(sf: ServerFetch, admin: Login, name: string): Promise<void> {
  const { status, json } = await call(sf, userPath(name), { login: admin }, [404]);
  if (status === 404) return;
  await call(
    sf,
    `${userPath(name)}?rev=${encodeURIComponent(String(json._rev))}`,
    { method: 'DELETE', login: admin },
    [404],
  );
}

/** A user changes their own password (an invite's login then stops working: invites are single-use). */
export async function changeOwnPassword(sf: ServerFetch, login: Login, password: string): Promise<void> {
  const { json } = await call(sf, userPath(login.username), { login });
  await call(sf, userPath(login.username), { method: 'PUT', login, body: { ...json, password } });
}
