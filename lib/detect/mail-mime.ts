/**
 * A message file (`.eml`, or one message of an `.mbox`) read into `MailData` with postal-mime, a well-kept MIME
 * parser made for browsers and workers (multipart, quoted-printable, base64, charsets such as ISO-8859-1 and
 * Windows-1252, encoded-word headers). The HTML part is read like a page (./mail-html.ts); a message with only a
 * text part is read line by line (./mail-text.ts).
 */
import PostalMime, { type Address } from 'postal-mime';
import { emptyPage } from './dom';
import { dayOfDateHeader, type MailAddress, type MailData } from './mail';
import { pageFromHtml } from './mail-html';
import { pageFromText } from './mail-text';

/** A message that could not be read at all (no headers, nothing that looks like a message). */
export class MalformedMessage extends Error {}

function mailbox(a: Address | undefined): MailAddress | undefined {
  if (!a) return undefined;
  if ('group' in a && a.group) return mailbox(a.group[0]);
  const m = a as { name?: string; address?: string };
  if (!m.address) return undefined;
  return { name: (m.name ?? '').trim().slice(0, 200), address: m.address.trim().toLowerCase().slice(0, 320) };
}

/** Reads one raw message. Throws {@link MalformedMessage} when it has no sender and no subject at all. */
export async function readMail(raw: Uint8Array | ArrayBuffer | string): Promise<MailData> {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(raw, {
      // Attachments are not read: only their bytes' size is paid, never a copy as text.
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: 50,
      maxPartCount: 500,
      maxRfc822NestingDepth: 0,
    });
  } catch (e) {
    throw new MalformedMessage(e instanceof Error ? e.message : String(e));
  }
  const from = mailbox(email.from) ?? mailbox(email.sender);
  const subject = (email.subject ?? '').replace(/\s+/g, ' ').trim().slice(0, 500);
  if (!from && !subject) throw new MalformedMessage('no sender and no subject');
  const dateHeader = email.headers.find((h) => h.key === 'date')?.value ?? '';
  const replyTo = mailbox(email.replyTo?.[0]);
  const body = email.html ? pageFromHtml(email.html) : email.text ? pageFromText(email.text) : emptyPage();
  const mail: MailData = {
    from: from ?? { name: '', address: '' },
    subject,
    date: dayOfDateHeader(dateHeader) || dayOfDateHeader(email.date ?? ''),
    body,
  };
  if (replyTo && replyTo.address !== mail.from.address) mail.replyTo = replyTo;
  if (email.headers.some((h) => h.key === 'list-unsubscribe')) mail.listUnsubscribe = true;
  return mail;
}
