import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { getDb, saveSubscription } from '../../lib/db';
import { extractPage } from '../../lib/detect/dom';
import { loadHtml } from '../../lib/detect/load';

/**
 * The background's message router, the extension's security boundary: what a content script (any web page) and
 * what the extension's own pages may ask, checked end to end through the real `entrypoints/background` with WXT's
 * in-memory browser and fake-indexeddb. Nothing here calls lib/messages directly: these are the listener's answers
 * and what they did to the database.
 */

const FIXTURES = join(__dirname, '../fixtures/pages');
const OWN = fakeBrowser.runtime.id;
const ownPage = (path: string) => `chrome-extension://${OWN}/${path}`;

/** What the page reader sends for a fixture page (read in happy-dom, no layout: nothing hidden). */
function pageOf(name: string): { url: string; page: ReturnType<typeof extractPage> } {
  const { url } = JSON.parse(readFileSync(join(FIXTURES, `${name}.meta.json`), 'utf8')) as { url: string };
  const { document, close } = loadHtml(readFileSync(join(FIXTURES, `${name}.html`), 'utf8'), url);
  try {
    return { url, page: extractPage(document) };
  } finally {
    void close();
  }
}

const confirmation = pageOf('en-disney-confirmation-eur');
const tabSender = (url: string, id = OWN) => ({ id, url, tab: { id: 7, url } });

/** The one answer of the background's message listener. */
async function send(raw: unknown, sender: object): Promise<{ ok: boolean; reason?: string } | undefined> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(raw, sender);
  return replies.find((r: unknown) => r !== undefined) as { ok: boolean; reason?: string } | undefined;
}

const db = getDb();

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T12:00:00Z'));
  fakeBrowser.reset();
  // Ports (the sync's live connection from open pages) are not in WXT's in-memory browser; none are opened here.
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  background.main();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('background router: content scripts', () => {
  it('a page read on a tab of the same origin is detected and proposed, and marks the tab', async () => {
    const reply = await send({ type: 'page-seen', ...confirmation }, tabSender(confirmation.url));
    expect(reply).toEqual({ ok: true });
    const found = await db.detections.toArray();
    expect(found).toHaveLength(1);
    expect(found[0]?.hostname).toBe('disneyplus.com');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('+1');
    // Proposed, not counted: nothing became a subscription.
    expect(await db.subscriptions.count()).toBe(0);
  });

  it('refuses a page that claims another origin than the tab it came from', async () => {
    const reply = await send({ type: 'page-seen', ...confirmation }, tabSender('https://evil.example/x'));
    expect(reply).toEqual({ ok: false, reason: 'url does not match sender' });
    expect(await db.detections.count()).toBe(0);
  });

  it('refuses messages from another extension', async () => {
    const reply = await send({ type: 'page-seen', ...confirmation }, tabSender(confirmation.url, 'other-extension'));
    expect(reply?.ok).toBe(false);
    expect(await db.detections.count()).toBe(0);
  });

  it('refuses malformed messages with a reason, and stores nothing', async () => {
    for (const raw of [
      null,
      'page-seen',
      { type: 'page-seen', url: confirmation.url },
      { type: 'page-seen', url: 'javascript:alert(1)', page: confirmation.page },
      { type: 'page-seen', ...confirmation, page: { ...confirmation.page, lines: 'not lines' } },
    ]) {
      const reply = await send(raw, tabSender(confirmation.url));
      expect(reply?.ok).toBe(false);
      expect(reply?.reason).toMatch(/invalid message|url does not match/);
    }
    expect(await db.detections.count()).toBe(0);
  });

  it('a content script cannot send what only the extension’s pages may (data changes, sync commands)', async () => {
    const saved = await saveSubscription(
      db,
      {
        service: 'Netflix',
        amountMinor: 12900,
        currency: 'NOK',
        period: 'P1M',
        status: 'active',
        billingAnchor: '2026-11-01',
      },
      '2026-11-01T00:00:00.000Z',
    );
    expect(saved.ok).toBe(true);
    for (const raw of [
      { type: 'data-changed' },
      { type: 'detection-seen', tabId: 7 },
      { type: 'sync-leave' },
      { type: 'sync-status' },
      { type: 'delete-all' },
      { type: 'export' },
    ]) {
      const reply = await send(raw, tabSender(confirmation.url));
      expect(reply?.ok).toBe(false);
    }
    expect(await db.subscriptions.count()).toBe(1);
  });

  it('reads nothing from plain-http pages (accepted, not detected)', async () => {
    const url = confirmation.url.replace('https:', 'http:');
    const reply = await send({ type: 'page-seen', url, page: confirmation.page }, tabSender(url));
    expect(reply).toEqual({ ok: true });
    expect(await db.detections.count()).toBe(0);
  });

  it('accepts a mail only from a webmail host', async () => {
    const mail = {
      client: 'gmail',
      from: { name: 'Disney+', address: 'disneyplus@mail.disneyplus.com' },
      subject: 'Your receipt',
      dateText: '23 Nov 2026',
      body: confirmation.page,
    };
    const reply = await send({ type: 'mail-seen', url: confirmation.url, mail }, tabSender(confirmation.url));
    expect(reply).toEqual({ ok: false, reason: 'not a webmail page' });
    expect(await db.detections.count()).toBe(0);
  });
});

