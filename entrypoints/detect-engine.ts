import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { todayFromInstant } from '../lib/dates';
import { detectPage } from '../lib/detect';

/**
 * The full detector, imported by the content script into a page whose gate fired (never loaded on other pages).
 * It reads the page and reports what it found; the same result is not sent twice.
 */
let lastSent = '';

function run() {
  try {
    const result = detectPage(document, location.href, todayFromInstant(new Date()));
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
