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

/** Windows-1252's characters for the bytes 0x80–0x9F (undefined where it has none). */
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * C1 control characters read back as the Windows-1252 characters they were written as. Browsers decode
 * `iso-8859-1` and `windows-1252` as Windows-1252, but some Node builds decode both as Latin-1 and leave `–` (0x96)
 * as U+0096. C1 controls never mean anything in mail text, so this only repairs.
 */
export function fixC1(s: string): string {
  return s.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1.charAt(c.charCodeAt(0) - 0x80));
}

/** A message that could not be read at all (no headers, nothing that looks like a message). */
export class MalformedMessage extends Error {}

function mailbox(a: Address | undefined): MailAddress | undefined {
  if (!a) return undefined;
  if ('group' in a && a.group) return mailbox(a.group[0]);
  const m = a as { name?: string; address?: string };
  if (!m.address) return undefined;
  return {
    name: fixC1(m.name ?? '')
      .trim()
      .slice(0, 200),
    address: m.address.trim().toLowerCase().slice(0, 320),
  };
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
  const subject = fixC1(email.subject ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 500);
  if (!from && !subject) throw new MalformedMessage('no sender and no subject');
  const dateHeader = email.headers.find((h) => h.key === 'date')?.value ?? '';
  const replyTo = mailbox(email.replyTo?.[0]);
  const body = email.html
    ? pageFromHtml(fixC1(email.html))
    : email.text
      ? pageFromText(fixC1(email.text))
      : emptyPage();
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
