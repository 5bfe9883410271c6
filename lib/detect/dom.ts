import { cookieWords as daCookie } from './lang/da.json';
import { cookieWords as enCookie } from './lang/en.json';
import { cookieWords as nbCookie } from './lang/nb.json';
import { cookieWords as svCookie } from './lang/sv.json';
import pageData from './page.json';
import { cleanText, type PhraseMatcher, phraseMatcher } from './text';

/** One line of visible text: the text of one block element between its child blocks. Plain data. */
export interface Line {
  /** Cleaned text; table cells are separated by a tab. */
  text: string;
  /**
   * The line ranges [start, end) of the block elements around this line's own block, nearest first (up to
   * {@link GROUP_HOPS} parents; null where a parent is not a block): how lines group into rows and cards.
   */
  groups: Array<[number, number] | null>;
  /** 1–6 when the line is a heading, else 0. */
  heading: number;
  /** Index of the heading line whose section holds this line, or -1. */
  section: number;
  /** Inside a button (or an element with role=button). */
  button: boolean;
  /** Inside the chosen option: a label around a checked radio, or an element with aria-checked/selected=true. */
  selected: boolean;
}

/** A link found in the visible page. */
export interface LinkInfo {
  href: string;
  text: string;
  line: number;
}

/**
 * Everything the detector reads off a document, gathered in one bounded pass: plain data (no DOM references), so
 * the content script can hand it to the background, where the detection itself runs.
 */
export interface PageData {
  title: string;
  htmlLang: string;
  /** Lower-cased meta property/name and content (first of each name wins). */
  meta: Array<[string, string]>;
  canonical: string;
  baseHref: string;
  /** JSON-LD texts as found. */
  jsonLd: string[];
  /** Microdata items, read into the same plain shape as JSON-LD and written as JSON. */
  microdata: string[];
  lines: Line[];
  links: LinkInfo[];
  hasPaymentField: boolean;
  hasPaymentFrame: boolean;
  truncated: boolean;
}

/**
 * Bounds: the walk stops here, so huge pages cost bounded time. Every later step scans the text read, so the
 * text limit sets the detector's cost on long pages: 15,000 characters of visible text (navigation, footers,
 * cookie banners and hidden elements are skipped, so this is all main content) is about five printed pages, and
 * what a subscription page states — plan, price, renewal, a few years of monthly invoices — sits well inside it.
 */
/** The content of a `<meta>` by its lower-cased property/name. */
export function metaValue(page: PageData, name: string): string | undefined {
  for (const [k, v] of page.meta) if (k === name) return v;
  return undefined;
}

/** How many parents of a line's block {@link Line.groups} records. */
export const GROUP_HOPS = 4;

export const LIMITS = {
  nodes: 20_000,
  textChars: 15_000,
  lineChars: 2_000,
  lines: 1_500,
  links: 500,
  jsonLdScripts: 30,
  jsonLdChars: 200_000,
  microdata: 300,
  meta: 300,
};

const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'object',
  'embed',
  'canvas',
  'select',
  'datalist',
  'textarea',
  'head',
  'iframe',
  'video',
  'audio',
  'nav',
  'footer',
  'del',
  's',
  'strike',
]);
const SKIP_ROLES = new Set(['navigation', 'contentinfo']);
/** Elements that may be an overlay: skipped when they talk about cookies. */
const OVERLAY_HINT = /banner|notice|popup|modal|overlay|toast|snackbar|dialog|consent/;
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'button',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'label',
  'legend',
  'li',
  'main',
  'ol',
  'option',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);
const CELL_TAGS = new Set(['td', 'th']);
/** Inline tags that can sit inside a word or number (`449<sup>,00</sup>`); other element edges separate words. */
const WORD_INTERNAL = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'sup',
  'sub',
  'mark',
  'small',
  'abbr',
  'wbr',
  'bdi',
  'bdo',
  'font',
]);
const NOISE_TOKENS: readonly string[] = pageData.noiseTokens;
const PAYMENT_FIELD_NAMES: readonly string[] = pageData.paymentFieldNames;
const PAYMENT_FIELD_RE = new RegExp(pageData.paymentFieldPattern, 'i');
const PAYMENT_FRAME_HOSTS: readonly string[] = pageData.paymentFrameHosts;
const PAYMENT_FRAME_WORDS: readonly string[] = pageData.paymentFrameWords;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
const STRUCK_STYLE = /text-decoration[^;]*line-through/i;
const NON_TEXT_INPUTS = new Set([
  'hidden',
  'checkbox',
  'radio',
  'submit',
  'button',
  'reset',
  'image',
  'email',
  'search',
]);

