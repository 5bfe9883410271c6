/** Longest hostname DNS allows. */
const MAX_HOST_LENGTH = 253;

/**
 * Normalises a hostname for directory look-ups: lower case, no trailing dot(s), no port.
 * Returns '' when the text cannot be a hostname (so it never matches anything).
 */
export function normaliseHost(hostname: string): string {
  if (typeof hostname !== 'string') return '';
  // No regular expressions: this runs in the content script's gate, where the first one costs most of a millisecond.
  let h = hostname.trim().toLowerCase();
  const colon = h.lastIndexOf(':');
  if (colon >= 0 && isDigits(h, colon + 1)) h = h.slice(0, colon);
  let end = h.length;
  while (end > 0 && h.charCodeAt(end - 1) === 46) end--;
  h = h.slice(0, end);
  if (h.length === 0 || h.length > MAX_HOST_LENGTH) return '';
  // Labels of a-z, 0-9 and '-', separated by single dots.
  let labelLength = 0;
  for (let i = 0; i < h.length; i++) {
    const c = h.charCodeAt(i);
    if (c === 46) {
      if (labelLength === 0) return '';
      labelLength = 0;
    } else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45) labelLength++;
    else return '';
  }
  return labelLength === 0 ? '' : h;
}

/** Whether `s` from `start` to its end is digits only (or empty). */
function isDigits(s: string, start: number): boolean {
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
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
