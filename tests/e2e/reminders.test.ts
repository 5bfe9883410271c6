import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFirstRunPage, currentWorker, type Launched, launchExtension } from './harness';

/**
 * Reminders in real Chromium: a renewal due today is shown by `resync`, by the alarm after the service worker
 * was stopped, and never twice (not after a dismissal, not after another worker restart).
 */

const ALARM = 'subkeeper-reminders';

type Chrome = {
  notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> };
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};
type Hooks = {
  db: {
    subscriptions: { put(s: unknown): Promise<unknown> };
    state: { get(key: string): Promise<{ value: unknown } | undefined> };
  };
  resync(): Promise<void>;
};

/** A subscription renewing in 3 days, so its 3-day reminder is due today (dates in the browser's own zone). */
function seedDueToday(ext: Launched, id: string, service: string): Promise<string> {
  return ext.sw.evaluate(
    async ({ id, service }) => {
      const g = globalThis as unknown as { subkeeper: Hooks };
      const local = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
      const [y, m, d] = local.format(new Date()).split('-').map(Number) as [number, number, number];
      const renewal = new Date(Date.UTC(y, m - 1, d + 3)).toISOString().slice(0, 10);
      await g.subkeeper.db.subscriptions.put({
        id,
        service,
        category: 'video',
        amountMinor: 12900,
        currency: 'NOK',
        period: 'P1M',
        status: 'active',
        statusHistory: [],
        billingAnchor: renewal,
        links: { cancel: { url: 'https://example.com/cancel', source: 'user' } },
        source: 'manual',
        confirmed: true,
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      });
      return `renewal:${encodeURIComponent(id)}:${renewal}:3`;
    },
    { id, service },
  );
}

/** The notifications on screen, read from an extension page (which does not wake the service worker). */
function onScreen(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    Object.keys(await (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll()),
  );
}

function clearNotification(page: Page, id: string): Promise<boolean> {
  return page.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.notifications.clear(id), id);
}

/** Stops the extension's service worker through CDP and waits until Chromium reports it stopped. */
async function stopWorker(cdp: CDPSession): Promise<void> {
  const stopped = new Promise<void>((resolve) => {
    const onUpdate = (e: { versions: { runningStatus: string; scriptURL: string }[] }) => {
      if (e.versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped')) {
        cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
        resolve();
      }
    };
    cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}

async function firedLog(ext: Launched): Promise<Record<string, { on: string }>> {
  const sw = await currentWorker(ext.context);
  return sw.evaluate(async () => {
    const g = globalThis as unknown as { subkeeper: Hooks };
    return ((await g.subkeeper.db.state.get('reminders.fired'))?.value ?? {}) as Record<string, { on: string }>;
  });
}

describe('reminders in Chromium', () => {
  let ext: Launched;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    ext = await launchExtension({ locale: 'en-GB' });
    // The first-run page the install opens is an extension page of its own: closed, so that nothing but these tests
    // tells the worker that data changed (a change it reports would show the seeded reminder early).
    await closeFirstRunPage(ext);
    page = await ext.openPage('popup.html');
    cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows a reminder that is due when the data changes, once', async () => {
    // Let the runs the worker queued at start-up finish first (runs are queued), so none of them sees the seed.
    await ext.sw.evaluate(() => (globalThis as unknown as { subkeeper: Hooks }).subkeeper.resync());
    const id = await seedDueToday(ext, 'resync-sub', 'Streamly');
    expect(await onScreen(page)).not.toContain(id);
    await ext.sw.evaluate(() => (globalThis as unknown as { subkeeper: Hooks }).subkeeper.resync());
    expect(await onScreen(page)).toContain(id);
    expect(Object.keys(await firedLog(ext))).toContain(id);

    // Dismissed by the user; further re-syncs never bring it back.
    await clearNotification(page, id);
    await ext.sw.evaluate(async () => {
      const g = globalThis as unknown as { subkeeper: Hooks };
      await Promise.all([g.subkeeper.resync(), g.subkeeper.resync()]);
    });
    expect(await onScreen(page)).not.toContain(id);
  });

  it('fires from the alarm after the service worker was stopped, and exactly once', async () => {
    const id = await seedDueToday(ext, 'alarm-sub', 'Filmhuset');
    // Arm the reminder alarm a few seconds ahead, then stop the worker before it goes off.
    await ext.sw.evaluate(
      ({ name }) =>
        (globalThis as unknown as { chrome: Chrome }).chrome.alarms.create(name, { when: Date.now() + 3000 }),
      { name: ALARM },
    );
    await stopWorker(cdp);
    expect(await onScreen(page)).not.toContain(id);

    // The alarm wakes the worker, which shows the reminder.
    await expect.poll(() => onScreen(page), { timeout: 20000, interval: 250 }).toContain(id);
    const fired = await firedLog(ext);
    expect(Object.keys(fired).filter((k) => k === id)).toHaveLength(1);
    const firstShown = fired[id]?.on;

    // Dismiss it, stop the worker again, wake it with a data change: it is not shown again.
    await clearNotification(page, id);
    await stopWorker(cdp);
    await page.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'data-changed' }),
    );
    const sw = await currentWorker(ext.context);
    await sw.evaluate(() => (globalThis as unknown as { subkeeper: Hooks }).subkeeper.resync());
    expect(await onScreen(page)).not.toContain(id);
    expect((await firedLog(ext))[id]?.on).toBe(firstShown);
  });
});
