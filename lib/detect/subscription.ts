import { addDays, addMonthsClamped, diffDays } from '../dates';
import type { PageKind } from '../model';
import { addPeriods, parsePeriod } from '../schedule';
import type { FoundCharge } from './charges';
import type { Line } from './dom';
import { lexicon, type Unit } from './lexicon';
import type { IntroMatch, TrialMatch } from './phrases';
import { type Candidate, eligible } from './prices';
import type { SdOffer, StructuredFacts } from './structured';
import { sentenceAround } from './text';

/** The recurring price chosen for the page. */
export interface Chosen {
  amountMinor: number;
  currency: string;
  period?: string;
  /** The candidate it came from (undefined when it came from structured data or charges). */
  cand?: Candidate;
}

const UNIT_DAYS: Record<string, number> = { D: 1, W: 7, M: 30.4375, Y: 365.25 };

/** How a candidate ranks as the recurring price: period words, "then" phrasing and summaries up; equivalents down. */
function score(c: Candidate, lines: readonly Line[], sdKeys: Set<string>): number {
  let s = 0;
  if (c.period) s += 4;
  else if (c.perInstance) s += 2;
  if (c.afterwards) s += 3;
  if (c.equivalent) s -= 6;
  if (c.dueToday) s -= 4;
  if (c.net) s -= 3;
  if (c.unitPrice) s -= 2;
  if (c.total || c.charged) s -= 1;
  if (c.button) s -= 1;
  if (lines[c.line]?.selected) s += 2;
  if (c.chosenColumn) s += 4;
  const line = lines[c.line];
  const heading = line && line.section >= 0 ? lines[line.section] : undefined;
  if (heading && lexicon().summary.test(heading.text)) s += 1;
  if (sdKeys.has(`${c.amountMinor} ${c.currency}`)) s += 3;
  return s;
}

/** The one structured recurring offer the page is about, if the data names exactly one. */
export function structuredRecurring(sd: StructuredFacts): SdOffer | undefined {
  const bought = sd.bought.filter((o) => o.amountMinor > 0);
  const withPeriod = bought.find((o) => o.period);
  if (withPeriod) return withPeriod;
  const offers = sd.offers.filter((o) => o.amountMinor > 0 && o.period);
  const distinct = new Set(offers.map((o) => `${o.amountMinor} ${o.currency} ${o.period}`));
  return distinct.size === 1 ? offers[0] : undefined;
}

/**
 * Picks the recurring price: the structured recurring offer when there is one, else the best-scoring eligible
 * text candidate (intro prices left out unless nothing else is left). A monthly figure "billed annually" with no
 * yearly figure beside it becomes twelve times itself, yearly.
 */
export function chooseRecurring(
  cands: readonly Candidate[],
  lines: readonly Line[],
  sd: StructuredFacts,
  skip: (line: number) => boolean,
): Chosen | undefined {
  const structured = structuredRecurring(sd);
  if (structured) {
    const chosen: Chosen = { amountMinor: structured.amountMinor, currency: structured.currency };
    if (structured.period) chosen.period = structured.period;
    return chosen;
  }
  const sdKeys = new Set(sd.offers.map((o) => `${o.amountMinor} ${o.currency}`));
  const pool = cands.filter((c) => eligible(c) && !skip(c.line));
  const pick = (list: Candidate[]) => {
    let best: Candidate | undefined;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const c of list) {
      const s = score(c, lines, sdKeys);
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    return best;
  };
  const best = pick(pool.filter((c) => !c.intro)) ?? pick(pool);
  if (!best) return undefined;
  const chosen: Chosen = { amountMinor: best.amountMinor, currency: best.currency, cand: best };
  if (best.period) chosen.period = best.period;
  // A plan price before VAT (`Pro (Monthly) £8.00` / `VAT (20%) £1.60` / `Total £9.60`): what is paid each period
  // is the price with its VAT, when the page shows that sum.
  const withVat = cands.find(
    (c) =>
      !c.vat &&
      !c.negative &&
      c.currency === best.currency &&
      !skip(c.line) &&
      cands.some(
        (v) =>
          v.vat &&
          !v.negative &&
          v.currency === best.currency &&
          v.amountMinor > 0 &&
          v.amountMinor < best.amountMinor &&
          best.amountMinor + v.amountMinor === c.amountMinor,
      ),
  );
  if (withVat) chosen.amountMinor = withVat.amountMinor;
  if (best.billedAs === 'P1Y' && best.period === 'P1M') {
    const yearly = pool.some((c) => c.period === 'P1Y' && c.currency === best.currency);
    if (!yearly) {
      chosen.amountMinor = best.amountMinor * 12;
      chosen.period = 'P1Y';
    }
  }
  return chosen;
}

