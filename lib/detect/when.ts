import { findDates } from '../dates';
import type { Line } from './dom';
import { lexicon } from './lexicon';
import { sentenceAround } from './text';

/** A date found in a line. `yearless` when the text gave no year (`1. desember`). */
export interface LineDate {
  index: number;
  length: number;
  date: string;
  yearless: boolean;
}

/** Reads and caches the dates of each line (bounded by the lines' own length limits). */
export class LineDates {
  private cache = new Map<number, LineDate[]>();

  constructor(
    private readonly lines: readonly Line[],
    private readonly lang: string,
    private readonly now: string,
  ) {}

  /** Dates in line `i`, in reading order. */
  get(i: number): LineDate[] {
    const hit = this.cache.get(i);
    if (hit) return hit;
    const line = this.lines[i];
    let out: LineDate[] = [];
    if (line && /\d/.test(line.text)) {
      out = findDates(line.text, { lang: this.lang, now: this.now }).map((d) => {
        const raw = line.text.slice(d.index, d.index + d.length);
        const yearless = !/\d{4}/.test(raw) && !/\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2}/.test(raw);
        return { index: d.index, length: d.length, date: d.date, yearless };
      });
    }
    this.cache.set(i, out);
    return out;
  }
}

/** A past date as written: a yearless date that came out in the future is last year's. */
export function pastDate(d: LineDate, now: string): string | null {
  if (d.date <= now) return d.date;
  if (!d.yearless) return null;
  const y = Number(d.date.slice(0, 4)) - 1;
  const candidate = `${y}${d.date.slice(4)}`;
  if (candidate.endsWith('-02-29')) return null;
  return candidate <= now ? candidate : null;
}

/**
 * The next renewal: the first date on or after `now` that follows a renewal phrase (`neste trekk`, `renews on`,
 * `förnyas den`), in the same line or, for a label, in the next line. `skip(line)` leaves out noise zones.
 */
export function findRenewal(
  lines: readonly Line[],
  dates: LineDates,
  now: string,
  skip: (lineIndex: number) => boolean,
): string | undefined {
  const lex = lexicon();
  for (let i = 0; i < lines.length; i++) {
    if (skip(i)) continue;
    const text = (lines[i] as Line).text;
    if (text.length > 600) continue;
    const cues = lex.renewal.all(text, 3);
    if (cues.length === 0) continue;
    const cueAt = (cues[0] as { index: number }).index;
    // `første trekk etter 1. januar`: a date after such a word is not the day of the renewal.
    const own = dates.get(i).filter((d) => !lex.notOn.atEnd(text.slice(Math.max(0, d.index - 12), d.index)));
    // A date before the cue counts only in the cue's own sentence (`Den 1. desember fornyes …`), not in an earlier
    // one (`Fra 1. januar endres prisen … Den nye prisen gjelder fra første betaling etter 1. januar.`).
    const [sentenceStart] = sentenceAround(text, cueAt);
    const pick = own.find((d) => d.index > cueAt) ?? own.find((d) => d.index >= sentenceStart);
    if (pick) {
      if (pick.date >= now) return pick.date;
      continue;
    }
    const monthly = dayOfMonth(text.slice(cueAt), now);
    if (monthly) return monthly;
    const next = lines[i + 1];
    if (next && next.text.length <= 80 && !skip(i + 1)) {
      const d = dates.get(i + 1)[0];
      if (d && d.date >= now) return d.date;
    }
  }
  return undefined;
}

const ORDINAL = /^\s*(\d{1,2})(?:st|nd|rd|th|\.|:a|:e)(?=[\s.,;!)]|$)/i;

/**
 * `renews monthly on the 1st`, `fornyes den 15. hver måned`: the next such day after `now` (the last day of a
 * shorter month for the 29th to 31st).
 */
function dayOfMonth(text: string, now: string): string | undefined {
  const lex = lexicon();
  for (const m of lex.dayOfMonthBefore.all(text, 3)) {
    const d = ORDINAL.exec(text.slice(m.index + m.text.length));
    if (!d) continue;
    const day = Number(d[1]);
    if (day < 1 || day > 31) continue;
    let y = Number(now.slice(0, 4));
    let mo = Number(now.slice(5, 7));
    for (let k = 0; k < 2; k++) {
      const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      const iso = `${y}-${String(mo).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
      if (iso > now) return iso;
      mo++;
      if (mo > 12) {
        mo = 1;
        y++;
      }
    }
  }
  return undefined;
}

/** The day after the last day a payment covers (`For service through: 2026-12-22` → 2026-12-23), if after `now`. */
export function afterPaidThrough(lines: readonly Line[], dates: LineDates, now: string): string | undefined {
  const lex = lexicon();
  for (let i = 0; i < lines.length && i < 200; i++) {
    const text = (lines[i] as Line).text;
    if (text.length > 300) continue;
    const cue = lex.paidThrough.all(text, 1)[0];
    if (!cue) continue;
    const d = dates.get(i).find((x) => x.index >= cue.index + cue.text.length);
    if (!d) continue;
    const t = new Date(`${d.date}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + 1);
    const next = t.toISOString().slice(0, 10);
    if (next > now) return next;
  }
  return undefined;
}
