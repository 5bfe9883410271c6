import { addDays } from '../dates';
import { baseIdOf, snoozedId } from './ids';
import type { FiredLog, Reminder, SnoozeLog } from './types';

/**
 * The fired log and the snooze log: plain JSON objects kept in the DB state table. Every function returns a new
 * object and never mutates its input.
 */

/** Fired entries are kept at least this long after both the day shown and the event day. */
export const FIRED_RETENTION_DAYS = 400;

/** Days a notification's "snooze" puts a reminder off. */
export const SNOOZE_DAYS = 1;

/** Adds the given reminders (by id, with their event day) to the log as shown on `today`. */
export function markFired(
  log: FiredLog,
  reminders: readonly Pick<Reminder, 'id' | 'eventDate'>[],
  today: string,
): FiredLog {
  const next: FiredLog = { ...log };
  for (const r of reminders) next[r.id] ??= { on: today, eventDate: r.eventDate };
  return next;
}

/**
 * Drops entries whose show day and event day are both more than {@link FIRED_RETENTION_DAYS} back. Such a
 * reminder can never be planned again: the planner drops every reminder whose event is more than 30 days past.
 */
export function pruneFired(log: FiredLog, today: string): FiredLog {
  const cutoff = addDays(today, -FIRED_RETENTION_DAYS);
  const next: FiredLog = {};
  for (const [id, e] of Object.entries(log)) {
    if (!e || typeof e.on !== 'string' || typeof e.eventDate !== 'string') continue;
    if (e.on < cutoff && e.eventDate < cutoff) continue;
    next[id] = e;
  }
  return next;
}

/** Reads a stored fired log defensively (anything malformed is left out). */
export function readFiredLog(value: unknown): FiredLog {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: FiredLog = {};
  for (const [id, e] of Object.entries(value as Record<string, unknown>)) {
    if (!e || typeof e !== 'object') continue;
    const { on, eventDate } = e as Record<string, unknown>;
    if (typeof on === 'string' && typeof eventDate === 'string') out[id] = { on, eventDate };
  }
  return out;
}

/** Reads a stored snooze log defensively. */
export function readSnoozeLog(value: unknown): SnoozeLog {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: SnoozeLog = {};
  for (const [id, e] of Object.entries(value as Record<string, unknown>)) {
    const until = e && typeof e === 'object' ? (e as Record<string, unknown>).until : undefined;
    if (typeof until === 'string') out[id] = { until };
  }
  return out;
}

/**
 * Snoozes the reminder behind a notification id (a reminder id or a snoozed copy's id) until `today + days`.
 * The planner then brings it back as a new copy due that day.
 */
export function snoozeReminder(log: SnoozeLog, id: string, today: string, days = SNOOZE_DAYS): SnoozeLog {
  return { ...log, [baseIdOf(id)]: { until: addDays(today, days) } };
}

/** Drops snoozes whose copy has been shown, and any older than the fired retention. */
export function pruneSnoozed(log: SnoozeLog, fired: FiredLog, today: string): SnoozeLog {
  const cutoff = addDays(today, -FIRED_RETENTION_DAYS);
  const next: SnoozeLog = {};
  for (const [id, e] of Object.entries(log)) {
    if (e.until < cutoff) continue;
    if (e.until <= today && Object.hasOwn(fired, snoozedId(id, e.until))) continue;
    next[id] = e;
  }
  return next;
}
