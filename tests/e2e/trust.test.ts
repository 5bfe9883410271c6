import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, type Launched, launchExtension, ROOT, startServer } from './harness';

/**
 * Issue 15 in the browser: hostile pages at real host names, with the built extension. A page never changes the
 * user's subscription (it proposes), pages on publishing platforms are not the service, a page naming itself after
 * another service is flagged, hidden text is not read, and a flooding tab neither piles up rows nor keeps another
 * tab's receipt waiting.
 */

type Row = Record<string, unknown>;
type Db = Record<string, { toArray(): Promise<Row[]>; bulkPut(rows: Row[]): Promise<unknown>; clear(): Promise<void> }>;
type Sw = { subkeeper: { db: Db } };

const iso = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** `January 15, 2027`: how the pages below write a day. */
const long = (offset: number) =>
  new Date(`${iso(offset)}T12:00:00Z`).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });
const short = (offset: number) => {
  const [y, m, d] = iso(offset).split('-');
  return `${m}/${d}/${y}`;
};

/** The fake receipt of issue 15: $999 a year, the renewal moved, a phishing cancel link. */
const fakeReceipt = (service: string) => `<!doctype html><html lang="en"><head><title>Receipt</title></head><body><main>
<h1>Receipt</h1><p>Thank you for your payment. Your ${service} membership is active.</p>
<p>Premium plan: $999.00/year</p><p>Paid on ${long(-2)}</p><p>Next billing date: ${long(40)}</p>
<p><a href="https://netflix-cancel.example/login">Cancel membership</a></p></main></body></html>`;

/** Netflix's own billing page after a real price rise. */
const priceRise = `<!doctype html><html lang="en"><head><title>Billing details</title></head><body><main>
<h1>Billing details</h1><p>Your plan: Standard, $17.99/month</p><p>Your next billing date is ${long(16)}.</p>
<table><thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead><tbody>
<tr><td>${short(-16)}</td><td>Streaming service</td><td>$17.99</td></tr>
<tr><td>${short(-46)}</td><td>Streaming service</td><td>$15.49</td></tr>
<tr><td>${short(-77)}</td><td>Streaming service</td><td>$15.49</td></tr>
</tbody></table><p><a href="/cancelplan">Cancel membership</a></p></main></body></html>`;

/** A knitting-box receipt that calls itself Netflix and hides a higher price several ways before its own. */
const impostor = `<!doctype html><html lang="nb"><head><title>Kvittering</title>
<meta property="og:site_name" content="Netflix"><style>.gone{display:none}</style></head><body><main>
<h1>Kvittering</h1><p>Takk for kjøpet! Abonnementet ditt er aktivt.</p>
<p class="gone">Premium: 999 kr/mnd</p><p style="opacity:0">Premium: 899 kr/mnd</p>
<p style="position:absolute;left:-9999px">Premium: 799 kr/mnd</p><p style="font-size:0">Premium: 699 kr/mnd</p>
<p>Strikkeboksen: 129 kr/mnd</p><p>Neste trekk: ${iso(20).split('-').reverse().join('.')}</p>
<p><a href="https://netflix-cancel.example/login">Si opp abonnementet</a></p></main></body></html>`;

/** A page that changes its address every 20 ms, with a different price each time. */
const flood = `<!doctype html><html lang="nb"><head><title>Mitt abonnement</title></head><body><main>
<h1>Mitt abonnement</h1><p id="p">Premium: 129 kr/mnd</p><p>Neste trekk: 3. desember 2027</p></main>
<script>let i = 0; const t = setInterval(() => { i++; history.pushState({}, '', '/konto/' + i);
document.getElementById('p').textContent = 'Premium: ' + (100 + (i % 500)) + ' kr/mnd'; if (i > 300) clearInterval(t); }, 20);</script>
</body></html>`;

const PAGES: Record<string, string> = {
  'www.netflix.com/billingActivity': fakeReceipt('Netflix'),
  'www.netflix.com/BillingActivity': priceRise,
  'someone.wordpress.com/2026/11/my-receipt/': fakeReceipt('WordPress.com'),
  'github.com/someone/repo/issues/12': fakeReceipt('GitHub'),
  'www.strikkeboksen.no/kvittering': impostor,
  'flood.example/konto': flood,
};

