import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { localeSettings, preferredCurrencies } from '../../lib/app/defaults';
import { keepPaintSummary } from '../../lib/app/paint-summary';
import { restrictToExtension } from '../../lib/app/storage-access';
import { todayFromInstant } from '../../lib/dates';
import { getDb, getSettings, getSubscription, setAside } from '../../lib/db';
import { holdFind, releaseFinds } from '../../lib/db/pending';
import { errorText } from '../../lib/db/raw';
import { detectFromSnapshot, detectMail } from '../../lib/detect';
import { addressHost, mailOfWebmail } from '../../lib/detect/mail';
import { DIRECTORY_OPTIONS, getService, lookupHost, serviceLinks } from '../../lib/directory';
import { type IngestInput, ingestDetection } from '../../lib/ingest';
import { ingestMail } from '../../lib/ingest-mail';
import {
  type Ack,
  acceptContentMessage,
  acceptPageMessage,
  type MailSeenMessage,
  type SenderInfo,
} from '../../lib/messages';
import { createLimiter } from '../../lib/messages/limit';
import type { PageTerms } from '../../lib/model';
import type { PageSnapshot } from '../../lib/model/page';
import { recordVisit, setTabWarning } from '../../lib/rights/db';
import { mailEvidence } from '../../lib/rights/mail';
import { readTerms } from '../../lib/rights/terms';
import { isSyncMessage } from '../../lib/sync/messages';
import { pageVerdict } from '../../lib/trust';
import { setupReminders } from './reminders';
import { setupSync } from './sync';
import { setupVisitScript } from './visit-script';

/**
 * The background only wires lib/ to the browser: it runs the detection on what content scripts read, keeps reminders
 * and the badge in step with the data, and answers the extension's own pages.
 */
