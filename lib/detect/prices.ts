import { findPrices, type PriceContext, parsePrice } from '../money';
import type { Line } from './dom';
import { lexicon, type Unit } from './lexicon';
import { type PhraseMatcher, sentenceEndsAt } from './text';

/** A price seen in the page text, with what its surroundings say about it. */
export interface Candidate {
  id: number;
  line: number;
  /** Position of the price in the line text. */
  index: number;
  length: number;
  amountMinor: number;
  currency: string;
  /** Billing period stated right after (`/mnd`) or right before (`Månedspris`) the price. */
  period?: string;
  /** `per box`, `per leverans`: one billing period of a schedule stated elsewhere. */
  perInstance: boolean;
  /** A period the text says the price is billed in (`billed annually`), when that differs from `period`. */
  billedAs?: string;
  /** The text right before the price in its clause (or the label line above it). */
  label: string;
  equivalent: boolean;
  comparison: boolean;
  afterwards: boolean;
  vat: boolean;
  net: boolean;
  saving: boolean;
  dueToday: boolean;
  total: boolean;
  charged: boolean;
  shipping: boolean;
  oneOff: boolean;
  installment: boolean;
  upsell: boolean;
  button: boolean;
  /** Written with a minus sign (money out in a payment list, or a discount). */
  negative: boolean;
  /** Taken by an intro-price phrase (`første måned 1 kr`). */
  intro: boolean;
  /** A unit price multiplied out later in the same line (`3 × $12.00 = $36.00`). */
  unitPrice: boolean;
  /** A price that applies only from a coming date (`Fra 1. januar 2027 koster abonnementet 699 kr/mnd`). */
  future: boolean;
  /** In the column of a plan table that its header marks as the reader's (`Plus (dit valg)`). */
  chosenColumn?: boolean;
}

/**
 * Most price candidates read from one page, and from one line. A real page shows a few dozen prices (a billing
 * history of ten years of monthly invoices about 250); every candidate is looked at in its context, so these bound
 * what a page stuffed with prices can make the detector do.
 */
export const MAX_CANDIDATES = 400;
export const MAX_CANDIDATES_PER_LINE = 24;

/** `349,-` and `4 990,-`: Nordic prices with no currency text, read with the page's default currency. */
const DASH_PRICE = /(?<![\d.,])(\d{1,3}(?:[ .]\d{3})+|\d{1,7})(?:,-|,–|\.-|:-)(?![\d])/g;

/** The last clause of `before`: what follows its last sentence end. */
function clauseOf(before: string): string {
  for (let i = before.length - 1; i >= 0; i--) if (sentenceEndsAt(before, i)) return before.slice(i + 1);
  return before;
}

function hasNear(m: PhraseMatcher, text: string, chars: number): boolean {
  return m.test(text.length > chars ? text.slice(text.length - chars) : text);
}

/**
 * Whether the line sits in an upsell zone: its own text, or the heading of its section or of a section around
 * that one (`Erbjudanden för dig` › `Bredband via 5G` › `249 kr/mån i 6 mån`), says so.
 */
export function inUpsell(lines: readonly Line[], line: Line, upsell: PhraseMatcher): boolean {
  if (upsell.test(line.text)) return true;
  let at = line.section;
  for (let depth = 0; depth < 3 && at >= 0; depth++) {
    const h = lines[at];
    if (!h || h.heading < 2) break;
    if (upsell.test(h.text)) return true;
    if (h.section >= at) break;
    at = h.section;
  }
  return false;
}

/**
 * Every price in the visible lines with its context: period words after or before it, and whether it is a
 * monthly equivalent, a VAT line, a saving, a total, shipping, a one-off fee, an upsell... Bounded by
 * {@link MAX_CANDIDATES}. Never throws on odd text.
 */
