import { z } from 'zod';
import { isWebmailHost } from '../detect/webmail-hosts';
import { HttpUrl, IsoDate } from '../model';
import { PageSnapshot } from '../model/page';

/**
 * The one protocol between content script, background and extension pages. Every incoming message is parsed
 * with these schemas and its sender checked before anything happens. Content scripts can only report what a
 * page showed: nothing in the protocol lets them read, delete or export data.
 */

/**
 * Content script → background: the plain data read off the page the script runs in (lib/detect/dom.ts). The
 * background runs the detection on it, so web pages pay only for reading themselves.
 */
export const PageSeenMessage = z.object({
  type: z.literal('page-seen'),
  url: HttpUrl,
  page: PageSnapshot,
});
export type PageSeenMessage = z.infer<typeof PageSeenMessage>;

/**
 * Content script on a webmail client → background: the one message open there (lib/detect/webmail.ts), as plain
 * data. Accepted only from a webmail host (a page elsewhere cannot pose as a mail).
 */
export const MailSeenMessage = z.object({
  type: z.literal('mail-seen'),
  url: HttpUrl,
  mail: z.object({
    client: z.string().max(20),
    from: z.object({ name: z.string().max(200), address: z.string().max(320) }),
    subject: z.string().max(500),
    dateText: z.string().max(200),
    body: PageSnapshot,
  }),
});
export type MailSeenMessage = z.infer<typeof MailSeenMessage>;

/**
 * Content script → background, on the site of a service in the directory: a visit, for the opt-in count of days of
 * use (lib/rights/usage). Only the page's origin; the background keeps the day only when the user turned counting on
 * and tracks that service, and nothing otherwise.
 */
export const VisitMessage = z.object({ type: z.literal('visit'), url: HttpUrl });
export type VisitMessage = z.infer<typeof VisitMessage>;

export const ContentMessage = z.discriminatedUnion('type', [PageSeenMessage, MailSeenMessage, VisitMessage]);
export type ContentMessage = z.infer<typeof ContentMessage>;

/** Extension page (popup, dashboard) → background. */
export const PageMessage = z.discriminatedUnion('type', [
  /** The data changed: re-plan reminders and the badge. */
  z.object({ type: z.literal('data-changed') }),
  /** Clear the "new detection" mark of a tab. */
  z.object({ type: z.literal('detection-seen'), tabId: z.number().int() }),
  /** Put a coming reminder off by `days` (the reminders view; the background owns the logs). */
  z.object({
    type: z.literal('reminder-snooze'),
    id: z.string().min(1).max(500),
    days: z.number().int().min(1).max(30),
  }),
  /** Do not show this one reminder (it is settled as if shown; its event day lets the log forget it later). */
  z.object({ type: z.literal('reminder-skip'), id: z.string().min(1).max(500), eventDate: IsoDate }),
]);
export type PageMessage = z.infer<typeof PageMessage>;

/** The background's answer to every message of this protocol: whether it was taken, and if not, why. */
export interface Ack {
  ok: boolean;
  reason?: string;
}

/** Every message the background takes, and what each gets back (one entry per `type`). */
export type Message = ContentMessage | PageMessage;
export interface Replies {
  'page-seen': Ack;
  'mail-seen': Ack;
  visit: Ack;
  'data-changed': Ack;
  'detection-seen': Ack;
  'reminder-snooze': Ack;
  'reminder-skip': Ack;
}
export type Reply<M extends Message> = Replies[M['type']];

export interface SenderInfo {
  /** Extension id of the sender. */
  id?: string;
  /** URL of the frame that sent it. */
  url?: string;
  /** Set when the sender is a content script in a tab. */
  tab?: { id?: number; url?: string };
}

export type Accepted<M> = { ok: true; message: M } | { ok: false; reason: string };

/** A content-script message is accepted only from our own extension, from a tab, about the page it runs in. */
export function acceptContentMessage(raw: unknown, sender: SenderInfo, ownId: string): Accepted<ContentMessage> {
  if (sender.id !== ownId) return { ok: false, reason: 'foreign sender' };
  if (!sender.tab || typeof sender.tab.id !== 'number') return { ok: false, reason: 'not from a tab' };
  const parsed = ContentMessage.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `invalid message: ${parsed.error.issues[0]?.message ?? ''}` };
  const from = sender.url ?? sender.tab.url;
  if (!from || !sameOrigin(from, parsed.data.url)) return { ok: false, reason: 'url does not match sender' };
  if (parsed.data.type === 'mail-seen' && !isWebmailHost(new URL(parsed.data.url).hostname)) {
    return { ok: false, reason: 'not a webmail page' };
  }
  return { ok: true, message: parsed.data };
}

/** A page message is accepted only from this extension's own pages (popup, dashboard). */
export function acceptPageMessage(
  raw: unknown,
  sender: SenderInfo,
  ownId: string,
  ownOrigin: string,
): Accepted<PageMessage> {
  if (sender.id !== ownId) return { ok: false, reason: 'foreign sender' };
  if (!sender.url?.startsWith(ownOrigin)) return { ok: false, reason: 'not an extension page' };
  const parsed = PageMessage.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `invalid message: ${parsed.error.issues[0]?.message ?? ''}` };
  return { ok: true, message: parsed.data };
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