/** The first `max` characters of an element's text, reading at most a few hundred nodes (textContent is unbounded). */
export function sampleText(el: Node, max: number): string {
  let out = '';
  let visited = 0;
  const stack: Node[] = [el];
  while (stack.length > 0 && out.length < max && visited < 400) {
    const n = stack.pop() as Node;
    visited++;
    if (n.nodeType === 3) {
      out += (n as Text).data.slice(0, max - out.length);
      continue;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
    const tag = (n as Element).localName;
    if (tag === 'script' || tag === 'style' || tag === 'template') continue;
    const kids = n.childNodes;
    for (let i = Math.min(kids.length, 200) - 1; i >= 0; i--) stack.push(kids[i] as Node);
  }
  return out;
}

function attr(el: Element, name: string): string {
  const v = el.getAttribute(name);
  return typeof v === 'string' ? v : '';
}

/**
 * The cookie-banner words of every language, taken alone from the word lists (named JSON imports): the page reader,
 * which runs in pages, carries no other word list.
 */
let cookie: PhraseMatcher | undefined;
const cookieWords = () => {
  cookie ??= phraseMatcher([...enCookie, ...nbCookie, ...svCookie, ...daCookie]);
  return cookie;
};

/** Cookie banners and consent overlays, recognised by their ids and classes (never by layout). */
function isNoise(el: Element, tag: string): boolean {
  // Cut before lower-casing: a page's attribute can be megabytes long.
  const idClass = `${attr(el, 'id').slice(0, 200)} ${attr(el, 'class').slice(0, 400)}`.toLowerCase();
  if (idClass.length > 1) {
    for (const t of NOISE_TOKENS) if (idClass.includes(t)) return true;
  }
  const role = attr(el, 'role');
  if (tag === 'dialog' || role === 'dialog' || role === 'alertdialog' || OVERLAY_HINT.test(idClass)) {
    const sample = `${attr(el, 'aria-label')} ${sampleText(el, 300)}`;
    if (cookieWords().test(sample)) return true;
  }
  return false;
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (attr(el, 'aria-hidden').toLowerCase() === 'true') return true;
  const style = attr(el, 'style');
  if (style && style.length < 2000 && (HIDDEN_STYLE.test(style) || STRUCK_STYLE.test(style))) return true;
  return false;
}

/**
 * Content the page has folded away by its markup: a `<dialog>` that is not open, and everything in a closed
 * `<details>` but its first `<summary>`.
 */
function isFolded(el: Element, tag: string): boolean {
  if (tag === 'dialog') return !el.hasAttribute('open');
  const parent = el.parentElement;
  if (parent?.localName !== 'details' || parent.hasAttribute('open')) return false;
  return !(tag === 'summary' && parent.querySelector(':scope > summary') === el);
}

function isPaymentInput(el: Element): boolean {
  const type = attr(el, 'type').toLowerCase();
  if (NON_TEXT_INPUTS.has(type)) return false;
  const ac = attr(el, 'autocomplete').toLowerCase();
  if (ac.startsWith('cc-')) return true;
  const names =
    `${attr(el, 'name')} ${attr(el, 'id')} ${attr(el, 'aria-label')} ${attr(el, 'data-elements-stable-field-name')}`
      .toLowerCase()
      .slice(0, 300);
  if (PAYMENT_FIELD_NAMES.some((n) => names.split(/[\s[\]]+/).includes(n))) return true;
  return PAYMENT_FIELD_RE.test(names) && !/(gift|gave|gåva|rabatt|discount|coupon|kupong|promo)/.test(names);
}

function isPaymentFrame(el: Element): boolean {
  const src = attr(el, 'src').slice(0, 500);
  try {
    if (src) {
      const host = new URL(src, 'https://invalid.invalid/').hostname.toLowerCase();
      if (PAYMENT_FRAME_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) return true;
    }
  } catch {
    // not a URL: look at the title/name only
  }
  const label = `${attr(el, 'title')} ${attr(el, 'name')}`.toLowerCase().slice(0, 300);
  return PAYMENT_FRAME_WORDS.some((w) => label.includes(w));
}

/** A label around a checked radio button, or an option/tab/radio marked as chosen with ARIA. */
function isChosen(el: Element, tag: string): boolean {
  if (attr(el, 'aria-checked') === 'true' || attr(el, 'aria-selected') === 'true') return true;
  if (tag !== 'label') return false;
  const inputs = el.getElementsByTagName('input');
  for (let i = 0; i < inputs.length && i < 5; i++) {
    const input = inputs[i] as HTMLInputElement;
    if (attr(input, 'type').toLowerCase() === 'radio' && (input.checked === true || input.hasAttribute('checked'))) {
      return true;
    }
  }
  return false;
}

function headingLevel(el: Element, tag: string): number {
  if (tag.length === 2 && tag[0] === 'h' && tag[1]! >= '1' && tag[1]! <= '6') return Number(tag[1]);
  if (attr(el, 'role') === 'heading') {
    const lvl = Number(attr(el, 'aria-level'));
    return Number.isInteger(lvl) && lvl >= 1 && lvl <= 6 ? lvl : 2;
  }
  return 0;
}

/** Reads one `<meta>`, `<link>`, `<base>`, `<title>` or JSON-LD `<script>` (wherever it is in the document). */
function readHeadElement(el: Element, tag: string, out: PageData, state: WalkState): void {
  if (tag === 'meta') {
    if (state.meta.size >= LIMITS.meta) return;
    const key = (attr(el, 'property') || attr(el, 'name')).toLowerCase().trim().slice(0, 200);
    if (key && !state.meta.has(key)) {
      const value = cleanText(attr(el, 'content').slice(0, 500)).trim();
      state.meta.add(key);
      out.meta.push([key, value]);
    }
  } else if (tag === 'title') {
    if (!out.title) out.title = cleanText(sampleText(el, 500)).trim();
  } else if (tag === 'link') {
    if (!out.canonical && attr(el, 'rel').toLowerCase() === 'canonical')
      out.canonical = attr(el, 'href').slice(0, 2048);
  } else if (tag === 'base') {
    if (!out.baseHref) out.baseHref = attr(el, 'href').slice(0, 2048);
  } else if (tag === 'script' && attr(el, 'type').toLowerCase().trim() === 'application/ld+json') {
    if (out.jsonLd.length >= LIMITS.jsonLdScripts) return;
    const text = el.textContent ?? '';
    if (text.length > LIMITS.jsonLdChars || state.jsonLdChars + text.length > LIMITS.jsonLdChars * 3) return;
    state.jsonLdChars += text.length;
    out.jsonLd.push(text);
  }
}

const HEAD_TAGS = new Set(['meta', 'title', 'link', 'base', 'script']);

interface WalkState {
  jsonLdChars: number;
  /** Meta names already read. */
  meta: Set<string>;
}

/** The `<head>`'s children (bounded); the body walk picks up JSON-LD and metadata found in the body. */
function readHead(doc: Document, out: PageData, state: WalkState): void {
  const root = doc.documentElement;
  out.htmlLang = root ? attr(root, 'lang').trim().slice(0, 20) : '';
  const head = doc.head;
  if (!head) return;
  const kids = head.children;
  for (let i = 0; i < kids.length && i < 1000; i++) {
    const el = kids[i] as Element;
    if (HEAD_TAGS.has(el.localName)) readHeadElement(el, el.localName, out, state);
  }
}

/** A page with nothing read yet. */
export function emptyPage(): PageData {
  return {
    title: '',
    htmlLang: '',
    meta: [],
    canonical: '',
    baseHref: '',
    jsonLd: [],
    microdata: [],
    lines: [],
    links: [],
    hasPaymentField: false,
    hasPaymentFrame: false,
    truncated: false,
  };
}

/** How {@link extractPage} reads a document. */
export interface ExtractOptions {
  /**
   * Whether an element is really visible. Asked only about the few candidate
   * elements: those whose text sits on a line with a digit (prices, dates) and links. Without it (Node, tests, no
   * layout) only what the markup says is hidden is skipped. In the page the reader passes {@link layoutVisibility}.
   */
  visible?: (el: Element) => boolean;
  /** Read only this element (and not the document's head): a message open in webmail. */
  root?: Element;
}

/** Most visibility questions one page read may ask; beyond that, candidate text counts as hidden (fail closed). */
export const MAX_VISIBILITY_CHECKS = 2000;

/**
 * Reads a document in one bounded walk: visible text as lines, links, payment fields and frames, and the head's
 * metadata. Skips scripts, styles, hidden elements, closed `<details>` (but their summary), dialogs that are not
 * open, navigation, footers, struck-out prices and cookie banners. Reads no layout itself; `options.visible` checks
 * the candidate elements for real visibility. With `options.root` (a message open in webmail), only that element is
 * read, not the document's head.
 */
export function extractPage(doc: Document, options: ExtractOptions = {}): PageData {
  const root = options.root;
  const out = emptyPage();
  const state: WalkState = { jsonLdChars: 0, meta: new Set() };
  /** The block element of each line, and the line range of each block element (for Line.groups, at the end). */
  const lineEls: Element[] = [];
  const ranges = new Map<Element, [number, number]>();
  const microdataRoots: Element[] = [];
  if (!root) readHead(doc, out, state);
  const start = root ?? doc.body ?? doc.documentElement;
  if (!start) return out;

  let buf = '';
  /** Where each text node's text sits in `buf` (start, end, its element), for the visibility check at flush. */
  let parts: Array<[number, number, Element]> = [];
  const seen = new Map<Element, boolean>();
  let checks = 0;
  const isVisible = (el: Element): boolean => {
    const known = seen.get(el);
    if (known !== undefined) return known;
    let ok = false;
    if (checks++ < MAX_VISIBILITY_CHECKS) {
      try {
        ok = options.visible!(el);
      } catch {
        ok = false;
      }
    }
    seen.set(el, ok);
    return ok;
  };
  /** On a line with a digit, the text of elements that are not really visible is dropped. */
  const visibleText = (text: string): string => {
    if (!options.visible || parts.length === 0 || !/\d/.test(text)) return text;
    let out = '';
    let at = 0;
    for (const [start, end, el] of parts) {
      if (isVisible(el)) continue;
      out += `${text.slice(at, start)} `;
      at = end;
    }
    return at === 0 ? text : out + text.slice(at);
  };
  let textChars = 0;
  let nodes = 0;
  const blocks: Element[] = [];
  let heading = 0;
  let buttonDepth = 0;
  const chosen = new Set<Element>();
  const sections: Array<{ line: number; container: Element | null }> = [];

  const flush = () => {
    const text = visibleText(buf)
      .replace(/ *\t[ \t]*/g, '\t')
      .replace(/ {2,}/g, ' ')
      .replace(/^[\t ]+|[\t ]+$/g, '');
    buf = '';
    parts = [];
    if (text.length === 0 || out.lines.length >= LIMITS.lines) return;
    lineEls.push(blocks[blocks.length - 1] ?? start);
    const section = sections.length > 0 ? (sections[sections.length - 1] as { line: number }).line : -1;
    out.lines.push({ text, groups: [], heading, section, button: buttonDepth > 0, selected: chosen.size > 0 });
  };

  /** Element edges (`<span>Fornyes</span><span>9. desember</span>`) separate words, as layout would show them. */
  const separate = () => {
    if (buf.length > 0 && !/[\s]$/.test(buf)) buf += ' ';
  };

  /** Leaves an element that `enter` walked into. */
  const leave = (el: Element) => {
    const tag = el.localName;
    if (BLOCK_TAGS.has(tag) || attr(el, 'role') === 'heading') {
      flush();
      const range = ranges.get(el);
      if (range) range[1] = out.lines.length;
      const lvl = headingLevel(el, tag);
      if (lvl > 0) {
        heading = 0;
        const idx = out.lines.length - 1;
        if (idx >= 0 && (out.lines[idx] as Line).heading === lvl) {
          sections.push({ line: idx, container: el.parentElement });
        }
      }
      if (blocks[blocks.length - 1] === el) blocks.pop();
    } else if (!CELL_TAGS.has(tag) && !WORD_INTERNAL.has(tag)) separate();
    if (tag === 'button' || attr(el, 'role') === 'button') buttonDepth--;
    chosen.delete(el);
    while (sections.length > 0 && sections[sections.length - 1]?.container === el) sections.pop();
  };

  /** Handles a node; true when it is an element whose children are to be walked (and `leave` called after). */
  const enter = (node: Node): boolean => {
    if (node.nodeType === 3) {
      const raw = (node as Text).data;
      if (!raw) return false;
      const holder = node.parentElement;
      if (holder?.localName === 'details' && !holder.hasAttribute('open')) return false;
      const room = Math.min(LIMITS.textChars - textChars, LIMITS.lineChars * 4);
      const piece = cleanText(raw.length > room ? raw.slice(0, room) : raw);
      textChars += piece.length;
      const parent = node.parentElement;
      if (options.visible && parent && piece.length > 0) parts.push([buf.length, buf.length + piece.length, parent]);
      buf += piece;
      if (buf.length > LIMITS.lineChars) flush();
      return false;
    }
    if (node.nodeType !== 1) return false;
    const el = node as Element;
    const tag = el.localName;
    if (tag === 'iframe' && !isHidden(el) && isPaymentFrame(el)) out.hasPaymentFrame = true;
    if (tag === 'input') {
      if (!isHidden(el) && isPaymentInput(el)) out.hasPaymentField = true;
      return false;
    }
    if (HEAD_TAGS.has(tag)) {
      readHeadElement(el, tag, out, state);
      return false;
    }
    if (microdataRoots.length < LIMITS.microdata && el.hasAttribute('itemscope') && !el.hasAttribute('itemprop')) {
      microdataRoots.push(el);
    }
    if (SKIP_TAGS.has(tag) || SKIP_ROLES.has(attr(el, 'role')) || isHidden(el) || isNoise(el, tag)) return false;
    if (isFolded(el, tag)) return false;
    if (tag === 'br') {
      flush();
      return false;
    }
    if (tag === 'a' && out.links.length < LIMITS.links) {
      const href = attr(el, 'href').trim();
      if (href && options.visible && !isVisible(el)) return false;
      if (href) {
        const label = `${sampleText(el, 200)} ${attr(el, 'aria-label')} ${attr(el, 'title')}`.slice(0, 300);
        out.links.push({ href: href.slice(0, 4096), text: cleanText(label).trim(), line: out.lines.length });
      }
    }
    if (BLOCK_TAGS.has(tag) || attr(el, 'role') === 'heading') {
      flush();
      blocks.push(el);
      ranges.set(el, [out.lines.length, out.lines.length]);
      const lvl = headingLevel(el, tag);
      if (lvl > 0) heading = lvl;
    } else if (CELL_TAGS.has(tag)) {
      buf += '\t';
    } else if (!WORD_INTERNAL.has(tag)) {
      separate();
    }
    if (tag === 'button' || attr(el, 'role') === 'button') buttonDepth++;
    if (isChosen(el, tag)) chosen.add(el);
    return true;
  };

  // Walks by first-child / next-sibling pointers, so a node with 100,000 children costs nothing until reached.
  if (enter(start)) {
    let cur: Node | null = start.firstChild;
    while (cur) {
      if (++nodes > LIMITS.nodes || textChars >= LIMITS.textChars) {
        out.truncated = true;
        break;
      }
      const walkIn = enter(cur);
      if (walkIn && cur.firstChild) {
        cur = cur.firstChild;
        continue;
      }
      if (walkIn) leave(cur as Element);
      while (cur && cur !== start && !cur.nextSibling) {
        cur = cur.parentNode;
        if (cur && cur !== start) leave(cur as Element);
      }
      if (!cur || cur === start) break;
      cur = cur.nextSibling;
    }
    leave(start);
  }
  flush();
  for (const el of blocks) {
    const range = ranges.get(el);
    if (range) range[1] = out.lines.length;
  }
  out.lines.forEach((line, i) => {
    let el: Element | null = lineEls[i] ?? null;
    for (let hop = 0; hop < GROUP_HOPS && el; hop++) {
      el = el.parentElement;
      const r = el ? ranges.get(el) : undefined;
      line.groups.push(r ? [r[0], r[1]] : null);
    }
  });
  out.microdata = readMicrodata(microdataRoots);
  return out;
}

type Obj = Record<string, unknown>;
/** Most elements read inside microdata items, over all items. */
const MAX_MICRODATA_NODES = 3000;

/** Microdata items as JSON texts in the shape of JSON-LD (`@type` plus properties). Bounded; never throws. */
function readMicrodata(roots: readonly Element[]): string[] {
  const out: string[] = [];
  const budget = { n: 0 };
  for (const root of roots) {
    if (budget.n >= MAX_MICRODATA_NODES) break;
    try {
      out.push(JSON.stringify(microItem(root, 0, budget)).slice(0, 100_000));
    } catch {
      // skip a broken item
    }
  }
  return out;
}

/** The value of one microdata property element (not an item). */
function microValue(el: Element): string {
  const v =
    el.getAttribute('content') ??
    el.getAttribute('datetime') ??
    el.getAttribute('value') ??
    (el.localName === 'a' || el.localName === 'link' ? el.getAttribute('href') : null);
  return (v ?? el.textContent ?? '').slice(0, 300).trim();
}

/**
 * Microdata item → the same plain shape as JSON-LD (`@type` plus properties). Walks the item's own subtree with
 * a shared node budget; nested items become nested objects.
 */
function microItem(root: Element, depth: number, budget: { n: number }): Obj {
  const type = (root.getAttribute('itemtype') ?? '').trim().split(/\s+/)[0] ?? '';
  const item: Obj = { '@type': type.replace(/^https?:\/\/schema\.org\//i, '') };
  const stack: Element[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i] as Element);
  while (stack.length > 0 && budget.n < MAX_MICRODATA_NODES) {
    const el = stack.pop() as Element;
    budget.n++;
    const props = (el.getAttribute('itemprop') ?? '').trim();
    const scope = el.hasAttribute('itemscope');
    if (props) {
      let value: unknown;
      if (scope) {
        if (depth >= 6) continue;
        value = microItem(el, depth + 1, budget);
      } else {
        value = microValue(el);
      }
      for (const name of props.split(/\s+/).slice(0, 5)) {
        const prev = item[name];
        item[name] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
      }
    }
    if (scope) continue;
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as Element);
  }
  return item;
}

/** The alpha of a computed colour (`rgba(0, 0, 0, 0)` → 0, `transparent` → 0, `rgb(…)` → 1). */
function alphaOf(color: string | undefined): number {
  if (!color) return 1;
  if (color === 'transparent') return 0;
  const m = /^rgba?\(([^)]*)\)$/.exec(color.trim());
  if (!m) return 1;
  const parts = (m[1] ?? '').split(/[\s,/]+/).filter((p) => p.length > 0);
  if (parts.length < 4) return 1;
  const a = parts[3] as string;
  const v = a.endsWith('%') ? Number.parseFloat(a) / 100 : Number.parseFloat(a);
  return Number.isFinite(v) ? v : 1;
}

