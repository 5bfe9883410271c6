/**
 * Reading bank statement exports into transactions. Works on rows of cells (from a CSV text, a spreadsheet or an
 * HTML table, see statement-file.ts), so it runs the same in Node, in a page and in a Web Worker.
 *
 * - The header row is found among the first lines (banks put account summaries above it), also when its titles are
 *   wrapped over two lines or have a broken letter (`Bel�p`, `Belp`); titles per language are data
 *   (`statement-headers.json`), joined English titles (`TransactionDate`) are split. A file without a header is read
 *   from its content.
 * - Dates, amounts and currencies are taken from the columns whose titles say so and whose content agrees; the payee
 *   is taken from the columns whose values look like payees (varied names that come back), not from type, city,
 *   category or account-holder columns, row by row in order of how payee-like each column is.
 * - The sign convention is decided per file (a card statement lists purchases as positive amounts); amounts are
 *   positive for money out. The currency comes from a currency column, a code in the amount titles, the amounts' own
 *   markers, or the account (the caller's currency when the header's language agrees); otherwise the caller is told
 *   to ask (`format.doubts` has `currency`).
 * - Pending/reserved rows are marked and merged into their booked row; reverted and declined rows are dropped;
 *   balances, totals and a previous invoice's balance are never transactions.
 * - Every cell is cut to a bounded length before any pattern is applied, and no pattern backtracks over a cell, so a
 *   hostile file costs time in proportion to its size.
 */
import Papa from 'papaparse';
import { isKnownCurrency, toMinor } from '../money';
import { readNumber } from '../money/number';
import { type DateOrder, detectDateOrder, readDate } from './dates';
import { cleanPayee, cleanPayeeKeepingReferences, payeeKey, payeeText } from './payee';
import headerData from './statement-headers.json';

/** One line of a statement. `amountMinor` is positive for money out, negative for money in. */
export interface Transaction {
  date: string;
  description: string;
  amountMinor: number;
  currency: string;
  /** Reserved, not booked yet. */
  pending?: boolean;
}

export type StatementLanguage = 'nb' | 'sv' | 'da' | 'fi' | 'en' | 'de';
export type CurrencySource = 'column' | 'header' | 'amounts' | 'mapping' | 'account' | 'option' | 'guess';
/** Which sign is money out in a signed amount column. */
export type SignConvention = 'negative-out' | 'positive-out';
/** What the reader is not sure about: the user should check it in the column preview. */
export type Doubt = 'columns' | 'payee' | 'sign' | 'currency' | 'dates';

/** Which column holds what (0-based column indexes), and how to read the amounts. */
export interface ColumnMapping {
  date: number;
  /** Payee columns, most payee-like first (each row takes the first that has a name). */
  payee: number[];
  amount?: number;
  out?: number;
  in?: number;
  currency?: number;
  sign: SignConvention;
}

/** What was detected about the file (shown to the user before the proposals). */
export interface StatementFormat {
  delimiter: string;
  decimal: '.' | ',';
  dateOrder: DateOrder;
  /** 1-based line (row) of the header; null when the file has none. */
  headerLine: number | null;
  /** Bank whose export the header matches, if known. */
  bank?: string;
  language?: StatementLanguage;
  /** The titles (or `Column n`) of the columns used. */
  columns: { date: string; description: string[]; amount?: string; out?: string; in?: string; currency?: string };
  /** The column mapping used (give it back as `opts.mapping` to read the file the same way). */
  mapping: ColumnMapping;
  /** Titles of every column (`Column n` for untitled ones), for the column picker. */
  headers: string[];
  /** The first data rows as cells, for the preview. */
  sample: string[][];
  /** A short code for this bank's layout (the same for every file from that export). */
  signature: string;
  /** The currency of rows without a currency column, and where it came from. */
  currency: string;
  currencySource: CurrencySource;
  /** Empty when the reader is sure; else what the user should check. */
  doubts: Doubt[];
  /** Data rows read, and those skipped (no date or no amount: headings, notes). */
  rows: number;
  skipped: number;
  /** Balance, total and previous-invoice rows left out. */
  balances: number;
  /** Reverted or declined rows left out. */
  voided: number;
  /** Pending rows merged into their booked row. */
  merged: number;
  /** Pending rows kept (not booked yet). */
  pending: number;
}

export type StatementErrorCode =
  | 'too-large'
  | 'empty'
  | 'no-columns'
  | 'no-transactions'
  | 'pdf'
  | 'html'
  | 'binary'
  | 'old-excel'
  | 'spreadsheet';

export type StatementResult =
  | { ok: true; format: StatementFormat; transactions: Transaction[] }
  | { ok: false; error: string; code: StatementErrorCode; format?: Partial<StatementFormat> };

export interface StatementOptions {
  /** The account's currency (the user's): used when the header's language agrees or nothing else says. */
  defaultCurrency?: string;
  /** The currency, when the user said it (beats everything but a currency column). */
  currency?: string;
  /** Date order when the data cannot tell (all days ≤ 12 and both readings sorted). */
  dateOrder?: DateOrder;
  /** Decimal mark, when known. */
  decimal?: '.' | ',';
  /** Columns chosen by the user (or remembered for this layout): used as they are. */
  mapping?: ColumnMapping;
  /** Called now and then with the share of rows read (0–1). */
  onProgress?: (fraction: number) => void;
}

/** Largest statement read, in characters, and most rows. */
export const MAX_STATEMENT_CHARS = 20 * 1024 * 1024;
export const MAX_STATEMENT_ROWS = 100_000;
/** Longest cell looked at (longer cells are cut before anything else). */
export const MAX_CELL = 256;
/** Longest description kept. */
const MAX_DESCRIPTION = 200;
/** Rows searched for the header. */
const HEADER_SEARCH = 30;

type Role =
  | 'transactionDate'
  | 'bookingDate'
  | 'valueDate'
  | 'description'
  | 'counterparty'
  | 'amount'
  | 'out'
  | 'in'
  | 'currency'
  | 'foreignAmount'
  | 'foreignCurrency'
  | 'status'
  | 'direction'
  | 'balance'
  | 'other';

