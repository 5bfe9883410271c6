/** The pages the content-script benchmarks load. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../tests/e2e/harness';

/** A long Norwegian news article that mentions amounts of money but sells nothing. */
export function articlePage(paragraphs: number): string {
  const p = (i: number) =>
    `<p>Avsnitt ${i}: Regjeringen la fram et forslag om nye regler for strømstøtte. Ifølge departementet vil en vanlig husholdning spare rundt 1 200 kroner i året, mens kommunene får 45 millioner ekstra. Kritikerne mener beløpet er for lite.</p>`;
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Nyheter: nye regler for strømstøtte</title></head><body><header><nav><a href="/">Forsiden</a> <a href="/sport">Sport</a></nav></header><main><article><h1>Nye regler for strømstøtte</h1>${Array.from({ length: paragraphs }, (_, i) => p(i)).join('')}</article></main><footer>Kontakt oss</footer></body></html>`;
}

/** A streaming service's catalogue page: nothing for the detector (no prices, no account or sign-up words). */
export function plainPage(): string {
  const item = (i: number) => `<li><a href="/title/${i}">Serie ${i}</a> – drama, 3 sesonger</li>`;
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Hjem</title></head><body><main><h1>Populært nå</h1><ul>${Array.from({ length: 200 }, (_, i) => item(i)).join('')}</ul></main></body></html>`;
}

/** A billing-history page (single-page-app markup) followed by about 2 MB of other text. */
export function bigSubscriptionPage(): string {
  const base = readFileSync(path.join(ROOT, 'tests/fixtures/pages/nb-viaplay-billing-spa-bidi.html'), 'utf8');
  const filler = articlePage(8600).replace(/^.*<main>|<\/main>.*$/gs, '');
  return base.replace('</body>', `<section class="css-9x8y7z">${filler}</section></body>`);
}

/** A long English blog article (a walking guide) with no prices and nothing to sell. */
export function englishArticlePage(paragraphs: number): string {
  const p = (i: number) =>
    `<p>Part ${i}: From the harbour the path climbs past the old warehouses and the lifeboat station, then follows the cliff edge for a mile or so. On a clear morning you can see the lighthouse and the islands beyond it; bring water, as the café at the top opens only in summer.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The harbour walk, step by step | Long Reads</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"The harbour walk, step by step","author":{"@type":"Person","name":"A. Walker"}}</script></head><body><header><nav><a href="/">Home</a> <a href="/walks">Walks</a></nav></header><main><article><h1>The harbour walk, step by step</h1>${Array.from({ length: paragraphs }, (_, i) => p(i)).join('')}</article></main><footer>About us</footer></body></html>`;
}