/** A CSS length or percentage of `size` in pixels (`50%` of 200 → 100; `12px` → 12); NaN when not one. */
function lengthOf(value: string, size: number): number {
  const v = value.trim();
  if (v.endsWith('%')) return (Number.parseFloat(v) / 100) * size;
  if (v.endsWith('px') || /^-?[\d.]+$/.test(v)) return Number.parseFloat(v);
  return Number.NaN;
}

/** Whether a computed `clip-path` leaves nothing of a box `w` × `h` to see (`inset(50%)`, `circle(0)`, a flat polygon). */
export function clipsAll(clipPath: string, w: number, h: number): boolean {
  const m = /^(inset|circle|ellipse|polygon)\((.*)\)/.exec(clipPath.trim());
  if (!m) return false;
  const args = (m[2] ?? '').replace(/\bround\b.*$/, '').trim();
  if (m[1] === 'inset') {
    const v = args.split(/\s+/).map((a, i) => lengthOf(a, i % 2 === 0 ? h : w));
    const [t = 0, r = t, b = t, l = r] = v;
    return t + b >= h - 0.5 || l + r >= w - 0.5;
  }
  if (m[1] === 'circle' || m[1] === 'ellipse') {
    const radii = (args.split(/\bat\b/)[0] ?? '')
      .trim()
      .split(/\s+/)
      .filter((a) => a.length > 0);
    return radii.length > 0 && radii.some((a) => lengthOf(a, Math.min(w, h)) < 0.5);
  }
  // polygon: the area of its points (shoelace); a line or a point shows nothing.
  const points = args
    .replace(/^(nonzero|evenodd)\s*,/, '')
    .split(',')
    .map((p) => p.trim().split(/\s+/))
    .map(([x = '', y = '']) => [lengthOf(x, w), lengthOf(y, h)] as const);
  if (points.length < 3 || points.some(([x, y]) => Number.isNaN(x) || Number.isNaN(y))) return points.length < 3;
  let area = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i] as readonly [number, number];
    const [x2, y2] = points[(i + 1) % points.length] as readonly [number, number];
    area += x1 * y2 - x2 * y1;
  }
  return Math.abs(area) / 2 < 1;
}

