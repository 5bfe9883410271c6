import { toMinor } from '../money';
import pageData from './page.json';

/** A price stated in structured data (minor units), with its billing period when stated. */
export interface SdOffer {
  amountMinor: number;
  currency: string;
  period?: string;
  /** A free first phase stated as a zero-price specification (`P30D`, `P1M`). */
  trial?: string;
  name?: string;
}

/** What JSON-LD and microdata say about the page. */
export interface StructuredFacts {
  types: Set<string>;
  /** Every priced offer (plans on a pricing page, the product on a product page...). */
  offers: SdOffer[];
  /** The offer an Order or Invoice is for (what was bought). */
  bought: SdOffer[];
  /** Paid invoices: a charge each (date when the data gives one). */
  paid: Array<{ amountMinor: number; currency: string; date?: string }>;
  /** Organisation names from seller, provider, brand (in that order of trust). */
  names: string[];
  isArticle: boolean;
}

type Obj = Record<string, unknown>;

const MAX_NODES = 3000;
const MAX_DEPTH = 12;
const ARTICLE_TYPES = new Set<string>(pageData.articleTypes);
const PERIOD_RE = /^P([1-9]\d{0,2})([DWMY])$/;
const UNIT_CODES: Record<string, string> = {
  MON: 'M',
  MONTH: 'M',
  MONTHS: 'M',
  ANN: 'Y',
  YEAR: 'Y',
  YEARS: 'Y',
  WEE: 'W',
  WEEK: 'W',
  WEEKS: 'W',
  DAY: 'D',
  DAYS: 'D',
};

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asList(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.slice(0, 200) : [v];
}

function typesOf(node: Obj): string[] {
  return asList(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^https?:\/\/schema\.org\//i, '').trim());
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim().slice(0, 300);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isObj(v) && '@value' in v) return str(v['@value']);
  return undefined;
}

function nameOf(v: unknown): string | undefined {
  for (const item of asList(v)) {
    if (typeof item === 'string' && item.trim()) return item.trim().slice(0, 120);
    if (isObj(item)) {
      const n = str(item.name);
      if (n) return n.slice(0, 120);
    }
  }
  return undefined;
}

/** `P1M`, or a number of `unitCode`s (MON, ANN, WEE, DAY), or a QuantitativeValue. */
function periodFrom(duration: unknown, unitCode: unknown): string | undefined {
  if (isObj(duration)) return periodFrom(duration.value, duration.unitCode ?? unitCode);
  const d = str(duration)?.toUpperCase();
  if (d && PERIOD_RE.test(d)) return d;
  const unit = UNIT_CODES[(str(unitCode) ?? '').toUpperCase()];
  if (!unit) return undefined;
  const n = d === undefined ? 1 : Number(d);
  if (!Number.isInteger(n) || n < 1 || n > 999) return undefined;
  return `P${n}${unit}`;
}

function money(price: unknown, currency: unknown): { amountMinor: number; currency: string } | undefined {
  const cur = str(currency)?.toUpperCase();
  let p = str(price);
  if (!cur || !/^[A-Z]{3}$/.test(cur) || p === undefined) return undefined;
  p = p.replace(/\s/g, '');
  if (/^\d+,\d{1,2}$/.test(p)) p = p.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(p)) return undefined;
  try {
    const minor = toMinor(p, cur);
    return Number.isSafeInteger(minor) && minor >= 0 && minor <= 1e12
      ? { amountMinor: minor, currency: cur }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Reads an Offer (or a bare price specification) into zero or one SdOffer. */
function readOffer(node: Obj): SdOffer | undefined {
  const specs = asList(node.priceSpecification).filter(isObj);
  const types = typesOf(node);
  if (types.some((t) => /PriceSpecification$/.test(t))) specs.unshift(node);
  let main: SdOffer | undefined;
  let trial: string | undefined;
  for (const spec of specs) {
    const m = money(spec.price, spec.priceCurrency ?? node.priceCurrency);
    if (!m) continue;
    const period =
      periodFrom(spec.billingDuration, spec.unitCode) ??
      periodFrom(spec.referenceQuantity, undefined) ??
      (spec.unitCode !== undefined ? periodFrom(undefined, spec.unitCode) : undefined);
    if (m.amountMinor === 0 && period) {
      trial = period;
      continue;
    }
    if (!main || (period && !main.period)) main = period ? { ...m, period } : { ...m };
  }
  if (!main) {
    const m = money(node.price ?? node.lowPrice, node.priceCurrency);
    if (m) main = m;
  }
  if (!main) return undefined;
  if (trial) main.trial = trial;
  const name = str(node.name) ?? nameOf(node.itemOffered);
  if (name) main.name = name;
  return main;
}

/** Flattens parsed JSON-LD into typed nodes (bounded). */
function collect(value: unknown, out: Obj[], depth: number): void {
  if (out.length >= MAX_NODES || depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 500)) collect(v, out, depth + 1);
    return;
  }
  if (!isObj(value)) return;
  if (value['@type'] !== undefined) out.push(value);
  for (const [k, v] of Object.entries(value)) {
    if (k === '@context') continue;
    if (typeof v === 'object' && v !== null) collect(v, out, depth + 1);
  }
}

