/**
 * The detection engine: reads one page (any DOM Document) and tells what kind of subscription page it is and what
 * it says — service, recurring price, period, trial, intro offer, next renewal, past charges and where to cancel.
 * Pure: no network, no clock (the caller passes `now`), no layout reads. Never throws.
 *
 * The DOM is read in one place, ./dom.ts (`extractPage`, plain data out). In the extension the content script
 * only reads the page and sends that data; the background runs `detectFromSnapshot`. The CLI and tests use
 * `detectPage`, which does both. Results are validated against the `PageDetection` schema (invalid fields are
 * dropped).
 */
import { PageDetection, salvageDetection } from '../model/detection';
import { extractPage, type PageData } from './dom';
import { type DetectOptions, detectFromPage } from './engine';
import { addressHost, type MailData, mailDay } from './mail';
import { unforward } from './mail-forward';

export type { DetectOptions } from './engine';
export type { DirectoryHit, LookupHost, LookupName } from './service';

/**
 * Reads `document` (loaded from `url`) as of the day `now` (`YYYY-MM-DD`) and returns what it found, validated
 * against `PageDetection` (invalid fields are dropped). Returns kind `none` on any internal error.
 */
export function detectPage(document: Document, url: string, now: string, options: DetectOptions = {}): PageDetection {
  let page: PageData;
  try {
    page = extractPage(document);
  } catch {
    return { kind: 'none', service: null, subscription: null, charges: [], links: {} };
  }
  return detectFromSnapshot(page, url, now, options);
}

/**
 * What a page read by a content script (`extractPage`'s plain data, received as a message) is about, validated
 * like {@link detectPage}. This is how the background detects.
 */
export function detectFromSnapshot(
  page: PageData,
  url: string,
  now: string,
  options: DetectOptions = {},
): PageDetection {
  const raw = detectFromPage(page, url, now, options);
  return salvageDetection(raw) ?? { kind: 'none', service: null, subscription: null, charges: [], links: {} };
}

/** The schema (and its type), for callers that validate detections they received. */
export { PageDetection };

/**
 * What a message (read by one of the mail front ends into `MailData`) is about, as of `today`; validated like
 * {@link detectPage}.
 */
export function detectMail(message: MailData, today: string, options: DetectOptions = {}): PageDetection {
  const mail = unforward(message, today);
  const host = addressHost(mail.from.address);
  const page: PageData = { ...mail.body, title: mail.subject };
  const day = mailDay(mail, today);
  const sender = { name: mail.from.name, address: mail.from.address };
  const raw = detectFromPage(page, host ? `https://${host}/` : 'https://example.invalid/', day, options, {
    sender: mail.replyTo ? { ...sender, replyTo: mail.replyTo.address } : sender,
    subject: mail.subject,
    date: /^\d{4}-\d{2}-\d{2}$/.test(mail.date) ? day : '',
    bulk: mail.listUnsubscribe === true,
  });
  return salvageDetection(raw) ?? { kind: 'none', service: null, subscription: null, charges: [], links: {} };
}
