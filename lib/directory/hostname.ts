/** Longest hostname DNS allows. */
const MAX_HOST_LENGTH = 253;

/**
 * Normalises a hostname for directory look-ups: lower case, no trailing dot(s), no port.
 * Returns '' when the text cannot be a hostname (so it never matches anything).
 */
export function normaliseHost(hostname: string): string {
  if (typeof hostname !== 'string') return '';
  let h = hostname.trim().toLowerCase();
  h = h.replace(/:\d*$/, '').replace(/\.+$/, '');
  if (h.length === 0 || h.length > MAX_HOST_LENGTH) return '';
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(h)) return '';
  return h;
}

/**
 * Calls `visit` with the hostname and then each parent domain (`a.b.c` → `a.b.c`, `b.c`, `c`), stopping at the
 * first truthy result, which it returns. O(number of labels).
 */
export function findInParents<T>(host: string, visit: (domain: string) => T | undefined): T | undefined {
  let h = host;
  while (h.length > 0) {
    const found = visit(h);
    if (found) return found;
    const dot = h.indexOf('.');
    if (dot < 0) return undefined;
    h = h.slice(dot + 1);
  }
  return undefined;
}