type LanguageData = { currency: string | null; roles: Partial<Record<Role, string[]>> };
const LANGUAGES = headerData.languages as unknown as Record<StatementLanguage, LanguageData>;
const BANKS = headerData.banks as Array<{ name: string; headers: string[] }>;
const TITLE_CURRENCIES = headerData.titleCurrencies as Record<string, string | null>;

// ---- titles ---------------------------------------------------------------------------------------------

/**
 * A column title folded for comparison: wrapped lines joined (`Bokförings-⏎datum` → `bokföringsdatum`), joined
 * English words split (`TransactionDate` → `transaction date`), lower case, punctuation to single spaces.
 */
export function foldTitle(title: string): string {
  let t = String(title).slice(0, MAX_CELL).normalize('NFC');
  t = t.replace(/-\s*[\r\n]+\s*/g, '').replace(/[\r\n]+/g, ' ');
  if (!/\s/.test(t.trim())) t = t.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  return t
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\uFFFD#]+/gu, ' ')
    .replace(/#/g, '')
    .trim()
    .replace(/\s+/g, ' ');
}

/** A folded title without its non-ASCII letters and broken characters: `beløp`, `bel�p` and `belp` all give `belp`. */
function skeleton(folded: string): string {
  return folded
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const ROLE_OF = new Map<string, Role>();
const LANGS_OF = new Map<string, StatementLanguage[]>();
const SKELETON_ROLE = new Map<string, Role | null>();
for (const [lang, data] of Object.entries(LANGUAGES) as Array<[StatementLanguage, LanguageData]>) {
  for (const [role, titles] of Object.entries(data.roles) as Array<[Role, string[]]>) {
    for (const t of titles) {
      const key = foldTitle(t);
      if (!ROLE_OF.has(key)) ROLE_OF.set(key, role);
      LANGS_OF.set(key, [...(LANGS_OF.get(key) ?? []), lang]);
      const sk = skeleton(key);
      if (sk.length >= 3) {
        const had = SKELETON_ROLE.get(sk);
        SKELETON_ROLE.set(sk, had === undefined || had === role ? role : null);
      }
    }
  }
}

/** A title without a currency code or word in it (`Beløp i NOK`, `Amount (GBP)`, `Määrä EUROA` → `beløp`, …). */
function withoutCurrency(folded: string, dropPreposition = true): string {
  const words = folded.split(' ');
  const kept: string[] = [];
  for (const w of words) {
    if ((w.length === 3 && isKnownCurrency(w.toUpperCase())) || Object.hasOwn(TITLE_CURRENCIES, w)) {
      // `Beløp i NOK`: the little word before the currency goes with it.
      if (dropPreposition && kept.length > 1 && ['i', 'in', 'på'].includes(kept.at(-1) as string)) kept.pop();
      continue;
    }
    kept.push(w);
  }
  return kept.length === 0 ? folded : kept.join(' ');
}

/** The role a column title has in any language, if known (a currency in the title and broken letters are ignored). */
export function titleRole(title: string): Role | undefined {
  const folded = foldTitle(title);
  if (!folded) return undefined;
  const exact =
    ROLE_OF.get(folded) ?? ROLE_OF.get(withoutCurrency(folded)) ?? ROLE_OF.get(withoutCurrency(folded, false));
  if (exact) return exact;
  // Broken letters: only when the title had some (U+FFFD, or a known title with its non-ASCII letters dropped).
  const sk = skeleton(withoutCurrency(folded));
  return SKELETON_ROLE.get(sk) ?? undefined;
}

function headerLanguage(header: readonly string[]): StatementLanguage | undefined {
  const score: Record<StatementLanguage, number> = { nb: 0, sv: 0, da: 0, fi: 0, en: 0, de: 0 };
  for (const title of header) {
    const folded = foldTitle(title);
    const langs = LANGS_OF.get(folded) ?? LANGS_OF.get(withoutCurrency(folded)) ?? [];
    for (const lang of langs) score[lang] += 1 / langs.length;
  }
  let best: StatementLanguage | undefined;
  for (const lang of ['nb', 'sv', 'da', 'fi', 'en', 'de'] as const)
    if (score[lang] > 0 && (!best || score[lang] > score[best])) best = lang;
  return best;
}

function bankOf(header: readonly string[]): string | undefined {
  const titles = header.map((h) => skeleton(foldTitle(h))).filter(Boolean);
  return BANKS.find(
    (b) => b.headers.length === titles.length && b.headers.every((h, i) => skeleton(foldTitle(h)) === titles[i]),
  )?.name;
}

// ---- cells ----------------------------------------------------------------------------------------------

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae');
const phraseSet = (list: readonly string[]) =>
  new Set(
    list.map((p) =>
      fold(p)
        .replace(/[^a-z0-9]+/g, ' ')
        .trim(),
    ),
  );
const PENDING = phraseSet(headerData.pendingWords);
const VOID = phraseSet(headerData.voidWords);
const BALANCE = phraseSet(headerData.balancePhrases);
const PAYMENT = phraseSet(headerData.paymentPhrases);
const DEBIT = new Set(headerData.debitWords);
const NO_PAYEE = phraseSet(headerData.noPayeeTexts);
const CREDIT = new Set(headerData.creditWords);

/** Words of a cell, folded (`Reserverat` → `reserverat`). */
function words(cell: string): string {
  return fold(cell.slice(0, MAX_CELL))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** True when the cell is, or starts with, one of the phrases (whole words). */
function startsWithPhrase(cell: string, phrases: ReadonlySet<string>): string | undefined {
  const w = words(cell);
  if (!w) return undefined;
  if (phrases.has(w)) return w;
  const parts = w.split(' ');
  for (let n = Math.min(4, parts.length - 1); n >= 1; n--) {
    const head = parts.slice(0, n).join(' ');
    if (phrases.has(head)) return head;
  }
  return undefined;
}

const isPendingWord = (cell: string) => PENDING.has(words(cell));

/** A balance, total or previous-invoice row: the whole cell is such a phrase, or starts with a phrase of two words or more. */
function isBalanceText(cell: string): boolean {
  const w = words(cell);
  if (!w) return false;
  if (BALANCE.has(w)) return true;
  const head = startsWithPhrase(cell, BALANCE);
  return Boolean(head?.includes(' '));
}

const SPACES = /[\s\u00a0\u202f\u2009'’]/g;

/** The digits-and-marks part of an amount cell (`-1 234,56 kr` → `1234,56`). */
function numericPart(cell: string): string {
  return cell.replace(/[^\d.,\s\u00a0\u202f\u2009'’]/g, '').replace(SPACES, '');
}

/**
 * True for a cell that is an amount: optional sign or parenthesis, digits with spaces, points, commas or
 * apostrophes between them, an optional trailing minus, and an optional currency marker of letters or a symbol.
 * A linear scan (no pattern), cells up to 40 characters.
 */
export function isAmountCell(cell: string): boolean {
  const s = cell.trim();
  if (s.length === 0 || s.length > 40) return false;
  let i = 0;
  let digits = 0;
  let letters = 0;
  let sawDigitEnd = false;
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if (c >= '0' && c <= '9') {
      if (sawDigitEnd) return false;
      digits++;
    } else if (c === '.' || c === ',' || c === "'" || c === '’' || c === ' ' || c === '\u00a0' || c === '\u202f') {
      if (digits === 0 && c !== ' ') return false;
    } else if (c === '-' || c === '+' || c === '−' || c === '(' || c === ')') {
      if (digits > 0) sawDigitEnd = true;
    } else if (/[\p{L}€$£¥]/u.test(c)) {
      letters++;
      if (letters > 4) return false;
      if (digits > 0) sawDigitEnd = true;
    } else {
      return false;
    }
  }
  return digits > 0;
}

/** The decimal mark of a column of amounts: the last mark when both appear; a single mark not followed by 3 digits. */
function detectDecimal(cells: readonly string[], delimiter: string): '.' | ',' {
  let comma = 0;
  let point = 0;
  for (const c of cells) {
    const s = numericPart(c);
    const lastComma = s.lastIndexOf(',');
    const lastPoint = s.lastIndexOf('.');
    if (lastComma >= 0 && lastPoint >= 0) {
      if (lastComma > lastPoint) comma++;
      else point++;
      continue;
    }
    const at = Math.max(lastComma, lastPoint);
    if (at < 0) continue;
    const mark = s[at] as '.' | ',';
    const repeated = s.indexOf(mark) !== at;
    const tail = s.length - at - 1;
    if (repeated) {
      if (mark === ',') point++;
      else comma++;
    } else if (tail !== 3) {
      if (mark === ',') comma++;
      else point++;
    }
  }
  if (comma !== point) return comma > point ? ',' : '.';
  return delimiter === ',' ? '.' : ',';
}

/**
 * A signed amount cell in minor units: `-1 234,56`, `1.234,56-`, `(12.99)`, `−129,00 kr`, `+500`. Null when the
 * cell holds no number.
 */
export function readAmount(cell: string, decimal: '.' | ',', currency: string): number | null {
  const t = cell.trim().replace(/\u2212/g, '-');
  if (t.length === 0 || t.length > 40 || !isAmountCell(t)) return null;
  const first = t.search(/\d/);
  const negative = (t.startsWith('(') && t.endsWith(')')) || t.slice(0, first).includes('-') || /-\s*\p{L}*$/u.test(t);
  const n = readNumber(numericPart(t), decimal);
  if (n === null) return null;
  try {
    const minor = toMinor(n, currency);
    return negative ? -minor : minor;
  } catch {
    return null;
  }
}

/** The currency an amount cell names (`129,00 kr` → `kr`, `€12.99` → `EUR`, `NOK 159` → `NOK`). */
function amountMarker(cell: string): string | undefined {
  if (cell.includes('€')) return 'EUR';
  if (cell.includes('£')) return 'GBP';
  if (cell.includes('$')) return 'USD';
  const m = /\p{L}+\.?/u.exec(cell.slice(0, 40));
  if (!m) return undefined;
  const w = m[0].toUpperCase();
  if (w.length === 3 && isKnownCurrency(w)) return w;
  if (w === 'KR' || w === 'KR.' || w === ':-') return 'kr';
  return undefined;
}

// ---- rows -----------------------------------------------------------------------------------------------

function cellOf(row: readonly string[], col: number | undefined): string {
  return col === undefined ? '' : (row[col] ?? '');
}

/** Cells trimmed and cut to `MAX_CELL`: nothing after this sees a longer cell. */
export function boundRows(rows: readonly unknown[][]): string[][] {
  return rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c).slice(0, MAX_CELL).trim())));
}

/** Splits delimited text into rows (any of `;` `,` tab `|`). */
export function splitDelimited(text: string): { rows: string[][]; delimiter: string } {
  const parsed = Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t', '|'],
    preview: MAX_STATEMENT_ROWS,
  });
  return { rows: boundRows(parsed.data.filter((r) => Array.isArray(r))), delimiter: parsed.meta.delimiter };
}