function dateOf(v: unknown): string | undefined {
  const s = str(v);
  const m = s ? /^(\d{4}-\d{2}-\d{2})/.exec(s) : null;
  return m?.[1];
}

/** Builds the facts from typed nodes (JSON-LD and microdata alike). */
function facts(nodes: Obj[]): StructuredFacts {
  const out: StructuredFacts = { types: new Set(), offers: [], bought: [], paid: [], names: [], isArticle: false };
  const seller: string[] = [];
  const brand: string[] = [];
  for (const node of nodes) {
    const types = typesOf(node);
    for (const t of types) out.types.add(t);
    if (types.some((t) => ARTICLE_TYPES.has(t))) out.isArticle = true;
    for (const key of ['seller', 'provider', 'broker']) {
      const n = nameOf(node[key]);
      if (n) seller.push(n);
    }
    const b = nameOf(node.brand);
    if (b) brand.push(b);
    if (types.some((t) => t === 'Offer' || t === 'AggregateOffer' || /PriceSpecification$/.test(t))) {
      const offer = readOffer(node);
      if (offer) out.offers.push(offer);
    }
    if (types.includes('Order')) {
      for (const o of asList(node.acceptedOffer).filter(isObj)) {
        const offer = readOffer(o);
        if (offer) out.bought.push(offer);
      }
    }
    if (types.includes('Invoice')) {
      const total = asList(node.totalPaymentDue).find(isObj);
      const m = total ? money(total.price ?? total.value, total.priceCurrency ?? total.currency) : undefined;
      const order = asList(node.referencesOrder).find(isObj);
      const period = periodFrom(node.billingPeriod, undefined);
      if (m) out.bought.push(period ? { ...m, period } : { ...m });
      const status = str(node.paymentStatus) ?? '';
      if (m && /PaymentComplete|paid/i.test(status)) {
        const date = dateOf(order?.orderDate) ?? dateOf(node.paymentDate) ?? dateOf(node.dateCreated);
        out.paid.push(date ? { ...m, date } : { ...m });
      }
    }
  }
  out.names = [...seller, ...brand];
  return out;
}

/**
 * Reads JSON-LD texts and microdata items (as JSON, see lib/detect/dom.ts) into facts. Bounded (node and depth
 * caps); bad JSON is skipped. Never throws.
 */
export function readStructured(jsonLd: readonly string[], microdata: readonly string[] = []): StructuredFacts {
  const nodes: Obj[] = [];
  for (const text of [...jsonLd, ...microdata]) {
    if (nodes.length >= MAX_NODES) break;
    try {
      collect(JSON.parse(text), nodes, 0);
    } catch {
      // malformed JSON-LD is common; skip it
    }
  }
  return facts(nodes);
}

/**
 * Adds an OpenGraph price (`og:price:amount` / `product:price:amount` with its currency) to the offers: a price
 * the page states about itself, with no billing period.
 */
export function addOpenGraphPrice(sd: StructuredFacts, meta: (name: string) => string | undefined): void {
  const amount = meta('og:price:amount') ?? meta('product:price:amount');
  const currency = meta('og:price:currency') ?? meta('product:price:currency');
  const m = money(amount, currency);
  if (m && !sd.offers.some((o) => o.amountMinor === m.amountMinor && o.currency === m.currency)) sd.offers.push(m);
}
