import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../lib/detect';
import { loadHtml } from '../../../lib/detect/load';
import { parsePrice } from '../../../lib/money';

/**
 * Issue 13 item 1: a bare `kr` on a page means the currency of the page's language and domain (.no/.se/.dk); only
 * when both leave it open does the reader's own krone decide.
 */
const receipt = (
  lang: string,
  price: string,
) => `<!doctype html><html lang="${lang}"><head><title>Receipt</title></head>
<body><main><h1>Thank you for your order</h1><p>Your subscription to Streamo Premium is active.</p>
<p>Price: ${price} per month</p><p>Next payment: 23 December 2026</p></main></body></html>`;

async function detect(html: string, url: string, prefer?: string[]) {
  const { document, close } = loadHtml(html);
  try {
    return detectPage(document, url, '2026-11-23', prefer ? { preferCurrencies: prefer } : {});
  } finally {
    await close();
  }
}

describe('what a bare "kr" means on a page', () => {
  it('follows the page language, then the domain', async () => {
    expect((await detect(receipt('sv', '149 kr'), 'https://streamo.com/kvitto')).subscription?.currency).toBe('SEK');
    expect((await detect(receipt('da', '149 kr'), 'https://streamo.com/kvittering')).subscription?.currency).toBe(
      'DKK',
    );
    expect((await detect(receipt('en', '149 kr'), 'https://www.streamo.se/receipt')).subscription?.currency).toBe(
      'SEK',
    );
    expect((await detect(receipt('en', '149 kr'), 'https://www.streamo.dk/receipt')).subscription?.currency).toBe(
      'DKK',
    );
    // The page's own language and domain win over the reader's krone.
    expect(
      (await detect(receipt('sv', '149 kr'), 'https://streamo.com/kvitto', ['NOK', 'NOK'])).subscription?.currency,
    ).toBe('SEK');
  });

  it('is the reader’s own krone when the page does not tell (English page at a .com)', async () => {
    const html = receipt('en', '149 kr');
    expect((await detect(html, 'https://streamo.com/receipt', ['SEK', 'GBP'])).subscription?.currency).toBe('SEK');
    expect((await detect(html, 'https://streamo.com/receipt', ['DKK', 'EUR'])).subscription?.currency).toBe('DKK');
  });

  it('parsePrice: language, domain, default, then the reader’s currencies', () => {
    expect(parsePrice('149 kr', { prefer: ['SEK'] })).toMatchObject({ ok: true, currency: 'SEK' });
    expect(parsePrice('149 kr', { lang: 'da', prefer: ['SEK'] })).toMatchObject({ ok: true, currency: 'DKK' });
    expect(parsePrice('149 kr', { hostname: 'x.no', prefer: ['SEK'] })).toMatchObject({ ok: true, currency: 'NOK' });
    // A preference outside the group is ignored: `$` stays USD for a reader in kroner, CAD for one in CAD.
    expect(parsePrice('$5', { prefer: ['SEK', 'EUR'] })).toMatchObject({ ok: true, currency: 'USD' });
    expect(parsePrice('$5', { prefer: ['NOK', 'CAD'] })).toMatchObject({ ok: true, currency: 'CAD' });
  });
});
