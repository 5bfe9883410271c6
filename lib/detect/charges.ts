import type { Line, PageData } from './dom';
import { lexicon } from './lexicon';
import type { Candidate } from './prices';
import { sentenceAround } from './text';
import { type LineDates, pastDate } from './when';

/** A payment that went through, in minor units. */
export interface FoundCharge {
  date: string;
  amountMinor: number;
  currency: string;
}

const MAX_ROW_LINES = 12;
const MAX_ROWS = 500;

function chargeAmount(cands: readonly Candidate[], lines: readonly Line[]): Candidate | undefined {
  // Rows list money out either as plain amounts or with a minus sign; findRows keeps the sign most rows use.
  const usable = cands.filter((c) => c.amountMinor > 0 && !c.vat && !c.net && !c.saving && !c.equivalent && !c.upsell);
  // A total first; then an amount in a table cell of its own (the amount column), not one named in a description
  // (`Faktura september inkl. utlandssamtal 45,00 kr | 344,00 kr`).
  return usable.find((c) => c.total) ?? usable.find((c) => ownCell(c, lines)) ?? usable[0];
}

/** Whether the candidate's price is all there is in its table cell (cells are tab-separated in a line). */
function ownCell(c: Candidate, lines: readonly Line[]): boolean {
  const text = (lines[c.line] as Line | undefined)?.text ?? '';
  if (!text.includes('\t')) return false;
  const start = text.lastIndexOf('\t', c.index) + 1;
  const endTab = text.indexOf('\t', c.index + c.length);
  const cell = text.slice(start, endTab < 0 ? text.length : endTab);
  return cell.trim() === text.slice(c.index, c.index + c.length).trim();
}

/**
 * Payment-history rows: the smallest block that holds exactly one date and at least one price (a table row, a
 * list item, a row of div cells). Rows saying a payment failed, was declined or refunded are not charges; rows
 * about the next payment are not history.
 */
export function findRows(
  page: PageData,
  cands: readonly Candidate[],
  dates: LineDates,
  now: string,
  skip: (lineIndex: number) => boolean,
  opts: { paymentsOnly?: boolean } = {},
): FoundCharge[] {
  const lex = lexicon();
  const { lines } = page;
  const byLine = new Map<number, Candidate[]>();
  for (const c of cands) {
    const list = byLine.get(c.line);
    if (list) list.push(c);
    else byLine.set(c.line, [c]);
  }
  const seenRows = new Set<string>();
  const out: Array<FoundCharge & { negative: boolean }> = [];
  for (let i = 0; i < lines.length && out.length < MAX_ROWS; i++) {
    if (skip(i)) continue;
    const own = dates.get(i);
    if (own.length === 0) continue;
    let start = i;
    let end = i + 1;
    // One date in the row, or the row starts with its date (a date column; other dates describe the period).
    let found = (byLine.get(i) ?? []).length > 0 && (own.length === 1 || own[0]?.index === 0);
    if (!found && own.length === 1) {
      for (const r of (lines[i] as Line).groups) {
        if (!r) continue;
        const [s, e] = r;
        if (e - s > MAX_ROW_LINES) break;
        let dateCount = 0;
        let priceCount = 0;
        for (let k = s; k < e; k++) {
          dateCount += dates.get(k).length;
          priceCount += (byLine.get(k) ?? []).length;
        }
        if (dateCount > 1) break;
        if (priceCount > 0) {
          start = s;
          end = e;
          found = true;
          break;
        }
      }
    }
    if (!found) continue;
    const key = `${start}:${end}`;
    if (seenRows.has(key)) continue;
    seenRows.add(key);
    const rowText = lines
      .slice(start, end)
      .map((l) => l.text)
      .join('\t');
    if (lex.failed.test(rowText) || lex.renewal.test(rowText)) continue;
    const rowCands: Candidate[] = [];
    for (let k = start; k < end; k++) rowCands.push(...(byLine.get(k) ?? []));
    // Outside a billing history, a price per period (`149 kr/mån i tre månader`) states a plan or an offer.
    if (opts.paymentsOnly && rowCands.every((c) => c.period)) continue;
    const amount = chargeAmount(rowCands, lines);
    const date = pastDate(own[0]!, now);
    if (!amount || !date) continue;
    out.push({ date, amountMinor: amount.amountMinor, currency: amount.currency, negative: amount.negative });
  }
  // Money out is written the same way in most rows; rows with the other sign are refunds or credits.
  const negatives = out.filter((r) => r.negative).length;
  const outSign = negatives > out.length - negatives;
  return out
    .filter((r) => r.negative === outSign)
    .map(({ date, amountMinor, currency }) => ({ date, amountMinor, currency }));
}

