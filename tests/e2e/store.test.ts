import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Language } from '../../lib/model';
import { decodePng, pngSize } from '../png';
import { type FixtureServer, type Launched, launchExtension, ROOT, startServer } from './harness';
import { BASE_CURRENCY, storeDemo } from './store-demo';
import { storePage } from './store-pages';

/**
 * The store screenshots: five views at exactly 1280×800 and the 440×280 promo tile, in each language, from the real
 * extension with a market's demo data. Written to test-results/store/ (`npm run store:screenshots` copies them to
 * docs/store/screenshots/, the committed set).
 */
const STORE_SHOTS = path.join(ROOT, 'test-results/store');
const LANGS: Language[] = ['en', 'nb', 'sv', 'da'];
const NAV: Record<Language, string> = { en: 'Overview', nb: 'Oversikt', sv: 'Översikt', da: 'Oversigt' };
const TODAY = new Date().toISOString().slice(0, 10);

type Table = {
  clear(): Promise<void>;
  bulkPut(x: unknown[]): Promise<unknown>;
  put(x: unknown): Promise<unknown>;
  toArray(): Promise<Array<Record<string, unknown>>>;
  where(x: Record<string, unknown>): { modify(changes: Record<string, unknown>): Promise<number> };
};
type Hooks = { subkeeper: { db: Record<string, Table> } };

/** The tagline for the promo tile, from docs/store/<lang>.md. */
function tagline(lang: Language): string {
  const md = readFileSync(path.join(ROOT, `docs/store/${lang}.md`), 'utf8');
  const m = /^## Promo tile tagline\n\n(.+)$/m.exec(md);
  if (!m?.[1]) throw new Error(`docs/store/${lang}.md has no promo tile tagline`);
  return m[1];
}

