import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractPage, layoutVisibility } from '../lib/detect/dom';
import { isWebmailHost, readWebmail } from '../lib/detect/webmail';
import { send } from '../lib/messages';

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
      const mail = readWebmail(document, location.hostname, layoutVisibility);
      if (!mail) return;
      const url = location.href;
      const key = `${url}\n${JSON.stringify(mail)}`;
      if (key === lastSent) return;
      lastSent = key;
      send(browser.runtime, { type: 'mail-seen', url, mail }).catch(() => {});
      return;
    }
    // The lines with prices and dates, and the links, are checked for real visibility (text nobody can see is not read).
    const page = extractPage(document, { visible: layoutVisibility(document) });
    const url = location.href;
    const key = `${url}\n${JSON.stringify(page)}`;
    if (key === lastSent) return;
    lastSent = key;
    // When the background had to drop this read (too busy), the next re-check sends it again.
    send(browser.runtime, { type: 'page-seen', url, page })
      .then((reply) => {
        if (reply?.ok === false && lastSent === key) lastSent = '';
      })
      .catch(() => {});
  } catch {
    // Never into the page.
  }
}

export default defineUnlistedScript(() => {
  (globalThis as { __subkeeperDetect?: () => void }).__subkeeperDetect = run;
  run();
});
