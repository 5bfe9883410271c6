import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractPage } from '../lib/detect/dom';
import { isWebmailHost, readWebmail } from '../lib/detect/webmail';

/**
 * The page reader, imported by the content script into a page whose gate fired (never loaded on other pages).
 * It reads the page into plain data (lib/detect/dom.ts: visible text as lines, links, metadata, structured data)
 * and sends that to the background, which runs the detection: the page pays only for reading itself. The same
 * page content is not sent twice. Never throws into the page and never changes it.
 */
let lastSent = '';

function run() {
  try {
    if (isWebmailHost(location.hostname)) {
      // A webmail client: only the message open in it, never the page itself (the inbox list, the folders).
      const mail = readWebmail(document, location.hostname);
      if (!mail) return;
      const url = location.href;
      const key = `${url}\n${JSON.stringify(mail)}`;
      if (key === lastSent) return;
      lastSent = key;
      browser.runtime.sendMessage({ type: 'mail-seen', url, mail }).catch(() => {});
      return;
    }
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
