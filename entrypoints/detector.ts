import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { gate } from '../lib/detect/gate';
import { collectGateInput } from '../lib/detect/gate-collect';
import { createWatcher } from '../lib/detect/watch';
import { isKnownHost } from '../lib/directory/hosts';

/**
 * The content script (registered in wxt.config.ts for http(s) pages, at document_idle). It is a plain script,
 * not WXT's content-script context, and carries only the gate: on a page with nothing to find it reads a little
 * plain data, touches no extension API and sends nothing. When the gate fires it imports the page reader
 * (entrypoints/page-reader.ts), which reads the page into plain data and sends it to the background, where the
 * detection runs. Never throws into the page and never changes it.
 */
export default defineUnlistedScript(() => {
  try {
    createWatcher({ check, win: window, doc: document }).start();
  } catch {
    // A broken page must never break because of us.
  }
  try {
    // A visit to the site of a service in the directory, for the opt-in count of days of use (lib/rights/usage):
    // one host lookup in a string on every page; a message only on those sites, once, when the browser is idle.
    if (isKnownHost(location.hostname)) {
      const later = (globalThis as { requestIdleCallback?: (f: () => void) => void }).requestIdleCallback ?? setTimeout;
      later(reportVisit);
    }
  } catch {
    // Never into the page.
  }
});

/** Tells the background the origin of this page (never its address); what it does with it, the page never learns. */
function reportVisit() {
  try {
    const g = globalThis as {
      browser?: { runtime?: { sendMessage(m: unknown): Promise<unknown> } };
      chrome?: { runtime?: { sendMessage(m: unknown): Promise<unknown> } };
    };
    const runtime = g.browser?.runtime ?? g.chrome?.runtime;
    runtime?.sendMessage({ type: 'visit', url: location.origin })?.catch(() => {});
  } catch {
    // The extension was reloaded, or the page is going away.
  }
}

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
    if (!gate(collectGateInput(document, location))) return false;
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