/**
 * The charge a receipt records: the total (else the given fallback amount) on the receipt's date (a date next to
 * a date label such as `Ordredato`, `Invoice date`, `Betalt`, else the first past date not about renewal).
 */
export function findReceiptCharge(
  lines: readonly Line[],
  cands: readonly Candidate[],
  dates: LineDates,
  now: string,
  skip: (lineIndex: number) => boolean,
  fallback: { amountMinor: number; currency: string } | undefined,
  /** The day to use when the receipt states none (a mail's own day). */
  defaultDate?: string,
): FoundCharge | undefined {
  const lex = lexicon();
  let labelled: string | undefined;
  let first: string | undefined;
  for (let i = 0; i < lines.length && !labelled; i++) {
    if (skip(i)) continue;
    const text = (lines[i] as Line).text;
    if (text.length > 400 || lex.renewal.test(text)) continue;
    const own = dates.get(i);
    for (const d of own) {
      const past = pastDate(d, now);
      if (!past) continue;
      if (!first) first = past;
      const before = text.slice(Math.max(0, d.index - 40), d.index);
      if (lex.chargeDate.test(before)) {
        labelled = past;
        break;
      }
    }
    if (!labelled && own.length === 0 && text.length <= 40 && lex.chargeDate.test(text)) {
      const next = dates.get(i + 1)[0];
      const past = next ? pastDate(next, now) : null;
      if (past && !lex.renewal.test(lines[i + 1]?.text ?? '')) labelled = past;
    }
  }
  const date = labelled ?? defaultDate ?? first;
  if (!date) return undefined;
  const totals = cands.filter(
    (c) =>
      (c.total || c.charged) &&
      c.amountMinor > 0 &&
      !c.negative &&
      !c.vat &&
      !c.net &&
      !c.saving &&
      !c.upsell &&
      // `Betalt idag 64,50 kr`: paid today is the charge; `Å betale i dag` is not yet.
      (!c.dueToday || c.charged),
  );
  let amount: { amountMinor: number; currency: string } | undefined;
  for (const c of totals) if (!amount || c.amountMinor > amount.amountMinor) amount = c;
  amount ??= fallback;
  if (!amount) return undefined;
  return { date, amountMinor: amount.amountMinor, currency: amount.currency };
}

/**
 * Charges stated in a sentence (`We charged €9.99 to your card on 23 November 2026`): a charge word, a price and a
 * past date in one line.
 */
export function findSentenceCharges(
  lines: readonly Line[],
  cands: readonly Candidate[],
  dates: LineDates,
  now: string,
  skip: (lineIndex: number) => boolean,
): FoundCharge[] {
  const lex = lexicon();
  const out: FoundCharge[] = [];
  for (const c of cands) {
    if (!c.charged || c.negative || c.amountMinor <= 0 || skip(c.line)) continue;
    // Only the sentence with the price counts: `Vi har trukket 39 kr den 23. november. Næste betaling: 23. december.`
    const text = (lines[c.line] as Line).text;
    const [from, to] = sentenceAround(text, c.index);
    const sentence = text.slice(from, to);
    if (lex.renewal.test(sentence) || lex.failed.test(sentence)) continue;
    // A date without a year that is still to come (`Den 27 november drar vi 349 kr`) is not last year's.
    const d = dates.get(c.line).find((x) => x.index >= from && x.index < to && x.date <= now);
    const date = d ? d.date : null;
    if (date) out.push({ date, amountMinor: c.amountMinor, currency: c.currency });
  }
  return out;
}

