/**
 * An HTML message body parsed without a browser DOM (linkedom): mail files are read in a Web Worker and in Node,
 * where there is no DOMParser. The document it gives is read by the same page reader as web pages
 * (lib/detect/dom.ts `extractPage`). Nothing in it runs: linkedom executes no scripts and loads nothing.
 */
import { DOMParser } from 'linkedom/worker';
import { extractPage, type PageData } from './dom';

/** Mail bodies larger than this are cut before parsing (a receipt is a few tens of KB; newsletters can be MBs). */
export const MAX_HTML_CHARS = 2_000_000;

/**
 * Any HTML parsed into a document without a browser (the CLI reads saved pages with it too: it gives every fixture
 * page the same detection as a browser-like DOM, a test checks, and starts far faster than happy-dom).
 */
export function parseHtmlDocument(html: string): Document {
  const source = html ?? '';
  // An HTML fragment with no <html> or <body> (what Gmail and many clients send: `<div dir="ltr">…</div>`) is put in
  // a body first: linkedom would otherwise make its first element the document's root, with an empty body.
  const whole = /<(?:html|body)[\s>]/i.test(source.slice(0, 20_000))
    ? source
    : `<!DOCTYPE html><html><head></head><body>${source}</body></html>`;
  return new DOMParser().parseFromString(whole, 'text/html') as unknown as Document;
}

/** The body of an HTML message read as page data (the document's own `<title>` is dropped: the subject is the title). */
export function pageFromHtml(html: string): PageData {
  const page = extractPage(parseHtmlDocument((html ?? '').slice(0, MAX_HTML_CHARS)));
  page.title = '';
  return page;
}
