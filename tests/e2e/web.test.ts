import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHouseholdFile } from '../../lib/io';
import { generateDemo } from '../../scripts/demo';
import { type Launched, launchExtension, ROOT } from './harness';

/** The dashboard as a static website, without the extension (npm run build:web → dist/web). */
const WEB = path.join(ROOT, 'dist/web');
const today = new Date().toISOString().slice(0, 10);
const demo = generateDemo({ subscriptions: 12, charges: 100, today });

describe('static web dashboard', () => {
  let server: Server;
  let base = '';
  let browser: Launched;
  beforeAll(async () => {
    if (!existsSync(path.join(WEB, 'index.html'))) throw new Error('dist/web is missing: run npm run build:web');
    server = createServer((req, res) => {
      const p = new URL(req.url ?? '/', 'http://x').pathname;
      if (p === '/demo-backup.json')
        return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(demo));
      const file = path.join(WEB, p === '/' ? 'index.html' : p);
      if (!file.startsWith(WEB) || !existsSync(file)) return res.writeHead(404).end();
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
      res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchExtension({ withoutExtension: true, locale: 'en-GB' });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  it('works without the extension and shows the demo data with its totals', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/#/subscriptions`);
    await expect.poll(() => page.locator('table.subs tbody tr').count(), { timeout: 15000 }).toBe(12);
    await page.goto(`${base}/#/overview`);
    await expect.poll(() => page.getByTestId('monthly-total').textContent()).toMatch(/NOK\s?[\d,]+\.\d\d/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('merges household files and shows each member’s monthly total and shared services', async () => {
    const mk = (seed: number, name: string) => {
      const b = generateDemo({ subscriptions: 4, charges: 0, today, seed });
      // One NOK monthly subscription each, so the expected totals are plain to see.
      b.subscriptions = [
        {
          ...b.subscriptions[0]!,
          service: 'Netflix',
          serviceId: 'netflix',
          status: 'active',
          currency: 'NOK',
          period: 'P1M',
          amountMinor: seed === 1 ? 17900 : 12900,
          introAmountMinor: undefined,
          introEnd: undefined,
          endsOn: undefined,
          shares: undefined,
        },
      ];
      b.charges = [];
      return JSON.stringify(exportHouseholdFile(b, { id: `m${seed}`, name, color: '#336699' }));
    };
    const page = await browser.context.newPage();
    await page.goto(`${base}/#/data`);
    await page.getByLabel('Household files').setInputFiles([
      { name: 'ingrid.json', mimeType: 'application/json', buffer: Buffer.from(mk(1, 'Ingrid')) },
      { name: 'erik.json', mimeType: 'application/json', buffer: Buffer.from(mk(2, 'Erik')) },
    ]);
    const ingrid = page.getByRole('row', { name: /Ingrid/ });
    await expect.poll(() => ingrid.count()).toBe(1);
    expect(await ingrid.textContent()).toContain('179.00');
    expect(await page.getByRole('row', { name: /Erik/ }).textContent()).toContain('129.00');
    // The same service paid by both is flagged as a saving.
    expect(await page.locator('#household-h').locator('..').textContent()).toMatch(
      /Netflix is paid by (Ingrid, Erik|Erik, Ingrid): keeping one saves NOK\s?129\.00 a month/,
    );
    await page.close();
  });
});