/**
 * Charges stated as made today (`You were charged £1.00 today.`, `Trukket i dag: 79 kr`, `Debiterat idag 2 490 kr`):
 * a charge word and a today word around a price, dated `now`.
 */
export function findTodayCharges(
  lines: readonly Line[],
  cands: readonly Candidate[],
  now: string,
  skip: (lineIndex: number) => boolean,
): FoundCharge[] {
  const lex = lexicon();
  const out: FoundCharge[] = [];
  for (const c of cands) {
    if (c.negative || c.amountMinor <= 0 || skip(c.line)) continue;
    const text = (lines[c.line] as Line).text;
    const [from, to] = sentenceAround(text, c.index);
    if (!c.charged && !lex.charged.test(text.slice(c.index + c.length, Math.min(to, c.index + c.length + 20))))
      continue;
    const before = text.slice(Math.max(from, c.index - 40), c.index);
    const after = text.slice(c.index + c.length, Math.min(to, c.index + c.length + 20));
    const labelAbove = from === 0 && before.trim() === '' ? (lines[c.line - 1]?.text ?? '') : '';
    if (lex.failed.test(text.slice(from, to))) continue;
    // `1 188 kr har dragits från ditt kort idag`: the charge said right after the amount, today in the same clause.
    const clause = text.slice(c.index + c.length, Math.min(to, c.index + c.length + 50));
    const chargedAfter = lex.charged.all(clause, 1)[0];
    const saidAfter = chargedAfter !== undefined && chargedAfter.index <= 8 && lex.today.test(clause);
    // `We charged $96.00 to your card today`: the charge said right before the amount, today later in the sentence.
    const chargedBefore = lex.charged.all(before, 3).at(-1);
    const saidBefore =
      chargedBefore !== undefined &&
      before.length - (chargedBefore.index + chargedBefore.text.length) <= 2 &&
      lex.today.test(clause);
    if (
      saidBefore ||
      lex.today.test(before) ||
      lex.today.atStart(after) ||
      saidAfter ||
      (labelAbove.length <= 40 && lex.today.test(labelAbove))
    ) {
      out.push({ date: now, amountMinor: c.amountMinor, currency: c.currency });
    }
  }
  return out;
}

/**
 * An invoice not paid yet: it states an amount due (`Å betale`, `Amount due`, `Att betala`, `trekkes automatisk`)
 * and nothing says it was paid.
 */
export function isUnpaid(lines: readonly Line[]): boolean {
  const lex = lexicon();
  const text = lines
    .slice(0, 200)
    .map((l) => l.text)
    .join('\n');
  return lex.unpaid.test(text) && !lex.paid.test(text);
}

/** The day an amount due is to be paid (`Forfallsdato 01.12.2026`, `Collection date: 1 December 2026`), if later than `now`. */
export function findDueDate(
  lines: readonly Line[],
  dates: LineDates,
  now: string,
  skip: (lineIndex: number) => boolean,
): string | undefined {
  const lex = lexicon();
  for (let i = 0; i < lines.length && i < 400; i++) {
    if (skip(i)) continue;
    const text = (lines[i] as Line).text;
    if (text.length > 300) continue;
    const cue = lex.dueDate.all(text, 2)[0];
    if (!cue) continue;
    const d = dates.get(i).find((x) => x.index > cue.index) ?? (text.length <= 40 ? dates.get(i + 1)[0] : undefined);
    if (d && d.date > now) return d.date;
  }
  return undefined;
}
