import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../lib/detect';
import { findCandidates, MAX_CANDIDATES, MAX_CANDIDATES_PER_LINE } from '../../../lib/detect/prices';
import { SENTENCE_REACH, sentenceAround } from '../../../lib/detect/text';
import { PageDetection } from '../../../lib/model';
import { detectHtml, linesOf } from './helpers';

const URL_NO = 'https://www.example.no/min-side/abonnement';
const HEAD = '<html lang="nb"><head><title>Mitt abonnement</title></head><body>';
const ACCOUNT = '<h1>Mitt abonnement</h1><p>Premium 129 kr/mnd</p><p>Neste trekk: 3. desember 2026</p>';

function valid(r: PageDetection): void {
  expect(PageDetection.safeParse(r).success).toBe(true);
}

describe('bounded work on huge pages', () => {
  it('reads a 10 MB page to the end of its budget and still finds the subscription at the top', async () => {
    const filler = 'Lorem ipsum 129 kr/mnd dolor sit amet, 49 kr/mnd consectetur. '.repeat(1700);
    const html = `${HEAD}${ACCOUNT}${`<p>${filler}</p>`.repeat(100)}</body></html>`;
    expect(html.length).toBeGreaterThan(10_000_000);
    const r = await detectHtml(html, URL_NO);
    valid(r);
    expect(r.kind).toBe('account');
    expect(r.subscription).toMatchObject({
      amountMinor: 12900,
      currency: 'NOK',
      period: 'P1M',
      nextRenewal: '2026-12-03',
    });
  });

  it('the text budget still holds eight years of monthly invoices after a long introduction', async () => {
    // What the text limit (LIMITS.textChars) must leave room for on a real billing page.
    const intro = '<p>Her finner du alle betalingene dine. Kvitteringene kan lastes ned som PDF.</p>'.repeat(40);
    const months = Array.from({ length: 96 }, (_, i) => {
      const y = 2018 + Math.floor(i / 12);
      const m = String((i % 12) + 1).padStart(2, '0');
      return `<tr><td>03.${m}.${y}</td><td>Premium</td><td>Betalt</td><td>129,00 kr</td></tr>`;
    }).join('');
    const html = `<html lang="nb"><head><title>Betalingshistorikk</title></head><body><h1>Betalingshistorikk</h1>${intro}<table><thead><tr><th>Dato</th><th>Plan</th><th>Status</th><th>Beløp</th></tr></thead><tbody>${months}</tbody></table></body></html>`;
    const r = await detectHtml(html, 'https://www.example.no/min-side/betalinger');
    valid(r);
    expect(r.kind).toBe('billing');
    expect(r.charges).toHaveLength(96);
    expect(r.charges[0]).toEqual({ date: '2018-01-03', amountMinor: 12900, currency: 'NOK' });
    expect(r.charges[95]).toEqual({ date: '2025-12-03', amountMinor: 12900, currency: 'NOK' });
  });

  it('handles 10,000 prices (caps the candidates) and sees several plans', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => `<li>Plan ${i}: ${100 + i} kr/mnd</li>`).join('');
    const r = await detectHtml(`<html lang="nb"><body><h1>Priser</h1><ul>${items}</ul></body></html>`, URL_NO);
    valid(r);
    expect(r.kind).toBe('pricing');
    expect(r.subscription).toBeNull();
  });

  it('caps the price candidates of a page and of one line (issue 15, item 3)', () => {
    const lines = linesOf([
      ...Array.from({ length: 50 }, (_, i) => `${'NOK 1 '.repeat(300)} ${i}`),
      ...Array.from({ length: 1400 }, (_, i) => `Plan ${i}: ${100 + i} kr/mnd`),
    ]);
    const cands = findCandidates(lines, { lang: 'nb', hostname: 'www.example.no', defaultCurrency: 'NOK' });
    expect(cands.length).toBe(MAX_CANDIDATES);
    const perLine = new Map<number, number>();
    for (const c of cands) perLine.set(c.line, (perLine.get(c.line) ?? 0) + 1);
    expect(Math.max(...perLine.values())).toBe(MAX_CANDIDATES_PER_LINE);
  });

  it('never looks further than a sentence’s reach around a price on a line without sentence ends', () => {
    const text = `${'pris 99,- '.repeat(400)}`;
    const [from, to] = sentenceAround(text, 2000);
    expect(from).toBeGreaterThanOrEqual(2000 - SENTENCE_REACH);
    expect(to).toBeLessThanOrEqual(2000 + SENTENCE_REACH);
    expect(sentenceAround('Hei. Pris 99 kr. Takk.', 10)).toEqual([4, 16]);
  });

  it('walks 10,000 nested elements without recursion', async () => {
    const html = `${HEAD}${'<div>'.repeat(10_000)}${ACCOUNT}${'</div>'.repeat(10_000)}</body></html>`;
    const r = await detectHtml(html, URL_NO);
    valid(r);
    expect(r.subscription?.amountMinor).toBe(12900);
  });

  it('copes with an absurdly long line of text', async () => {
    const r = await detectHtml(
      `${HEAD}${ACCOUNT}<p>${'x'.repeat(1_000_000)}129 kr/mnd${'9'.repeat(100_000)}</p></body></html>`,
      URL_NO,
    );
    valid(r);
    expect(r.subscription?.amountMinor).toBe(12900);
  });
});

