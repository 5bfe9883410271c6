import { describe, expect, it, vi } from 'vitest';
import { detectFromSnapshot, detectPage } from '../../../lib/detect';
import { extractPage } from '../../../lib/detect/dom';
import { loadHtml } from '../../../lib/detect/load';
import { DIRECTORY_OPTIONS } from '../../../lib/directory';
import { detectHtml } from './helpers';

/** A receipt on a site that is not in the directory, with its own price shown plainly. */
const receipt = (head: string, before = '') => `<html lang="nb"><head>${head}</head><body>
  <main><h1>Kvittering</h1><p>Takk for kjøpet! Abonnementet ditt er aktivt.</p>${before}
  <p>Premium: 129 kr/mnd</p><p>Neste trekk: 3. desember 2026</p>
  <p><a href="https://netflix-cancel.example/login">Si opp abonnementet</a></p></main></body></html>`;
const URL = 'https://www.strikkeboksen.no/kvittering';

describe('a page naming itself after another service (issue 15, item 2)', () => {
  it('og:site_name of a directory service on an unrelated host is flagged and not used', async () => {
    const r = await detectHtml(receipt('<meta property="og:site_name" content="Netflix">'), URL);
    expect(r.kind).toBe('receipt');
    expect(r.service?.name).not.toMatch(/netflix/i);
    expect(r.service?.serviceId).toBeUndefined();
    expect(r.service?.domain).toBe('strikkeboksen.no');
    expect(r.claimedName).toBe('Netflix');
  });

  it('the same for structured data and the title', async () => {
    const ld = `<script type="application/ld+json">{"@type":"Order","seller":{"@type":"Organization","name":"Disney+"}}</script>`;
    const a = await detectHtml(receipt(ld), URL);
    expect(a.service?.name).not.toMatch(/disney/i);
    expect(a.claimedName).toBe('Disney+');
    const b = await detectHtml(receipt('<title>Kvittering | Netflix</title>'), URL);
    expect(b.service?.name).not.toMatch(/netflix/i);
    expect(b.claimedName).toBe('Netflix');
  });

  it('a look-alike address keeps its own name but is flagged', async () => {
    const r = await detectHtml(
      receipt('<meta property="og:site_name" content="Netflix">'),
      'https://netflix.example/kvittering',
    );
    expect(r.service).toMatchObject({ name: 'Netflix', domain: 'netflix.example' });
    expect(r.service?.serviceId).toBeUndefined();
    expect(r.claimedName).toBe('Netflix');
  });

  it('a site using its own name is not flagged', async () => {
    const r = await detectHtml(receipt('<meta property="og:site_name" content="Strikkeboksen">'), URL);
    expect(r.service?.name).toBe('Strikkeboksen');
    expect(r.claimedName).toBeUndefined();
  });

  it('the service’s own site may use its name', async () => {
    const r = await detectHtml(
      receipt('<meta property="og:site_name" content="Netflix">'),
      'https://www.netflix.com/no/kvittering',
    );
    expect(r.service).toMatchObject({ name: 'Netflix', serviceId: 'netflix' });
    expect(r.claimedName).toBeUndefined();
  });
});

describe('text a person cannot see is not read (issue 15, item 2)', () => {
  const hidden = (markup: string) => receipt('<title>Kvittering</title>', markup);

  it('skips a closed <details> (its summary stays)', async () => {
    const r = await detectHtml(hidden('<details><summary>Vilkår</summary><p>Premium: 999 kr/mnd</p></details>'), URL);
    expect(r.subscription?.amountMinor).toBe(12900);
    const open = await detectHtml(
      hidden('<details open><summary>Pris</summary><p>Fra 2027: 999 kr/mnd</p></details>'),
      URL,
    );
    expect(open.kind).not.toBe('none');
  });

  it('skips a <dialog> that is not open', async () => {
    const r = await detectHtml(hidden('<dialog><p>Premium: 999 kr/mnd</p></dialog>'), URL);
    expect(r.subscription?.amountMinor).toBe(12900);
  });

  it('asks the visibility check only about the few elements that hold digits or links, and drops what it hides', () => {
    const filler = Array.from({ length: 300 }, (_, i) => `<p>Avsnitt uten tall nummer ${'x'.repeat(i % 5)}</p>`).join(
      '',
    );
    const html = hidden(`${filler}<p class="trap">Premium: <span class="trap">999 kr/mnd</span></p>`);
    const { document, close } = loadHtml(html, URL);
    try {
      const visible = vi.fn((el: Element) => !el.classList.contains('trap'));
      const page = extractPage(document, { visible });
      const asked = visible.mock.calls.length;
      expect(asked).toBeGreaterThan(0);
      // 300 paragraphs without digits are never asked about.
      expect(asked).toBeLessThan(15);
      expect(page.lines.map((l) => l.text).join('\n')).not.toContain('999');
      expect(page.lines.map((l) => l.text).join('\n')).toContain('129 kr/mnd');
      // The link to the other site was asked about too (links are candidates).
      expect(visible.mock.calls.some(([el]) => el.localName === 'a')).toBe(true);
      expect(detectFromSnapshot(page, URL, '2026-11-23', DIRECTORY_OPTIONS).subscription?.amountMinor).toBe(12900);
      // Read without the check (as in Node, where there is no layout), the hidden price is there.
      expect(detectPage(document, URL, '2026-11-23', DIRECTORY_OPTIONS).subscription?.amountMinor).not.toBe(12900);
    } finally {
      void close();
    }
  });
});

describe('bounded reading of attributes (issue 15, item 9)', () => {
  it('cuts an id or class before lower-casing it (a page’s attribute can be megabytes long)', () => {
    const huge = 'X'.repeat(2_000_000);
    const { document, close } = loadHtml(
      `<html><body><div id="${huge}" class="${huge} cookie-banner"><p>Vi bruker informasjonskapsler</p></div><p>Premium: 129 kr/mnd</p></body></html>`,
    );
    const lower = vi.spyOn(String.prototype, 'toLowerCase');
    try {
      extractPage(document);
      const longest = Math.max(0, ...lower.mock.contexts.map((s) => String(s).length));
      expect(longest).toBeLessThan(10_000);
    } finally {
      lower.mockRestore();
      void close();
    }
  });
});
