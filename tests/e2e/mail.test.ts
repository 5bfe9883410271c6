import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, gmailPage, type OpenMail, outlookPage, protonPage } from '../webmail-pages';
import { type FixtureServer, type Launched, launchExtension, ROOT, startServer } from './harness';

/**
 * E-mail end to end, in the built extension: a message opened in Gmail, Outlook on the web and Proton Mail (pages
 * with each client's real structure, served at the clients' real host names) is read by the content script and
 * proposed in the inbox, named after its sender; a mailbox (.mbox) dropped in Import & export is read in a worker
 * and its receipts go to the inbox.
 */
const MAILS = path.join(ROOT, 'tests/fixtures/mails');
const SHOTS = path.join(ROOT, 'test-results/screenshots');

type Row = Record<string, unknown> & { status?: string; mail?: Record<string, unknown>; proposal?: unknown };
type Sw = {
  subkeeper: {
    db: {
      subscriptions: { toArray(): Promise<Row[]> };
      charges: { toArray(): Promise<Row[]> };
      detections: { toArray(): Promise<Row[]>; clear(): Promise<void> };
    };
  };
};

async function openMail(name: string, dateShown: string): Promise<OpenMail> {
  const email = await PostalMime.parse(readFileSync(path.join(MAILS, `${name}.eml`)));
  const from = email.from as { name?: string; address?: string };
  return {
    fromName: from.name ?? '',
    fromAddress: from.address ?? '',
    subject: email.subject ?? '',
    dateShown,
    bodyHtml: bodyOf(email.html ?? ''),
  };
}

/**
 * Gmail is a single-page app: the inbox loads first, and opening a message changes the hash and draws the message
 * view with the page's own script.
 */
function gmailApp(mail: OpenMail): string {
  const full = gmailPage(mail);
  const view = /<div role="main" class="nH">([\s\S]*)<\/div>\s*<\/div>\s*<\/div>\s*<\/body>/.exec(full)?.[1] ?? '';
  const inbox = full.replace(view, '');
  return inbox.replace(
    '</body>',
    `<script>
window.addEventListener('hashchange', function () {
  if (location.hash.indexOf('#inbox/') !== 0) return;
  document.querySelector('div[role="main"]').innerHTML = ${JSON.stringify(view).replace(/</g, '\\u003c')};
});
</script></body>`,
  );
}

