import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitPermissions } from '../../lib/rights/visit-script';
import { seriousViolations } from './axe';
import { dayIn, iso } from './days';
import { EXTENSION_DIR, type FixtureServer, type Launched, launchExtension, ROOT, startServer } from './harness';

/**
 * Rights end to end (issue 14), in real Chromium with the built extension, at a real-looking host: a sign-up page
 * starts the withdrawal countdown and keeps a proof of what it said; the popup counts down; a sign-up page of the
 * same service again warns before paying twice; a cancellation page proposes the subscription as cancelled, with
 * its proof, and accepting it cancels it.
 */
const SHOTS = path.join(ROOT, 'test-results/screenshots');
const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(path.join(SHOTS, name), await page.screenshot({ fullPage: true }));
};
const SIGNUP_URL = 'https://www.strimla.no/bli-abonnent/betaling';
const CANCEL_URL = 'https://www.strimla.no/konto/oppsigelse/bekreftet';
const signupHtml = readFileSync(path.join(ROOT, 'tests/fixtures/rights/nb-strimla-signup.html'), 'utf8');

const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];
const accessUntil = dayIn(20);
/** A cancellation confirmation like the fixture's, with the last day of access 20 days ahead. */
const cancelHtml = readFileSync(path.join(ROOT, 'tests/fixtures/rights/nb-strimla-cancelled.html'), 'utf8').replace(
  '31. mars 2026',
  `${accessUntil.getDate()}. ${MONTHS[accessUntil.getMonth()]} ${accessUntil.getFullYear()}`,
);

/** A page on a service's site with nothing the detector looks for (a catalogue page). */
const NEUTRAL =
  '<!doctype html><html lang="nb"><head><title>Hjem</title></head><body><main><h1>Populært nå</h1><p>Se filmer og serier.</p></main></body></html>';

type Row = Record<string, unknown>;
type Hooks = {
  subkeeper: {
    db: {
      subscriptions: { toArray(): Promise<Row[]> };
      detections: { toArray(): Promise<Row[]> };
      proofs: { toArray(): Promise<Row[]> };
      state: { get(key: string): Promise<{ value: unknown } | undefined> };
    };
  };
  chrome: {
    tabs: { query(q: object): Promise<Array<{ id: number; url: string }>> };
    action: { getBadgeText(d: { tabId: number }): Promise<string> };
  };
};

