import { addDays } from '../dates';
import { getState, type SubkeeperDb, setState } from '../db';
import type { Proof, Settings, Subscription } from '../model';
import { isTracked } from '../reminders/renewals';
import { forHost, siteOf } from '../trust/site';
import { readDays, USAGE_SINCE_KEY, usageKey, withDay } from './usage';

/**
 * The database side of lib/rights: days of use, the per-tab "before you pay twice" warnings, proofs and dismissed
 * warnings. Everything else in lib/rights is pure.
 */

// ---- days of use (opt-in) -------------------------------------------------------------------------------------

/**
 * Records today as a day of use of the tracked subscription whose site `url` is on — only when the user turned
 * counting on, and only for a subscription they track (no other site is ever written down, and never an address).
 * Returns the subscription's id when a day was added.
 */
export async function recordVisit(
  db: SubkeeperDb,
  settings: Settings,
  url: string,
  today: string,
): Promise<string | undefined> {
  if (!settings.rights.usage) return undefined;
  let host: string;
  try {
    host = siteOf(url);
  } catch {
    return undefined;
  }
  return db.transaction('rw', [db.subscriptions, db.state], async () => {
    const subs = (await db.subscriptions.toArray()).filter(
      (s) => isTracked(s) && (s.status === 'active' || s.status === 'trial' || s.status === 'paused'),
    );
    const sub = forHost(subs, host);
    if (!sub) return undefined;
    const key = usageKey(sub.id);
    const days = readDays(await getState<unknown>(db, key, []));
    if (days.includes(today)) return undefined;
    await setState(db, key, withDay(days, today));
    return sub.id;
  });
}

/** Every tracked subscription's days of use, and the day counting was switched on. */
export async function readUsage(db: SubkeeperDb): Promise<{ days: Map<string, string[]>; since?: string }> {
  const rows = await db.state.where('key').startsWith('usage:').toArray();
  const days = new Map(rows.map((r) => [r.key.slice('usage:'.length), readDays(r.value)]));
  const since = await getState<unknown>(db, USAGE_SINCE_KEY, undefined);
  return { days, ...(typeof since === 'string' ? { since } : {}) };
}

/**
 * Switches counting on or off (in the settings) — off also forgets every day counted so far, so that turning it off
 * leaves nothing of it behind.
 */
export async function setUsageCounting(db: SubkeeperDb, on: boolean, today: string): Promise<void> {
  await db.transaction('rw', [db.state], async () => {
    if (on) {
      if ((await getState<unknown>(db, USAGE_SINCE_KEY, undefined)) === undefined) {
        await setState(db, USAGE_SINCE_KEY, today);
      }
    } else {
      await db.state.where('key').startsWith('usage:').delete();
      await db.state.delete(USAGE_SINCE_KEY);
    }
  });
}

// ---- before you pay twice: per tab ----------------------------------------------------------------------------

export const TAB_WARNINGS_KEY = 'rights.tabs';
/** A warning for a tab is shown for a day at most (and only while the tab is on the same site). */
const TAB_WARNING_DAYS = 1;
const MAX_TAB_WARNINGS = 50;

export interface TabWarning {
  hostname: string;
  subscriptionId: string;
  via: 'tracked' | 'bundle';
  bundleId?: string;
  /** ISO instant. */
  at: string;
}

function readTabWarnings(value: unknown): Record<string, TabWarning> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, TabWarning> = {};
  for (const [tab, w] of Object.entries(value as Record<string, unknown>)) {
    const v = w as Partial<TabWarning> | null;
    if (!v || typeof v.hostname !== 'string' || typeof v.subscriptionId !== 'string' || typeof v.at !== 'string') {
      continue;
    }
    if (v.via !== 'tracked' && v.via !== 'bundle') continue;
    out[tab] = {
      hostname: v.hostname,
      subscriptionId: v.subscriptionId,
      via: v.via,
      at: v.at,
      ...(typeof v.bundleId === 'string' ? { bundleId: v.bundleId } : {}),
    };
  }
  return out;
}

/** Remembers that the page in `tabId` is a sign-up page of something the user has (pruning old entries). */
export async function setTabWarning(db: SubkeeperDb, tabId: number, warning: TabWarning): Promise<void> {
  await db.transaction('rw', [db.state], async () => {
    const all = readTabWarnings(await getState<unknown>(db, TAB_WARNINGS_KEY, {}));
    const oldest = addDays(warning.at.slice(0, 10), -TAB_WARNING_DAYS);
    const kept = Object.entries(all)
      .filter(([, w]) => w.at.slice(0, 10) >= oldest)
      .sort(([, a], [, b]) => (a.at < b.at ? 1 : -1))
      .slice(0, MAX_TAB_WARNINGS - 1);
    await setState(db, TAB_WARNINGS_KEY, { ...Object.fromEntries(kept), [String(tabId)]: warning });
  });
}

/** The warning for a tab, when it is still about the site the tab shows (the popup asks). */
export async function tabWarning(
  db: SubkeeperDb,
  tabId: number,
  tabUrl: string | undefined,
  today: string,
): Promise<TabWarning | undefined> {
  const w = readTabWarnings(await getState<unknown>(db, TAB_WARNINGS_KEY, {}))[String(tabId)];
  if (!w || !tabUrl || w.at.slice(0, 10) < addDays(today, -TAB_WARNING_DAYS)) return undefined;
  try {
    const host = siteOf(tabUrl);
    return host === w.hostname || host.endsWith(`.${w.hostname}`) || w.hostname.endsWith(`.${host}`) ? w : undefined;
  } catch {
    return undefined;
  }
}

// ---- proofs and dismissed warnings ----------------------------------------------------------------------------

/** A subscription's proofs, newest first. */
export async function proofsOf(db: SubkeeperDb, subscriptionId: string): Promise<Proof[]> {
  const list = await db.proofs.where('subscriptionId').equals(subscriptionId).toArray();
  return list.sort((a, b) => (a.seenAt < b.seenAt ? 1 : -1));
}

/** Deletes a proof (the user's choice; proofs are theirs). */
export async function deleteProof(db: SubkeeperDb, id: string): Promise<void> {
  await db.proofs.delete(id);
}

export const DISMISSED_AFTER_CANCEL_KEY = 'rights.afterCancel.dismissed';

export async function dismissedAfterCancel(db: SubkeeperDb): Promise<Set<string>> {
  const v = await getState<unknown>(db, DISMISSED_AFTER_CANCEL_KEY, []);
  return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
}

export async function dismissAfterCancel(db: SubkeeperDb, keys: readonly string[]): Promise<Set<string>> {
  return db.transaction('rw', [db.state], async () => {
    const next = await dismissedAfterCancel(db);
    for (const k of keys) next.add(k);
    await setState(db, DISMISSED_AFTER_CANCEL_KEY, [...next].slice(-2000));
    return next;
  });
}

/** Subscriptions the user has (tracked), for the views. */
export function tracked(subs: readonly Subscription[]): Subscription[] {
  return subs.filter(isTracked);
}