describe('background router: the extension’s own pages', () => {
  it('the popup may clear a tab’s mark', async () => {
    await send({ type: 'page-seen', ...confirmation }, tabSender(confirmation.url));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('+1');
    await send({ type: 'detection-seen', tabId: 7 }, { id: OWN, url: ownPage('popup.html') });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('says data changed only from its own pages, with a valid message', async () => {
    expect(await send({ type: 'data-changed' }, { id: OWN, url: ownPage('options.html') })).toEqual({ ok: true });
    expect(await send({ type: 'data-changed' }, { id: OWN, url: 'https://www.disneyplus.com/' })).toMatchObject({
      ok: false,
      reason: 'not an extension page',
    });
    expect(
      await send({ type: 'data-changed', extra: 'x'.repeat(10) }, { id: 'other', url: ownPage('x') }),
    ).toMatchObject({ ok: false, reason: 'foreign sender' });
    expect(await send({ type: 'wipe' }, { id: OWN, url: ownPage('options.html') })).toMatchObject({ ok: false });
  });
});

describe('background: the days-of-use script', () => {
  it('is registered while counting is on (once the browser gave `scripting`) and removed when it is turned off', async () => {
    const registered = new Map<string, { id: string; js: string[]; matches: string[] }>();
    const scripting = {
      getRegisteredContentScripts: async (f?: { ids?: string[] }) =>
        [...registered.values()].filter((s) => !f?.ids || f.ids.includes(s.id)),
      registerContentScripts: async (list: Array<{ id: string; js: string[]; matches: string[] }>) => {
        for (const s of list) {
          if (registered.has(s.id)) throw new Error('Duplicate script ID');
          registered.set(s.id, s);
        }
      },
      unregisterContentScripts: async (f?: { ids?: string[] }) => {
        for (const id of f?.ids ?? []) registered.delete(id);
      },
    };
    Object.assign(fakeBrowser, { scripting });
    try {
      const { DEFAULT_SETTINGS } = await import('../../lib/model');
      const { saveSettings } = await import('../../lib/db');
      await saveSettings(db, { ...DEFAULT_SETTINGS, rights: { country: 'auto', usage: true } });
      await vi.waitFor(() => expect(registered.get('subkeeper-visit')?.js).toEqual(['visit.js']));
      expect(registered.get('subkeeper-visit')?.matches).toContain('https://*.netflix.com/*');
      // Another settings write with counting still on changes nothing.
      await saveSettings(db, { ...DEFAULT_SETTINGS, baseCurrency: 'SEK', rights: { country: 'auto', usage: true } });
      await new Promise((r) => setTimeout(r, 50));
      expect(registered.size).toBe(1);
      await saveSettings(db, { ...DEFAULT_SETTINGS, rights: { country: 'auto', usage: false } });
      await vi.waitFor(() => expect(registered.size).toBe(0));
    } finally {
      delete (fakeBrowser as { scripting?: unknown }).scripting;
    }
  });
});
