/**
 * E-mail as an input of its own. A message is read into `MailData` — sender, subject, the day it was sent and the
 * body read like a page (`PageData`: lines, links) — by one of its front ends: a mail file (./mail-mime.ts, with
 * postal-mime), or a message open in webmail (./webmail.ts, read by the content script). `detectMail` then tells
 * what it is about, like `detectPage` does for a page: the sender names the service, the subject plays the
 * title's part, and the mail's day is the day the text is read as of.
 */
import { findDates } from '../dates';
import type { PageData } from './dom';

/** A sender or recipient: display name (may be empty) and address. */
export interface MailAddress {
  name: string;
  address: string;
}

/** One message, read into plain data. */
export interface MailData {
  from: MailAddress;
  /** Reply-To, when the message has one and it differs from the sender (mail files only). */
  replyTo?: MailAddress;
  subject: string;
  /** The day the message was sent (`YYYY-MM-DD`, the day as written in its Date header), or '' when unknown. */
  date: string;
  /** The body read as a page (no title: the subject is the title). */
  body: PageData;
  /** The message carries a List-Unsubscribe header (mail files only): it was sent to a list. */
  listUnsubscribe?: boolean;
}

const ADDRESS = /^[^\s@<>"]{1,64}@([a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+)$/i;

/** The host part of an address (`receipts@mail.netflix.com` → `mail.netflix.com`), lower case; '' when invalid. */
export function addressHost(address: string): string {
  const m = ADDRESS.exec(address.trim());
  return m ? (m[1] as string).toLowerCase() : '';
}

/** Month names in the Date header (RFC 5322: English abbreviations). */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The day a Date header names, as written (`Mon, 23 Nov 2026 23:40:00 +0100` → `2026-11-23`): the sender's own
 * calendar day, which is what its text means by "today". '' when the header cannot be read.
 */
export function dayOfDateHeader(value: string): string {
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(value ?? '');
  if (m) {
    const month = MONTHS.indexOf((m[2] as string).toLowerCase()) + 1;
    const day = Number(m[1]);
    if (month > 0 && day >= 1 && day <= 31) {
      return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
  }
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  return iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : '';
}

/**
 * The day a webmail client shows for a message (`Mon, Nov 23, 2026, 9:41 AM`, `man. 23. nov. 2026, 09:41`,
 * `23 november 2026 kl. 09:41`), read with the date reader of every language; '' when none reads it.
 */
export function dayOfShownDate(text: string, today: string): string {
  const t = (text ?? '').slice(0, 200);
  for (const lang of ['en', 'nb', 'sv', 'da', 'en-US']) {
    const found = findDates(t, { lang, now: today })[0];
    if (found) return found.date;
  }
  return '';
}

/** The day a message is read as of: the day it was sent, unless that is unknown or after `today`. */
export function mailDay(mail: Pick<MailData, 'date'>, today: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(mail.date) && mail.date <= today ? mail.date : today;
}

/** A message read off a webmail client (lib/detect/webmail.ts) as MailData: its shown date read as a day. */
export function mailOfWebmail(
  m: { from: MailAddress; subject: string; dateText: string; body: PageData },
  today: string,
): MailData {
  return { from: m.from, subject: m.subject, date: dayOfShownDate(m.dateText, today), body: m.body };
}