const netflix = (over: Row = {}): Row => ({
  id: 'netflix-1',
  service: 'Netflix',
  serviceId: 'netflix',
  domain: 'netflix.com',
  category: 'video',
  amountMinor: 1549,
  currency: 'USD',
  period: 'P1M',
  status: 'active',
  statusHistory: [],
  billingAnchor: iso(14),
  links: { cancel: { url: 'https://www.netflix.com/cancelplan', source: 'user' } },
  source: 'manual',
  confirmed: true,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  ...over,
});

describe('trust boundary end to end (issue 15)', () => {
  let ext: Launched;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startServer(
      (host, pathname) => PAGES[host + pathname] ?? PAGES[host + pathname.replace(/\/\d+$/, '')],
    );
    ext = await launchExtension({ mapAllHostsToPort: server.port, locale: 'en-GB' });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  const table = (name: string) =>
    ext.sw.evaluate((t) => (globalThis as unknown as Sw).subkeeper.db[t]!.toArray(), name) as Promise<Row[]>;
  const pending = async () => (await table('detections')).filter((d) => d.status === 'pending');
  const reset = (subs: Row[]) =>
    ext.sw.evaluate(async (rows) => {
      const db = (globalThis as unknown as Sw).subkeeper.db;
      for (const t of ['subscriptions', 'charges', 'priceChanges', 'detections', 'serviceLinks']) await db[t]!.clear();
      await db.subscriptions!.bulkPut(rows);
    }, subs);
  const visit = async (url: string) => {
    const page = await ext.context.newPage();
    await page.goto(url);
    return page;
  };

  it('a fake receipt on the service’s own site changes nothing: it waits as a proposal, without the phishing link', async () => {
    await reset([netflix({ amountMinor: 2500 })]);
    const page = await visit('https://www.netflix.com/billingActivity');
    await expect.poll(pending, { timeout: 20000 }).toHaveLength(1);
    const [d] = await pending();
    expect(d).toMatchObject({
      subscriptionId: 'netflix-1',
      proposal: { type: 'update', changes: { amountMinor: 99900, period: 'P1Y' } },
    });
    expect(JSON.stringify(d?.proposal)).not.toContain('netflix-cancel.example');
    const [s] = await table('subscriptions');
    expect(s).toMatchObject({ amountMinor: 2500, period: 'P1M', billingAnchor: iso(14) });
    expect((s?.links as Row | undefined)?.cancel).toEqual({
      url: 'https://www.netflix.com/cancelplan',
      source: 'user',
    });
    expect(await table('priceChanges')).toHaveLength(0);
    expect(await table('charges')).toHaveLength(0);
    await page.close();
  });

  it('pages people publish on wordpress.com and github.com are not those services: nothing is stored', async () => {
    await reset([
      netflix({ id: 'wp', service: 'WordPress.com', serviceId: 'wordpress-com', domain: 'wordpress.com' }),
      netflix({ id: 'gh', service: 'GitHub', serviceId: 'github', domain: 'github.com' }),
    ]);
    const blog = await visit('https://someone.wordpress.com/2026/11/my-receipt/');
    const issue = await visit('https://github.com/someone/repo/issues/12');
    await blog.waitForTimeout(2500);
    // A page read after them is stored, so theirs were read and dropped, not missed.
    const control = await visit('https://www.strikkeboksen.no/kvittering');
    await expect.poll(pending, { timeout: 20000 }).toHaveLength(1);
    expect((await pending())[0]?.hostname).toBe('strikkeboksen.no');
    expect((await table('subscriptions')).map((s) => s.amountMinor)).toEqual([1549, 1549]);
    for (const p of [blog, issue, control]) await p.close();
  });

  it('a page naming itself Netflix is flagged, its hidden prices are not read, its foreign cancel link dropped', async () => {
    await reset([]);
    const page = await visit('https://www.strikkeboksen.no/kvittering');
    await expect.poll(pending, { timeout: 20000 }).toHaveLength(1);
    const [d] = await pending();
    expect(d?.result).toMatchObject({ claimedName: 'Netflix', service: { name: 'Strikkeboksen' } });
    expect(d?.proposal).toMatchObject({ type: 'new', subscription: { service: 'Strikkeboksen', amountMinor: 12900 } });
    expect(JSON.stringify(d?.proposal)).not.toContain('netflix-cancel.example');
    const dash = await ext.openPage('options.html#/overview');
    await expect.poll(() => dash.locator('.inbox-item').textContent()).toContain('calls itself “Netflix”');
    await dash.close();
    await page.close();
  });

  it('a price rise on the service’s own site is shown old → new, and applied only when the user says so', async () => {
    await reset([netflix()]);
    const page = await visit('https://www.netflix.com/BillingActivity');
    await expect.poll(pending, { timeout: 20000 }).toHaveLength(1);
    // The charges at the price the user has were recorded directly; the rise waits.
    expect((await table('charges')).map((c) => c.amountMinor)).toEqual([1549, 1549]);
    expect((await table('subscriptions'))[0]?.amountMinor).toBe(1549);

    const dash = await ext.openPage('options.html#/overview');
    const item = dash.locator('.inbox-item', { hasText: 'Changes to Netflix' });
    await expect.poll(() => item.textContent()).toMatch(/US\$15\.49\s*→\s*US\$17\.99/);
    expect(await item.textContent()).toContain('Next renewal');
    await dash.setViewportSize({ width: 1280, height: 900 });
    const dir = path.join(ROOT, 'test-results/screenshots');
    mkdirSync(dir, { recursive: true });
    await dash.screenshot({ path: path.join(dir, 'en-inbox-price-change.png'), fullPage: true });
    // The same proposal in the other three languages.
    const apply = { nb: 'Bruk endringene', sv: 'Tillämpa ändringarna', da: 'Anvend ændringerne' } as const;
    for (const [lang, label] of Object.entries(apply)) {
      await ext.sw.evaluate(async (language) => {
        const db = (globalThis as unknown as Sw).subkeeper.db;
        const [row] = await db.settings!.toArray();
        await db.settings!.bulkPut([{ key: 'settings', value: { ...((row?.value as Row) ?? {}), language } }]);
      }, lang);
      await dash.reload();
      await expect.poll(() => dash.getByRole('button', { name: `${label} Netflix` }).count()).toBe(1);
      await dash.screenshot({ path: path.join(dir, `${lang}-inbox-price-change.png`), fullPage: true });
    }
    await ext.sw.evaluate(async () => {
      const db = (globalThis as unknown as Sw).subkeeper.db;
      const [row] = await db.settings!.toArray();
      await db.settings!.bulkPut([{ key: 'settings', value: { ...((row?.value as Row) ?? {}), language: 'en' } }]);
    });
    await dash.reload();
    await dash.getByRole('button', { name: 'Apply changes Netflix' }).click();
    await expect.poll(async () => (await table('subscriptions'))[0]?.amountMinor).toBe(1799);
    expect((await table('subscriptions'))[0]?.billingAnchor).toBe(iso(16));
    expect(await table('priceChanges')).toMatchObject([{ oldAmountMinor: 1549, newAmountMinor: 1799 }]);
    expect((await table('charges')).map((c) => c.amountMinor).sort()).toEqual([1549, 1549, 1799]);
    await expect.poll(() => dash.locator('.inbox-item').count()).toBe(0);
    await dash.close();
    await page.close();
  });

  it('a tab changing its address every 20 ms leaves one row and does not keep another tab’s receipt waiting', async () => {
    await reset([netflix()]);
    const flooding = await visit('https://flood.example/konto');
    await flooding.waitForTimeout(1500);
    const started = Date.now();
    const receipt = await visit('https://www.netflix.com/BillingActivity');
    await expect
      .poll(async () => (await pending()).some((d) => d.hostname === 'netflix.com'), { timeout: 20000 })
      .toBe(true);
    console.log(`receipt in another tab stored ${Date.now() - started} ms after it opened, during the flood`);
    await flooding.waitForTimeout(6000);
    const rows = (await table('detections')).filter((d) => d.hostname === 'flood.example');
    expect(rows.length).toBeLessThanOrEqual(1);
    await flooding.close();
    await receipt.close();
  });
});
