/**
 * Whether a page was reached from another page of the same site — an earlier page of the same visit — for counting
 * days of use (./usage.ts): the content script reports only the start of a visit to a directory service's site. It
 * runs in the content script on every such page load, so it uses no regular expression (the first one in a content
 * script's world costs most of a millisecond) and nothing but string work.
 */

/** The last labels of a host that name the site (`www.vg.no` → `vg.no`, `www.bbc.co.uk` → `bbc.co.uk`). */
export function siteKey(host: string): string {
  const labels = host.toLowerCase().split('.');
  const second = labels[labels.length - 2] ?? '';
  const keep = (labels[labels.length - 1] ?? '').length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu']);

/**
 * The hostname of an absolute address, lower case, without user, password or port (`https://a:b@Www.X.no:8443/p` →
 * `www.x.no`); '' when there is none. String work only, for the content script (no `URL`, no `Location`).
 */
export function hostOf(url: string): string {
  const start = url.indexOf('://');
  if (start < 0) return '';
  let end = start + 3;
  while (end < url.length && !'/?#\\'.includes(url[end] as string)) end++;
  let host = url.slice(start + 3, end);
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && !host.endsWith(']')) host = host.slice(0, colon);
  return host.toLowerCase();
}

/** Whether `referrer` (a page's `document.referrer`) is a page of the same site as `host`. */
export function fromSameSite(referrer: string, host: string): boolean {
  if (!referrer) return false;
  const from = hostOf(referrer);
  return from !== '' && siteKey(from) === siteKey(host);
}