/** The single period the page states outside prices (`Leveringsfrekvens: hver uke`), if exactly one. */
export function pagePeriod(
  lines: readonly Line[],
  cands: readonly Candidate[],
  skip: (line: number) => boolean,
): string | undefined {
  const lex = lexicon();
  const values = new Set<string>();
  const byLine = new Map<number, Candidate[]>();
  for (const c of cands) byLine.set(c.line, [...(byLine.get(c.line) ?? []), c]);
  for (let i = 0; i < lines.length && i < 2000; i++) {
    if (skip(i)) continue;
    // In a line with prices only the label before the first price counts (`Goodiebox – månedligt medlemskab`);
    // periods after prices are read with the prices. With one price in the line, the rest of its sentence counts
    // too (`we tried to charge $11.99 for your Plus subscription (monthly)`).
    const full = (lines[i] as Line).text;
    const own = byLine.get(i);
    let text = full;
    if (own) {
      const first = own[0] as Candidate;
      text = full.slice(0, first.index);
      // (A price with its own period or an equivalent is read with the prices.)
      if (own.length === 1 && !first.period && !first.equivalent) {
        text += ` ${full.slice(first.index + first.length, sentenceAround(full, first.index)[1])}`;
      }
    }
    if (text.length > 300) continue;
    for (const m of lex.anyPeriod.all(text, 5)) {
      const v = lex.anyPeriod.valueOf(m.text);
      if (v) values.add(v);
    }
  }
  for (const c of cands) if (c.period && eligible(c) && !c.equivalent && !skip(c.line)) values.add(c.period);
  if (values.size === 1) return [...values][0];
  // Several periods offered (`Every week / Every 2 weeks / Every 4 weeks`): the chosen option's, when one is chosen.
  const chosen = new Set<string>();
  for (let i = 0; i < lines.length && i < 2000; i++) {
    const line = lines[i] as Line;
    if (!line.selected || skip(i) || line.text.length > 300) continue;
    for (const m of lex.anyPeriod.all(line.text, 5)) {
      const v = lex.anyPeriod.valueOf(m.text);
      if (v) chosen.add(v);
    }
  }
  return chosen.size === 1 ? [...chosen][0] : undefined;
}

/** A billing period from the gaps between charges (weekly, monthly, quarterly, yearly...), when they agree. */
export function periodFromCharges(charges: readonly FoundCharge[]): string | undefined {
  const dates = [...new Set(charges.map((c) => c.date))].sort();
  if (dates.length < 2) return undefined;
  const gaps: number[] = [];
  for (let i = 1; i < dates.length; i++) gaps.push(diffDays(dates[i - 1] as string, dates[i] as string));
  gaps.sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)] as number;
  const table: Array<[number, number, string]> = [
    [6, 8, 'P1W'],
    [13, 15, 'P2W'],
    [27, 29, 'P4W'],
    [29, 32, 'P1M'],
    [88, 93, 'P3M'],
    [180, 185, 'P6M'],
    [360, 370, 'P1Y'],
  ];
  for (const [lo, hi, p] of table) if (median >= lo && median <= hi) return p;
  return undefined;
}

/**
 * The billing period two dates span: a whole number of months (with or without the last day counted:
 * `23.11.2026–22.12.2026`, `Nov 20, 2026 – Nov 20, 2027`), else one, two or four weeks. Undefined otherwise.
 */