function share(rows: readonly string[][], col: number, test: (s: string) => boolean, skipEmpty = false): number {
  let n = 0;
  let total = 0;
  for (const r of rows) {
    const c = r[col] ?? '';
    if (skipEmpty && c === '') continue;
    total++;
    if (test(c)) n++;
  }
  return total ? n / total : 0;
}

const isDateCell = (s: string) => readDate(s, 'dmy') !== null || readDate(s, 'mdy') !== null;
/**
 * A cell that is a date and nothing more (`20/11/2026`, `Wed 20 Nov 2026`), unlike a text that carries one
 * (`CARD PAYMENT TO ESSO SMESTAD ON 17-11-2026`): at most three words of letters beside the date.
 */
const isDateOnlyCell = (s: string) => {
  let words = 0;
  for (const w of s.split(/[^\p{L}]+/u)) if (w.length >= 3 && ++words > 3) return false;
  return isDateCell(s);
};

// ---- header ---------------------------------------------------------------------------------------------

interface TitledColumns {
  roles: Array<Role | undefined>;
}

/** The titles of a header that may be wrapped over two rows (`Bokförings-` / `datum`). */
function joinTitles(a: readonly string[], b: readonly string[]): string[] {
  const n = Math.max(a.length, b.length);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = (a[i] ?? '').trim();
    const y = (b[i] ?? '').trim();
    out.push(x.endsWith('-') ? x.slice(0, -1) + y : x && y ? `${x} ${y}` : x || y);
  }
  return out;
}

