/**
 * What a message says happens to a subscription (its `event`), whether it is a receipt, and whether it is written to
 * a seller about a customer. Words per language in lang/*.json (`mailEvents`, `mailReceipt`, `seller`), weighed by
 * where they stand: the subject counts most, then the first heading, then the body's first lines.
 */
import type { DetectionEvent } from '../model/detection';
import type { Line } from './dom';
import { lexicon } from './lexicon';
import type { PhraseMatcher } from './text';
import { sentenceAround } from './text';
import type { LineDates } from './when';

/** Highest first: when two events score the same, the one listed first wins. */
const PRECEDENCE: DetectionEvent[] = [
  'payment-failed',
  'cancelled',
  'price-change',
  'trial-ending',
  'welcome',
  'renewal-upcoming',
];

const WEIGHT = { subject: 4, top: 2, body: 1 };
const MAX_BODY_HITS = 2;
const BODY_LINES = 60;

/** The subject and the body's lines in the order they count: subject, top lines (headings and the first line), body. */
interface Places {
  subject: string;
  top: string[];
  body: string[];
}

export function places(subject: string, lines: readonly Line[]): Places {
  const top: string[] = [];
  const body: string[] = [];
  let firstHeading = false;
  lines.slice(0, BODY_LINES).forEach((l, i) => {
    if (l.text.length > 500) return;
    if ((l.heading > 0 && !firstHeading) || (i === 0 && l.heading === 0 && l.text.length <= 80)) {
      top.push(l.text);
      if (l.heading > 0) firstHeading = true;
    } else body.push(l.text);
  });
  return { subject, top, body };
}

function nearIn(text: string, pairs: ReadonlyArray<[PhraseMatcher, PhraseMatcher]>): boolean {
  for (const [a, b] of pairs) {
    for (const m of a.all(text, 5)) {
      const [from, to] = sentenceAround(text, m.index);
      const sentence = text.slice(from, to);
      if (b.all(sentence, 5).some((x) => x.index !== m.index - from)) return true;
    }
  }
  return false;
}

/** A score from where `hit` is true: the subject, the top lines, the body (at most two body lines count). */
function scoreOf(p: Places, hit: (text: string) => boolean): number {
  let score = 0;
  if (p.subject && hit(p.subject)) score += WEIGHT.subject;
  if (p.top.some(hit)) score += WEIGHT.top;
  let n = 0;
  for (const t of p.body) {
    if (n >= MAX_BODY_HITS) break;
    if (hit(t)) n++;
  }
  return score + n * WEIGHT.body;
}

/** Every event's score (0 when not said at all). */
export function eventScores(p: Places): Record<DetectionEvent, number> {
  const lex = lexicon();
  const out = {} as Record<DetectionEvent, number>;
  for (const e of PRECEDENCE) {
    const { phrases, near } = lex.events[e];
    out[e] = scoreOf(p, (t) => phrases.test(t) || nearIn(t, near));
  }
  return out;
}

/** The best-scoring event, ties broken by {@link PRECEDENCE}. */
export function bestEvent(
  scores: Record<DetectionEvent, number>,
): { event: DetectionEvent; score: number } | undefined {
  let best: { event: DetectionEvent; score: number } | undefined;
  for (const e of PRECEDENCE)
    if (scores[e] > 0 && (!best || scores[e] > best.score)) best = { event: e, score: scores[e] };
  return best;
}

/** How strongly the message says it is a receipt, an invoice or an order confirmation. */
export function receiptScore(p: Places): number {
  const lex = lexicon();
  return scoreOf(p, (t) => lex.mailReceipt.test(t));
}

/** A message to a seller about a customer (`You have a new paid subscriber`, `Ny betalende abonnent`). */
export function isSellerMessage(p: Places): boolean {
  const seller = lexicon().seller;
  return seller.test(p.subject) || p.top.some((t) => seller.test(t)) || p.body.slice(0, 8).some((t) => seller.test(t));
}

/**
 * The day a trial ends or a renewal comes, when no renewal phrase gave it: the first coming date in a sentence that
 * says the event (`Din gratis provperiod på 14 dagar tar slut den 25 november`), or after a charge-day label
 * (`Charge date` / `Tuesday, 24 November`, `Trekkdato`). Only dates after `now`.
 */
export function eventDate(
  event: DetectionEvent,
  lines: readonly Line[],
  dates: LineDates,
  now: string,
): string | undefined {
  const lex = lexicon();
  const { phrases, near } = lex.events[event];
  // The day of the charge first (`Charge date` beats `Next delivery`), then the day the event's words name.
  return dayAfter(lines, dates, now, lex.chargeDay, []) ?? dayAfter(lines, dates, now, phrases, near);
}

function dayAfter(
  lines: readonly Line[],
  dates: LineDates,
  now: string,
  phrases: PhraseMatcher,
  near: ReadonlyArray<[PhraseMatcher, PhraseMatcher]>,
): string | undefined {
  const says = (t: string) => phrases.test(t) || nearIn(t, near);
  for (let i = 0; i < lines.length && i < BODY_LINES; i++) {
    const text = (lines[i] as Line).text;
    if (text.length > 500 || !says(text)) continue;
    const hits = phrases.all(text, 3);
    for (const d of dates.get(i)) {
      if (d.date <= now) continue;
      if (hits.length === 0) return d.date;
      const [from, to] = sentenceAround(text, d.index);
      if (hits.some((h) => h.index >= from && h.index < to) || nearIn(text.slice(from, to), near)) return d.date;
    }
    // A label (`Trial ends`, `Charge date`) with its date on the next line.
    if (text.length <= 60 && dates.get(i).length === 0) {
      const d = dates.get(i + 1)[0];
      if (d && d.date > now) return d.date;
    }
  }
  return undefined;
}
