import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../lib/detect';
import { DIRECTORY_OPTIONS, directoryHit } from '../../../lib/directory';

/** A known service's own account page that shows nothing useful still names the service and where to cancel. */
function blank(url: string, lang: string, title: string) {
  const w = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  w.document.write(
    `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><main><h1>${title}</h1></main></body></html>`,
  );
  return detectPage(w.document as unknown as Document, url, '2026-11-23', DIRECTORY_OPTIONS);
}

describe('blank account pages of known services', () => {
  for (const [url, lang, title] of [
    ['https://www.netflix.com/account', 'en', 'Account'],
    ['https://www.viaplay.no/konto', 'nb', 'Min konto'],
    ['https://www.storytel.com/se/konto', 'sv', 'Mitt konto'],
    ['https://www.zetland.dk/konto', 'da', 'Min konto'],
  ] as const) {
    it(`${url}: names the service and gives the directory's links`, () => {
      const hit = directoryHit(new URL(url).hostname)!;
      expect(hit).toBeDefined();
      const r = blank(url, lang, title);
      expect(r.kind).toBe('account');
      expect(r.service).toMatchObject({ name: hit.name, serviceId: hit.id });
      expect(r.subscription).toBeNull();
      expect(r.links.manage ?? r.links.cancel).toBeTruthy();
      if (hit.links.cancel) expect(r.links.cancel).toBe(hit.links.cancel);
    });
  }

  it('stays none for an unknown site, and for a known site’s non-account page', () => {
    expect(blank('https://www.example-unknown.no/konto', 'nb', 'Min konto').kind).toBe('none');
    expect(blank('https://www.netflix.com/browse', 'en', 'Home').kind).toBe('none');
  });
});
