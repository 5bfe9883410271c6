import type { Line } from './dom';
import { lexicon, PRICE_CLOSE, PRICE_OPEN, type Template, type TemplateSet, type Unit } from './lexicon';
import type { Candidate } from './prices';

/** A free trial read from text: `30 dager gratis`, `1 month free`. */
export interface TrialMatch {
  line: number;
  n: number;
  unit: Unit;
}

/** An intro offer read from text: `3 måneder for 9 kr`, `50 % rabatt i 6 måneder`, `first month free`. */
export interface IntroMatch {
  line: number;
  /** Number of units the intro lasts. */
  n: number;
  unit: Unit;
  /** The intro price, when stated as a price (a candidate id) ... */
  priceId?: number;
  /** ... or as a fixed amount (0 for "free") ... */
  amountMinor?: number;
  /** ... or as a discount in percent of the full price. */
  pct?: number;
}

/** Most lines the phrase templates are run on. */
const MAX_LINES = 300;

function readNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  return lexicon().numbers.get(t);
}

function readUnit(text: string | undefined): Unit | undefined {
  if (text === undefined) return undefined;
  const units = lexicon().units;
  const t = text.toLowerCase();
  return units.get(t) ?? units.get(t.replace(/\.$/, ''));
}

/** The line text with each price replaced by a marker holding its candidate id. */
export function tokenise(text: string, cands: readonly Candidate[]): string {
  let out = '';
  let at = 0;
  for (const c of cands) {
    if (c.index < at) continue;
    out += `${text.slice(at, c.index)}${PRICE_OPEN}${c.id}${PRICE_CLOSE}`;
    at = c.index + c.length;
  }
  return out + text.slice(at);
}

type Groups = Partial<Record<Template['tokens'][number], string>>;

/**
 * Matches of the templates in `text` (non-overlapping, longest template first; templates are lower case and run
 * on the lower-cased text, which is much faster than case-insensitive matching). A template runs only when the
 * text has its literal words, a price marker if it needs one, and a `%` if it needs one.
 */
function matchAll(set: TemplateSet, text: string): Array<{ tpl: Template; g: Groups }> {
  const out: Array<{ tpl: Template; g: Groups }> = [];
  const lower = text.toLowerCase();
  const hasPrice = text.includes(PRICE_OPEN);
  const hasPct = text.includes('%');
  const taken: Array<[number, number]> = [];
  for (const tpl of set.templates) {
    if (out.length >= 20) break;
    if (tpl.tokens.includes('price') && !hasPrice) continue;
    if (tpl.tokens.includes('pct') && !hasPct) continue;
    if (!tpl.words.every((w) => lower.includes(w))) continue;
    const re = tpl.re;
    re.lastIndex = 0;
    for (let m = re.exec(lower); m && out.length < 20; m = re.exec(lower)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && a < end)) continue;
      taken.push([start, end]);
      const g: Groups = {};
      tpl.tokens.forEach((t, i) => {
        g[t] = m![i + 1];
      });
      out.push({ tpl, g });
    }
  }
  return out;
}

/**
 * Finds trial and intro phrases in the lines. Intro phrases mark the price they name (`intro` on the candidate),
 * so it is not taken for the recurring price. `skip(line)` leaves out lines in noise zones.
 */
export function findOffers(
  lines: readonly Line[],
  cands: readonly Candidate[],
  skip: (lineIndex: number) => boolean,
): { trials: TrialMatch[]; intros: IntroMatch[] } {
  const lex = lexicon();
  const byLine = new Map<number, Candidate[]>();
  for (const c of cands) {
    const list = byLine.get(c.line);
    if (list) list.push(c);
    else byLine.set(c.line, [c]);
  }
  const trials: TrialMatch[] = [];
  const intros: IntroMatch[] = [];
  let checked = 0;
  for (let li = 0; li < lines.length && trials.length + intros.length < 100 && checked < MAX_LINES; li++) {
    if (skip(li)) continue;
    const text = (lines[li] as Line).text;
    if (text.length > 600) continue;
    const lineCands = byLine.get(li) ?? [];
    // Cheap filter first: every phrase has a number (or `første`, `first`...) right before a unit, or is two prices
    // in one line (`£1 now, then £9.99 per month`).
    if (!lex.offerShape.test(text) && lineCands.length < 2) continue;
    checked++;
    const tokenised = tokenise(text, lineCands);
    let hasIntro = false;
    for (const { tpl, g } of matchAll(lex.intro, tokenised)) {
      const n = tpl.n ?? readNumber(g.n) ?? (g.n === undefined ? 1 : undefined);
      const unit = tpl.unit ?? readUnit(g.unit);
      if (n === undefined || !unit || n < 1 || n > 104) continue;
      const match: IntroMatch = { line: li, n, unit };
      if (g.price !== undefined) {
        const cand = cands[Number(g.price)];
        if (!cand) continue;
        match.priceId = cand.id;
      } else if (tpl.amount !== undefined) {
        match.amountMinor = tpl.amount;
      } else {
        const pct = tpl.pct ?? (g.pct !== undefined ? Number(g.pct.replace(',', '.')) : undefined);
        if (pct === undefined || !(pct > 0 && pct < 100)) continue;
        match.pct = pct;
      }
      intros.push(match);
      hasIntro = true;
    }
    if (hasIntro) continue;
    for (const { tpl, g } of matchAll(lex.trial, tokenised)) {
      const n = tpl.n ?? readNumber(g.n);
      const unit = readUnit(g.unit);
      if (n === undefined || !unit || unit === 'X' || n < 1 || n > 366) continue;
      trials.push({ line: li, n, unit });
    }
  }
  if (trials.length === 0) trials.push(...labelledTrials(lines, skip));
  return { trials, intros };
}

/**
 * A trial stated as a label and its value on two lines (`Gratis prøveperiode` / `14 dage (til og med …)`,
 * `Free trial` / `30 days`): a short line of trial words, then a line that opens with a number and a unit.
 */
function labelledTrials(lines: readonly Line[], skip: (lineIndex: number) => boolean): TrialMatch[] {
  const lex = lexicon();
  const out: TrialMatch[] = [];
  for (let li = 0; li + 1 < lines.length && li < MAX_LINES && out.length < 5; li++) {
    const label = (lines[li] as Line).text;
    if (skip(li) || skip(li + 1) || label.length > 40 || /\d/.test(label) || !lex.trialWords.test(label)) continue;
    const m = /^(\d{1,3})\s+(\S+)/.exec((lines[li + 1] as Line).text);
    const unit = readUnit(m?.[2]?.replace(/[,.;:)]+$/, ''));
    const n = m ? Number(m[1]) : 0;
    if (!unit || unit === 'X' || n < 1 || n > 366) continue;
    out.push({ line: li + 1, n, unit });
  }
  return out;
}