describe('hostile and broken input', () => {
  it('survives malformed markup and markup-looking text', async () => {
    const html = `<html lang="nb"><body><h1>Mitt abonnement<div><p>Premium <b>129 kr/mnd<p>Neste trekk: 3. desember 2026</i></span>
      </div></div></div><<<>>> &lt;script&gt;alert(1)&lt;/script&gt; <a href=javascript:alert(1)>Si opp</a>
      <p>"><img src=x onerror=alert(1)> 99 kr/mnd</p><table><tr><td>unclosed`;
    const r = await detectHtml(html, URL_NO);
    valid(r);
    expect(r.links.cancel).toBeUndefined();
  });

  it('removes bidi controls before reading prices and dates', async () => {
    const bidi = '\u202e\u2066\u200f';
    const r = await detectHtml(
      `${HEAD}<h1>Mitt abonnement</h1><p>Premium ${bidi}1\u202f188${bidi}\u00a0kr/år${bidi}</p><p>Fornyes ${bidi}3. desember 2026</p></body></html>`,
      URL_NO,
    );
    valid(r);
    expect(r.subscription).toMatchObject({ amountMinor: 118800, period: 'P1Y', nextRenewal: '2026-12-03' });
  });

  it('returns kind none for empty pages, bad dates and non-documents, never throwing', async () => {
    valid(await detectHtml('', URL_NO));
    expect((await detectHtml('<html><body></body></html>', 'not a url')).kind).toBe('none');
    expect((await detectHtml(`${HEAD}${ACCOUNT}</body></html>`, URL_NO, 'yesterday')).kind).toBe('none');
    const fake = {} as Document;
    const r = detectPage(fake, URL_NO, '2026-11-23');
    valid(r);
    expect(r.kind).toBe('none');
    const hostile = new Proxy({} as Document, {
      get() {
        throw new Error('boom');
      },
    });
    expect(detectPage(hostile, URL_NO, '2026-11-23').kind).toBe('none');
  });

  it('keeps only valid fields (an over-long service name is dropped, not thrown)', async () => {
    const longName = 'N'.repeat(400);
    const r = await detectHtml(
      `<html lang="nb"><head><meta property="og:site_name" content="${longName}"></head><body>${ACCOUNT}</body></html>`,
      'https://www.example-unknown-host.no/konto',
    );
    valid(r);
    expect(r.service?.name.length ?? 0).toBeLessThanOrEqual(120);
  });
});