export function findCandidates(lines: readonly Line[], ctx: PriceContext): Candidate[] {
  const lex = lexicon();
  const out: Candidate[] = [];
  for (let li = 0; li < lines.length && out.length < MAX_CANDIDATES; li++) {
    const line = lines[li] as Line;
    const text = line.text;
    if (!/\d/.test(text)) continue;
    const found: Array<{ index: number; length: number; minor: number; currency: string; negative: boolean }> = [];
    // Cells are joined by tabs; a bar in their place (same length) keeps a number in one cell from pairing with a
    // currency sign in the next (`#8KQ2-1192 | $10.00`).
    for (const p of findPrices(text.replace(/\t/g, '|'), ctx)) {
      const r = p.result;
      if (r.currency && r.amountMinor !== null) {
        found.push({
          index: p.index,
          length: p.length,
          minor: r.amountMinor,
          currency: r.currency,
          negative: r.negative,
        });
      }
    }
    if (ctx.defaultCurrency) {
      DASH_PRICE.lastIndex = 0;
      for (let m = DASH_PRICE.exec(text); m; m = DASH_PRICE.exec(text)) {
        const at = m.index;
        if (found.some((f) => at < f.index + f.length && f.index < at + m![0].length)) continue;
        const r = parsePrice(m[1] ?? '', ctx);
        if (r.ok && r.currency && r.amountMinor !== null) {
          found.push({ index: at, length: m[0].length, minor: r.amountMinor, currency: r.currency, negative: false });
        }
      }
      found.sort((a, b) => a.index - b.index);
    }
    const upsellZone = inUpsell(lines, line, lex.upsell);
    const lineOneOff = lex.oneOff.test(text);
    const lineInstallment = lex.installment.test(text);
    for (const f of found.slice(0, MAX_CANDIDATES_PER_LINE)) {
      if (out.length >= MAX_CANDIDATES) break;
      const beforeRaw = text.slice(Math.max(0, f.index - 80), f.index);
      let clause = clauseOf(beforeRaw);
      let labelAbove = false;
      const prev = lines[li - 1];
      if (
        clause.trim() === '' &&
        f.index === firstIndex(found) &&
        prev &&
        prev.text.length <= 60 &&
        !/\d[\d\s.,]*\s*(kr|€|\$|£)/i.test(prev.text)
      ) {
        clause = prev.text;
        labelAbove = true;
      }
      let after = text.slice(f.index + f.length, f.index + f.length + 60);
      const next = lines[li + 1];
      if (after.trim() === '' && next && next.text.length <= 40) after = ` ${next.text}`;
      const afterClause = after.split(/[.!?;](?=\s)|\t/)[0] ?? after;
      const tail = clause.length > 50 ? clause.slice(clause.length - 50) : clause;

      let period: string | undefined;
      const suffix = lex.periods.atStart(after);
      if (suffix) period = lex.periods.valueOf(suffix.text);
      if (!period) {
        const billedAfter = lex.billed.atStart(after);
        if (billedAfter) period = lex.billed.valueOf(billedAfter.text);
      }
      if (!period) {
        const prefix = lex.periodPrefixes.endMatch(tail);
        if (prefix) period = lex.periodPrefixes.valueOf(prefix);
      }
      // `Billed annually at $99.00`: the amount billed, for that period (not an equivalent of another price).
      const billedBefore = period
        ? null
        : lex.billed.endMatch(tail.replace(/\s*(?::|\b(?:at|as|of|på|för|til|till))\s*$/i, ''));
      if (billedBefore) period = lex.billed.valueOf(billedBefore);
      const perInstance = !period && lex.perInstance.atStart(after) !== null;
      const billedMatch = lex.billed.all(afterClause, 1)[0] ?? (billedBefore ? undefined : lex.billed.all(tail, 1)[0]);
      let billed = billedMatch ? lex.billed.valueOf(billedMatch.text) : undefined;
      // `$8.25 / month` with `Billed annually at $99.00` on the next line: the monthly figure is an equivalent.
      if (!billed && period && next && next.text.length <= 80) {
        const below = lex.billed.atStart(next.text);
        if (below) billed = lex.billed.valueOf(below.text);
      }
      const billedAs = billed && billed !== period ? billed : undefined;

      const vatWord = hasNear(lex.vat, tail, 30);
      const c: Candidate = {
        id: out.length,
        line: li,
        index: f.index,
        length: f.length,
        amountMinor: f.minor,
        currency: f.currency,
        perInstance,
        label: clause.trim(),
        equivalent: /\(\s*$/.test(beforeRaw) || lex.equivalent.atEnd(tail) || billedAs !== undefined,
        comparison: lex.comparison.test(tail.slice(-30)),
        afterwards: lex.afterwards.test(clause),
        vat: vatWord && !lex.vatInclusive.test(tail),
        net: lex.net.test(after.slice(0, 40)),
        saving: hasNear(lex.saving, tail, 25),
        dueToday: hasNear(lex.dueToday, tail, 30) || lex.dueToday.atStart(after) !== null,
        total: lex.total.atEnd(tail),
        // `trukket 129 kr`, or a label that opens the clause: `Forrige betaling 4. mars 2026 – 1 190 kr`.
        charged:
          hasNear(lex.charged, tail, 25) ||
          (clause.length <= 50 && lex.charged.atStart(clause) !== null) ||
          // A short label line above a date and the amount (`Forrige betaling` / `4. mars 2026 – 1 190 kr`).
          (!labelAbove &&
            clause.trim().length <= 25 &&
            prev !== undefined &&
            prev.text.length <= 40 &&
            !/\d/.test(prev.text) &&
            lex.charged.atStart(prev.text) !== null),
        shipping: isShippingLabel(tail),
        oneOff: lineOneOff || (labelAbove && lex.oneOff.test(clause)),
        installment: lineInstallment,
        upsell: upsellZone,
        button: line.button,
        negative: f.negative,
        intro: false,
        unitPrice: false,
        future: false,
      };
      if (period) c.period = period;
      if (billedAs) c.billedAs = billedAs;
      out.push(c);
    }
  }
  markUnitPrices(out, lines);
  markTermTotals(out, lines);
  markChosenColumns(out, lines);
  return out;
}

/** Cells of a table row (lines join cells with tabs) and the index of the cell holding `at`. */
function cellAt(text: string, at: number): number {
  let k = 0;
  for (let i = 0; i < at && i < text.length; i++) if (text[i] === '\t') k++;
  return k;
}

/**
 * A price in a plan table whose column header marks it as the reader's (`Plus (dit valg)`, `Current plan`): the
 * header is the nearest line above with as many cells and no price.
 */
function markChosenColumns(cands: Candidate[], lines: readonly Line[]): void {
  const chosen = lexicon().chosenWords;
  const withPrice = new Set(cands.map((c) => c.line));
  for (const c of cands) {
    const text = (lines[c.line] as Line).text;
    const cells = text.split('\t').length;
    if (cells < 3) continue;
    for (let i = c.line - 1; i >= 0 && i >= c.line - 12; i--) {
      const head = (lines[i] as Line).text;
      const headCells = head.split('\t');
      // A header's empty first cell (above the row labels) is not in its line: count the columns from the right.
      if (withPrice.has(i) || (headCells.length !== cells && headCells.length !== cells - 1)) continue;
      const cell = headCells[headCells.length - (cells - cellAt(text, c.index))] ?? '';
      if (chosen.test(cell)) c.chosenColumn = true;
      break;
    }
  }
}

/**
 * In a line with a quantity, a unit price and the line amount (`Team plan\t3\t$12.00\t$36.00`), the unit price is
 * marked: the amount is what is charged.
 */
function markUnitPrices(cands: Candidate[], lines: readonly Line[]): void {
  for (let i = 0; i + 1 < cands.length; i++) {
    const a = cands[i] as Candidate;
    const b = cands[i + 1] as Candidate;
    if (a.line !== b.line || a.currency !== b.currency || a.amountMinor <= 0) continue;
    const k = b.amountMinor / a.amountMinor;
    if (!Number.isInteger(k) || k < 2 || k > 999) continue;
    const before = (lines[a.line] as Line).text.slice(0, a.index);
    if (new RegExp(`(?<![\\d.,])${k}(?![\\d.,]\\d)`).test(before)) a.unitPrice = true;
  }
}

/** `Frakt`, `Shipping:`, `Fragt` as the label cell right before a price. */
function isShippingLabel(clause: string): boolean {
  const cells = clause.split('\t').map((c) => c.trim());
  let cell = '';
  for (let i = cells.length - 1; i >= 0 && !cell; i--) cell = cells[i] ?? '';
  return cell.length <= 40 && lexicon().shipping.atStart(cell) !== null;
}

function firstIndex(found: ReadonlyArray<{ index: number }>): number {
  return found.length > 0 ? (found[0] as { index: number }).index : -1;
}

/** Whether a candidate can be the recurring price at all (not VAT, savings, fees, upsells...). */
export function eligible(c: Candidate): boolean {
  return (
    c.amountMinor > 0 &&
    !c.vat &&
    !c.saving &&
    !c.comparison &&
    !c.shipping &&
    !c.oneOff &&
    !c.installment &&
    !c.upsell &&
    !c.future
  );
}

/**
 * A plan offered for a term with its total and its per-month (or per-week) figure side by side
 * (`6 månader 594 kr 99 kr/mån`): the total is the price of the term (period P6M), and the per-month figure an
 * equivalent of it. Only when the figures agree (total ≈ per-unit price × term, within 1 %).
 */
function markTermTotals(cands: Candidate[], lines: readonly Line[]): void {
  const lex = lexicon();
  for (let i = 0; i + 1 < cands.length; i++) {
    const a = cands[i] as Candidate;
    const b = cands[i + 1] as Candidate;
    if (a.line !== b.line || a.currency !== b.currency || a.period || !b.period || a.amountMinor <= 0) continue;
    // The term (`6 månader`, `6-month membership:`) in the words right before the total.
    const words = (lines[a.line] as Line).text
      .slice(Math.max(0, a.index - 40), a.index)
      .trim()
      .toLowerCase()
      .split(/[\s-]+/)
      .map((w) => w.replace(/[:,.]+$/, ''));
    let unit: Unit | undefined;
    let nWord = '';
    for (let k = words.length - 1; k >= 1 && k >= words.length - 3 && !unit; k--) {
      unit = lex.units.get(words[k] as string);
      if (unit) nWord = words[k - 1] as string;
    }
    const n = /^\d{1,2}$/.test(nWord) ? Number(nWord) : lex.numbers.get(nWord);
    if (!n || n < 2 || (unit !== 'M' && unit !== 'W') || b.period !== `P1${unit}`) continue;
    const expected = b.amountMinor * n;
    if (Math.abs(expected - a.amountMinor) > Math.max(a.amountMinor * 0.01, 100)) continue;
    a.period = unit === 'M' && n % 12 === 0 ? `P${n / 12}Y` : `P${n}${unit}`;
    b.equivalent = true;
  }
}
