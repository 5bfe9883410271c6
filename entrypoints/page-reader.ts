import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { toIsoDate } from '../lib/dates';
import { detectPageRaw } from '../lib/detect/engine';

/**
 * The full detector, imported by the content script into a page whose gate fired (never loaded on other pages).
 * It reads the page and reports what it found; the same result is not sent twice.
 */
let lastSent = '';

/** Today in the user's own time zone. Plain Date getters: an Intl formatter with a time zone costs ~40 ms here. */
function today(): string {
  const d = new Date();
  return toIsoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

function run() {
  try {
    const result = detectPageRaw(document, location.href, today());
    if (result.kind === 'none') return;
    const key = JSON.stringify(result);
    if (key === lastSent) return;
    lastSent = key;
    browser.runtime.sendMessage({ type: 'page-detected', url: location.href, result }).catch(() => {});
  } catch {
    // Never into the page.
  }
}

export default defineUnlistedScript(() => {
  (globalThis as { __subkeeperDetect?: () => void }).__subkeeperDetect = run;
  run();
});