export default defineBackground(() => {
  const db = getDb();
  // Extension storage holds the first-paint summary (names and amounts) and the sync status: only the extension's
  // own pages and worker may read it, never a content script (Chrome lets storage.local and storage.sync be closed
  // to them; Firefox keeps them open to content scripts, and ours never read them).
  void restrictToExtension(browser.storage);
  // The popup's and dashboard's first-paint summary follows what the background writes (lib/app/paint-summary). No
  // summary is made at start: the pages make one when they found none usable (a read at the worker's start raced
  // with a database being replaced: tests/e2e/open-failure).
  keepPaintSummary(db, browser.storage.local);
  const now = () => new Date();
  const directoryCancel = (serviceId: string) => {
    const entry = getService(serviceId);
    return entry ? serviceLinks(entry).cancel : undefined;
  };
  // Firefox defines notifications.onButtonClicked (the event never fires) but rejects `buttons` in
  // notifications.create, so the presence of the event is no test there: the build target decides.
  const reminders = setupReminders({
    db,
    browser,
    now,
    directoryCancel,
    notificationButtons: !import.meta.env.FIREFOX,
  });
  const sync = setupSync({ db, now, onDataChanged: () => void reminders.resync() });
  // The opt-in count of days of use has its own small script, registered only while it is on.
  setupVisitScript({ db, browser });
  const ownId = browser.runtime.id;
  const ownOrigin = browser.runtime.getURL('/');

  // One tab (and origin) cannot keep the background busy: see lib/messages/limit.ts.
  const limiter = createLimiter();
  browser.tabs.onRemoved.addListener((tabId: number) => limiter.forget(tabId));

  browser.runtime.onMessage.addListener((raw: unknown, sender: SenderInfo) => {
    if (sender.tab && !sender.url?.startsWith(ownOrigin)) {
      const accepted = acceptContentMessage(raw, sender, ownId);
      if (!accepted.ok) return Promise.resolve({ ok: false, reason: accepted.reason });
      const message = accepted.message;
      // A visit to a directory service's site: a day of use, when the user counts them (lib/rights/usage).
      if (message.type === 'visit') return countVisit(message.url).then(() => ({ ok: true }));
      // Plain http pages and pages people publish on platforms are never read (lib/trust): not even detected.
      const verdict = pageVerdict(message.url);
      if (!verdict.ok) return Promise.resolve({ ok: true });
      const tabId = sender.tab.id as number;
      if (message.type === 'mail-seen') {
        // A message open in webmail (accepted only from a webmail host): read as a mail, its sender names it.
        return limiter
          .submit(tabId, verdict.url.origin, () => handleMail(message, tabId))
          .then(
            (r) => ({ ok: r.ok }),
            () => ({ ok: false }),
          );
      }
      const { url, page } = message;
      // The detection runs here, on the plain data the content script read: web pages pay only for the reading.
      // The page learns nothing about what is stored (whether the user has this service, what was proposed).
      return limiter
        .submit(tabId, verdict.url.origin, async () => {
          const today = todayFromInstant(now());
          const settings = await userSettings();
          // `kr` or `$` that the page's language and domain leave open is read as the user's own currency.
          const result = detectFromSnapshot(page, url, today, {
            ...DIRECTORY_OPTIONS,
            preferCurrencies: preferredCurrencies(settings, navigator.languages),
          });
          // The terms it states, and whether it confirms a cancellation, from the same data (lib/rights/terms).
          const terms = readTerms(page, url, today);
          await countVisit(url);
          if (result.kind !== 'none' || terms.cancelled) await handleDetection(url, result, tabId, terms, page);
        })
        .then(
          (r) => ({ ok: r.ok }),
          () => ({ ok: false }),
        );
    }
    if (isSyncMessage(raw)) return sync.onMessage(raw, sender);
    const accepted = acceptPageMessage(raw, sender, ownId, ownOrigin);
    if (!accepted.ok) return Promise.resolve({ ok: false, reason: accepted.reason });
    const message = accepted.message;
    if (message.type === 'reminder-snooze')
      return reminders.snooze(message.id, message.days).then(() => ({ ok: true }));
    if (message.type === 'reminder-skip')
      return reminders.skip(message.id, message.eventDate).then(() => ({ ok: true }));
    if (message.type === 'detection-seen') {
      return browser.action
        .setBadgeText({ tabId: message.tabId, text: '' })
        .then(() => reminders.resync())
        .then((): Ack => ({ ok: true }));
    }
    sync.kick();
    return reminders.resync().then(() => ({ ok: true }));
  });

  /** The stored settings, or a new user's (currencies from the browser's languages); never throws. */
  const userSettings = () =>
    getSettings(db, localeSettings(navigator.languages)).catch(() => localeSettings(navigator.languages));

  type Found = IngestInput;
  const ingest = async (found: Found, clock: { today: string; stamp: string }) =>
    ingestDetection(db, found, await getSettings(db), clock, lookupHost);

  // Finds held while the database would not open (lib/db/pending), stored once it does; one at a time.
  let releasing: Promise<unknown> | null = null;
  const releaseHeld = () => {
    releasing ??= releaseFinds(
      indexedDB,
      async (f) => {
        await ingest(
          { url: f.url, result: f.result as Found['result'], ...(f.tabId !== undefined ? { tabId: f.tabId } : {}) },
          { today: f.today, stamp: f.stamp },
        );
      },
      async (f, error) => {
        await setAside(db, { table: 'detections', record: f, reason: errorText(error), at: now().toISOString() });
      },
    )
      .catch(() => undefined)
      .finally(() => {
        releasing = null;
      });
    return releasing;
  };
  void db.open().then(releaseHeld, () => {});

  async function countVisit(url: string) {
    try {
      await recordVisit(db, await getSettings(db), url, todayFromInstant(now()));
    } catch {
      // A day of use is not worth an error.
    }
  }

  async function handleDetection(
    url: string,
    result: Found['result'],
    tabId: number | undefined,
    terms: PageTerms,
    page: PageSnapshot,
  ) {
    const instant = now();
    const clock = { today: todayFromInstant(instant), stamp: instant.toISOString() };
    let outcome: Awaited<ReturnType<typeof ingest>>;
    try {
      outcome = await ingest({ url, result, terms, page, ...(tabId !== undefined ? { tabId } : {}) }, clock);
    } catch {
      // (The terms and the proof of a held find are not held: they are read again when the page is seen again.)
      // The database would not open (a failed upgrade, a full disk): the find is held, not dropped.
      await holdFind(indexedDB, { url, result, ...(tabId !== undefined ? { tabId } : {}), ...clock }).catch(() => {});
      return { ok: true };
    }
    void releaseHeld();
    if (outcome.action === 'proposed' && tabId !== undefined) {
      await browser.action.setBadgeText({ tabId, text: '+1' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#1f7a4d' });
    }
    // Before you pay twice: a sign-up page of something the user already has. The badge and the popup say so.
    if (outcome.action === 'warned' && tabId !== undefined) {
      await setTabWarning(db, tabId, {
        hostname: new URL(url).hostname.toLowerCase().replace(/^www\./, ''),
        subscriptionId: outcome.subscriptionId,
        via: outcome.via,
        ...(outcome.bundleId ? { bundleId: outcome.bundleId } : {}),
        at: instant.toISOString(),
      });
      await browser.action.setBadgeText({ tabId, text: '2×' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
    }
    // A charge recorded on a subscription the user cancelled: the popup and the overview warn.
    if (outcome.action === 'recorded' && tabId !== undefined && (await isCancelled(outcome.subscriptionId))) {
      await browser.action.setBadgeText({ tabId, text: '!' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
    }
  }

  async function isCancelled(id: string) {
    return (await getSubscription(db, id))?.status === 'cancelled';
  }

  // A new user gets the first-run page: what Subkeeper finds and where, and the settings it guessed to confirm.
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  /** A message open in webmail: detected as a mail (its sender names the service), then proposed like a page. */
  async function handleMail(message: MailSeenMessage, tabId: number) {
    const instant = now();
    const today = todayFromInstant(instant);
    const mail = mailOfWebmail(message.mail, today);
    // `kr` or `$` that the mail's language and sender leave open is read as the user's own currency.
    const result = detectMail(mail, today, {
      ...DIRECTORY_OPTIONS,
      preferCurrencies: preferredCurrencies(await userSettings(), navigator.languages),
    });
    if (result.kind === 'none') return;
    // A sign-up or cancellation mail: its text and terms go with the proposal as proof (issue 14).
    const evidence = mailEvidence(
      result,
      { subject: mail.subject, day: mail.date || today, body: mail.body },
      result.service?.domain ?? addressHost(mail.from.address),
    );
    const outcome = await ingestMail(
      db,
      {
        result,
        mail: {
          from: mail.from.address,
          name: mail.from.name,
          subject: mail.subject,
          ...(mail.date ? { sent: mail.date } : {}),
          via: 'webmail',
        },
        url: message.url,
        tabId,
        ...(evidence ? { evidence } : {}),
      },
      await getSettings(db),
      { today, stamp: instant.toISOString() },
      lookupHost,
    );
    if (outcome.action === 'proposed') {
      await browser.action.setBadgeText({ tabId, text: '+1' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#1f7a4d' });
    }
    // A charge recorded on a subscription the user cancelled: the popup and the overview warn.
    if (outcome.action === 'recorded' && (await isCancelled(outcome.subscriptionId))) {
      await browser.action.setBadgeText({ tabId, text: '!' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
    }
    if (outcome.action !== 'ignored') await reminders.resync();
  }

  // Hooks for end-to-end tests, inside the worker only (never reachable from web pages), and only in the test build
  // (`wxt build --mode e2e`, npm run build:e2e): the constant is replaced at build time, so production builds and
  // the store packages do not contain this code at all.
  if (import.meta.env.MODE === 'e2e') {
    Object.assign(globalThis, { subkeeper: { db, resync: () => reminders.resync(), releaseHeld, sync: sync.engine } });
  }
});