/** How many different colours a PNG has (a view that did not render is a few flat colours). */
function colours(png: Buffer): number {
  const { rgba } = decodePng(png);
  const seen = new Set<number>();
  for (let i = 0; i < rgba.length; i += 16)
    seen.add(((rgba[i] ?? 0) << 16) | ((rgba[i + 1] ?? 0) << 8) | (rgba[i + 2] ?? 0));
  return seen.size;
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

describe('store screenshots', () => {
  let ext: Launched;
  let server: FixtureServer;
  const pages = new Map(LANGS.map((l) => [l, storePage(l, TODAY)]));

  beforeAll(async () => {
    mkdirSync(STORE_SHOTS, { recursive: true });
    const byHost = new Map([...pages.values()].map((p) => [p.host, p.html]));
    server = await startServer((host) => byHost.get(host));
    ext = await launchExtension({
      locale: 'en-GB',
      viewport: { width: 1280, height: 800 },
      mapAllHostsToPort: server.port,
    });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function open(url: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const page = await ext.context.newPage();
    await page.setViewportSize(viewport);
    // Charts draw without animation, so the screenshot shows them finished.
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    await page.goto(url);
    return page;
  }

  async function dashboard(lang: Language, hash: string): Promise<Page> {
    const page = await open(`chrome-extension://${ext.extensionId}/options.html#/${hash}`);
    await page.waitForFunction(() => performance.getEntriesByName('subkeeper:ready').length > 0);
    await page.getByRole('navigation').getByText(NAV[lang]).waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  }

  async function save(name: string, png: Buffer, size = { width: 1280, height: 800 }) {
    expect(pngSize(png)).toEqual(size);
    expect(colours(png)).toBeGreaterThan(40);
    writeFileSync(path.join(STORE_SHOTS, name), png);
  }

  for (const lang of LANGS) {
    it(`${lang}: five 1280×800 screenshots and the 440×280 promo tile, with ${BASE_CURRENCY[lang]} demo data`, async () => {
      const demo = storeDemo(lang, TODAY);
      await ext.sw.evaluate(
        async ({ demo, settings }) => {
          const db = (globalThis as unknown as Hooks).subkeeper.db;
          for (const t of [
            'subscriptions',
            'charges',
            'priceChanges',
            'members',
            'detections',
            'state',
            'serviceLinks',
          ])
            await db[t]!.clear();
          await db.settings!.put({ key: 'settings', value: settings });
          await db.subscriptions!.bulkPut(demo.subscriptions);
          await db.charges!.bulkPut(demo.charges);
          await db.priceChanges!.bulkPut(demo.priceChanges);
          await db.members!.bulkPut(demo.members);
        },
        { demo, settings: { ...DEFAULT_SETTINGS, language: lang, baseCurrency: BASE_CURRENCY[lang] } },
      );

      // 1, 3, 5: the overview, the list and the charts, as they open.
      for (const [n, view] of [
        [1, 'overview'],
        [3, 'subscriptions'],
        [5, 'charts'],
      ] as const) {
        const page = await dashboard(lang, view);
        if (view === 'charts') {
          // At 95 % the monthly chart's axis fits in the 800 px height.
          await page.evaluate(() => {
            document.documentElement.style.zoom = '0.95';
          });
          await page.waitForFunction(() => {
            const canvases = [...document.querySelectorAll('canvas')];
            return canvases.length > 0 && canvases.every((c) => c.width > 0 && c.height > 0);
          });
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        }
        await save(`${lang}-${n}-${view}.png`, await page.screenshot());
        await page.close();
      }

      // 4: one subscription with its price history, charges and where to cancel.
      const netflix = demo.subscriptions.find((s) => s.service === 'Netflix');
      expect(netflix?.links.cancel).toBeTruthy();
      const detail = await dashboard(lang, `subscription/${netflix?.id}`);
      await detail.getByRole('heading', { name: 'Netflix' }).first().waitFor();
      await save(`${lang}-4-detail.png`, await detail.screenshot());
      await detail.close();

      // 2: the popup over the sign-up page where it found a subscription (a made-up service, the real detection).
      const shop = pages.get(lang)!;
      const site = await open(shop.url);
      await expect
        .poll(
          () =>
            ext.sw.evaluate(
              async (host) => {
                const db = (globalThis as unknown as Hooks).subkeeper.db;
                return (await db.detections!.toArray()).filter((d) => d.hostname === host).length;
              },
              shop.host.replace(/^www\./, ''),
            ),
          { timeout: 15000 },
        )
        .toBeGreaterThan(0);
      const background = await site.screenshot();
      const popup = await open(`chrome-extension://${ext.extensionId}/popup.html`, { width: 380, height: 600 });
      // The popup shows the find for the tab it was opened from; opened as a tab here, it is its own tab, so the
      // find is moved onto that tab (what a click on the toolbar button does for the page's own tab).
      await ext.sw.evaluate(
        async ({ host, popupUrl }) => {
          const g = globalThis as unknown as Hooks & {
            chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
          };
          const [tab] = await g.chrome.tabs.query({ url: popupUrl });
          await g.subkeeper.db.detections!.where({ hostname: host }).modify({ tabId: tab?.id });
        },
        { host: shop.host.replace(/^www\./, ''), popupUrl: `chrome-extension://${ext.extensionId}/popup.html` },
      );
      await popup.reload();
      const found = popup.getByTestId('site-detected');
      await found.waitFor();
      expect(await found.textContent()).toContain('Auralis');
      await popup.evaluate(() => document.fonts.ready.then(() => undefined));
      const box = await popup.locator('main.popup').boundingBox();
      // 560 px high at most: the popup's own maximum height (components/styles.css).
      const popupPng = await popup.screenshot({
        clip: { x: 0, y: 0, width: 380, height: Math.min(560, Math.ceil(box?.height ?? 560)) },
      });
      await popup.close();
      await site.close();
      const composite = await open('about:blank');
      await composite.setContent(`<!doctype html><html><body style="margin:0;width:1280px;height:800px;overflow:hidden;
        background:url('${dataUrl(background)}') no-repeat;position:relative">
        <div style="position:absolute;inset:0;background:rgba(20,16,30,0.06)"></div>
        <img src="${dataUrl(popupPng)}" style="position:absolute;top:10px;right:24px;width:380px;border-radius:10px;
          box-shadow:0 12px 40px rgba(0,0,0,0.35),0 0 0 1px rgba(0,0,0,0.12)"></body></html>`);
      await composite.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      await save(`${lang}-2-found.png`, await composite.screenshot());

      // The small promo tile: the icon, the name and the tagline.
      const icon = readFileSync(path.join(ROOT, 'public/icon/128.png'));
      await composite.setViewportSize({ width: 440, height: 280 });
      await composite.setContent(`<!doctype html><html lang="${lang}"><body style="margin:0;width:440px;height:280px;
        display:flex;align-items:center;gap:18px;padding:0 34px;box-sizing:border-box;font-family:system-ui,sans-serif;
        background:linear-gradient(135deg,#f6f7f5 0%,#e3efe8 100%);color:#1b1f1d">
        <img src="${dataUrl(icon)}" width="128" height="128" style="margin-left:-16px">
        <div><div style="font-size:38px;font-weight:700;letter-spacing:-0.01em">Subkeeper</div>
        <div style="font-size:21px;line-height:1.3;margin-top:8px;color:#1f5c3d">${tagline(lang)}</div></div>
        </body></html>`);
      await composite.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      await save(`${lang}-promo-440x280.png`, await composite.screenshot(), { width: 440, height: 280 });
      await composite.close();
    });
  }
});
