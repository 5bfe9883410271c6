/**
 * Node-side helper for the CLI, the evaluation script and tests: parses saved HTML with happy-dom, with script
 * evaluation, script/CSS file loading and iframe loading all disabled. Not used by the extension itself.
 */
import { Window } from 'happy-dom';

/** Parses `html` into a Document. Call `close()` when done to free the window. */
export function loadHtml(
  html: string,
  url = 'https://example.invalid/',
): { document: Document; close: () => Promise<void> } {
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      enableCSSFileLoading: false,
      enableIframePageLoading: false,
      enableImageFileLoading: false,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  const parser = new window.DOMParser();
  const document = parser.parseFromString(html, 'text/html') as unknown as Document;
  return { document, close: () => window.happyDOM.close() };
}

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
