import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { todayFromInstant } from '../../lib/dates';
import { getDb, getSettings } from '../../lib/db';
import { detectFromSnapshot } from '../../lib/detect';
import { directoryHit, lookupHost } from '../../lib/directory';
import { ingestDetection } from '../../lib/ingest';
import { acceptContentMessage, acceptPageMessage, type SenderInfo } from '../../lib/messages';
import { isSyncMessage } from '../../lib/sync/messages';
import { setupReminders } from './reminders';
import { setupSync } from './sync';

/**
 * The background only wires lib/ to the browser: it runs the detection on what content scripts read, keeps reminders
 * and the badge in step with the data, and answers the extension's own pages.
 */
export default defineBackground(() => {
  const db = getDb();
  const now = () => new Date();
  const reminders = setupReminders({ db, browser, now });
  const sync = setupSync({ db, now, onDataChanged: () => void reminders.resync() });
  const ownId = browser.runtime.id;
  const ownOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((raw: unknown, sender: SenderInfo) => {
    if (sender.tab && !sender.url?.startsWith(ownOrigin)) {
      const accepted = acceptContentMessage(raw, sender, ownId);
      if (!accepted.ok) return Promise.resolve({ ok: false, reason: accepted.reason });
      // The detection runs here, on the plain data the content script read: web pages pay only for the reading.
      const { url, page } = accepted.message;
      const result = detectFromSnapshot(page, url, todayFromInstant(now()), { lookupHost: directoryHit });
      if (result.kind === 'none') return Promise.resolve({ ok: true, kind: 'none' });
      return handleDetection(url, result, sender.tab.id);
    }
    if (isSyncMessage(raw)) return sync.onMessage(raw, sender);
    const accepted = acceptPageMessage(raw, sender, ownId, ownOrigin);
    if (!accepted.ok) return Promise.resolve({ ok: false, reason: accepted.reason });
    const message = accepted.message;
    if (message.type === 'detection-seen') {
      return browser.action.setBadgeText({ tabId: message.tabId, text: '' }).then(() => reminders.resync());
    }
    sync.kick();
    return reminders.resync().then(() => ({ ok: true }));
  });

  async function handleDetection(url: string, result: Parameters<typeof ingestDetection>[1]['result'], tabId?: number) {
    const settings = await getSettings(db);
    const instant = now();
    const outcome = await ingestDetection(
      db,
      { url, result, ...(tabId !== undefined ? { tabId } : {}) },
      settings,
      { today: todayFromInstant(instant), stamp: instant.toISOString() },
      lookupHost,
    );
    if (outcome.action !== 'ignored' && tabId !== undefined) {
      await browser.action.setBadgeText({ tabId, text: '+1' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#1f7a4d' });
    }
    if (outcome.action === 'tracked') await reminders.resync();
    return { ok: true, outcome };
  }

  // Hooks for end-to-end tests, inside the worker only (never reachable from web pages).
  Object.assign(globalThis, { subkeeper: { db, resync: () => reminders.resync(), sync: sync.engine } });
});
