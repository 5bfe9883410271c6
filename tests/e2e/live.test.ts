import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/model';
import { type Launched, launchExtension } from './harness';

/**
 * Live views (issue 13, item 5; issue 15, item 5): an open dashboard updates without a reload when the popup,
 * another dashboard tab or the background writes.
 */
type Table = {
  put(x: unknown): Promise<unknown>;
  count(): Promise<number>;
  toArray(): Promise<Array<Record<string, unknown>>>;
};
type Sw = { subkeeper: { db: Record<string, Table> } };

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

/** The background stores a confirmed monthly subscription of 123.00 NOK renewing in five days (id `bg-1`). */
async function storeFromBackground(ext: Launched, service: string): Promise<void> {
  const stamp = new Date().toISOString();
  await ext.sw.evaluate(
    async ([stamp, anchor, service]) => {
      await (globalThis as unknown as Sw).subkeeper.db.subscriptions!.put({
        id: 'bg-1',
        service,
        category: 'news',
        amountMinor: 12300,
        currency: 'NOK',
        period: 'P1M',
        status: 'active',
        statusHistory: [],
        billingAnchor: anchor,
        links: {},
        source: 'detected',
        confirmed: true,
        createdAt: stamp,
        updatedAt: stamp,
      });
    },
    [stamp, inDays(5), service] as const,
  );
}

describe('live views', () => {
  let ext: Launched;
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'en-GB' });
    // A user who chose NOK as their main currency (an en-GB browser would propose GBP).
    await ext.sw.evaluate(
      async (settings) => {
        await (globalThis as unknown as Sw).subkeeper.db.settings!.put({ key: 'settings', value: settings });
      },
      { ...DEFAULT_SETTINGS, baseCurrency: 'NOK' },
    );
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows a subscription the background stores in an already open dashboard', async () => {
    const dash = await ext.openPage('options.html#/overview');
    // Nothing yet: the overview says how to start (issue 13 item 2), then shows the totals once there is one.
    await dash.getByRole('heading', { name: 'No subscriptions yet' }).waitFor();
    await storeFromBackground(ext, 'Background Weekly');
    await expect.poll(() => dash.getByTestId('monthly-total').textContent(), { timeout: 10000 }).toContain('123.00');
    await dash.close();
  });

  it('a find tracked in the popup leaves the inbox of an open dashboard and counts in its totals', async () => {
    const dash = await ext.openPage('options.html#/overview');
    await expect.poll(() => dash.getByTestId('monthly-total').textContent()).toContain('123.00');
    const popup = await ext.openPage('popup.html');
    await expect.poll(() => popup.getByTestId('popup-monthly-total').textContent()).toContain('123.00');
    // The popup's own tab gets a find, as a sign-up page in it would: both open pages show it, live.
    const popupUrl = popup.url();
    await ext.sw.evaluate(
      async ([url, stamp]) => {
        const g = globalThis as unknown as Sw & {
          chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url: string }>> } };
        };
        const [tab] = (await g.chrome.tabs.query({})).filter((t) => t.url === url);
        await g.subkeeper.db.detections!.put({
          id: 'find-1',
          url: 'https://www.viaplay.no/takk',
          hostname: 'viaplay.no',
          seenAt: stamp,
          status: 'pending',
          tabId: tab!.id,
          result: {
            kind: 'signup',
            service: { name: 'Viaplay', domain: 'viaplay.no' },
            subscription: { amountMinor: 44900, currency: 'NOK', period: 'P1M' },
            charges: [],
            links: {},
          },
        });
      },
      [popupUrl, new Date().toISOString()] as const,
    );
    await expect.poll(() => dash.locator('#inbox-h .count').textContent(), { timeout: 10000 }).toBe('1');
    const track = popup.locator('[data-testid=site-detected] button.primary');
    await track.waitFor({ timeout: 10000 });
    await track.click();
    // The dashboard, never reloaded, drops the find and counts the new subscription.
    await expect.poll(() => dash.locator('#inbox-h .count').textContent(), { timeout: 10000 }).toBe('0');
    await expect.poll(() => dash.getByTestId('monthly-total').textContent(), { timeout: 10000 }).toContain('572.00');
    await expect.poll(() => popup.getByTestId('popup-monthly-total').textContent()).toContain('572.00');
    expect(today() <= inDays(5)).toBe(true);
    await popup.close();
    await dash.close();
  });

  it('a subscription deleted in one dashboard tab leaves the table of another', async () => {
    const a = await ext.openPage('options.html#/subscriptions');
    const b = await ext.openPage('options.html#/subscriptions');
    await expect.poll(() => b.getByRole('row', { name: /Background Weekly/ }).count()).toBe(1);
    await a.bringToFront();
    // Delete sits in the row's menu (issue 13 item 10: no column of red buttons).
    const row = a.getByRole('row', { name: /Background Weekly/ });
    await row.locator('details.row-menu summary').click();
    await row.locator('button.danger').click();
    await expect.poll(() => a.getByRole('row', { name: /Background Weekly/ }).count()).toBe(0);
    await expect.poll(() => b.getByRole('row', { name: /Background Weekly/ }).count(), { timeout: 10000 }).toBe(0);
    await a.close();
    await b.close();
  });
});

/** The same live update in the other three languages: an open dashboard and an open popup, never reloaded. */
const OTHERS = [
  { locale: 'nb-NO', empty: 'Ingen abonnementer ennå' },
  { locale: 'sv-SE', empty: 'Inga prenumerationer ännu' },
  { locale: 'da-DK', empty: 'Ingen abonnementer endnu' },
] as const;

describe('live views in nb, sv and da', () => {
  for (const c of OTHERS) {
    it(`${c.locale}: the dashboard and the popup show what the background stores`, async () => {
      const ext = await launchExtension({ locale: c.locale });
      try {
        await ext.sw.evaluate(
          async (settings) => {
            await (globalThis as unknown as Sw).subkeeper.db.settings!.put({ key: 'settings', value: settings });
          },
          { ...DEFAULT_SETTINGS, baseCurrency: 'NOK' },
        );
        const dash = await ext.openPage('options.html#/overview');
        await dash.getByRole('heading', { name: c.empty }).waitFor();
        const popup = await ext.openPage('popup.html');
        await popup.getByTestId('popup-empty').waitFor();
        expect(await popup.getByTestId('popup-empty').textContent()).toContain(c.empty);
        await storeFromBackground(ext, 'Bakgrunn');
        await expect
          .poll(() => dash.getByTestId('monthly-total').textContent(), { timeout: 10000 })
          .toContain('123,00');
        await expect
          .poll(() => popup.getByTestId('popup-monthly-total').textContent(), { timeout: 10000 })
          .toContain('123,00');
        expect(await popup.getByTestId('popup-empty').count()).toBe(0);
      } finally {
        await ext.close();
      }
    });
  }
});