function rolesOf(titles: readonly string[]): TitledColumns | null {
  const roles = titles.map((t) => titleRole(t));
  const has = (r: Role) => roles.includes(r);
  const date = has('transactionDate') || has('bookingDate') || has('valueDate');
  const amount = has('amount') || has('out') || has('in');
  return date && amount ? { roles } : null;
}

/** Finds the header row among the first lines; also a header wrapped over two rows. */
function findHeader(
  rows: readonly string[][],
): { index: number; span: 1 | 2; titles: string[]; roles: TitledColumns } | null {
  const n = Math.min(rows.length, HEADER_SEARCH);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as string[];
    const one = rolesOf(row);
    if (one) return { index: i, span: 1, titles: row, roles: one };
  }
  for (let i = 0; i < n; i++) {
    const row = rows[i] as string[];
    const next = rows[i + 1];
    if (next && !next.some((c) => isDateCell(c)) && !row.some((c) => isDateCell(c))) {
      const titles = joinTitles(row, next);
      const two = rolesOf(titles);
      if (two) return { index: i, span: 2, titles, roles: two };
    }
  }
  return null;
}

// ---- choosing columns -----------------------------------------------------------------------------------

const DATE_PREFERENCE: readonly Role[] = ['transactionDate', 'bookingDate', 'valueDate'];

interface Chosen {
  mapping: ColumnMapping;
  status?: number;
  direction?: number;
  foreign?: number;
  foreignCurrency?: number;
  doubts: Set<Doubt>;
}

/** A column's payee score on its values: varied, repeating names, not types, cities, accounts or references. */
function payeeScore(
  rows: readonly string[][],
  col: number,
  role: Role | undefined,
  sampleDates: readonly string[],
): number {
  let nonEmpty = 0;
  let emptyKey = 0;
  let embedded = 0;
  const counts = new Map<string, number>();
  const months = new Map<string, Set<string>>();
  rows.forEach((r, i) => {
    const v = r[col] ?? '';
    if (!v) return;
    nonEmpty++;
    if (isAmountCell(v) || isDateOnlyCell(v)) {
      emptyKey++;
      return;
    }
    const key = payeeKey(cleanPayee(payeeText(v)));
    if (!key) {
      emptyKey++;
      return;
    }
    if (/\d[.,]\d\d(?!\d)/.test(v)) embedded++;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const month = (sampleDates[i] ?? '').slice(0, 7);
    if (month) {
      const set = months.get(key) ?? new Set<string>();
      set.add(month);
      months.set(key, set);
    }
  });
  if (nonEmpty === 0) return 0;
  const named = nonEmpty - emptyKey;
  if (named === 0) return 0;
  const fill = nonEmpty / rows.length;
  const distinct = counts.size;
  const top = Math.max(...counts.values());
  // Types, categories, cities and the account holder: few values, or one value on most rows.
  const typeLike = named >= 20 ? (distinct <= 12 && distinct / named < 0.12) || top / named >= 0.4 : false;
  // Payees come back: a good share of the named rows is a name seen in two months or more.
  let repeating = 0;
  for (const [key, n] of counts) if ((months.get(key)?.size ?? 0) >= 2) repeating += n;
  const comeBack = named ? repeating / named : 0;
  let score = fill * (named / nonEmpty) * (0.6 + 0.4 * comeBack) * (1 - (0.4 * embedded) / named);
  if (typeLike) score *= 0.05;
  if (role === 'counterparty') score += 0.12;
  else if (role === 'description') score += 0.08;
  else if (role === 'other') score -= 0.1;
  return score;
}

/** Values that stand for the account holder: one value on many rows, in two text columns (payer and payee). */
function holderValues(rows: readonly string[][], cols: readonly number[]): Set<string> {
  const where = new Map<string, { cols: Set<number>; rows: number }>();
  for (const r of rows) {
    const seen = new Set<string>();
    for (const c of cols) {
      const v = (r[c] ?? '').toLowerCase();
      if (!v || isAmountCell(v)) continue;
      const e = where.get(v) ?? { cols: new Set<number>(), rows: 0 };
      e.cols.add(c);
      if (!seen.has(v)) e.rows++;
      seen.add(v);
      where.set(v, e);
    }
  }
  const out = new Set<string>();
  for (const [v, e] of where) if (e.cols.size >= 2 && e.rows >= 0.4 * rows.length && rows.length >= 10) out.add(v);
  return out;
}

