import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFromSnapshot, detectPage } from '../../../lib/detect';
import { emptyPage, extractPage, GROUP_HOPS, LIMITS } from '../../../lib/detect/dom';
import { loadHtml } from '../../../lib/detect/load';
import { DIRECTORY_OPTIONS } from '../../../lib/directory';
import { PageSnapshot } from '../../../lib/model/page';
import { readCorpus } from '../../../scripts/corpus';

const corpus = readCorpus(join(process.cwd(), 'tests', 'fixtures', 'pages'));

// In the extension the content script reads the page (extractPage) and the background detects on what it received
// (detectFromSnapshot). Runtime messages travel as JSON; the result must be exactly what detectPage gives.
describe('the page snapshot a content script sends', () => {
  it('is plain data that passes the message schema and detects exactly like the document on every fixture', async () => {
    for (const f of corpus) {
      const { document, close } = loadHtml(f.html, f.url);
      try {
        const sent = JSON.parse(JSON.stringify(extractPage(document)));
        const parsed = PageSnapshot.safeParse(sent);
        expect(parsed.success, f.name).toBe(true);
        if (!parsed.success) continue;
        const viaMessage = detectFromSnapshot(parsed.data, f.url, f.now, DIRECTORY_OPTIONS);
        expect(viaMessage, f.name).toEqual(detectPage(document, f.url, f.now, DIRECTORY_OPTIONS));
      } finally {
        await close();
      }
    }
  });

  it('records the line ranges of the blocks around each line (how rows group)', async () => {
    const { document, close } = loadHtml(
      '<body><table><tr><td>03.10.2026</td><td>Premium</td><td>129 kr</td></tr></table><p>Slutt</p></body>',
    );
    const page = extractPage(document);
    await close();
    expect(page.lines.map((l) => l.text)).toEqual(['03.10.2026\tPremium\t129 kr', 'Slutt']);
    expect(page.lines[0]?.groups.length).toBeLessThanOrEqual(GROUP_HOPS);
    expect(page.lines[0]?.groups.some((g) => g !== null && g[0] === 0 && g[1] === 1)).toBe(true);
  });

  it('has schema bounds at or above the reader’s own limits, and rejects what exceeds them', () => {
    const line = { text: 'x', groups: [], heading: 0, section: -1, button: false, selected: false };
    const base = { ...emptyPage(), lines: [line] };
    expect(PageSnapshot.safeParse(base).success).toBe(true);
    const many = Array.from({ length: LIMITS.lines }, () => line);
    expect(PageSnapshot.safeParse({ ...base, lines: many }).success).toBe(true);
    expect(PageSnapshot.safeParse({ ...base, lines: [...many, line] }).success).toBe(false);
    const longest = { ...line, text: 'x'.repeat(LIMITS.lineChars * 5) };
    expect(PageSnapshot.safeParse({ ...base, lines: [longest] }).success).toBe(true);
    expect(PageSnapshot.safeParse({ ...base, lines: [{ ...line, text: `${longest.text}x` }] }).success).toBe(false);
    expect(PageSnapshot.safeParse({ ...base, jsonLd: ['x'.repeat(LIMITS.jsonLdChars)] }).success).toBe(true);
    expect(
      PageSnapshot.safeParse({ ...base, links: Array(LIMITS.links + 1).fill({ href: '', text: '', line: 0 }) }).success,
    ).toBe(false);
    expect(PageSnapshot.safeParse({ ...base, meta: [['og:type']] }).success).toBe(false);
    // Lines that are each allowed cannot add up to more text than a real page gives (issue 15, item 3).
    const long = { ...line, text: 'x'.repeat(LIMITS.lineChars * 5) };
    expect(PageSnapshot.safeParse({ ...base, lines: Array(LIMITS.lines).fill(long) }).success).toBe(false);
    expect(
      PageSnapshot.safeParse({ ...base, jsonLd: Array(LIMITS.jsonLdScripts).fill('x'.repeat(LIMITS.jsonLdChars)) })
        .success,
    ).toBe(false);
    expect(
      PageSnapshot.safeParse({ ...base, lines: [{ ...line, groups: [[0, 1], null, [0, 2], null, [0, 3]] }] }).success,
    ).toBe(false);
  });
});
