import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { fromSameSite, hostOf } from '../lib/rights/visit';

/**
 * Reports the start of a visit to a directory service's site, for the opt-in count of days of use
 * (lib/rights/usage.ts). Not in the manifest: the background registers it only while counting is on
 * (lib/rights/visit-script.ts), for the directory's sites only. It sends the page's origin, never its address, and
 * nothing when the page was reached from another page of the same site (one message per visit, not per page), once
 * the page is shown, when idle. Never throws into the page and never changes it.
 */
export default defineUnlistedScript(() => {
  try {
    if (fromSameSite(document.referrer, hostOf(document.URL))) return;
    whenShown(reportVisit);
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
