import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractPage } from '../lib/detect/dom';

/**
 * The page reader, imported by the content script into a page whose gate fired (never loaded on other pages).
 * It reads the page into plain data (lib/detect/dom.ts: visible text as lines, links, metadata, structured data)
 * and sends that to the background, which runs the detection: the page pays only for reading itself. The same
 * page content is not sent twice. Never throws into the page and never changes it.
 */
let lastSent = '';

function run() {
  try {
    const page = extractPage(document);
    const url = location.href;
    const key = `${url}\n${JSON.stringify(page)}`;
    if (key === lastSent) return;
    lastSent = key;
    browser.runtime.sendMessage({ type: 'page-seen', url, page }).catch(() => {});
  } catch {
    // Never into the page.
  }
}

export default defineUnlistedScript(() => {
  (globalThis as { __subkeeperDetect?: () => void }).__subkeeperDetect = run;
  run();
});
