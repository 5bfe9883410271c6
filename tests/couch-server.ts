import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A real CouchDB-protocol server for tests: `pouchdb-server --in-memory` (installed by `npm ci`) on a free port,
 * in a temporary directory (it writes its config and log there), with a server admin.
 */
export interface CouchServer {
  url: string;
  port: number;
  admin: { username: string; password: string };
  /** A request as the server admin (for tests that read what the server stores). */
  asAdmin(pathname: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, ms = 60_000) {
  const until = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error('pouchdb-server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startCouch(): Promise<CouchServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'subkeeper-couch-'));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/pouchdb-server/bin/pouchdb-server'),
      '--in-memory',
      '--port',
      String(port),
      '--no-stdout-logs',
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/`, child);
  const admin = { username: 'admin', password: `pw-${Math.random().toString(36).slice(2)}` };
  const r = await fetch(`${url}/_config/admins/${admin.username}`, {
    method: 'PUT',
    body: JSON.stringify(admin.password),
  });
  if (!r.ok) throw new Error(`could not create the admin: ${r.status}`);
  const auth = `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`;
  return {
    url,
    port,
    admin,
    asAdmin: (pathname, init = {}) =>
      fetch(`${url}${pathname}`, {
        ...init,
        headers: { authorization: auth, 'content-type': 'application/json', ...init.headers },
      }),
    async stop() {
      child.kill();
      await new Promise((r) => child.once('exit', r));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