describe('rights end to end', () => {
  let ext: Launched;
  let server: FixtureServer;
  const table = async (name: 'subscriptions' | 'detections' | 'proofs') =>
    ext.sw.evaluate((t) => (globalThis as unknown as Hooks).subkeeper.db[t].toArray(), name);
  const pending = async () => (await table('detections')).filter((d) => d.status === 'pending');

  beforeAll(async () => {
    server = await startServer((host, pathname) => {
      if (host === 'www.netflix.com' || host === 'www.viaplay.no') return NEUTRAL;
      if (host !== 'www.strimla.no') return undefined;
      if (pathname === new URL(SIGNUP_URL).pathname) return signupHtml;
      if (pathname === new URL(CANCEL_URL).pathname) return cancelHtml;
      return undefined;
    });
    ext = await launchExtension({ mapAllHostsToPort: server.port, locale: 'nb-NO' });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function acceptInInbox(): Promise<void> {
    const dash = await ext.openPage('options.html#/overview');
    const accept = dash.locator('.inbox-item button.primary').first();
    await accept.waitFor({ timeout: 15000 });
    await accept.click();
    await expect.poll(async () => (await pending()).length, { timeout: 10000 }).toBe(0);
    await dash.close();
  }

  it('a sign-up page starts the withdrawal countdown and keeps a proof of what it said', async () => {
    const page = await ext.context.newPage();
    await page.goto(SIGNUP_URL);
    await expect.poll(async () => (await pending()).length, { timeout: 20000 }).toBe(1);
    const [find] = await pending();
    expect(find?.proposal).toMatchObject({
      type: 'new',
      subscription: {
        service: 'Strimla',
        terms: {
          contractDate: iso(new Date()),
          withdrawal: 'stated',
          bindingMonths: 12,
          notice: { n: 1, unit: 'M', currentMonth: true },
          autoRenew: true,
          contactEmail: 'kundeservice@strimla.no',
        },
      },
    });
    const [proof] = await table('proofs');
    expect(proof).toMatchObject({ kind: 'signup', url: SIGNUP_URL, detectionId: find?.id, pageKind: 'signup' });
    expect(String(proof?.text)).toContain('Bindingstid');
    expect(String(proof?.text)).toContain('14 dagers angrerett');
    await page.close();

    await acceptInInbox();
    const [sub] = await table('subscriptions');
    expect(sub).toMatchObject({ service: 'Strimla', terms: { bindingMonths: 12 } });
    expect((await table('proofs'))[0]?.subscriptionId).toBe(sub?.id);

    // The detail view counts down (14 days from today), says how long it is bound, and shows the proof.
    const detail = await ext.openPage(`options.html#/subscription/${String(sub?.id)}`);
    const withdrawal = detail.getByTestId('withdrawal');
    await withdrawal.waitFor({ timeout: 15000 });
    expect(await withdrawal.textContent()).toContain('Angrerett');
    expect(await withdrawal.textContent()).toContain('om 14 dager');
    expect(await withdrawal.textContent()).toContain('angrerettloven');
    expect(await detail.getByTestId('terms').textContent()).toContain('Bundet til');
    await detail.getByRole('button', { name: 'Vis' }).click();
    const viewer = detail.getByTestId('proof-viewer');
    expect(await viewer.locator('textarea').inputValue()).toContain('Bindingstid');
    expect(await viewer.textContent()).toContain(SIGNUP_URL);
    expect(await seriousViolations(detail)).toEqual([]);
    await shot(detail, 'nb-rights-detail.png');
    await detail.close();

    // The popup counts down too.
    const popup = await ext.openPage('popup.html');
    const card = popup.getByTestId('popup-withdrawals');
    await card.waitFor({ timeout: 15000 });
    expect(await card.textContent()).toContain('Strimla');
    expect(await card.textContent()).toContain('om 14 dager');
    await popup.setViewportSize({ width: 380, height: 600 });
    await shot(popup, 'nb-rights-popup.png');
    await popup.close();
  });

  it('the sign-up page of a service already tracked warns before paying twice (badge), proposing nothing', async () => {
    const page = await ext.context.newPage();
    await page.goto(SIGNUP_URL);
    // The background marks the page's tab (the worker cannot read other tabs' addresses: no `tabs` permission).
    const warnings = () =>
      ext.sw.evaluate(
        async () =>
          ((await (globalThis as unknown as Hooks).subkeeper.db.state.get('rights.tabs'))?.value ?? {}) as Record<
            string,
            Row
          >,
      );
    await expect.poll(async () => Object.keys(await warnings()).length, { timeout: 20000 }).toBe(1);
    const [[tab, warning]] = Object.entries(await warnings()) as [[string, Row]];
    expect(warning).toMatchObject({ hostname: 'strimla.no', via: 'tracked' });
    const badge = await ext.sw.evaluate(
      (id) => (globalThis as unknown as Hooks).chrome.action.getBadgeText({ tabId: id }),
      Number(tab),
    );
    expect(badge).toBe('2×');
    expect(await pending()).toEqual([]);
    // The page itself learnt nothing: it has no trace of the extension.
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('subkeeper'))).toBe(false);
    await page.close();
  });

  it('a cancellation page proposes the subscription as cancelled, with its proof; accepting cancels it', async () => {
    const page: Page = await ext.context.newPage();
    await page.goto(CANCEL_URL);
    await expect.poll(async () => (await pending()).length, { timeout: 20000 }).toBe(1);
    const [proposal] = await pending();
    const [sub] = await table('subscriptions');
    expect(proposal).toMatchObject({
      subscriptionId: sub?.id,
      proposal: {
        type: 'update',
        changes: { status: 'cancelled', statusFrom: iso(new Date()), endsOn: iso(accessUntil) },
      },
    });
    const proofs = await table('proofs');
    expect(proofs.find((p) => p.kind === 'cancellation')).toMatchObject({
      detectionId: proposal?.id,
      terms: { cancelled: true, accessUntil: iso(accessUntil), customerNumber: '55-01928' },
    });
    await page.close();

    // The inbox says what accepting does; accepting cancels it, and the proof stays with it.
    const dash = await ext.openPage('options.html#/overview');
    const item = dash.locator('.inbox-item').first();
    await item.waitFor({ timeout: 15000 });
    expect(await item.textContent()).toContain('Sagt opp');
    await item.locator('button.primary').click();
    await expect.poll(async () => (await table('subscriptions'))[0]?.status, { timeout: 10000 }).toBe('cancelled');
    const after = (await table('subscriptions'))[0];
    expect(after).toMatchObject({ cancelledOn: iso(new Date()), endsOn: iso(accessUntil) });
    expect((await table('proofs')).every((p) => p.subscriptionId === after?.id)).toBe(true);
    await dash.close();
  });

  it('counts days of use on a tracked service’s own site only when turned on, keeping no address', async () => {
    // Turning counting on asks the browser for `scripting` and access to the directory's sites (the click's prompt
    // cannot be answered here): this browser has the build with that already given, as after the user said yes.
    const dir = await mkdtemp(path.join(tmpdir(), 'subkeeper-usage-'));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const asked = visitPermissions();
    manifest.permissions = [...manifest.permissions, ...asked.permissions];
    manifest.host_permissions = asked.origins;
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    const counted = await launchExtension({ mapAllHostsToPort: server.port, locale: 'nb-NO', extensionDir: dir });
    try {
      await countsDaysOfUse(counted);
    } finally {
      await counted.close();
    }
    // Without that access (the user said no, or never turned it on), no script is registered at all.
    expect(
      await ext.sw.evaluate(
        () => typeof (globalThis as unknown as { chrome: { scripting?: unknown } }).chrome.scripting,
      ),
    ).toBe('undefined');
  });

  /** Counting days of use on or off, and Netflix tracked (the service whose site these tests visit). */
  const putCounting = (target: Launched, usage: boolean) =>
    target.sw.evaluate(
      async ([usage, stamp]) => {
        const db = (
          globalThis as unknown as { subkeeper: { db: Record<string, { put(r: unknown): Promise<unknown> }> } }
        ).subkeeper.db;
        await db.settings!.put({ key: 'settings', value: { baseCurrency: 'NOK', rights: { country: 'auto', usage } } });
        await db.subscriptions!.put({
          id: 's-netflix',
          service: 'Netflix',
          serviceId: 'netflix',
          domain: 'netflix.com',
          category: 'video',
          amountMinor: 17900,
          currency: 'NOK',
          period: 'P1M',
          status: 'active',
          statusHistory: [],
          billingAnchor: '2026-01-05',
          links: {},
          source: 'manual',
          confirmed: true,
          createdAt: stamp,
          updatedAt: stamp,
        });
      },
      [usage, new Date().toISOString()] as const,
    );

  async function countsDaysOfUse(ext: Launched) {
    const put = (rights: { usage: boolean }) => putCounting(ext, rights.usage);
    const days = () =>
      ext.sw.evaluate(
        async () => (await (globalThis as unknown as Hooks).subkeeper.db.state.get('usage:s-netflix'))?.value ?? null,
      );
    // The script that reports visits is registered with the browser only while counting is on.
    const registered = () =>
      ext.sw.evaluate(async () => {
        const g = globalThis as unknown as {
          chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches: string[] }>> } };
        };
        return (await g.chrome.scripting.getRegisteredContentScripts()).map((s) => ({
          id: s.id,
          netflix: s.matches.includes('https://*.netflix.com/*'),
        }));
      });
    await put({ usage: false });
    await expect.poll(registered).toEqual([]);
    const page = await ext.context.newPage();
    await page.goto('https://www.netflix.com/browse');
    await page.waitForTimeout(1500);
    expect(await days()).toBeNull();
    await put({ usage: true });
    await expect.poll(registered).toEqual([{ id: 'subkeeper-visit', netflix: true }]);
    // A page reached from another page of the same site is part of a visit already counted: no message at all.
    await page.goto('https://www.netflix.com/title/80100171', { referer: 'https://www.netflix.com/browse' });
    await page.waitForTimeout(1500);
    expect(await days()).toBeNull();
    // The start of a visit (from another site, or typed in) counts the day.
    await page.goto('https://www.netflix.com/title/80100172', { referer: 'https://www.google.com/' });
    await expect.poll(days, { timeout: 15000 }).toEqual([iso(new Date())]);
    // Another directory service's site, not tracked: nothing is written.
    await page.goto('https://www.viaplay.no/filmer');
    await page.waitForTimeout(1500);
    const state = await ext.sw.evaluate(async () => {
      const g = globalThis as unknown as { subkeeper: { db: { state: { toArray(): Promise<unknown[]> } } } };
      return JSON.stringify(await g.subkeeper.db.state.toArray());
    });
    expect(state).not.toContain('viaplay');
    expect(state).not.toContain('80100172');
    expect(state).not.toContain('8010017');
    await put({ usage: false });
    await expect.poll(registered).toEqual([]);
    await page.close();
  }

  it('the overview warns about a charge after cancelling and shows the cost per day of use', async () => {
    await putCounting(ext, true);
    await ext.sw.evaluate(
      async ([stamp, cancelled, ended, charged, used]) => {
        const db = (
          globalThis as unknown as { subkeeper: { db: Record<string, { put(r: unknown): Promise<unknown> }> } }
        ).subkeeper.db;
        await db.subscriptions!.put({
          id: 's-lyd',
          service: 'Lydhylla',
          domain: 'lydhylla.no',
          category: 'books',
          amountMinor: 19900,
          currency: 'NOK',
          period: 'P1M',
          status: 'cancelled',
          statusHistory: [{ status: 'cancelled', date: cancelled }],
          cancelledOn: cancelled,
          endsOn: ended,
          billingAnchor: '2026-01-05',
          links: {},
          source: 'manual',
          confirmed: true,
          createdAt: stamp,
          updatedAt: stamp,
        });
        await db.charges!.put({
          id: 'c-after',
          subscriptionId: 's-lyd',
          date: charged,
          amountMinor: 19900,
          currency: 'NOK',
          source: 'receipt',
        });
        // Netflix was used on two days of the last 30.
        await db.state!.put({ key: 'usage:s-netflix', value: used });
        await db.state!.put({ key: 'usage.since', value: '2026-01-01' });
      },
      [
        new Date().toISOString(),
        iso(dayIn(-40)),
        iso(dayIn(-30)),
        iso(dayIn(-5)),
        [iso(dayIn(-3)), iso(dayIn(-1))],
      ] as const,
    );
    const dash = await ext.openPage('options.html#/overview');
    const after = dash.getByTestId('after-cancel-list');
    await after.waitFor({ timeout: 15000 });
    expect(await after.textContent()).toContain('Lydhylla');
    expect(await after.textContent()).toContain('199,00');
    const usage = dash.getByTestId('usage-used');
    await usage.waitFor({ timeout: 15000 });
    expect(await usage.textContent()).toContain('Netflix');
    // 179 kr a month over the two days used in the last 30.
    expect(await usage.textContent()).toMatch(/89,50\skr\sper brukt dag/);
    expect(await seriousViolations(dash)).toEqual([]);
    await shot(dash, 'nb-rights-overview.png');
    await dash.getByRole('button', { name: 'Ikke et problem' }).click();
    await expect.poll(() => after.count(), { timeout: 10000 }).toBe(0);
    await dash.close();
  });
});
