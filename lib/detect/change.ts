/**
 * A price-change notice: the price paid now, the coming price and the day it applies from. Read from
 * `from 299 kr to 329 kr` or `329 kr instead of 299 kr` in one sentence, from labelled prices (`Nåværende pris` / `Ny pris`), or from a price
 * that applies only from a coming date (`Fra 1. januar 2027 koster …`). Words per language in lang/*.json.
 */
import type { Line } from './dom';
import { lexicon } from './lexicon';
import type { Candidate } from './prices';
import { sentenceAround } from './text';
import type { LineDates } from './when';

export interface FoundChange {
  /** The price paid now, when the notice states it. */
  current?: Candidate;
  next: Candidate;
  /** The day the coming price applies from. */
  from?: string;
}

function usable(c: Candidate): boolean {
  return c.amountMinor > 0 && !c.vat && !c.saving && !c.shipping && !c.oneOff && !c.upsell && !c.equivalent;
}

/**
 * `from X to Y`: two prices in one line, `from` right before the first, `to` between them; or `Y instead of X`.
 */
function fromTo(lines: readonly Line[], cands: readonly Candidate[]): FoundChange | undefined {
  const lex = lexicon();
  for (let i = 0; i + 1 < cands.length; i++) {
    const a = cands[i] as Candidate;
    const b = cands[i + 1] as Candidate;
    if (a.line !== b.line || a.currency !== b.currency || !usable(a) || !usable(b)) continue;
    const text = (lines[a.line] as Line).text;
    let between = text.slice(a.index + a.length, b.index);
    const per = lex.periods.atStart(between);
    if (per) between = between.slice(per.length);
    // `koster 99 kr. om måneden i stedet for 89 kr.`: the coming price first, the price paid now after.
    if (lex.insteadOf.atStart(between)) {
      if (!b.period && a.period) b.period = a.period;
      return { current: b, next: a };
    }
    if (!lex.changeTo.atStart(between) || between.trim().split(/\s+/).length > 1) continue;
    if (!lex.changeFrom.atEnd(text.slice(Math.max(0, a.index - 12), a.index))) continue;
    // `fra 299 kr til 329 kr per måned`: the period said once after both prices is the current price's too.
    if (!a.period && b.period) a.period = b.period;
    return { current: a, next: b };
  }
  return undefined;
}

/** A future date in the sentence of `c`, else in a line whose label says from when (`Gjelder fra`, `Från och med`). */
function fromDate(lines: readonly Line[], dates: LineDates, c: Candidate, now: string): string | undefined {
  const lex = lexicon();
  const text = (lines[c.line] as Line).text;
  const [s, e] = sentenceAround(text, c.index);
  const own = dates.get(c.line).find((d) => d.date > now && d.index >= s && d.index < e);
  if (own) return own.date;
  for (let i = 0; i < lines.length && i < 400; i++) {
    const t = (lines[i] as Line).text;
    if (t.length > 400) continue;
    for (const d of dates.get(i)) {
      if (d.date <= now) continue;
      if (lex.priceFrom.atEnd(t.slice(Math.max(0, d.index - 25), d.index))) return d.date;
      // A label line (`Gjelder fra`) with the date on the next line.
      if (d.index === 0 && i > 0) {
        const label = (lines[i - 1] as Line).text;
        if (label.length <= 40 && lex.priceFrom.atEnd(label)) return d.date;
      }
    }
    const cells = t.split('\t');
    if (cells.length === 2 && lex.priceFrom.atEnd(cells[0] as string)) {
      const d = dates.get(i).find((x) => x.date > now && x.index >= (cells[0] as string).length);
      if (d) return d.date;
    }
  }
  return undefined;
}

/** The change a notice states, or undefined when it does not state one. */
export function findPriceChange(
  lines: readonly Line[],
  cands: readonly Candidate[],
  dates: LineDates,
  now: string,
): FoundChange | undefined {
  const lex = lexicon();
  let found = fromTo(lines, cands);
  if (!found) {
    const labelled = (m: typeof lex.newPrice) =>
      cands.find((c) => usable(c) && (m.test(c.label) || m.test(c.label.split('\t')[0] ?? '')));
    const next = labelled(lex.newPrice) ?? cands.find((c) => c.future && usable(c));
    if (next) {
      const current =
        labelled(lex.oldPrice) ??
        cands.find((c) => c !== next && usable(c) && !c.future && c.currency === next.currency && !c.intro);
      found = { next, ...(current && current.currency === next.currency ? { current } : {}) };
    }
  }
  if (!found || (found.current && found.current.amountMinor === found.next.amountMinor)) return undefined;
  const from = fromDate(lines, dates, found.next, now);
  return from ? { ...found, from } : found;
}
