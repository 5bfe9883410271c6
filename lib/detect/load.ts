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

export { pageUrlOf } from './page-url';
