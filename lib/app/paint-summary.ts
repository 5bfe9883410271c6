import type { Dexie } from 'dexie';
import { todayFromInstant } from '../dates/today';
import { onCommittedWrite } from '../db/write-hook';
import { bundledRates } from '../money/rates';
import { STAMP_KEY, SUMMARY_KEY } from './paint-keys';
import { type PaintSummary, SUMMARY_VERSION, usableSummary } from './paint-summary-check';
import { paintSettings, popupSummary } from './popup';
import { readSnapshot, type Snapshot } from './snapshot';

/**
 * A small summary of what the popup and the top of the dashboard show, kept in `storage.local`, so that they can
 * paint before IndexedDB answers (a busy machine makes opening the database and reading every subscription the
 * slow part). The rules that keep it correct:
 * - Every committed write of the tables it is made from (settings, subscriptions, detections) stores a new random
 *   stamp (`paint.stamp`), in whichever page or worker wrote (lib/db/write-hook, installed by
 *   {@link keepPaintSummary} in the popup, the dashboard and the background).
 * - A summary is painted only while its stamp is the current one, and only on the day it was made for.
 * - A summary is made from a database read that started after the stamp it carries was read, and is stored only if
 *   the stamp is still the same then: so a summary with the current stamp never holds data older than the last
 *   write whose stamp arrived.
 * - Storage and the database are two stores, so for the moment between a write's commit and its stamp arriving a
 *   page could still paint the summary from before it: the popup and the dashboard therefore always replace the
 *   summary's paint with the live data as soon as the database answers (and they make a new summary when they
 *   found none usable).
 */

export { type PaintSummary, popupSite, SUMMARY_VERSION, usableSummary } from './paint-summary-check';

/** Most pending detections kept (newest first); with more, the popup's site card waits for the database. */
export const SUMMARY_DETECTIONS = 30;

/** The summary of a database read, or null when its settings cannot be read plainly. */
export function buildSummary(snap: Snapshot, stamp: string, today: string): PaintSummary | null {
  // A new user's base currency follows the browser's languages, as the popup's and dashboard's own reads do.
  const settings = paintSettings(snap.settings, typeof navigator === 'undefined' ? [] : navigator.languages);
  if (!settings) return null;
  const ctx = { today, base: settings.baseCurrency, rates: settings.exchangeRates ?? bundledRates };
  const domains = new Set<string>();
  for (const s of snap.subscriptions) if (s.domain) domains.add(s.domain);
  return {
    version: SUMMARY_VERSION,
    stamp,
    today,
    settings: { baseCurrency: settings.baseCurrency, language: settings.language },
    ratesDate: ctx.rates.date,
    popup: popupSummary(snap.subscriptions, ctx),
    subscriptionCount: snap.subscriptions.length,
    detections: snap.detections.slice(0, SUMMARY_DETECTIONS),
    allDetections: snap.detections.length <= SUMMARY_DETECTIONS,
    domains: [...domains],
  };
}

/** Where the summary and its stamp are kept (`browser.storage.local`, or a stand-in in tests). */
export interface SummaryArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SummaryKeeper {
  /** Stores a new stamp (the summary stored so far is no longer painted) and plans a new summary. */
  stamp(): Promise<void>;
  /** Makes and stores a summary now (if no write stamps in between). Resolves true when one was stored. */
  refresh(): Promise<boolean>;
  /** Makes one when the stored one cannot be painted (none yet, an old day, a write since). */
  ensure(): Promise<void>;
}

const randomStamp = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * Keeps the summary in step with the database for one page or worker. `read` reads the database plainly
 * (lib/app/snapshot's readSnapshot); `delayMs` gathers a burst of writes into one new summary.
 */
export function createSummaryKeeper(deps: {
  area: SummaryArea;
  read: () => Promise<Snapshot | null>;
  now: () => Date;
  delayMs?: number;
  newStamp?: () => string;
}): SummaryKeeper {
  const { area, read, now } = deps;
  const newStamp = deps.newStamp ?? randomStamp;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<boolean> | undefined;
  let again = false;

  async function once(): Promise<boolean> {
    let stamp = (await area.get(STAMP_KEY))[STAMP_KEY];
    if (typeof stamp !== 'string') {
      stamp = newStamp();
      await area.set({ [STAMP_KEY]: stamp });
    }
    const snap = await read();
    if (!snap) return false;
    const summary = buildSummary(snap, stamp as string, todayFromInstant(now()));
    if (!summary) return false;
    // A write stamped while the database was read: this summary may miss it, and the next one will not.
    if ((await area.get(STAMP_KEY))[STAMP_KEY] !== stamp) return false;
    await area.set({ [SUMMARY_KEY]: summary });
    return true;
  }

  function refresh(): Promise<boolean> {
    if (running) {
      again = true;
      return running;
    }
    running = once()
      .catch(() => false)
      .then(async (stored) => {
        running = undefined;
        if (!again) return stored;
        again = false;
        return refresh();
      });
    return running;
  }

  return {
    async stamp() {
      await area.set({ [STAMP_KEY]: newStamp() });
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void refresh();
      }, deps.delayMs ?? 250);
    },
    refresh,
    async ensure() {
      const stored = await area.get([SUMMARY_KEY, STAMP_KEY]).catch(() => undefined);
      if (!usableSummary(stored, todayFromInstant(now()))) await refresh();
    },
  };
}

/**
 * Installs the summary's upkeep for this page's or worker's database: every committed write of the summary's
 * tables stamps, then a new summary follows. Call right after creating the database object, before it opens.
 */
export function keepPaintSummary(
  db: Dexie,
  area: SummaryArea,
  opts: { idb?: IDBFactory; now?: () => Date; delayMs?: number; ensureAfterMs?: number } = {},
): SummaryKeeper {
  const keeper = createSummaryKeeper({
    area,
    read: () => readSnapshot(opts.idb ?? indexedDB, { name: db.name }),
    now: opts.now ?? (() => new Date()),
    ...(opts.delayMs !== undefined ? { delayMs: opts.delayMs } : {}),
  });
  onCommittedWrite(db, SUMMARY_TABLES, () => void keeper.stamp().catch(() => {}));
  // A page that had no usable summary to paint from makes one once it is up.
  if (opts.ensureAfterMs !== undefined) setTimeout(() => void keeper.ensure().catch(() => {}), opts.ensureAfterMs);
  return keeper;
}

/** The tables the summary is made from. */
export const SUMMARY_TABLES = ['settings', 'subscriptions', 'detections'] as const;