function chooseColumns(
  header: { titles: string[]; roles: TitledColumns } | null,
  data: readonly string[][],
): Chosen | null {
  const sample = data.length > 3000 ? data.filter((_, i) => i % Math.ceil(data.length / 3000) === 0) : data;
  const width = Math.max(0, ...sample.map((r) => r.length));
  const roles = header?.roles.roles ?? [];
  const doubts = new Set<Doubt>();
  const numeric = (c: number) => share(sample, c, isAmountCell, true);
  const filled = (c: number) => share(sample, c, (s) => s !== '');
  const dated = (c: number) => share(sample, c, (s) => isDateCell(s) || isPendingWord(s), true);

  // Dates: the most preferred titled date column whose content is dates; else the first column of dates.
  let date: number | undefined;
  for (const want of DATE_PREFERENCE) {
    const col = roles.findIndex((r, i) => r === want && filled(i) > 0.3 && dated(i) >= 0.6);
    if (col >= 0) {
      date = col;
      break;
    }
  }
  if (date === undefined && header && data.length < 3) {
    // Too few rows to check: the titles decide.
    for (const want of DATE_PREFERENCE) {
      const col = roles.indexOf(want);
      if (col >= 0) {
        date = col;
        break;
      }
    }
  }
  if (date === undefined) {
    for (let c = 0; c < width; c++)
      if (share(sample, c, isDateCell) > 0.7) {
        date = c;
        break;
      }
    if (date === undefined) return null;
    if (header) doubts.add('columns');
  }
  const firstRole = (r: Role, ok: (c: number) => boolean) => {
    const c = roles.findIndex((x, i) => x === r && ok(i));
    return c >= 0 ? c : undefined;
  };
  let amount = firstRole('amount', (c) => c !== date && numeric(c) >= 0.6 && filled(c) >= 0.3);
  if (amount === undefined && data.length < 3) amount = firstRole('amount', (c) => c !== date);
  const out = firstRole('out', (c) => c !== date && numeric(c) >= 0.8);
  const inn = firstRole('in', (c) => c !== date && numeric(c) >= 0.8);
  if (out !== undefined || inn !== undefined) {
    // A file with both a signed amount and out/in columns: the out/in pair decides.
    if (out !== undefined && inn !== undefined) amount = undefined;
  }
  const foreign = firstRole('foreignAmount', (c) => numeric(c) >= 0.5);
  const isCode = (s: string) => /^[A-Z]{3}$/.test(s) && isKnownCurrency(s);
  let currency = firstRole('currency', (c) => share(sample, c, isCode, true) >= 0.8);
  // A file without a header: a column of currency codes on every row is the currency column (`…;DKK`).
  if (!header && currency === undefined) {
    for (let c = 0; c < width && currency === undefined; c++)
      if (c !== date && share(sample, c, isCode) >= 0.95) currency = c;
  }
  // The purchase's own currency, when the export names it apart (`Orig currency`, `Target currency`).
  let foreignCurrency = firstRole('foreignCurrency', (c) => share(sample, c, isCode, true) >= 0.5);
  // Else a lone currency column beside a foreign amount tells that amount's currency, not the account's.
  if (foreignCurrency === undefined && currency !== undefined && foreign !== undefined) {
    foreignCurrency = currency;
    currency = undefined;
  }
  const status = firstRole('status', () => true);
  const direction = firstRole(
    'direction',
    (c) => share(sample, c, (s) => DEBIT.has(s.toLowerCase()) || CREDIT.has(s.toLowerCase()), true) >= 0.9,
  );

  if (amount === undefined && out === undefined && inn === undefined) {
    // By content: a numeric column with money going both ways; a running balance is the other one.
    const candidates: number[] = [];
    for (let c = 0; c < width; c++) {
      if (c === date || roles[c] === 'balance' || roles[c] === 'foreignAmount') continue;
      if (numeric(c) >= 0.9 && filled(c) > 0.8 && share(sample, c, (s) => /^[-−(]|-$/.test(s)) > 0) candidates.push(c);
    }
    if (candidates.length === 0) return null;
    amount = candidates[0];
    if (header) doubts.add('columns');
  }
  const used = new Set(
    [date, amount, out, inn, currency, status, direction, foreign, foreignCurrency].filter((x) => x !== undefined),
  );
  // Payee columns: every other column with text, most payee-like first.
  const datesForSample = sample.map((r) => readDate(cellOf(r, date), 'ymd') ?? readDate(cellOf(r, date), 'dmy') ?? '');
  const scored: Array<{ col: number; score: number }> = [];
  for (let c = 0; c < width; c++) {
    if (used.has(c) || roles[c] === 'balance') continue;
    if (numeric(c) > 0.8 || share(sample, c, isDateOnlyCell, true) > 0.8) continue;
    const score = payeeScore(sample, c, roles[c], datesForSample);
    if (score > 0.02) scored.push({ col: c, score });
  }
  scored.sort((a, b) => b.score - a.score);
  // A column whose names sit inside another's texts (`Netflix.com` in `Card transaction of … issued by Netflix.com`)
  // is the payee itself: it goes first.
  const keysOf = (c: number) => sample.map((r) => payeeKey(cleanPayee(payeeText(r[c] ?? ''))));
  const keys = new Map(scored.map((s) => [s.col, keysOf(s.col)]));
  const inside = (inner: number, outer: number) => {
    const a = keys.get(outer) as string[];
    const b = keys.get(inner) as string[];
    let both = 0;
    let within = 0;
    for (let r = 0; r < a.length; r++) {
      const x = a[r] as string;
      const y = b[r] as string;
      if (!x || !y) continue;
      both++;
      if (x !== y && ` ${x} `.includes(` ${y} `) && x.split(' ').length >= y.split(' ').length + 2) within++;
    }
    return both >= 5 && within >= 0.6 * both;
  };
  for (let j = 1; j < scored.length; j++) {
    const col = (scored[j] as { col: number }).col;
    const i = scored.findIndex((s, k) => k < j && inside(col, s.col));
    if (i >= 0) scored.splice(i, 0, ...scored.splice(j, 1));
  }
  if (scored.length === 0 || (scored[0] as { score: number }).score < 0.25) doubts.add('payee');
  const mapping: ColumnMapping = { date, payee: scored.map((s) => s.col), sign: 'negative-out' };
  if (amount !== undefined) mapping.amount = amount;
  if (out !== undefined) mapping.out = out;
  if (inn !== undefined) mapping.in = inn;
  if (currency !== undefined) mapping.currency = currency;
  const chosen: Chosen = { mapping, doubts };
  if (status !== undefined) chosen.status = status;
  if (direction !== undefined) chosen.direction = direction;
  if (foreign !== undefined) chosen.foreign = foreign;
  if (foreignCurrency !== undefined) chosen.foreignCurrency = foreignCurrency;
  return chosen;
}

// ---- the statement --------------------------------------------------------------------------------------

/** The currency a title names (`Beløp (NOK)`, `Amount EUR`, `Määrä EUROA`). */
function currencyInTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  for (const w of foldTitle(title).split(' ')) {
    if (w.length === 3 && isKnownCurrency(w.toUpperCase())) return w.toUpperCase();
    const named = TITLE_CURRENCIES[w];
    if (named) return named;
  }
  return undefined;
}