describe('e-mail end to end', () => {
  let ext: Launched;
  let server: FixtureServer;
  const pages = new Map<string, string>();
  const db = () => ext.sw.evaluate(() => (globalThis as unknown as Sw).subkeeper.db.detections.toArray());
  const pending = async () => (await db()).filter((d) => d.status === 'pending');

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer((host, pathname) => pages.get(host + pathname));
    ext = await launchExtension({ mapAllHostsToPort: server.port, locale: 'en-GB' });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('reads a receipt opened in Gmail (a single-page app) and proposes it under the sender’s name', async () => {
    const mail = await openMail('en-cartograph-stripe-receipt-yearly', 'Fri, Nov 20, 2026, 4:02 PM');
    pages.set('mail.google.com/mail/u/0/', gmailApp(mail));
    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    await page.waitForTimeout(1500);
    // The inbox list alone is never read.
    expect(await db()).toHaveLength(0);
    await page.evaluate(() => {
      location.hash = '#inbox/FMfcgzQXJWktvHkfLmWpGbRJdxXxZqTb';
    });
    await expect.poll(pending, { timeout: 20000 }).toHaveLength(1);
    const [d] = await pending();
    expect(d?.mail).toMatchObject({
      from: 'receipts+acct_1pqr7stuvwxyz@stripe.com',
      via: 'webmail',
      sent: '2026-11-20',
    });
    expect(d?.hostname).toBe('cartograph.io');
    expect(d?.proposal).toMatchObject({
      type: 'new',
      subscription: { service: 'Cartograph', amountMinor: 9600, currency: 'USD', period: 'P1Y' },
      charges: [{ date: '2026-11-20', amountMinor: 9600, currency: 'USD' }],
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads messages opened in Outlook on the web and in Proton Mail (its body in a same-origin iframe)', async () => {
    const outlook = await openMail('nb-strommen-kvittering', '23.11.2026 06:02');
    pages.set('outlook.live.com/mail/0/inbox/id/AQMkADAwATM4ZmYAZC0wMTdmLTk5', outlookPage(outlook));
    const proton = await openMail('da-politiken-fornyes-aarlig', 'Friday, November 20th, 2026 at 10:00 AM');
    pages.set('mail.proton.me/u/0/inbox/Nz8hYWvRrQk', protonPage(proton, { inlineBody: true }));
    const a = await ext.context.newPage();
    await a.goto('https://outlook.live.com/mail/0/inbox/id/AQMkADAwATM4ZmYAZC0wMTdmLTk5');
    const b = await ext.context.newPage();
    await b.goto('https://mail.proton.me/u/0/inbox/Nz8hYWvRrQk');
    await expect.poll(async () => (await pending()).length, { timeout: 20000 }).toBe(3);
    const all = await pending();
    const strommen = all.find((d) => d.hostname === 'strommen.no');
    expect(strommen?.proposal).toMatchObject({
      subscription: { service: 'Strømmen', amountMinor: 14900, currency: 'NOK', period: 'P1M' },
    });
    const politiken = all.find((d) => d.hostname === 'politiken.dk');
    expect(politiken?.result).toMatchObject({ kind: 'account', event: 'renewal-upcoming' });
    expect(politiken?.proposal).toMatchObject({
      subscription: { service: 'Politiken', amountMinor: 118800, currency: 'DKK', period: 'P1Y' },
    });
    await a.close();
    await b.close();

    const dash = await ext.openPage('options.html#/overview');
    await expect.poll(() => dash.locator('.inbox-item').count(), { timeout: 15000 }).toBe(3);
    await expect
      .poll(() => dash.locator('.inbox-item', { hasText: 'Cartograph' }).locator('.mail-source').textContent())
      .toContain('From an e-mail by Cartograph: “Your receipt from Cartograph #2291-4410”');
    await dash.screenshot({ path: path.join(SHOTS, 'en-inbox-from-mail.png'), fullPage: true });
    await dash.close();
  });

  it('imports a mailbox dropped in Import & export: read in a worker, its receipts to the inbox', async () => {
    await ext.sw.evaluate(() => (globalThis as unknown as Sw).subkeeper.db.detections.clear());
    const names = [
      'en-notewell-receipt-monthly',
      'sv-bokslukaren-kvitto',
      'da-lydlageret-kvittering',
      'en-substack-new-paid-subscriber',
      'en-tidewater-order-oneoff',
    ];
    const parts = names.map(
      (n, i) =>
        `From 178123456789012345${i}@xxx Mon Nov 23 08:14:07 +0000 2026\n${readFileSync(
          path.join(MAILS, `${n}.eml`),
          'latin1',
        )
          .replace(/\r\n/g, '\n')
          .replace(/^(>*From )/gm, '>$1')}\n`,
    );
    const noise = Array.from(
      { length: 40 },
      (_, i) =>
        `From 1781234567890100${i}@xxx Mon Nov 2 08:00:00 +0000 2026\nFrom: Weekly Reads <news@weeklyreads.example>\nSubject: Issue ${i}\nDate: Mon, 2 Nov 2026 08:00:00 +0000\n\nFrom the archive: a story.\n`,
    );
    const mbox = Buffer.from([...noise.slice(0, 20), ...parts, ...noise.slice(20)].join('\n'), 'latin1');
    const dash = await ext.openPage('options.html#/data');
    await dash.waitForFunction(() => performance.getEntriesByName('subkeeper:ready').length > 0);
    const workers: string[] = [];
    dash.on('worker', (w) => workers.push(w.url()));
    await dash
      .locator('#mail-files')
      .setInputFiles({ name: 'All mail.mbox', mimeType: 'application/mbox', buffer: mbox });
    await dash.getByText('Done.').waitFor({ timeout: 60000 });
    expect(workers.some((u) => u.includes('mail-worker'))).toBe(true);
    expect(await dash.locator('.mail-summary').textContent()).toContain('45 messages, 5 read, 4 about a subscription');
    // Three subscriptions proposed; the one-off order and the seller's mail add nothing.
    expect(await dash.locator('.mail-summary').textContent()).toContain('3 services are waiting for you');
    await dash.screenshot({ path: path.join(SHOTS, 'en-mail-import.png'), fullPage: true });
    const found = await pending();
    expect(found.map((d) => d.hostname).sort()).toEqual(['bokslukaren.se', 'lydlageret.dk', 'notewell.app']);
    expect(found.every((d) => d.mail?.via === 'file' && d.url === undefined)).toBe(true);

    await dash.getByRole('button', { name: 'Show what was found' }).click();
    await dash.getByRole('button', { name: 'Add Bokslukaren' }).click();
    await expect
      .poll(() => ext.sw.evaluate(() => (globalThis as unknown as Sw).subkeeper.db.charges.toArray()))
      .toMatchObject([{ date: '2026-11-23', amountMinor: 17900, currency: 'SEK', source: 'receipt' }]);
    await dash.close();
  });

  it('a cancellation mail in Gmail proposes cancelled with its proof; a receipt after cancelling warns', async () => {
    type Put = { put(r: unknown): Promise<unknown> };
    await ext.sw.evaluate(async (stamp) => {
      const db = (globalThis as unknown as { subkeeper: { db: Record<string, Put> } }).subkeeper.db;
      const base = {
        category: 'other',
        period: 'P1M',
        billingAnchor: '2026-12-01',
        links: {},
        source: 'manual',
        confirmed: true,
        createdAt: stamp,
        updatedAt: stamp,
      };
      await db.subscriptions!.put({
        ...base,
        id: 's-podimo',
        service: 'Podimo',
        domain: 'podimo.com',
        amountMinor: 9900,
        currency: 'SEK',
        status: 'active',
        statusHistory: [],
      });
      await db.subscriptions!.put({
        ...base,
        id: 's-strommen',
        service: 'Strømmen',
        domain: 'strommen.no',
        amountMinor: 14900,
        currency: 'NOK',
        status: 'cancelled',
        statusHistory: [{ status: 'cancelled', date: '2026-11-01' }],
        cancelledOn: '2026-11-01',
      });
    }, new Date().toISOString());

    // The cancellation, opened in Gmail: proposed as cancelled from the day it was sent, access until the day it
    // states, with a proof of what it said.
    const cancel = await openMail('sv-podimo-uppsagd', 'Sun, Nov 15, 2026, 9:12 AM');
    pages.set('mail.google.com/mail/u/1/', gmailApp(cancel));
    const page = await ext.context.newPage();
    await page.goto('https://mail.google.com/mail/u/1/#inbox');
    await page.evaluate(() => {
      location.hash = '#inbox/FMfcgzQXKpodimoUppsagd';
    });
    const podimo = async () => (await pending()).filter((d) => d.hostname === 'podimo.com');
    await expect.poll(async () => (await podimo()).length, { timeout: 20000 }).toBe(1);
    const [d] = await podimo();
    expect(d).toMatchObject({
      subscriptionId: 's-podimo',
      proposal: { type: 'update', changes: { status: 'cancelled', statusFrom: '2026-11-15', endsOn: '2026-11-30' } },
    });
    const proofs = (await ext.sw.evaluate(() =>
      (
        globalThis as unknown as { subkeeper: { db: { proofs: { toArray(): Promise<Row[]> } } } }
      ).subkeeper.db.proofs.toArray(),
    )) as Row[];
    const proof = proofs.find((p) => p.detectionId === d?.id);
    expect(proof).toMatchObject({
      kind: 'cancellation',
      mail: { via: 'webmail', sent: '2026-11-15', subject: cancel.subject },
      terms: { cancelled: true, accessUntil: '2026-11-30' },
    });
    expect(String(proof?.url)).toMatch(/^https:\/\/mail\.google\.com\/mail\/u\/1\//);
    expect(String(proof?.text)).toContain('30 november 2026');
    await page.close();

    // A receipt from the service the user cancelled, opened in Outlook: recorded on the cancelled subscription (no
    // proposal to add it again), and the overview warns.
    const receipt = await openMail('nb-strommen-kvittering', '23.11.2026 06:02');
    pages.set('outlook.live.com/mail/0/inbox/id/AQMkADAwATM4ZmYAZC0wMTdmLTk6', outlookPage(receipt));
    const o = await ext.context.newPage();
    await o.goto('https://outlook.live.com/mail/0/inbox/id/AQMkADAwATM4ZmYAZC0wMTdmLTk6');
    await expect
      .poll(
        async () =>
          (await ext.sw.evaluate(() => (globalThis as unknown as Sw).subkeeper.db.charges.toArray())).filter(
            (c) => c.subscriptionId === 's-strommen',
          ),
        { timeout: 20000 },
      )
      .toMatchObject([{ date: '2026-11-23', amountMinor: 14900, currency: 'NOK' }]);
    expect((await pending()).filter((x) => x.hostname === 'strommen.no')).toEqual([]);
    await o.close();
    const dash = await ext.openPage('options.html#/overview');
    const after = dash.getByTestId('after-cancel-list');
    await after.waitFor({ timeout: 15000 });
    expect(await after.textContent()).toContain('Strømmen');
    await dash.screenshot({ path: path.join(SHOTS, 'en-after-cancel-from-mail.png'), fullPage: true });
    await dash.close();
  });

  it('a welcome mail opened in Outlook proposes the subscription with the terms it stated and its proof', async () => {
    const email = await PostalMime.parse(
      readFileSync(path.join(ROOT, 'tests/fixtures/rights/mails/sv-fibernat-valkommen.eml')),
    );
    const from = email.from as { name?: string; address?: string };
    const welcome: OpenMail = {
      fromName: from.name ?? '',
      fromAddress: from.address ?? '',
      subject: email.subject ?? '',
      dateShown: '10.03.2026 09:05',
      bodyHtml: bodyOf(email.html ?? ''),
    };
    pages.set('outlook.live.com/mail/0/inbox/id/AQMkADAwATM4ZmYAZC0wMTdmLTk7', outlookPage(welcome));
    const o = await ext.context.newPage();
    await o.goto('https://outlook.live.com/mail/0/inbox/id/AQMkADAwATM4ZmYAZC0wMTdmLTk7');
    const here = async () => (await pending()).filter((d) => d.hostname === 'fibernatsyd.se');
    await expect.poll(async () => (await here()).length, { timeout: 20000 }).toBe(1);
    const [d] = await here();
    expect(d?.proposal).toMatchObject({
      type: 'new',
      subscription: {
        service: 'Fibernät Syd',
        terms: {
          contractDate: '2026-03-10',
          bindingMonths: 24,
          notice: { n: 3, unit: 'M' },
          withdrawal: 'stated',
          customerNumber: 'FS-204417',
        },
      },
    });
    const proofs = (await ext.sw.evaluate(() =>
      (
        globalThis as unknown as { subkeeper: { db: { proofs: { toArray(): Promise<Row[]> } } } }
      ).subkeeper.db.proofs.toArray(),
    )) as Row[];
    expect(proofs.find((p) => p.detectionId === d?.id)).toMatchObject({
      kind: 'signup',
      mail: { via: 'webmail', subject: welcome.subject },
    });
    await o.close();
  });
});
