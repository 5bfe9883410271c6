/**
 * Everything that can go wrong with household sync, as codes the UI words in four languages
 * (`sync.error.<code>` in lib/i18n/locales/<lang>/sync.json). Nothing here ever loses local data: a failed run
 * leaves the local changes in the replica, to be sent on the next one.
 */
export const SYNC_ERROR_CODES = [
  /** The server could not be reached (offline, DNS, refused, TLS). */
  'offline',
  /** The browser did not let the extension reach the server (no host permission, or CORS). */
  'permission',
  /** 401: the server did not accept the login. */
  'unauthorized',
  /** 403: the login has no access to the household database. */
  'forbidden',
  /** 404: the household database is not on the server. */
  'not-found',
  /** The server answered with something that is not CouchDB. */
  'garbage',
  /** 5xx from the server. */
  'server',
  /** The household key does not open the household's documents. */
  'wrong-key',
  /** The browser's storage is full. */
  'quota',
  /** This browser was removed from the household (the key was rotated without it). */
  'removed',
  /** Creating: the database already exists. */
  'exists',
  /** Creating or managing: the login is not a server admin. */
  'not-admin',
  /** Joining: not an invite code. */
  'bad-invite',
  /** Joining: the passcode does not open the code. */
  'bad-passcode',
  /** Joining: the invite's login no longer works (already used, or withdrawn). */
  'invite-used',
  /** Setup: the server address is not a URL. */
  'bad-url',
  /** Setup: http:// to a host that is not on this computer or the local network. */
  'insecure-url',
  /** Setup: the database name is not one CouchDB accepts. */
  'bad-database',
  /** Only the browser that manages the household can do this. */
  'not-manager',
  /** Not set up. */
  'not-configured',
  'unknown',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    readonly detail?: string,
    readonly status?: number,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'SyncError';
  }
}

export function statusError(status: number, detail?: string): SyncError {
  if (status === 401) return new SyncError('unauthorized', detail, status);
  if (status === 403) return new SyncError('forbidden', detail, status);
  if (status === 404) return new SyncError('not-found', detail, status);
  if (status >= 500) return new SyncError('server', detail, status);
  return new SyncError('unknown', detail, status);
}

/** Any error as a SyncError: PouchDB's errors carry a status; storage errors name the quota. */
export function asSyncError(e: unknown): SyncError {
  if (e instanceof SyncError) return e;
  const err = e as { status?: number; name?: string; message?: string; reason?: string } | null;
  const text = `${err?.name ?? ''} ${err?.message ?? ''} ${err?.reason ?? ''}`.trim();
  if (/quota/i.test(text)) return new SyncError('quota', text);
  if (e instanceof SyntaxError) return new SyncError('garbage', text);
  if (typeof err?.status === 'number' && err.status >= 400 && err.status !== 500) return statusError(err.status, text);
  if (e instanceof TypeError && /fetch|network|load failed/i.test(text)) return new SyncError('offline', text);
  return new SyncError(err?.status === 500 ? 'server' : 'unknown', text, err?.status);
}
