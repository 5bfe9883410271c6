import type { Subscription } from '../model';

/** Hosts and the subscriptions they belong to (shared by the background's ingest and the popup). */

/** Hostname without `www.`, as stored on detections and subscriptions. */
export function siteOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
}

/** The subscription whose domain is this host or one of its parents (`www.viaplay.no` → `viaplay.no`). */
export function forHost(subs: readonly Subscription[], hostname: string): Subscription | undefined {
  return subs.find((s) => s.domain && (hostname === s.domain || hostname.endsWith(`.${s.domain}`)));
}