/**
 * With a foreign amount and its currency column (`Currency Amount`, `Currency`, `Amount`), the rows where both
 * amounts are equal, or where the foreign amount is 0 or empty (`Utl. belopp` 0), are in the account's own
 * currency: their currency code is the account's.
 */
function accountCurrencyBesideForeign(
  data: readonly string[][],
  chosen: Chosen,
  decimal: '.' | ',',
): string | undefined {
  const { foreign, foreignCurrency, mapping } = chosen;
  if (foreign === undefined || foreignCurrency === undefined || mapping.amount === undefined) return undefined;
  const votes = new Map<string, number>();
  for (const r of data.slice(0, 3000)) {
    const a = readAmount(cellOf(r, mapping.amount), decimal, 'EUR');
    const fCell = cellOf(r, foreign);
    const f = readAmount(fCell, decimal, 'EUR');
    const code = cellOf(r, foreignCurrency).toUpperCase();
    const own = fCell === '' || f === 0 || (f !== null && a !== null && Math.abs(a) === Math.abs(f));
    if (a === null || a === 0 || !own || !isKnownCurrency(code)) continue;
    votes.set(code, (votes.get(code) ?? 0) + 1);
  }
  const best = [...votes.entries()].sort((x, y) => y[1] - x[1])[0];
  return best && best[1] >= 3 ? best[0] : undefined;
}

/** FNV-1a of a text, as 8 hex digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The layout's signature: its folded titles, or for a file without a header the kinds of its cells. */
function signatureOf(titles: readonly string[] | null, data: readonly string[][]): string {
  if (titles) return `h${titles.length}-${hash(titles.map((t) => skeleton(foldTitle(t))).join('|'))}`;
  const first = data.find((r) => r.some(isDateCell)) ?? [];
  const shape = first.map((c) => (isDateCell(c) ? 'd' : isAmountCell(c) ? 'n' : c ? 't' : '_')).join('');
  return `n${first.length}-${shape}`;
}

/**
 * Reads a bank statement export (CSV text) into transactions (positive `amountMinor` = money out), with what was
 * detected about the file. Never throws.
 */
export function parseStatement(text: string, opts: StatementOptions = {}): StatementResult {
  try {
    if (typeof text !== 'string' || text.trim() === '') return { ok: false, code: 'empty', error: 'the file is empty' };
    if (text.length > MAX_STATEMENT_CHARS) return { ok: false, code: 'too-large', error: 'the file is too large' };
    const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const { rows, delimiter } = splitDelimited(clean);
    return parseStatementRows(rows, delimiter, opts);
  } catch {
    return { ok: false, code: 'no-columns', error: 'the file could not be read as a bank statement' };
  }
}

/** Reads rows of cells (from a CSV, a spreadsheet or an HTML table) into transactions. Never throws. */
export function parseStatementRows(
  input: readonly unknown[][],
  delimiter: string,
  opts: StatementOptions = {},
): StatementResult {
  try {
    return parseRows(boundRows(input), delimiter, opts);
  } catch {
    return { ok: false, code: 'no-columns', error: 'the file could not be read as a bank statement' };
  }
}

