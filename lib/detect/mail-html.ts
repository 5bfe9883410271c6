/**
 * An HTML message body parsed without a browser DOM (linkedom): mail files are read in a Web Worker and in Node,
 * where there is no DOMParser. The document it gives is read by the same page reader as web pages
 * (lib/detect/dom.ts `extractPage`). Nothing in it runs: linkedom executes no scripts and loads nothing.
 */
import { DOMParser } from 'linkedom/worker';
import { extractPage, type PageData } from './dom';

/** Mail bodies larger than this are cut before parsing (a receipt is a few tens of KB; newsletters can be MBs). */
export const MAX_HTML_CHARS = 2_000_000;

/** The body of an HTML message read as page data (the document's own `<title>` is dropped: the subject is the title). */
export function pageFromHtml(html: string): PageData {
  const doc = new DOMParser().parseFromString((html ?? '').slice(0, MAX_HTML_CHARS), 'text/html');
  const page = extractPage(doc as unknown as Document);
  page.title = '';
  return page;
}
