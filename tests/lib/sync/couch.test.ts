import { describe, expect, it } from 'vitest';
import { isDatabaseName, isLocalHost, normaliseServer, originPattern, serverFetch } from '../../../lib/sync/couch';
import { asSyncError, SyncError } from '../../../lib/sync/errors';
import { browserLabel } from '../../../lib/sync/label';
import { acceptSyncCommand } from '../../../lib/sync/messages';

const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return e instanceof SyncError ? e.code : String(e);
  }
};

describe('server addresses', () => {
  it('takes https anywhere and plain http only on this computer or the local network', () => {
    expect(normaliseServer(' https://couch.berg.no/ ')).toBe('https://couch.berg.no');
    expect(normaliseServer('https://nas.berg.no:6984/couch/')).toBe('https://nas.berg.no:6984/couch');
    expect(normaliseServer('http://192.168.1.20:5984')).toBe('http://192.168.1.20:5984');
    expect(normaliseServer('http://nas.local:5984')).toBe('http://nas.local:5984');
    expect(code(() => normaliseServer('http://couch.berg.no'))).toBe('insecure-url');
    expect(code(() => normaliseServer('ftp://couch.berg.no'))).toBe('bad-url');
    expect(code(() => normaliseServer('https://admin:pw@couch.berg.no'))).toBe('bad-url');
    expect(code(() => normaliseServer('couch'))).toBe('bad-url');
    expect(['127.0.0.1', 'localhost', '10.0.0.5', '172.20.1.1', '[::1]'].every(isLocalHost)).toBe(true);
    expect(['8.8.8.8', '172.32.0.1', 'couch.example.com'].some(isLocalHost)).toBe(false);
    expect(originPattern('https://nas.berg.no:6984/couch')).toBe('https://nas.berg.no:6984/*');
  });

  it('checks database names as CouchDB does', () => {
    expect(['subkeeper', 'berg-household-k2', 'a_b$c'].every(isDatabaseName)).toBe(true);
    expect(['Subkeeper', '1abc', '_users', 'with space', ''].some(isDatabaseName)).toBe(false);
  });
});

describe('the server fetch', () => {
  it('refuses any request outside the household’s server and words what went wrong', async () => {
    const seen: string[] = [];
    const sf = serverFetch('https://couch.berg.no', async (input) => {
      seen.push(String(input));
      if (String(input).endsWith('/html')) return new Response('<html>', { headers: { 'content-type': 'text/html' } });
      if (String(input).endsWith('/down')) throw new TypeError('Failed to fetch');
      return new Response('{"error":"unauthorized"}', { status: 401, headers: { 'content-type': 'application/json' } });
    });
    await expect(sf.fetch('https://evil.example/steal')).rejects.toThrow('outside the household server');
    await expect(sf.fetch('https://couch.berg.no.evil.example/x')).rejects.toThrow('outside');
    expect(seen).toEqual([]);
    expect(sf.failure()?.detail).toContain('evil.example');
    sf.reset();
    await sf.fetch('https://couch.berg.no/db');
    expect(sf.failure()?.code).toBe('unauthorized');
    sf.reset();
    await sf.fetch('https://couch.berg.no/html');
    expect(sf.failure()).toBeUndefined(); // not asked for JSON: CouchDB itself then answers text/plain
    await sf.fetch('https://couch.berg.no/html', { headers: { accept: 'application/json' } });
    expect(sf.failure()?.code).toBe('garbage');
    sf.reset();
    await expect(sf.fetch('https://couch.berg.no/down')).rejects.toMatchObject({ code: 'offline' });
  });

  it('reads storage-full errors and PouchDB statuses', () => {
    expect(asSyncError(new DOMException('The quota has been exceeded.', 'QuotaExceededError')).code).toBe('quota');
    expect(asSyncError({ status: 403, name: 'forbidden' }).code).toBe('forbidden');
    expect(asSyncError({ status: 404, name: 'not_found' }).code).toBe('not-found');
    expect(asSyncError(new SyntaxError('Unexpected token <')).code).toBe('garbage');
    expect(asSyncError(new TypeError('Failed to fetch')).code).toBe('offline');
  });
});

describe('sync commands', () => {
  const own = { id: 'ext', url: 'chrome-extension://ext/options.html' };
  it('are taken only from the extension’s own pages, parsed', () => {
    expect(acceptSyncCommand({ type: 'sync-now' }, own, 'ext', 'chrome-extension://ext/').ok).toBe(true);
    const fromPage = { id: 'ext', url: 'https://evil.example/', tab: { id: 3 } };
    expect(acceptSyncCommand({ type: 'sync-leave' }, fromPage, 'ext', 'chrome-extension://ext/')).toEqual({
      ok: false,
      reason: 'not an extension page',
    });
    expect(
      acceptSyncCommand({ type: 'sync-leave' }, { ...own, id: 'other' }, 'ext', 'chrome-extension://ext/').ok,
    ).toBe(false);
    expect(acceptSyncCommand({ type: 'sync-join', code: 1 }, own, 'ext', 'chrome-extension://ext/').ok).toBe(false);
  });
});

describe('browser labels', () => {
  it('names the browser and its system', () => {
    expect(browserLabel('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
      'Firefox (Windows)',
    );
    expect(
      browserLabel(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      ),
    ).toBe('Edge (macOS)');
    expect(browserLabel('')).toBe('Browser');
  });
});
