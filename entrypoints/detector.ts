import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { gate } from '../lib/detect/gate';
import { collectGateInput } from '../lib/detect/gate-collect';
import { createWatcher } from '../lib/detect/watch';
import { isWebmailHost } from '../lib/detect/webmail-hosts';
import { hostOf } from '../lib/rights/visit';

/**
 * The content script (registered in wxt.config.ts for http(s) pages, at document_idle). It is a plain script,
 * not WXT's content-script context, and carries only the gate: on a page with nothing to find it reads a little
 * plain data, touches no extension API and sends nothing. When the gate fires it imports the page reader
 * (entrypoints/page-reader.ts), which reads the page into plain data and sends it to the background, where the
 * detection runs. (The opt-in count of days of use has its own script, entrypoints/visit.ts, registered only while
 * it is on.) Never throws into the page and never changes it.
 */
export default defineUnlistedScript(() => {
  try {
    createWatcher({ check, win: window, doc: document, href: () => document.URL }).start();
  } catch {
    // A broken page must never break because of us.
  }
});

type Engine = () => void;

/**
 * The extension API is touched only after a gate hit: merely reading `chrome` sets up its bindings in this
 * world, which costs more than the whole gate (that is also why this file does not import wxt/browser).
 */
function extensionUrl(path: string): string {
  const g = globalThis as {
    browser?: { runtime?: { getURL(p: string): string } };
    chrome?: { runtime: { getURL(p: string): string } };
  };
  return (g.browser?.runtime ?? g.chrome!.runtime).getURL(path);
}
let importing = false;

function check(): boolean {
  try {
    // On a webmail client the page reader looks for an open message (a host compare: other pages pay nothing).
    // The address from `document.URL`, not `location`: making the Location object costs about 0.1 ms in this world.
    const href = document.URL;
    const hostname = hostOf(href);
    if (!isWebmailHost(hostname)) {
      const input = collectGateInput(document, { href, hostname });
      if (!gate(input)) return false;
    }
    const g = globalThis as { __subkeeperDetect?: Engine };
    // The first import reads the page; later re-checks (single-page apps) call it again.
    if (g.__subkeeperDetect) g.__subkeeperDetect();
    else if (!importing) {
      importing = true;
      import(/* @vite-ignore */ extensionUrl('/page-reader.js')).catch(() => {
        importing = false;
      });
    }
    return true;
  } catch {
    return false;
  }
}
