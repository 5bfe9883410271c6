import type { Line } from './dom';
import { lexicon, PRICE_CLOSE, PRICE_OPEN, type Template, type Unit } from './lexicon';
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

function groups(tpl: Template, m: RegExpExecArray): Partial<Record<Template['tokens'][number], string>> {
  const out: Partial<Record<Template['tokens'][number], string>> = {};
  tpl.tokens.forEach((t, i) => {
    out[t] = m[i + 1];
  });
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
  for (let li = 0; li < lines.length && trials.length + intros.length < 100; li++) {
    if (skip(li)) continue;
    const text = (lines[li] as Line).text;
    if (text.length > 600) continue;
    const lineCands = byLine.get(li) ?? [];
    const tokenised = tokenise(text, lineCands);
    const taken: Array<[number, number]> = [];
    for (const tpl of lex.intro) {
      tpl.re.lastIndex = 0;
      for (let m = tpl.re.exec(tokenised); m; m = tpl.re.exec(tokenised)) {
        if (m[0].length === 0) {
          tpl.re.lastIndex++;
          continue;
        }
        const g = groups(tpl, m);
        const n = tpl.n ?? readNumber(g.n) ?? (g.n === undefined ? 1 : undefined);
        const unit = readUnit(g.unit);
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
        if (taken.some(([a, b]) => m!.index < b && a < m!.index + m![0].length)) continue;
        taken.push([m.index, m.index + m[0].length]);
        intros.push(match);
      }
    }
    for (const tpl of lex.trial) {
      tpl.re.lastIndex = 0;
      for (let m = tpl.re.exec(tokenised); m; m = tpl.re.exec(tokenised)) {
        if (m[0].length === 0) {
          tpl.re.lastIndex++;
          continue;
        }
        if (taken.some(([a, b]) => m!.index < b && a < m!.index + m![0].length)) continue;
        const g = groups(tpl, m);
        const n = readNumber(g.n);
        const unit = readUnit(g.unit);
        if (n === undefined || !unit || unit === 'X' || n < 1 || n > 366) continue;
        taken.push([m.index, m.index + m[0].length]);
        trials.push({ line: li, n, unit });
      }
    }
  }
  return { trials, intros };
}
