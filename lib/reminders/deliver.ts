import { HttpUrl, type Subscription } from '../model';
import { digestIdOf } from './ids';
import type { Delivery, Reminder, ReminderAction } from './types';

/** More reminders than this at once are shown as one digest, even when none is overdue. */
export const MAX_SINGLE_NOTIFICATIONS = 3;

/**
 * Keeps, of several due reminders for the same event (e.g. the 3-day and the 1-day trial reminder after a
 * week away), only the one with the shortest lead; the others are settled with it.
 */
export function collapseSuperseded(due: readonly Reminder[]): { shown: Reminder[]; covers: Map<string, string[]> } {
  const best = new Map<string, Reminder>();
  for (const r of due) {
    const cur = best.get(r.eventKey);
    if (!cur || r.leadDays < cur.leadDays || (r.leadDays === cur.leadDays && r.dueDate > cur.dueDate)) {
      best.set(r.eventKey, r);
    }
  }
  const covers = new Map<string, string[]>();
  for (const r of due) {
    const keep = best.get(r.eventKey);
    if (!keep) continue;
    const list = covers.get(keep.id) ?? [];
    if (!list.includes(r.id)) list.push(r.id);
    covers.set(keep.id, list);
  }
  const shown = due.filter((r) => best.get(r.eventKey) === r);
  return { shown, covers };
}

/**
 * Turns the due reminders into notifications. Superseded reminders are folded into the one that replaces them.
 * When two or more are overdue (came due on an earlier day, e.g. while the browser was closed), or more than
 * {@link MAX_SINGLE_NOTIFICATIONS} are due at once, everything goes into ONE digest notification; otherwise each
 * reminder is its own notification. Every due id ends up in exactly one delivery's `covers`.
 */
export function planDeliveries(due: readonly Reminder[], today: string): Delivery[] {
  if (due.length === 0) return [];
  const { shown, covers } = collapseSuperseded(due);
  const overdue = shown.filter((r) => r.dueDate < today).length;
  if (overdue >= 2 || shown.length > MAX_SINGLE_NOTIFICATIONS) {
    const all = due.map((r) => r.id);
    return [{ notificationId: digestIdOf(today, all), kind: 'digest', reminders: shown, covers: all }];
  }
  return shown.map((r) => ({
    notificationId: r.id,
    kind: 'single',
    reminders: [r],
    covers: covers.get(r.id) ?? [r.id],
  }));
}

/** The directory's cancel page for a service id (injected: the directory is not loaded everywhere). */
export type DirectoryCancel = (serviceId: string) => string | undefined;

/**
 * The cancel page a notification may open: the subscription's cancel link when the user entered it, it came from
 * the directory, or the user accepted it from a page (`acceptedAt`) — never a link a page planted — else the
 * directory's cancel page for the service. Only real http(s) links.
 */
export function cancelUrlOf(
  sub: Pick<Subscription, 'links' | 'serviceId'> | undefined,
  directory?: DirectoryCancel,
): string | undefined {
  const link = sub?.links?.cancel;
  const trusted = link && (link.source !== 'page' || link.acceptedAt !== undefined) ? link.url : undefined;
  const fallback = sub?.serviceId && directory ? directory(sub.serviceId) : undefined;
  for (const url of [trusted, fallback]) {
    const parsed = HttpUrl.safeParse(url);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

/**
 * The buttons a notification offers, in this fixed order: `snooze` (index 0) for single reminders about one
 * subscription, then `cancelPage` (index 1) when that subscription has a cancel page to open ({@link cancelUrlOf}). Digests and the
 * weekly summary have none. (Chrome allows two buttons; Firefox shows none, the caller feature-detects.)
 */
export function deliveryActions(
  delivery: Delivery,
  sub: Subscription | undefined,
  directory?: DirectoryCancel,
): ReminderAction[] {
  const r = delivery.reminders[0];
  if (delivery.kind !== 'single' || !r || r.kind === 'weeklyDigest') return [];
  const actions: ReminderAction[] = ['snooze'];
  // Withdrawing is not cancelling: its reminder opens the subscription (its withdrawal link and letter) on a click.
  if (r.kind !== 'accessEnds' && r.kind !== 'withdrawalEnds' && cancelUrlOf(sub, directory)) actions.push('cancelPage');
  return actions;
}

/** The action behind a clicked button index (the order of {@link deliveryActions}). */
export function actionOfButton(index: number): ReminderAction | undefined {
  return index === 0 ? 'snooze' : index === 1 ? 'cancelPage' : undefined;
}
