/**
 * A tiny "is this a known service's site?" check for the content script's gate. It deliberately does not import
 * the directory's JSON data: it reads the compact generated list in `hosts.generated.ts`
 * (regenerate with `npx tsx scripts/generate-hosts.ts` after editing `data/*.json`).
 */

import { findInParents, normaliseHost } from './hostname';
import { KNOWN_HOSTS } from './hosts.generated';

/** The list with a space at both ends, so that ` domain ` is found by one plain substring search. */
let padded: string | undefined;

function has(domain: string): boolean {
  padded ??= ` ${KNOWN_HOSTS} `;
  return padded.includes(` ${domain} `);
}

/**
 * True when the hostname, or one of its parent domains, belongs to a service in the directory
 * (`www.netflix.com`, `help.viaplay.no`). Case-insensitive; ignores a trailing dot and a port.
 */
export function isKnownHost(hostname: string): boolean {
  const host = normaliseHost(hostname);
  if (!host) return false;
  return findInParents(host, (d) => has(d) || undefined) === true;
}

/** Every domain in the directory's compact list (the sites whose visits count as days of use, when that is on). */
export function knownHosts(): string[] {
  return KNOWN_HOSTS.split(' ').filter(Boolean);
}
