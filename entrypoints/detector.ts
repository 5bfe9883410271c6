import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { todayFromInstant } from '../lib/dates';
import { detectPage } from '../lib/detect';
import { gate } from '../lib/detect/gate';
import { collectGateInput } from '../lib/detect/gate-collect';
import { createWatcher } from '../lib/detect/watch';

/**
 * The content script (registered in wxt.config.ts for http(s) pages, at document_idle). It is a plain script,
 * not WXT's content-script context, so that a page with nothing to find costs only the gate: a few reads of
 * plain data, no extension API, no message. Only when the gate fires does it run the full extraction and
 * report to the background. It never throws into the page and never changes it.
 */
export default defineUnlistedScript(() => {
  try {
    const watcher = createWatcher({
      check,
      win: window,
      doc: document,
    });
    watcher.start();
  } catch {
    // A broken page must never break because of us.
  }
});

let lastSent = '';

/** Runs the gate; on a hit, the full detection. Returns whether the gate fired. */
function check(): boolean {
  try {
    const input = collectGateInput(document, location);
    if (!gate(input)) return false;
    const result = detectPage(document, location.href, todayFromInstant(new Date()));
    if (result.kind === 'none') return true;
    const key = JSON.stringify(result);
    if (key === lastSent) return true;
    lastSent = key;
    browser.runtime.sendMessage({ type: 'page-detected', url: location.href, result }).catch(() => {});
    return true;
  } catch {
    return false;
  }
}