function parseRows(rows: string[][], delimiter: string, opts: StatementOptions): StatementResult {
  if (rows.length === 0 || rows.every((r) => r.every((c) => c === '')))
    return { ok: false, code: 'empty', error: 'the file is empty' };
  if (rows.length > MAX_STATEMENT_ROWS) rows = rows.slice(0, MAX_STATEMENT_ROWS);
  const header = findHeader(rows);
  const dataStart = header ? header.index + header.span : 0;
  const data = rows.slice(dataStart).filter((r) => r.some((c) => c !== ''));
  const width = Math.max(0, ...rows.slice(dataStart, dataStart + 50).map((r) => r.length), header?.titles.length ?? 0);
  const headers = Array.from(
    { length: width },
    (_, i) => header?.titles[i]?.replace(/\s+/g, ' ').trim() || `Column ${i + 1}`,
  );
  const signature = signatureOf(header?.titles ?? null, data);
  const base: Partial<StatementFormat> = {
    headers,
    sample: data.slice(0, 8),
    signature,
    delimiter,
    headerLine: header ? header.index + 1 : null,
  };

  let chosen: Chosen | null;
  if (opts.mapping) {
    chosen = { mapping: opts.mapping, doubts: new Set() };
    const auto = chooseColumns(header, data);
    if (auto?.status !== undefined) chosen.status = auto.status;
    if (auto?.direction !== undefined) chosen.direction = auto.direction;
  } else {
    chosen = chooseColumns(header, data);
  }
  if (!chosen) return { ok: false, code: 'no-columns', error: 'no date and amount columns were found', format: base };
  const { mapping } = chosen;
  const doubts = chosen.doubts;
  if (!header && !opts.mapping) doubts.add('columns');
  const title = (col: number | undefined) => (col === undefined ? undefined : (headers[col] ?? `Column ${col + 1}`));
  const language = header ? headerLanguage(header.titles) : undefined;

  // Decimal mark and date order from the whole columns.
  const amountCells = data
    .flatMap((r) => [cellOf(r, mapping.amount), cellOf(r, mapping.out), cellOf(r, mapping.in)])
    .filter(Boolean);
  const decimal = opts.decimal ?? detectDecimal(amountCells, delimiter);
  const dateCells = data.map((r) => cellOf(r, mapping.date)).filter((c) => c && !isPendingWord(c));
  const detected = detectDateOrder(dateCells, opts.dateOrder);
  const dateOrder = detected ?? 'dmy';
  if (!detected) doubts.add('dates');

  // Currency: a currency column, a code in the amount titles, the amounts' markers, the user's choice, the
  // account when the header's language agrees; otherwise ask.
  const markers = new Map<string, number>();
  for (const c of amountCells.slice(0, 500)) {
    const m = amountMarker(c);
    if (m) markers.set(m, (markers.get(m) ?? 0) + 1);
  }
  const marked = [...markers.entries()].filter(([m]) => m !== 'kr').sort((a, b) => b[1] - a[1])[0]?.[0];
  const titleCurrency =
    currencyInTitle(title(mapping.amount)) ??
    currencyInTitle(title(mapping.out)) ??
    currencyInTitle(title(mapping.in)) ??
    accountCurrencyBesideForeign(data, chosen, decimal);
  const languageCurrency = language ? (LANGUAGES[language].currency ?? undefined) : undefined;
  const krCurrencies = new Set(['NOK', 'SEK', 'DKK']);
  let currency: string;
  let currencySource: CurrencySource;
  if (opts.currency) [currency, currencySource] = [opts.currency, 'option'];
  else if (titleCurrency) [currency, currencySource] = [titleCurrency, 'header'];
  else if (marked) [currency, currencySource] = [marked, 'amounts'];
  else if (opts.defaultCurrency && languageCurrency === opts.defaultCurrency)
    [currency, currencySource] = [opts.defaultCurrency, 'account'];
  else if (
    opts.defaultCurrency &&
    markers.has('kr') &&
    krCurrencies.has(opts.defaultCurrency) &&
    (!languageCurrency || krCurrencies.has(languageCurrency))
  )
    [currency, currencySource] = [opts.defaultCurrency, 'account'];
  else if (opts.defaultCurrency && !languageCurrency && language === 'en' && mapping.currency === undefined)
    [currency, currencySource] = [opts.defaultCurrency, 'guess'];
  else [currency, currencySource] = [opts.defaultCurrency ?? languageCurrency ?? 'EUR', 'guess'];
  if (mapping.currency !== undefined && !opts.currency) currencySource = 'column';
  if (currencySource === 'guess') doubts.add('currency');

  // Sign convention of a signed amount column: money out is negative on an account, positive on most card
  // statements. Decided from the file: a card's repayments are the few rows going the other way.
  if (!opts.mapping && mapping.amount !== undefined && chosen.direction === undefined) {
    let pos = 0;
    let neg = 0;
    let payPos = 0;
    let payNeg = 0;
    for (const r of data) {
      const v = readAmount(cellOf(r, mapping.amount), decimal, 'EUR');
      if (v === null || v === 0) continue;
      if (v > 0) pos++;
      else neg++;
      const text = mapping.payee.map((c) => cellOf(r, c)).find(Boolean) ?? '';
      if (startsWithPhrase(text, PAYMENT)) {
        if (v > 0) payPos++;
        else payNeg++;
      }
    }
    const total = pos + neg;
    if (payNeg > 0 && payPos === 0 && pos > neg) mapping.sign = 'positive-out';
    else if (total >= 8 && pos >= 0.8 * total) mapping.sign = 'positive-out';
    else if (total >= 8 && pos >= 0.6 * total && payNeg === 0) doubts.add('sign');
  }

  // The rows.
  const holder = holderValues(data.slice(0, 3000), mapping.payee);
  const transactions: Transaction[] = [];
  let skipped = 0;
  let balances = 0;
  let voided = 0;
  let undated = 0;
  const undatedRows = new Set<number>();
  const step = Math.max(1, Math.floor(data.length / 20));
  data.forEach((row, i) => {
    if (opts.onProgress && i % step === 0) opts.onProgress(i / data.length);
    const status = cellOf(row, chosen.status);
    // A status (or type) cell saying the row is reverted or pending; payee columns do not count.
    const flags = row.filter((c, j) => c && c.length < 30 && j !== mapping.payee[0]).map(words);
    if ((status && VOID.has(words(status))) || flags.some((w) => VOID.has(w))) {
      voided++;
      return;
    }
    const dateCell = cellOf(row, mapping.date);
    let pending = Boolean(status && PENDING.has(words(status))) || flags.some((w) => PENDING.has(w));
    const date = readDate(dateCell, dateOrder);
    if (!date && isPendingWord(dateCell)) pending = true;
    // The payee, row by row: the first payee column with a name that is not the account holder.
    let description = '';
    for (const c of mapping.payee) {
      const v = cellOf(row, c);
      if (!v || holder.has(v.toLowerCase()) || NO_PAYEE.has(words(v))) continue;
      const text = payeeText(v);
      if (!payeeKey(cleanPayee(text))) continue;
      description = text;
      break;
    }
    if (!description) description = payeeText(mapping.payee.map((c) => cellOf(row, c)).find(Boolean) ?? '');
    const textCells = [description, ...row.filter((c, j) => c && j !== mapping.date && !isAmountCell(c))];
    if (textCells.some(isBalanceText)) {
      balances++;
      return;
    }
    const pendingPrefix = startsWithPhrase(description, PENDING);
    if (pendingPrefix && words(description) !== pendingPrefix) {
      pending = true;
      description = description
        .trim()
        .slice(description.trim().split(/\s+/, pendingPrefix.split(' ').length).join(' ').length)
        .trim();
    }
    if (!date && !pending) {
      skipped++;
      return;
    }
    const code = cellOf(row, mapping.currency).toUpperCase();
    const rowCurrency = /^[A-Z]{3}$/.test(code) && isKnownCurrency(code) ? code : currency;
    let amountMinor: number | null = null;
    const signed = cellOf(row, mapping.amount);
    if (signed) {
      const v = readAmount(signed, decimal, rowCurrency);
      if (v !== null) {
        amountMinor = mapping.sign === 'positive-out' ? v : -v;
        const dir = cellOf(row, chosen.direction).toLowerCase();
        if (dir && DEBIT.has(dir)) amountMinor = Math.abs(v);
        else if (dir && CREDIT.has(dir)) amountMinor = -Math.abs(v);
      }
    }
    if (amountMinor === null) {
      const o = readAmount(cellOf(row, mapping.out), decimal, rowCurrency);
      const n = readAmount(cellOf(row, mapping.in), decimal, rowCurrency);
      if (o !== null && o !== 0) amountMinor = Math.abs(o);
      else if (n !== null && n !== 0) amountMinor = -Math.abs(n);
    }
    if (amountMinor === null || amountMinor === 0) {
      skipped++;
      return;
    }
    if (!date) undated++;
    if (!date) undatedRows.add(transactions.length);
    const t: Transaction = {
      date: date ?? '',
      description: description.replace(/\s+/g, ' ').slice(0, MAX_DESCRIPTION),
      amountMinor,
      currency: rowCurrency,
    };
    if (pending) t.pending = true;
    transactions.push(t);
  });
  opts.onProgress?.(1);

  // Pending rows without a date take the statement's latest date.
  if (undated > 0) {
    const latest = transactions.reduce((m, t) => (t.date > m ? t.date : m), '');
    for (const t of transactions) if (!t.date) t.date = latest;
  }
  dropVaryingReferences(transactions);
  const merged = mergePending(
    transactions.filter((_, i) => !undatedRows.has(i)),
    transactions,
  );
  const kept = transactions.filter((t) => !merged.has(t));
  const pendingKept = kept.filter((t) => t.pending).length;
  if (data.length >= 10 && skipped > 0.25 * data.length) doubts.add('columns');

  const format: StatementFormat = {
    delimiter,
    decimal,
    dateOrder,
    headerLine: header ? header.index + 1 : null,
    columns: { date: title(mapping.date) as string, description: mapping.payee.map((c) => title(c) as string) },
    mapping,
    headers,
    sample: data.slice(0, 8),
    signature,
    currency,
    currencySource,
    doubts: [...doubts],
    rows: data.length,
    skipped,
    balances,
    voided,
    merged: merged.size,
    pending: pendingKept,
  };
  const bank = header ? bankOf(header.titles) : undefined;
  if (bank) format.bank = bank;
  if (language) format.language = language;
  for (const key of ['amount', 'out', 'in', 'currency'] as const) {
    const t = title(mapping[key]);
    if (t !== undefined) format.columns[key] = t;
  }
  if (kept.length === 0) {
    return { ok: false, code: 'no-transactions', error: 'no rows with a date and an amount were found', format };
  }
  return { ok: true, format, transactions: kept };
}

