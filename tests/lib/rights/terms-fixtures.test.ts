import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../lib/detect/dom';
import { loadHtml } from '../../../lib/detect/load';
import { PageSnapshot } from '../../../lib/model/page';
import { readTerms } from '../../../lib/rights/terms';

/**
 * The terms pages state, over the fixture pages in tests/fixtures/rights (four languages; sign-up, confirmation and
 * cancellation pages, and help or account pages that only talk about cancelling). Each page's expected terms were
 * written before the reader ran on it. First sight: round 1 (16 pages) 14/16 entirely right, round 2 (8 pages)
 * 5/8; each fixed with general rules (README "Rights").
 */
const DIR = path.resolve(import.meta.dirname, '../../fixtures/rights');
const pages = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .sort();

describe('terms read off the fixture pages', () => {
  it('has pages in all four languages', () => {
    for (const lang of ['en', 'nb', 'sv', 'da']) expect(pages.filter((p) => p.startsWith(`${lang}-`)).length).toBe(6);
  });

  for (const file of pages) {
    it(file, async () => {
      const expected = JSON.parse(readFileSync(path.join(DIR, file.replace(/\.html$/, '.expected.json')), 'utf8'));
      const { document, close } = loadHtml(readFileSync(path.join(DIR, file), 'utf8'), expected.url);
      const page = extractPage(document);
      await close();
      // The background reads the terms off the snapshot the content script sent: the same data, after the schema.
      const snapshot = PageSnapshot.parse(JSON.parse(JSON.stringify(page)));
      expect(readTerms(snapshot, expected.url, expected.now)).toEqual(expected.terms);
    });
  }
});
