import { isKnownHost } from '../directory/hosts';
import { type GateInput, PAYMENT_FRAME_WORDS, STRUCTURED_WORDS } from './gate';

const SAMPLE_CHARS = 2000;
const SAMPLE_NODES = 1500;
const MAX_JSON_LD = 5;
const SKIP_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * The gate's only DOM read: title, a bounded text sample (first ~2,000 characters of body text, via a TreeWalker
 * with a node limit), whether there is structured data, a card field or a payment-provider frame, and whether the
 * host is in the service directory. No layout reads.
 *
 * What it costs is mostly what it touches first: the first element this script's world is handed costs about
 * 0.5 ms to wrap (the prototypes of Element, HTMLElement and its own interface are made then), more than all the
 * rest of the gate. So a card field, a payment frame or an article's `og:type` is asked for by selector with
 * `querySelectorAll(…).length`, which hands over no element; on a page with none of them (most pages) no element is
 * ever wrapped. Only a page whose address, title or host already points at a subscription has its elements read
 * (the text sample, JSON-LD).
 */
export function collectGateInput(document: Document, location: { href: string; hostname: string }): GateInput {
  // Each field is computed on first read (and once), so the gate pays only for what it needs.
  const lazy = <T>(compute: () => T) => {
    let done = false;
    let value: T;
    return () => {
      if (!done) {
        value = compute();
        done = true;
      }
      return value;
    };
  };
  const textSample = lazy(() => sampleText(document));
  const hasPaymentFrame = lazy(() => paymentFrame(document));
  const hasStructuredOffer = lazy(() => structuredOffer(document));
  const isArticle = lazy(() => saysArticle(document));
  const hasPaymentField = lazy(() => paymentField(document));
  const knownHost = lazy(() => isKnownHost(location.hostname));
  return {
    url: location.href,
    title: (document.title ?? '').slice(0, 300),
    get textSample() {
      return textSample();
    },
    get hasStructuredOffer() {
      return hasStructuredOffer();
    },
    get hasPaymentField() {
      return hasPaymentField();
    },
    get hasPaymentFrame() {
      return hasPaymentFrame();
    },
    get knownHost() {
      return knownHost();
    },
    get isArticle() {
      return isArticle();
    },
  };
}

function sampleText(document: Document): string {
  let textSample = '';
  const body = document.body;
  if (body) {
    const walker = document.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
    let nodes = 0;
    for (
      let n = walker.nextNode();
      n && nodes < SAMPLE_NODES && textSample.length < SAMPLE_CHARS;
      n = walker.nextNode()
    ) {
      nodes++;
      const parent = n.parentElement;
      if (parent && SKIP_PARENTS.has(parent.tagName.toUpperCase())) continue;
      const t = n.nodeValue;
      if (t?.trim()) textSample += `${t.trim().slice(0, SAMPLE_CHARS)} `;
    }
  }
  return textSample.slice(0, SAMPLE_CHARS);
}

/**
 * Structured data of a recurring price (`billingDuration`), an order or an invoice in JSON-LD (the first few such
 * scripts, the first 20,000 characters of each). A product's one-off offer or an article's metadata says nothing
 * about a subscription. Microdata (`itemtype`, `itemprop`) is not looked for here (the page reader reads it once the
 * gate is open): no page in the fixtures needs it to open the gate.
 */
function structuredOffer(document: Document): boolean {
  const scripts = document.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length && i < MAX_JSON_LD; i++) {
    const text = (scripts[i]!.textContent ?? '').slice(0, 20_000).toLowerCase();
    for (const w of STRUCTURED_WORDS) if (text.includes(w)) return true;
  }
  return false;
}

/** Whether anything in the document matches `selector`, without handing an element to this script (see above). */
const any = (document: Document, selector: string) => document.querySelectorAll(selector).length > 0;

/** An iframe whose address or name names a payment provider (`js.stripe.com`, `checkout.vipps.no`). */
let paymentFrameSelector: string | undefined;
function paymentFrame(document: Document): boolean {
  // Most pages have no iframe at all: counting them by tag is the cheapest question there is.
  if (document.getElementsByTagName('iframe').length === 0) return false;
  // One compound selector led by the tag, so that other elements are turned away by the tag compare.
  paymentFrameSelector ??= `iframe:is(${PAYMENT_FRAME_WORDS.map((w) => `[src*="${w}" i], [name*="${w}" i]`).join(', ')})`;
  return any(document, paymentFrameSelector);
}

/** A card-number, expiry or security-code field: `autocomplete="cc-…"`, or `card`/`kort` in its name or id. */
function paymentField(document: Document): boolean {
  if (document.getElementsByTagName('input').length === 0) return false;
  return any(document, 'input:is([autocomplete^="cc-" i], [name*="card" i], [id*="card" i], [name*="kort" i])');
}

/** The page says it is an article (`og:type` article). */
function saysArticle(document: Document): boolean {
  return any(document, 'meta[property="og:type"][content~="article" i]');
}
