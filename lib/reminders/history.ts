import { addDays } from '../dates';
import type { PendingLog } from './cycle';

/**
 * What the user was shown: one entry per notification, with its words as shown, kept for the "history" of the
 * reminders view (the fired log says what is settled, not what appeared). Stored as `reminders.history`.
 */
export interface HistoryEntry {
  /** The notification id (a reminder id, or a digest's). */
  id: string;
  /** The day it was shown. */
  on: string;
  title: string;
  message: string;
  subscriptionId?: string;
}

/** Entries kept at most, and for at most this many days. */
export const HISTORY_MAX = 200;
export const HISTORY_DAYS = 400;

/** The history after showing `show` on `today`: newest first, one entry per id, pruned by count and age. */
export function appendHistory(history: readonly HistoryEntry[], show: PendingLog, today: string): HistoryEntry[] {
  const added: HistoryEntry[] = Object.entries(show).map(([id, p]) => ({
    id,
    on: today,
    title: p.title,
    message: p.message,
    ...(p.subscriptionId !== undefined ? { subscriptionId: p.subscriptionId } : {}),
  }));
  const ids = new Set(added.map((e) => e.id));
  const oldest = addDays(today, -HISTORY_DAYS);
  return [...added, ...history.filter((e) => !ids.has(e.id) && e.on >= oldest)].slice(0, HISTORY_MAX);
}

/** Reads a stored history defensively (anything malformed is left out). */
export function readHistory(value: unknown): HistoryEntry[] {
  if (!Array.isArray(value)) return [];
  const out: HistoryEntry[] = [];
  for (const e of value) {
    if (!e || typeof e !== 'object') continue;
    const { id, on, title, message, subscriptionId } = e as Record<string, unknown>;
    if (typeof id !== 'string' || typeof on !== 'string' || typeof title !== 'string' || typeof message !== 'string')
      continue;
    out.push({ id, on, title, message, ...(typeof subscriptionId === 'string' ? { subscriptionId } : {}) });
  }
  return out;
}