/** Whether a computed `clip: rect(…)` (absolutely positioned boxes only) leaves less than a pixel. */
function clipRectEmpty(clip: string): boolean {
  const m = /^rect\(([^)]*)\)$/.exec(clip.trim());
  if (!m) return false;
  const [top, right, bottom, left] = (m[1] ?? '').split(/[\s,]+/).map((v) => Number.parseFloat(v));
  if ([top, right, bottom, left].some((v) => v === undefined || Number.isNaN(v))) return false;
  return (right as number) - (left as number) < 1 || (bottom as number) - (top as number) < 1;
}

/** How far right of the page text may sit before it counts as put off-screen on purpose. */
const FAR_RIGHT_PX = 10_000;
/** A negative `text-indent` this large moves the text out of sight. */
const FAR_INDENT_PX = 500;

/**
 * The real visibility check for {@link ExtractOptions.visible}, for a document with layout (the page itself):
 * `checkVisibility()` with opacity and `visibility` (display:none also by a class, a dialog not open, closed
 * `<details>` content, `content-visibility: hidden`), then a font size under 2 px, a transparent colour, no size, a
 * place off-screen (left of or above the page, or far right), and an ancestor that hides it all (a zero-size box with
 * overflow hidden, `clip-path: inset(50%)`-like shapes, `clip: rect(0 0 0 0)`, a large negative text-indent). Computed
 * styles are read only for the candidate elements and their ancestors, once each. `content-visibility: auto` is
 * not counted as hidden: it only defers rendering of content off screen, which a person scrolls to.
 */
