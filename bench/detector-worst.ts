/**
 * The detector's worst case per page read (issue 15, item 3): hostile pages built to cost the most within the page
 * reader's limits (lib/detect/dom.ts LIMITS), read with extractPage as the content script would, then detected as
 * the background does. Prints the median of seven warm runs per page, in Node (the same V8 as the service worker).
 *   npx tsx bench/detector-worst.ts
 */
import { detectFromSnapshot } from '../lib/detect';
import { extractPage, type PageData } from '../lib/detect/dom';
import { loadHtml } from '../lib/detect/load';
import { DIRECTORY_OPTIONS } from '../lib/directory';

const URL = 'https://www.example.no/min-side/abonnement';
const head = (title = 'Mitt abonnement – kvittering') =>
  `<html lang="nb"><head><title>${title}</title></head><body><h1>Mitt abonnement</h1>`;
const rep = (s: string, n: number) => Array.from({ length: n }, (_, i) => s.replace(/\$i/g, String(i))).join('');

export const HOSTILE: Record<string, string> = {
  'many short price lines': `${head()}${rep('<p>Plan $i: 1$i kr/mnd</p>', 1500)}`,
  'long lines of prices': `${head()}${rep(`<p>${rep('1$i kr/mnd, ', 180)}</p>`, 8)}`,
  'prices and dates in one line': `${head()}${rep(`<p>${rep('Fra 1. januar 2027 koster det 9$i kr/mnd ', 60)}</p>`, 6)}`,
  'table of dates and prices': `${head()}<table>${rep('<tr><td>0$i.01.2026</td><td>Premium</td><td>12$i,00 kr</td></tr>', 500)}</table>`,
  'price cells without sentence ends': `${head()}${rep(`<p>${rep('pris 9$i,- ', 250)}</p>`, 6)}`,
  'offer phrases': `${head()}${rep(`<p>${rep('Første måned 1 kr, deretter 129 kr/mnd. Prøv gratis i 30 dager. ', 30)}</p>`, 8)}`,
  'dates only': `${head()}${rep(`<p>${rep('3. desember 2026 ', 110)}</p>`, 8)}`,
  'structured offers': `${head()}${rep(
    `<script type="application/ld+json">${JSON.stringify({
      '@type': 'Product',
      offers: Array.from({ length: 2500 }, (_, i) => ({ '@type': 'Offer', price: `${i}.00`, priceCurrency: 'NOK' })),
    })}</script>`,
    3,
  )}<p>Premium 129 kr/mnd</p>`,
  'currency codes and digits': `${head()}${rep(`<p>${'NOK 1 '.repeat(330)}</p>`, 7)}`,
  'dash prices': `${head()}${rep(`<p>${'99,- '.repeat(398)}</p>`, 7)}`,
  'kr and digits': `${head()}${rep(`<p>${'1 kr 2 '.repeat(284)}</p>`, 7)}`,
  'links with cancel words': `${head()}${rep('<a href="/x$i">Si opp abonnementet $i</a> ', 500)}<p>Premium 129 kr/mnd</p>`,
};

function time(page: PageData): number {
  const t0 = performance.now();
  detectFromSnapshot(page, URL, '2026-11-23', DIRECTORY_OPTIONS);
  return performance.now() - t0;
}

function main() {
  // Warm up once (the first page builds the phrase lists).
  const warm = loadHtml(`${head()}<p>Premium 129 kr/mnd</p></body></html>`);
  time(extractPage(warm.document));
  void warm.close();
  const rows: Array<[string, number, number, number]> = [];
  for (const [name, body] of Object.entries(HOSTILE)) {
    const { document, close } = loadHtml(`${body}</body></html>`);
    const page = JSON.parse(JSON.stringify(extractPage(document))) as PageData;
    void close();
    const chars = page.lines.reduce((n, l) => n + l.text.length, 0);
    const runs = Array.from({ length: 7 }, () => time(page)).sort((a, b) => a - b);
    rows.push([name, runs[3] as number, page.lines.length, chars]);
  }
  rows.sort((a, b) => b[1] - a[1]);
  for (const [name, ms, lines, chars] of rows) {
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name} (${lines} lines, ${chars} chars)`);
  }
}

if (process.argv[1]?.endsWith('detector-worst.ts')) main();
