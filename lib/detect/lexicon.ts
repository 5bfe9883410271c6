import type { DetectionEvent } from '../model/detection';
import { LANGUAGES, type LangData, type TemplateSpec } from './lang';
import { escapeRe, LETTER_CHARS, type PhraseMatcher, phraseKey, phraseMatcher, WORD_CHARS } from './text';

/** Time units of the templates: days, weeks, months, years, or one delivery/box (= one billing period). */
export type Unit = 'D' | 'W' | 'M' | 'Y' | 'X';

/** One compiled trial or intro template: its expression (groups in `tokens` order) and its fixed values. */
export interface Template {
  readonly re: RegExp;
  tokens: Array<'n' | 'unit' | 'price' | 'pct' | 'per'>;
  /** Lower-case literal words the text must contain for the template to be worth running. */
  words: string[];
  pct?: number;
  amount?: number;
  n?: number;
  /** A fixed unit (`X`: one billing period) for phrases that name none (`£1 now, then £9.99 per month`). */
  unit?: Unit;
}

/** All templates of one kind, longest first. */
export interface TemplateSet {
  templates: Template[];
}

/** A phrase list whose phrases carry a value (a period such as `P1M`). */
export interface ValuedMatcher extends PhraseMatcher {
  valueOf(matched: string): string | undefined;
}

/** Every word list of every registered language, merged and compiled once. */
export interface Lexicon {
  periods: ValuedMatcher;
  periodPrefixes: ValuedMatcher;
  billed: ValuedMatcher;
  /** All period phrases of all three lists, for "is there a period anywhere on this line". */
  anyPeriod: ValuedMatcher;
  perInstance: PhraseMatcher;
  equivalent: PhraseMatcher;
  comparison: PhraseMatcher;
  afterwards: PhraseMatcher;
  trialWords: PhraseMatcher;
  renewal: PhraseMatcher;
  chargeDate: PhraseMatcher;
  charged: PhraseMatcher;
  total: PhraseMatcher;
  vat: PhraseMatcher;
  vatInclusive: PhraseMatcher;
  net: PhraseMatcher;
  saving: PhraseMatcher;
  old: PhraseMatcher;
  dueToday: PhraseMatcher;
  shipping: PhraseMatcher;
  oneOff: PhraseMatcher;
  installment: PhraseMatcher;
  priceFrom: PhraseMatcher;
  failed: PhraseMatcher;
  links: Record<'cancel' | 'pause' | 'manage', PhraseMatcher>;
  kinds: Record<keyof LangData['kinds'], PhraseMatcher>;
  summary: PhraseMatcher;
  upsell: PhraseMatcher;
  donation: PhraseMatcher;
  newsletter: PhraseMatcher;
  subscriptionWords: PhraseMatcher;
  cookieWords: PhraseMatcher;
  /** Per event: its phrases, and the pair of word lists that say it together. */
  events: Record<DetectionEvent, { phrases: PhraseMatcher; near: Array<[PhraseMatcher, PhraseMatcher]> }>;
  seller: PhraseMatcher;
  mailReceipt: PhraseMatcher;
  unpaid: PhraseMatcher;
  paid: PhraseMatcher;
  dueDate: PhraseMatcher;
  /** Lower-case words a link text's words may end with to be a legal/help/unsubscribe link. */
  linkNot: { phrases: PhraseMatcher; endings: string[] };
  brandBefore: PhraseMatcher;
  brandStop: Set<string>;
  oldPrice: PhraseMatcher;
  newPrice: PhraseMatcher;
  changeFrom: PhraseMatcher;
  changeTo: PhraseMatcher;
  today: PhraseMatcher;
  notOn: PhraseMatcher;
  chargeDay: PhraseMatcher;
  chosenWords: PhraseMatcher;
  /** Lower-case word parts for the mail import's subject filter (substring match). */
  subjectStems: string[];
  linkContext: Record<'manage' | 'cancel', PhraseMatcher>;
  /** Lower-case link texts of account pages (whole text). */
  accountLinks: Set<string>;
  /** Lower-case possessives of a self-service portal's name (`mitt` in `Mitt Telenor`). */
  accountOwn: Set<string>;
  readMore: PhraseMatcher;
  dayOfMonthBefore: PhraseMatcher;
  paidThrough: PhraseMatcher;
  paymentLinks: PhraseMatcher;
  chargedLater: PhraseMatcher;
  insteadOf: PhraseMatcher;
  trial: TemplateSet;
  intro: TemplateSet;
  /**
   * The shape every trial/intro phrase has: a number or a word such as `første`/`first` right before a unit
   * (`30 dager`, `3-month`, `første måned`). Lines without it are not run through the templates.
   */
  offerShape: RegExp;
  /** Number words → value (`tre` → 3). */
  numbers: Map<string, number>;
  /** Unit words → unit (`måneder` → M). */
  units: Map<string, Unit>;
}

