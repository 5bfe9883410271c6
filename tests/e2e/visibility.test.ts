import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, type Launched, launchExtension, ROOT, startServer } from './harness';

/**
 * Real visibility, in Chromium (happy-dom has no layout): the page reader's DOM reader (lib/detect/dom.ts) with its
 * layout check, run in a real page, must not read text hidden by any of the ten techniques of issue 15 (item 2),
 * and must still read what a person sees (below the fold, in content-visibility:auto sections, screen text).
 */

/** A price hidden by one technique, placed before the real one (so reading it would change the result). */
const TECHNIQUES: Record<string, string> = {
  'class with display:none': '<p class="gone">Premium: 999 kr/mnd</p>',
  'zero size': '<div style="width:0;height:0;overflow:hidden"><p>Premium: 999 kr/mnd</p></div>',
  'off-screen': '<p style="position:absolute;left:-9999px;top:0">Premium: 999 kr/mnd</p>',
  'opacity:0': '<p style="opacity:0">Premium: 999 kr/mnd</p>',
  'transparent text': '<p style="color:transparent">Premium: 999 kr/mnd</p>',
  'font-size:0': '<p style="font-size:0">Premium: 999 kr/mnd</p>',
  'closed <details>': '<details><summary>Vilkår</summary><p>Premium: 999 kr/mnd</p></details>',
  'unopened <dialog>': '<dialog><p>Premium: 999 kr/mnd</p></dialog>',
  'content-visibility:hidden': '<div style="content-visibility:hidden"><p>Premium: 999 kr/mnd</p></div>',
  'clip-path': '<p style="clip-path:inset(50%)">Premium: 999 kr/mnd</p>',
};

const page = (hidden: string) => `<!doctype html><html lang="nb"><head><title>Kvittering</title>
<style>.gone{display:none}</style></head><body><main>
<h1>Kvittering</h1><p>Takk for kjøpet! Abonnementet ditt er aktivt.</p>${hidden}
<p>Premium: <span>129 kr/mnd</span></p><p>Neste trekk: 3. desember 2026</p>
</main></body></html>`;

const SEEN = `<!doctype html><html lang="nb"><head><title>Konto</title>
<style>.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)} section{content-visibility:auto}</style>
</head><body><main><h1>Mitt abonnement</h1><div style="height:3000px">Mer om kontoen din</div>
<section><p>Premium: 129 kr/mnd</p><p>Neste trekk: 3. desember 2026</p></section>
<p><a href="/konto/si-opp">Si opp</a> <span class="sr">skjermlesertekst 5 kr</span></p></main></body></html>`;

type Reader = {
  extractPage(doc: Document, o?: object): { lines: Array<{ text: string }>; links: Array<{ href: string }> };
  layoutVisibility(doc: Document): unknown;
};

describe('real visibility in Chromium (issue 15, item 2)', () => {
  let ext: Launched;
  let server: FixtureServer;
  let bundle = '';
  beforeAll(async () => {
    // lib/detect/dom.ts built on its own, to run in a page as the page reader runs it.
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry: path.join(ROOT, 'lib/detect/dom.ts'), formats: ['iife'], name: 'SubkeeperDom' },
      },
    });
    const first = Array.isArray(out) ? out[0] : out;
    bundle = (first as { output: Array<{ code?: string }> }).output[0]?.code ?? '';
    expect(bundle.length).toBeGreaterThan(1000);
    const pages = new Map<string, string>(Object.values(TECHNIQUES).map((html, i) => [`/t${i}`, page(html)]));
    pages.set('/seen', SEEN);
    server = await startServer((_host, pathname) => pages.get(pathname));
    ext = await launchExtension({ mapAllHostsToPort: server.port, withoutExtension: true });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function read(p: Page, withLayout: boolean) {
    // The reader is added as a script of the page (as the content script's import runs it), then called.
    await p.addScriptTag({ content: bundle });
    return p.evaluate(
      ({ withLayout }) => {
        const dom = (globalThis as unknown as { SubkeeperDom: Reader }).SubkeeperDom;
        const data = dom.extractPage(document, withLayout ? { visible: dom.layoutVisibility(document) } : {});
        return { text: data.lines.map((l) => l.text).join('\n'), links: data.links.map((l) => l.href) };
      },
      { withLayout },
    );
  }

  const names = Object.keys(TECHNIQUES);
  for (const [i, name] of names.entries()) {
    it(`does not read a price hidden by ${name}`, async () => {
      const p = await ext.context.newPage();
      await p.goto(`https://www.strikkeboksen.no/t${i}`);
      const seen = await read(p, true);
      expect(seen.text).toContain('129 kr/mnd');
      expect(seen.text).not.toContain('999');
      await p.close();
    });
  }

  it('without the layout check, the CSS techniques would have been read (the check is what hides them)', async () => {
    const read999: string[] = [];
    for (const [i, name] of names.entries()) {
      const p = await ext.context.newPage();
      await p.goto(`https://www.strikkeboksen.no/t${i}`);
      if ((await read(p, false)).text.includes('999')) read999.push(name);
      await p.close();
    }
    // Only the two the markup itself folds away are skipped without layout.
    expect(read999.sort()).toEqual(names.filter((n) => !n.includes('<details>') && !n.includes('<dialog>')).sort());
  });

  it('still reads what a person sees: below the fold, in content-visibility:auto sections, and links', async () => {
    const p = await ext.context.newPage();
    await p.goto('https://www.strikkeboksen.no/seen');
    const seen = await read(p, true);
    expect(seen.text).toContain('Premium: 129 kr/mnd');
    expect(seen.text).toContain('Neste trekk: 3. desember 2026');
    expect(seen.links).toContain('/konto/si-opp');
    await p.close();
  });
});