/**
 * A reference that changes on every charge (`Spotify P3C7QK2M9`, `Microsoft*Microsoft 365 2ZS`) is not part of the
 * payee: among texts that are the same but for their last word, when that word differs on every row and most of
 * them mix letters and digits, the word goes. Names that differ at the end (`Sofie Nielsen`, `Sofie Holm`) have no
 * digits; store numbers alone (`KIWI 318`) have no letters.
 */
function dropVaryingReferences(transactions: Transaction[]): void {
  const groups = new Map<string, Array<{ t: Transaction; last: string }>>();
  for (const t of transactions) {
    const tokens = cleanPayeeKeepingReferences(t.description).split(' ');
    // A reference glued on with a star (`AMZN MKTP DE*NZDUSG`) is a word of its own here.
    const glued = (tokens.at(-1) ?? '').lastIndexOf('*');
    if (glued > 0)
      tokens.splice(-1, 1, (tokens.at(-1) as string).slice(0, glued), (tokens.at(-1) as string).slice(glued + 1));
    if (tokens.length < 2) continue;
    const last = tokens.at(-1) as string;
    const stem = payeeKey(tokens.slice(0, -1).join(' '));
    if (!/\p{L}{3}/u.test(stem) || !/^[\p{L}\p{N}]{2,16}$/u.test(last)) continue;
    const list = groups.get(stem) ?? [];
    list.push({ t, last: last.toUpperCase() });
    groups.set(stem, list);
  }
  for (const list of groups.values()) {
    if (list.length < 2 || new Set(list.map((x) => x.last)).size < list.length) continue;
    const coded = list.filter((x) => /\d/.test(x.last) && /\p{L}/u.test(x.last)).length;
    if (coded < 0.5 * list.length) continue;
    for (const x of list) {
      const words = x.t.description.split(' ');
      const at = words.findIndex((w) => w.toUpperCase() === x.last || w.toUpperCase().endsWith(`*${x.last}`));
      if (at < 0) continue;
      const w = words[at] as string;
      if (w.length > x.last.length) words[at] = w.slice(0, w.length - x.last.length - 1);
      else words.splice(at, 1);
      if (words.length > 0) x.t.description = words.join(' ');
    }
  }
}

/**
 * Pending rows whose booked row is also in the file (same payee and amount, booked on the same day or up to a week
 * later): the pending copy goes. Only pending rows with their own date are merged (a reservation the file gives no
 * date is not booked yet).
 */
function mergePending(dated: readonly Transaction[], all: readonly Transaction[]): Set<Transaction> {
  const merged = new Set<Transaction>();
  const booked = all.filter((t) => !t.pending);
  const taken = new Set<Transaction>();
  for (const p of dated) {
    if (!p.pending) continue;
    const key = payeeKey(cleanPayee(p.description));
    const twin = booked.find(
      (b) =>
        !taken.has(b) &&
        b.amountMinor === p.amountMinor &&
        b.currency === p.currency &&
        payeeKey(cleanPayee(b.description)) === key &&
        b.date >= p.date &&
        daysBetween(p.date, b.date) <= 7,
    );
    if (twin) {
      taken.add(twin);
      merged.add(p);
    }
  }
  return merged;
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
