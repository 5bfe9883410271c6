import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { gate } from '../lib/detect/gate';
import { collectGateInput } from '../lib/detect/gate-collect';
import { createWatcher } from '../lib/detect/watch';
import { isWebmailHost } from '../lib/detect/webmail-hosts';
import { fromSameSite } from '../lib/rights/visit';

/**
 * The content script (registered in wxt.config.ts for http(s) pages, at document_idle). It is a plain script,
 * not WXT's content-script context, and carries only the gate: on a page with nothing to find it reads a little
 * plain data, touches no extension API and sends nothing. When the gate fires it imports the page reader
 * (entrypoints/page-reader.ts), which reads the page into plain data and sends it to the background, where the
 * detection runs. On the site of a service in the directory it also reports the start of a visit (the site only),
 * for the opt-in count of days of use. Never throws into the page and never changes it.
 */
export default defineUnlistedScript(() => {
  try {
    createWatcher({ check, win: window, doc: document }).start();
  } catch {
    // A broken page must never break because of us.
  }
});

/** Runs `f` once the page is shown (never for a prerendered or background page that is never looked at), when idle. */
function whenShown(f: () => void) {
  const idle = (globalThis as { requestIdleCallback?: (g: () => void) => void }).requestIdleCallback ?? setTimeout;
  if (document.visibilityState === 'visible') {
    idle(f);
    return;
  }
  const onShow = () => {
    if (document.visibilityState !== 'visible') return;
    document.removeEventListener('visibilitychange', onShow);
    idle(f);
  };
  document.addEventListener('visibilitychange', onShow);
}

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

let visitChecked = false;

function check(): boolean {
  try {
    // On a webmail client the page reader looks for an open message (a host compare: other pages pay nothing).
    if (!isWebmailHost(location.hostname)) {
      const input = collectGateInput(document, location);
      const hit = gate(input);
      // A visit to the site of a service in the directory, for the opt-in count of days of use (lib/rights/usage):
      // the gate has looked the host up already. A message only when a visit to such a site starts (not on pages
      // reached from the same site: one message per visit, not per page), once the page is shown, when idle — and
      // none when the gate fired, since the page it sends counts as the visit.
      if (!visitChecked) {
        visitChecked = true;
        if (!hit && input.knownHost && !fromSameSite(document.referrer, location.hostname)) whenShown(reportVisit);
      }
      if (!hit) return false;
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