/** The marker a price takes in tokenised text: U+E000, its index, U+E001. */
export const PRICE_OPEN = '\ue000';
export const PRICE_CLOSE = '\ue001';

function merged(pick: (l: LangData) => readonly string[] | undefined): string[] {
  return LANGUAGES.flatMap((l) => pick(l) ?? []);
}

function valued(pick: (l: LangData) => Record<string, string[]> | undefined): ValuedMatcher {
  const values = new Map<string, string>();
  const phrases: string[] = [];
  for (const lang of LANGUAGES) {
    for (const [value, list] of Object.entries(pick(lang) ?? {})) {
      for (const p of list) {
        const key = phraseKey(p.replace(/\*$/, ''));
        if (!values.has(key)) values.set(key, value);
        phrases.push(p);
      }
    }
  }
  const m = phraseMatcher(phrases);
  return { ...m, valueOf: (matched) => values.get(phraseKey(matched)) };
}

function compileTemplates(specs: TemplateSpec[], parts: { n: string; unit: string; per: string }): TemplateSet {
  const out: Template[] = [];
  const text = (s: TemplateSpec) => (typeof s === 'string' ? s : s.t);
  const seen = new Set<string>();
  const sorted = [...specs]
    .sort((a, b) => text(b).length - text(a).length)
    .filter((s) => {
      const key = JSON.stringify(s);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  for (const spec of sorted) {
    const t = typeof spec === 'string' ? spec : spec.t;
    const tokens: Template['tokens'] = [];
    let src = '';
    const pieces = t.split(/(\{n\}|\{unit\}|\{price\}|\{pct\}|\{per\})/);
    for (const [pi, piece] of pieces.entries()) {
      // `{price} {per}`: the period may follow the price with no space (`39 kr./md.`); {per} takes any spaces.
      if (/^\s+$/.test(piece) && pieces[pi + 1] === '{per}') continue;
      if (piece === '{n}') {
        tokens.push('n');
        src += `(${parts.n})`;
      } else if (piece === '{unit}') {
        tokens.push('unit');
        src += `(${parts.unit})`;
      } else if (piece === '{price}') {
        tokens.push('price');
        src += `${PRICE_OPEN}(\\d+)${PRICE_CLOSE}`;
      } else if (piece === '{pct}') {
        tokens.push('pct');
        src += '(\\d{1,3}(?:[.,]\\d{1,2})?)\\s?%';
      } else if (piece === '{per}') {
        tokens.push('per');
        src += `\\s*(${parts.per})`;
      } else if (piece.length > 0) {
        // Literal words: a space may also be a colon, a comma or a dash; a hyphen may be a space.
        src += piece
          .split(/(\s+)/)
          .map((w) => (/^\s+$/.test(w) ? '(?:\\s*[:,–—-]\\s*|\\s+)' : escapeRe(w).replace(/-/g, '[-\\s]?')))
          .join('');
      }
    }
    const pre = /^[\p{L}\p{N}]/u.test(t) ? `(?<![${WORD_CHARS}])` : '';
    const post = /[\p{L}\p{N}]$/u.test(t) ? `(?![${WORD_CHARS}])` : '';
    const fixed: { pct?: number; amount?: number; n?: number; unit?: string } = typeof spec === 'string' ? {} : spec;
    const words = t
      .replace(/\{[a-z]+\}/g, ' ')
      .toLowerCase()
      .split(/[\s-]+/)
      .filter((w) => w.length >= 2);
    // Compiled on first use: a page runs only the few templates whose words it contains.
    let re: RegExp | undefined;
    const tpl: Template = {
      get re() {
        if (!re) re = new RegExp(`${pre}${src}${post}`, 'g');
        return re;
      },
      tokens,
      words,
    };
    if (fixed.pct !== undefined) tpl.pct = fixed.pct;
    if (fixed.amount !== undefined) tpl.amount = fixed.amount;
    if (fixed.n !== undefined) tpl.n = fixed.n;
    if (fixed.unit !== undefined) tpl.unit = fixed.unit as Unit;
    out.push(tpl);
  }
  return { templates: out };
}

/** An object whose properties are computed on first read: a page pays only for the lists its detection uses. */
function lazy<T extends object>(makers: { [K in keyof T]: () => T[K] }): T {
  const out = {} as T;
  for (const key of Object.keys(makers) as Array<keyof T>) {
    Object.defineProperty(out, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = makers[key]();
        Object.defineProperty(out, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return out;
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

function build(): Lexicon {
  const words = once(() => {
    const numbers = new Map<string, number>();
    const units = new Map<string, Unit>();
    for (const lang of LANGUAGES) {
      for (const [w, v] of Object.entries(lang.numbers))
        if (!numbers.has(w.toLowerCase())) numbers.set(w.toLowerCase(), v);
      for (const [u, list] of Object.entries(lang.units))
        for (const w of list) if (!units.has(w.toLowerCase())) units.set(w.toLowerCase(), u as Unit);
    }
    const nSource = `\\d{1,3}|${[...numbers.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRe)
      .join('|')}`;
    const unitSource = [...units.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRe)
      .join('|');
    return { numbers, units, nSource, unitSource };
  });
  const parts = once(() => {
    const { nSource, unitSource } = words();
    // Inside templates the period phrases need no per-phrase word boundaries (they follow a price and a space):
    // a plain lower-case alternation is far cheaper to run than the general phrase source.
    const perSource = [...new Set(LANGUAGES.flatMap((l) => Object.values(l.periods).flat()))]
      .map((p) => p.toLowerCase().trim())
      .sort((a, b) => b.length - a.length)
      .map((p) => p.split(/\s+/).map(escapeRe).join('\\s+'))
      .join('|');
    return {
      n: nSource,
      unit: `(?:${unitSource})(?![${LETTER_CHARS}])\\.?`,
      per: `(?:${perSource})(?![${WORD_CHARS}])`,
    };
  });
  const list = (pick: (l: LangData) => readonly string[] | undefined) => () => phraseMatcher(merged(pick));
  const kindNames = Object.keys(LANGUAGES[0]?.kinds ?? {}) as Array<keyof LangData['kinds']>;
  return lazy<Lexicon>({
    offerShape: () => {
      const { nSource, unitSource } = words();
      const beforeUnit = new Set<string>();
      for (const spec of [...LANGUAGES.flatMap((l) => l.trial), ...LANGUAGES.flatMap((l) => l.intro)]) {
        const t = typeof spec === 'string' ? spec : spec.t;
        const m = /(\S+)[\s-]+\{unit\}/.exec(t);
        if (m?.[1] && !m[1].startsWith('{')) beforeUnit.add(m[1]);
      }
      const lead = [nSource, ...[...beforeUnit].map(escapeRe)].join('|');
      return new RegExp(
        `(?<![${WORD_CHARS}])(?:${lead})(?:\\s*[:,–—-]\\s*|\\s+|-)(?:${unitSource})(?![${LETTER_CHARS}])`,
        'i',
      );
    },
    periods: () => valued((l) => l.periods),
    periodPrefixes: () => valued((l) => l.periodPrefixes),
    billed: () => valued((l) => l.billed),
    anyPeriod: () =>
      valued((l) => {
        const all: Record<string, string[]> = {};
        for (const src of [l.periods, l.periodPrefixes, l.billed])
          for (const [v, phrases] of Object.entries(src)) all[v] = [...(all[v] ?? []), ...phrases];
        return all;
      }),
    perInstance: list((l) => l.perInstance),
    equivalent: list((l) => l.equivalent),
    comparison: list((l) => l.comparison),
    afterwards: list((l) => l.afterwards),
    trialWords: list((l) => l.trialWords),
    renewal: list((l) => l.renewal),
    chargeDate: list((l) => l.chargeDate),
    charged: list((l) => l.charged),
    total: list((l) => l.total),
    vat: list((l) => l.vat),
    vatInclusive: list((l) => l.vatInclusive),
    net: list((l) => l.net),
    saving: list((l) => l.saving),
    old: list((l) => l.old),
    dueToday: list((l) => l.dueToday),
    shipping: list((l) => l.shipping),
    oneOff: list((l) => l.oneOff),
    installment: list((l) => l.installment),
    priceFrom: list((l) => l.priceFrom),
    failed: list((l) => l.failed),
    links: () =>
      lazy<Lexicon['links']>({
        cancel: list((l) => l.links.cancel),
        pause: list((l) => l.links.pause),
        manage: list((l) => l.links.manage),
      }),
    kinds: () =>
      lazy<Lexicon['kinds']>(
        Object.fromEntries(kindNames.map((k) => [k, list((l) => l.kinds[k])])) as {
          [K in keyof Lexicon['kinds']]: () => PhraseMatcher;
        },
      ),
    summary: list((l) => l.summary),
    upsell: list((l) => l.upsell),
    donation: list((l) => l.donation),
    newsletter: list((l) => l.newsletter),
    subscriptionWords: list((l) => l.subscriptionWords),
    cookieWords: list((l) => l.cookieWords),
    events: () => {
      const names = Object.keys(LANGUAGES[0]?.mailEvents ?? {}) as DetectionEvent[];
      const out = {} as Lexicon['events'];
      for (const e of names) {
        const pairs: Array<[PhraseMatcher, PhraseMatcher]> = [];
        for (const lang of LANGUAGES) {
          const near = lang.mailEvents[e]?.near ?? [];
          if (near.length === 2) pairs.push([phraseMatcher(near[0] as string[]), phraseMatcher(near[1] as string[])]);
        }
        out[e] = { phrases: phraseMatcher(merged((l) => l.mailEvents[e]?.phrases)), near: pairs };
      }
      return out;
    },
    seller: list((l) => l.seller),
    mailReceipt: list((l) => l.mailReceipt),
    unpaid: list((l) => l.unpaid),
    paid: list((l) => l.paid),
    dueDate: list((l) => l.dueDate),
    linkNot: () => {
      const all = merged((l) => l.linkNot);
      return {
        phrases: phraseMatcher(all),
        endings: all.filter((w) => !/[\s*]/.test(w)).map((w) => w.toLowerCase()),
      };
    },
    brandBefore: list((l) => l.brandBefore),
    brandStop: () => new Set(merged((l) => l.brandStop).map((w) => w.toLowerCase())),
    oldPrice: list((l) => l.oldPrice),
    newPrice: list((l) => l.newPrice),
    changeFrom: list((l) => l.changeFrom),
    changeTo: list((l) => l.changeTo),
    today: list((l) => l.today),
    notOn: list((l) => l.notOn),
    chargeDay: list((l) => l.chargeDay),
    chosenWords: list((l) => l.chosenWords),
    subjectStems: () => [...new Set(merged((l) => l.subjectStems).map((w) => w.toLowerCase()))],
    linkContext: () =>
      lazy<Lexicon['linkContext']>({
        manage: list((l) => l.linkContext.manage),
        cancel: list((l) => l.linkContext.cancel),
      }),
    accountLinks: () => new Set(merged((l) => l.accountLinks).map((w) => w.toLowerCase())),
    accountOwn: () => new Set(merged((l) => l.accountOwn).map((w) => w.toLowerCase())),
    readMore: list((l) => l.readMore),
    dayOfMonthBefore: list((l) => l.dayOfMonthBefore),
    paidThrough: list((l) => l.paidThrough),
    paymentLinks: list((l) => l.paymentLinks),
    chargedLater: list((l) => l.chargedLater),
    insteadOf: list((l) => l.insteadOf),
    trial: () =>
      compileTemplates(
        LANGUAGES.flatMap((l) => l.trial),
        parts(),
      ),
    intro: () =>
      compileTemplates(
        LANGUAGES.flatMap((l) => l.intro),
        parts(),
      ),
    numbers: () => words().numbers,
    units: () => words().units,
  });
}

let cached: Lexicon | undefined;

/** The merged lexicon of all registered languages, compiled on first use. */
export function lexicon(): Lexicon {
  if (!cached) cached = build();
  return cached;
}
