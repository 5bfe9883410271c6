/**
 * Reads the one message open in a webmail client (Gmail, Outlook on the web, Proton Mail) into plain data: the
 * sender's name and address, the subject, the date as the client shows it, and the body read like a page
 * (./dom.ts `extractPage` on the body element only). The selectors are data (./webmail.json), learned from public
 * code that reads these clients. Only the open message is read, never the list of messages; nothing is read when
 * no message is open. Runs in the content script (the page reader); never throws.
 */
import { extractPage, type PageData } from './dom';
import data from './webmail.json';

export { isWebmailHost } from './webmail-hosts';

export interface WebmailClient {
  id: string;
  hosts: string[];
  message: string[];
  body: string[];
  sender: string[];
  senderAddressAttr: string[];
  senderNameAttr: string[];
  senderAddressPart?: string;
  senderNamePart?: string;
  subject: string[];
  subjectAttrOfBody?: string;
  date: string[];
  dateAttr: string[];
  titleSuffix?: string;
}

const CLIENTS = data.clients as WebmailClient[];

export function webmailClient(hostname: string): WebmailClient | undefined {
  const h = hostname.toLowerCase();
  return CLIENTS.find((c) => c.hosts.includes(h));
}

/** The open message, read as plain data (what the content script sends; the background parses the date). */
export interface WebmailMessage {
  client: string;
  from: { name: string; address: string };
  subject: string;
  /** The date as the client shows it (`Mon, Nov 23, 2026, 9:41 AM`, `man. 23. nov. 2026 kl. 09:41`). */
  dateText: string;
  body: PageData;
}

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+/;

function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    try {
      const el = root.querySelector(sel);
      if (el) return el;
    } catch {
      // a selector this browser does not know: try the next
    }
  }
  return null;
}

function all(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const sel of selectors) {
    try {
      const found = root.querySelectorAll(sel);
      if (found.length > 0) return Array.from(found).slice(0, 200);
    } catch {
      // next
    }
  }
  return [];
}

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
}

function attrs(el: Element, names: readonly string[]): string[] {
  return names.map((n) => el.getAttribute(n) ?? '').filter((v) => v.trim() !== '');
}

/** The element's body to read: an iframe's document body (same origin), or the element itself. */
function bodyRoot(el: Element): Element | null {
  if (el.localName !== 'iframe') return el;
  try {
    const doc = (el as HTMLIFrameElement).contentDocument;
    return doc?.body ?? null;
  } catch {
    return null;
  }
}

function inEditor(el: Element): boolean {
  return el.closest('[contenteditable="true"]') !== null;
}

/** The scope of one message around its body: the client's message container, else the nearest with a sender. */
function scopeOf(body: Element, c: WebmailClient): Element {
  for (const sel of c.message) {
    try {
      const m = body.closest(sel);
      if (m) return m;
    } catch {
      // next
    }
  }
  let el: Element | null = body.parentElement;
  for (let hop = 0; el && hop < 12; hop++, el = el.parentElement) if (first(el, c.sender)) return el;
  return body.ownerDocument.body ?? body;
}

function readSender(scope: Element, c: WebmailClient): { name: string; address: string } {
  const el = first(scope, c.sender);
  if (!el) return { name: '', address: '' };
  const part = (sel: string | undefined) => (sel ? text(el.querySelector(sel)) : '');
  const fromAttrs = [...attrs(el, c.senderAddressAttr), ...attrs(el, c.senderNameAttr)];
  const shown = text(el);
  const address =
    [part(c.senderAddressPart), ...attrs(el, c.senderAddressAttr), shown, ...fromAttrs]
      .map((s) => EMAIL.exec(s)?.[0] ?? '')
      .find((s) => s !== '') ?? '';
  let name = part(c.senderNamePart) || attrs(el, c.senderNameAttr)[0] || shown;
  // `From: Netflix <info@…>` (a label, the name, the address): the name only.
  name = name
    .replace(/<[^>]*>/g, ' ')
    .replace(EMAIL, ' ')
    .replace(/^[^:]{1,12}:\s*/, '')
    .replace(/[\s"'<>()]+$/g, '')
    .replace(/^[\s"'<>()]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { name: name.slice(0, 200), address: address.toLowerCase().slice(0, 320) };
}

function readSubject(doc: Document, bodyEl: Element, c: WebmailClient): string {
  const el = first(doc, c.subject);
  const fromEl = el ? (el.getAttribute('title') ?? '').trim() || text(el) : '';
  if (fromEl) return fromEl;
  const onBody = c.subjectAttrOfBody ? (bodyEl.getAttribute(c.subjectAttrOfBody) ?? '').trim() : '';
  if (onBody) return onBody.slice(0, 300);
  const title = doc.title ?? '';
  const cut = c.titleSuffix ? title.split(c.titleSuffix)[0] : title;
  return (cut ?? '').trim().slice(0, 300);
}

function readDate(scope: Element, c: WebmailClient): string {
  const el = first(scope, c.date);
  if (!el) return '';
  const fromAttr = attrs(el, c.dateAttr)[0];
  return (fromAttr ?? text(el)).replace(/\s+/g, ' ').trim().slice(0, 200);
}

/**
 * The message open in `doc` (a webmail client at `hostname`), or null when none is open (the inbox list, a
 * compose window, a message still loading). The newest expanded message of a conversation is the one read.
 */
export function readWebmail(
  doc: Document,
  hostname: string,
  /** Real visibility checks for the body's document (the page reader passes `layoutVisibility`). */
  visibleIn?: (doc: Document) => (el: Element) => boolean,
): WebmailMessage | null {
  try {
    const c = webmailClient(hostname);
    if (!c) return null;
    const bodies = all(doc, c.body).filter((b) => !inEditor(b));
    for (let i = bodies.length - 1; i >= 0; i--) {
      const bodyEl = bodies[i] as Element;
      const root = bodyRoot(bodyEl);
      if (!root) continue;
      const bodyDoc = root.ownerDocument ?? doc;
      const page = extractPage(bodyDoc, { root, ...(visibleIn ? { visible: visibleIn(bodyDoc) } : {}) });
      if (page.lines.length === 0) continue;
      const scope = scopeOf(bodyEl, c);
      const from = readSender(scope, c);
      if (!from.address && !from.name) continue;
      return { client: c.id, from, subject: readSubject(doc, bodyEl, c), dateText: readDate(scope, c), body: page };
    }
    return null;
  } catch {
    return null;
  }
}
