import type { ReminderKind } from './types';

/**
 * Reminder ids. Fields are joined with `:`; a subscription or price-change id is percent-encoded (so it never
 * contains `:` or `|`), which keeps ids parseable when a notification comes back with only its id.
 *
 *   renewal:<subId>:<renewalDate>:<leadDays>     trial:<subId>:<trialEnd>:<leadDays>
 *   intro:<subId>:<firstFullPriceDate>:<leadDays> ends:<subId>:<endsOn>:<leadDays>
 *   price:<priceChangeId>:<subId>                weekly:<monday>
 *   withdraw:<subId>:<lastDay>:<leadDays>        cancelby:<subId>:<lastNoticeDay>:<leadDays>
 *   payfail:<subId>:<failureDate>:0
 *   <any of the above>|snooze:<day>              digest:<day>:<hash>   (a catch-up notification)
 */

const PREFIX: Record<ReminderKind, string> = {
  renewal: 'renewal',
  trialEnd: 'trial',
  introEnd: 'intro',
  accessEnds: 'ends',
  priceIncrease: 'price',
  weeklyDigest: 'weekly',
  withdrawalEnds: 'withdraw',
  cancelBy: 'cancelby',
  paymentFailed: 'payfail',
};
const KIND_OF_PREFIX = new Map(Object.entries(PREFIX).map(([kind, prefix]) => [prefix, kind as ReminderKind]));

const SNOOZE = '|snooze:';

/** The key shared by every lead time of one event: `<prefix>:<subId>:<eventDate>`. */
export function eventKeyOf(kind: ReminderKind, subscriptionId: string, eventDate: string): string {
  return `${PREFIX[kind]}:${encodeURIComponent(subscriptionId)}:${eventDate}`;
}

/** The id of one lead time of an event. */
export function leadIdOf(eventKey: string, leadDays: number): string {
  return `${eventKey}:${leadDays}`;
}

export function priceIncreaseId(priceChangeId: string, subscriptionId: string): string {
  return `price:${encodeURIComponent(priceChangeId)}:${encodeURIComponent(subscriptionId)}`;
}

export function weeklyDigestId(monday: string): string {
  return `weekly:${monday}`;
}

/** The id of a snoozed copy that comes back on `until`. */
export function snoozedId(originalId: string, until: string): string {
  return `${baseIdOf(originalId)}${SNOOZE}${until}`;
}

/** The original reminder id of a (possibly snoozed) id. */
export function baseIdOf(id: string): string {
  const i = id.indexOf(SNOOZE);
  return i < 0 ? id : id.slice(0, i);
}

/** The id of a catch-up notification on `day` that settles `ids` (stable for the same set). */
export function digestIdOf(day: string, ids: readonly string[]): string {
  // FNV-1a over the sorted ids: short, and the same for the same set.
  let h = 0x811c9dc5;
  for (const ch of [...ids].sort().join('\n')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `digest:${day}:${h.toString(36)}`;
}

export interface ParsedReminderId {
  /** The reminder kind, or `digest` for a catch-up notification. */
  kind: ReminderKind | 'digest';
  subscriptionId?: string;
  /** The original id when this is a snoozed copy, else the id itself. */
  baseId: string;
}

function decode(s: string | undefined): string | undefined {
  if (s === undefined || s === '') return undefined;
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** Reads a reminder or notification id back. Returns null for an id this module did not make (never throws). */
export function parseReminderId(id: string): ParsedReminderId | null {
  if (typeof id !== 'string') return null;
  const baseId = baseIdOf(id);
  const parts = baseId.split(':');
  const prefix = parts[0] ?? '';
  if (prefix === 'digest') return { kind: 'digest', baseId };
  const kind = KIND_OF_PREFIX.get(prefix);
  if (!kind) return null;
  if (kind === 'weeklyDigest') return { kind, baseId };
  const subscriptionId = decode(kind === 'priceIncrease' ? parts[2] : parts[1]);
  return subscriptionId === undefined ? null : { kind, subscriptionId, baseId };
}