export function layoutVisibility(doc: Document): (el: Element) => boolean {
  const win = doc.defaultView;
  if (!win) return () => true;
  const clipping = new Map<Element, boolean>();
  const style = (el: Element) => win.getComputedStyle(el);
  /** Whether `el` is a box that hides everything inside it. */
  const clipsEverything = (el: Element): boolean => {
    const known = clipping.get(el);
    if (known !== undefined) return known;
    const cs = style(el);
    let hides = false;
    const clipPath = cs.clipPath;
    if (clipPath && clipPath !== 'none') {
      const r = el.getBoundingClientRect();
      hides = clipsAll(clipPath, r.width, r.height);
    }
    if (!hides && (cs.position === 'absolute' || cs.position === 'fixed') && cs.clip && cs.clip !== 'auto') {
      hides = clipRectEmpty(cs.clip);
    }
    // Text pushed out of its box by a large negative indent (the old image-replacement trick).
    if (!hides && Number.parseFloat(cs.textIndent) <= -FAR_INDENT_PX) hides = true;
    if (!hides && (cs.overflowX !== 'visible' || cs.overflowY !== 'visible')) {
      const r = el.getBoundingClientRect();
      hides = (cs.overflowX !== 'visible' && r.width < 2) || (cs.overflowY !== 'visible' && r.height < 2);
    }
    clipping.set(el, hides);
    return hides;
  };
  return (el) => {
    const check = (el as Element & { checkVisibility?: (o: Record<string, boolean>) => boolean }).checkVisibility;
    if (typeof check === 'function' && !check.call(el, { checkOpacity: true, checkVisibilityCSS: true })) return false;
    const cs = style(el);
    if (Number.parseFloat(cs.fontSize) < 2) return false;
    if (alphaOf(cs.color) === 0) return false;
    const fill = (cs as CSSStyleDeclaration & { webkitTextFillColor?: string }).webkitTextFillColor;
    if (fill && alphaOf(fill) === 0) return false;
    // The element's box, not a Range around the text: a Range stays live (the browser updates it on every change
    // the page makes to its DOM until it is collected), which would make the page's own DOM work measurably slower.
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return false;
    const x = win.scrollX;
    const y = win.scrollY;
    if (box.right + x <= 0 || box.bottom + y <= 0) return false;
    if (box.left + x > Math.max(win.innerWidth, doc.documentElement.clientWidth) + FAR_RIGHT_PX) return false;
    for (let a: Element | null = el, hops = 0; a && a !== doc.body && a !== doc.documentElement && hops < 24; hops++) {
      if (clipsEverything(a)) return false;
      a = a.parentElement;
    }
    return true;
  };
}
