import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

/**
 * Shared end-to-end harness: Debian's Chromium (never a downloaded browser) driven by playwright-core, with the
 * test build of the extension (.output/chrome-mv3-e2e, with the worker's test hooks) loaded. Build first:
 * `npm run build:e2e`.
 */
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = process.env.SUBKEEPER_EXT_DIR ?? path.join(ROOT, '.output/chrome-mv3-e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  sw: Worker;
  /** Opens an extension page such as `options.html#/overview` or `popup.html`. */
  openPage: (pagePath: string) => Promise<Page>;
  close: () => Promise<void>;
}

export interface LaunchOptions {
  /** Route every hostname to this local port (for pages at real-looking URLs). */
  mapAllHostsToPort?: number;
  /** Browser UI languages, e.g. ['nb-NO']. */
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /** Load no extension (for side-by-side benchmarks). */
  withoutExtension?: boolean;
  /** Load this build instead of EXTENSION_DIR (e.g. the production build, which has no test hooks). */
  extensionDir?: string;
  /** The window size (default 1280×900). */
  viewport?: { width: number; height: number };
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<Launched> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'subkeeper-e2e-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
  const dir = opts.extensionDir ?? EXTENSION_DIR;
  if (!opts.withoutExtension) args.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
  if (opts.mapAllHostsToPort) {
    args.push(`--host-resolver-rules=MAP * 127.0.0.1:${opts.mapAllHostsToPort}`, '--ignore-certificate-errors');
  }
  if (opts.locale) args.push(`--lang=${opts.locale}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    ...(opts.locale ? { locale: opts.locale } : {}),
    colorScheme: opts.colorScheme ?? 'light',
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    ignoreHTTPSErrors: true,
  });
  let sw: Worker | undefined;
  let extensionId = '';
  if (!opts.withoutExtension) {
    sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30000 }));
    extensionId = new URL(sw.url()).host;
  }
  return {
    context,
    extensionId,
    sw: sw as Worker,
    async openPage(pagePath) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pagePath}`);
      return page;
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Closes the first-run page the extension opens on install (it may open a moment after the worker starts), for a
 * test that needs no other extension page holding the database open.
 */
export async function closeFirstRunPage(ext: Launched, timeout = 30000): Promise<void> {
  const isWelcome = (p: { url(): string }) => p.url().endsWith('/welcome.html');
  const until = Date.now() + timeout;
  for (;;) {
    const page = ext.context.pages().find(isWelcome);
    if (page) {
      await page.close();
      return;
    }
    if (Date.now() > until) throw new Error('the first-run page did not open');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The worker's current service worker (it may have been restarted). */
export async function currentWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30000 }));
}

export interface FixtureServer {
  port: number;
  close: () => Promise<void>;
}

/**
 * A local HTTPS server. `respond(hostname, pathname)` returns the HTML for a request (or undefined for 404);
 * with `--host-resolver-rules`, the page keeps its real-looking URL (e.g. https://www.viaplay.no/konto).
 */
export async function startServer(
  respond: (host: string, pathname: string) => string | undefined,
): Promise<FixtureServer> {
  const certs = path.join(import.meta.dirname, 'certs');
  const server: Server = createServer(
    { key: readFileSync(path.join(certs, 'key.pem')), cert: readFileSync(path.join(certs, 'cert.pem')) },
    (req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const body = respond(host, new URL(req.url ?? '/', 'https://x').pathname);
      if (body === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
