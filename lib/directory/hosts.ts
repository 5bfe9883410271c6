/**
 * A tiny "is this a known service's site?" check for the content script's gate. It deliberately does not import
 * the directory's JSON data: it reads the compact generated list in `hosts.generated.ts`
 * (regenerate with `npx tsx lib/directory/generate-hosts.ts` after editing `data/*.json`).
 */

import { findInParents, normaliseHost } from './hostname';
import { KNOWN_HOSTS } from './hosts.generated';

let sorted: readonly string[] | undefined;

function hosts(): readonly string[] {
  if (!sorted) sorted = KNOWN_HOSTS.split(' ');
  return sorted;
}

function has(list: readonly string[], domain: string): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = list[mid] as string;
    if (value === domain) return true;
    if (value < domain) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * True when the hostname, or one of its parent domains, belongs to a service in the directory
 * (`www.netflix.com`, `help.viaplay.no`). Case-insensitive; ignores a trailing dot and a port.
 */
export function isKnownHost(hostname: string): boolean {
  const host = normaliseHost(hostname);
  if (!host) return false;
  const list = hosts();
  return findInParents(host, (d) => has(list, d) || undefined) === true;
}
