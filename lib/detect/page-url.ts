/** The page's own address from `<link rel=canonical>` or `og:url` (absolute http(s) only), if any. */
export function pageUrlOf(document: Document): string | undefined {
  const candidates = [
    document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const c of candidates) {
    if (!c) continue;
    try {
      const u = new URL(c.trim());
      if (u.protocol === 'https:' || u.protocol === 'http:') return u.href;
    } catch {
      // not absolute: ignore
    }
  }
  return undefined;
}
