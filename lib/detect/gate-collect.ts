import { isKnownHost } from '../directory/hosts';
import { type GateInput, PAYMENT_FRAME_WORDS, STRUCTURED_WORDS } from './gate';

const SAMPLE_CHARS = 2000;
const SAMPLE_NODES = 1500;
const MAX_FRAMES = 20;
const MAX_INPUTS = 200;
const MAX_JSON_LD = 5;
const SKIP_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * The gate's only DOM read: title, a bounded text sample (first ~2,000 characters of body text, via a TreeWalker
 * with a node limit), whether there is structured data, a card field or a payment-provider frame, and whether the
 * host is in the service directory. No layout reads.
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
  const isArticle = lazy(
    () =>
      document.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim().toLowerCase() === 'article',
  );
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
 * about a subscription. Found through `document.scripts`, which costs a fraction of a selector query over the whole
 * page; microdata (`itemtype`, `itemprop`) is not looked for here: only an attribute query over every element finds
 * it, which cost 0.14 ms of the content script's budget on a long article, and no page in the fixtures needs it to
 * open the gate (the page reader still reads microdata once the gate is open).
 */
function structuredOffer(document: Document): boolean {
  const scripts = document.scripts ?? document.getElementsByTagName('script');
  let seen = 0;
  for (let i = 0; i < scripts.length && seen < MAX_JSON_LD; i++) {
    const el = scripts[i]!;
    if ((el.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    seen++;
    const text = (el.textContent ?? '').slice(0, 20_000).toLowerCase();
    for (const w of STRUCTURED_WORDS) if (text.includes(w)) return true;
  }
  return false;
}

function paymentFrame(document: Document): boolean {
  const frames = document.getElementsByTagName('iframe');
  for (let i = 0; i < frames.length && i < MAX_FRAMES; i++) {
    const f = frames[i] as HTMLIFrameElement;
    const src = `${f.getAttribute('src') ?? ''} ${f.getAttribute('name') ?? ''}`.slice(0, 300).toLowerCase();
    if (PAYMENT_FRAME_WORDS.some((w) => src.includes(w))) return true;
  }
  return false;
}

/** A card-number, expiry or security-code field: `autocomplete="cc-…"`, or `card`/`kort` in its name or id. */
function paymentField(document: Document): boolean {
  // A live collection: on the many pages without any input this is all it costs.
  const inputs = document.getElementsByTagName('input');
  for (let i = 0; i < inputs.length && i < MAX_INPUTS; i++) {
    const input = inputs[i] as HTMLInputElement;
    if ((input.getAttribute('autocomplete') ?? '').toLowerCase().startsWith('cc-')) return true;
    const name = (input.getAttribute('name') ?? '').toLowerCase();
    const id = (input.getAttribute('id') ?? '').toLowerCase();
    if (name.includes('card') || id.includes('card') || name.includes('kort')) return true;
  }
  return false;
}