export function gapPeriod(a: string, b: string): string | undefined {
  if (b <= a) return undefined;
  for (const months of [1, 2, 3, 6, 12, 24]) {
    const end = addMonthsClamped(a, months);
    if (b === end || b === addDays(end, -1)) {
      return months === 12 ? 'P1Y' : months === 24 ? 'P2Y' : `P${months}M`;
    }
  }
  const days = diffDays(a, b);
  if (days === 7 || days === 6) return 'P1W';
  if (days === 14 || days === 13) return 'P2W';
  if (days === 28 || days === 27) return 'P4W';
  return undefined;
}

const SPAN_JOIN = /^\s*(?:[-–—→]|to|til|till|until|tom\.?|t\.o\.m\.)\s*$/i;

/**
 * A period stated as the span of the service paid for (`Periode 23.11.2026–22.12.2026`, `Nov 20, 2026 – Nov 20,
 * 2027`), when every span on the page agrees.
 */
export function spanPeriod(
  lines: readonly Line[],
  dates: { get(i: number): Array<{ index: number; length: number; date: string }> },
  skip: (line: number) => boolean,
): string | undefined {
  const found = new Set<string>();
  for (let i = 0; i < lines.length && i < 2000; i++) {
    if (skip(i)) continue;
    const text = (lines[i] as Line).text;
    if (text.length > 400) continue;
    const ds = dates.get(i);
    for (let k = 0; k + 1 < ds.length; k++) {
      const a = ds[k] as { index: number; length: number; date: string };
      const b = ds[k + 1] as { index: number; length: number; date: string };
      if (!SPAN_JOIN.test(text.slice(a.index + a.length, b.index))) continue;
      const p = gapPeriod(a.date, b.date);
      if (p) found.add(p);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** Days of a trial of `n` units from `now`: months and years count calendar days (1 month from 23 Nov = 30). */
export function trialDays(t: TrialMatch, now: string): number | undefined {
  let days: number;
  if (t.unit === 'D') days = t.n;
  else if (t.unit === 'W') days = 7 * t.n;
  else if (t.unit === 'M' || t.unit === 'Y') {
    try {
      days = diffDays(now, addPeriods(now, `P${t.n}${t.unit}`, 1));
    } catch {
      return undefined;
    }
  } else return undefined;
  return days >= 1 && days <= 366 ? days : undefined;
}

function periodsOf(n: number, unit: Unit, period: string | undefined): number {
  if (unit === 'X') return n;
  const p = period ? parsePeriod(period) : null;
  if (!p) return n;
  const ratio = (n * (UNIT_DAYS[unit] ?? 1)) / (p.n * (UNIT_DAYS[p.unit] ?? 1));
  return Math.max(1, Math.round(ratio));
}

/**
 * The intro offer as amount and number of periods: a stated price, a fixed amount (free) or a percentage off the
 * recurring price. Dropped when it is not cheaper than the recurring price.
 */
export function introOf(
  intro: IntroMatch | undefined,
  chosen: Chosen,
  cands: readonly Candidate[],
): { introAmountMinor: number; introPeriods: number } | undefined {
  if (!intro) return undefined;
  let amount: number | undefined;
  if (intro.priceId !== undefined) {
    const c = cands[intro.priceId];
    if (c && c.currency === chosen.currency) amount = c.amountMinor;
  } else if (intro.amountMinor !== undefined) {
    amount = intro.amountMinor;
  } else if (intro.pct !== undefined) {
    amount = Math.round((chosen.amountMinor * (100 - intro.pct)) / 100);
  }
  if (amount === undefined || amount >= chosen.amountMinor) return undefined;
  const periods = periodsOf(intro.n, intro.unit, chosen.period);
  if (periods < 1 || periods > 36) return undefined;
  return { introAmountMinor: amount, introPeriods: periods };
}

/** Kinds that track a subscription. */
export function tracks(kind: PageKind): boolean {
  return kind !== 'none' && kind !== 'pricing';
}
