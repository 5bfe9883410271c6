/**
 * Reading bank statement exports (CSV) into transactions: any delimiter (`;` `,` tab `|`), decimal comma or
 * point with thousands separators, day-first, month-first or ISO dates (decided from the whole column), a signed
 * amount or separate out/in columns, any column order, header titles in nb/sv/da/en (`statement-headers.json`),
 * a preamble before the header row, or no header at all.
 */
import Papa from 'papaparse';
import { isKnownCurrency, toMinor } from '../money';
import { readNumber } from '../money/number';
import { type DateOrder, detectDateOrder, readDate } from './dates';
import headerData from './statement-headers.json';

/** One line of a statement. `amountMinor` is positive for money out, negative for money in. */
export interface Transaction {
  date: string;
  description: string;
  amountMinor: number;
  currency: string;
}

export type StatementLanguage = 'nb' | 'sv' | 'da' | 'en';
export type CurrencySource = 'column' | 'header' | 'option' | 'language' | 'fallback';

/** What was detected about the file (shown to the user before the proposals). */
export interface StatementFormat {
  delimiter: string;
  decimal: '.' | ',';
  dateOrder: DateOrder;
  /** 1-based line of the header row; null when the file has none. */
  headerLine: number | null;
  /** Bank whose export the header row matches exactly, if any. */
  bank?: string;
  /** Language of the header titles. */
  language?: StatementLanguage;
  /** The titles (or 1-based column numbers without a header) of the columns used. */
  columns: { date: string; description: string[]; amount?: string; out?: string; in?: string; currency?: string };
  /** The currency of rows without a currency column, and where it came from. */
  currency: string;
  currencySource: CurrencySource;
  /** Data rows read, and those skipped (no date or no amount: balances, headings, pending notes). */
  rows: number;
  skipped: number;
}

export type StatementResult =
  | { ok: true; format: StatementFormat; transactions: Transaction[] }
  | { ok: false; error: string; code: 'too-large' | 'empty' | 'no-columns' | 'no-transactions' };

export interface StatementOptions {
  /** Currency when the file has no currency column and no code in its amount titles (beats the header language). */
  defaultCurrency?: string;
  /** Date order when the data cannot tell (all days ≤ 12 and both readings sorted). */
  dateOrder?: DateOrder;
  /** Decimal mark, when known. */
  decimal?: '.' | ',';
}

/** Largest statement read, in characters, and most rows. */
export const MAX_STATEMENT_CHARS = 20 * 1024 * 1024;
export const MAX_STATEMENT_ROWS = 100_000;
/** Longest description kept. */
const MAX_DESCRIPTION = 200;

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
  | 'balance'
  | 'other';

type LanguageData = { currency: string | null; roles: Record<Role, string[]> };
const LANGUAGES = headerData.languages as unknown as Record<StatementLanguage, LanguageData>;
const BANKS = headerData.banks as Array<{ name: string; headers: string[] }>;

/** Lower case, punctuation and quotes to spaces, single spaces. */
export function foldTitle(title: string): string {
  return title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Title → role, and title → languages using it. */
const ROLE_OF = new Map<string, Role>();
const LANGS_OF = new Map<string, StatementLanguage[]>();
for (const [lang, data] of Object.entries(LANGUAGES) as Array<[StatementLanguage, LanguageData]>) {
  for (const [role, titles] of Object.entries(data.roles) as Array<[Role, string[]]>) {
    for (const t of titles) {
      const key = foldTitle(t);
      if (!ROLE_OF.has(key)) ROLE_OF.set(key, role);
      LANGS_OF.set(key, [...(LANGS_OF.get(key) ?? []), lang]);
    }
  }
}

/** A title without a currency code in it (`Beløp i NOK`, `Amount (GBP)` → `beløp`, `amount`). */
function withoutCurrency(folded: string): string {
  const words = folded.split(' ');
  const kept = words.filter((w) => !(w.length === 3 && isKnownCurrency(w.toUpperCase())));
  if (kept.length === words.length) return folded;
  while (kept.length > 1 && ['i', 'in', 'på'].includes(kept.at(-1) as string)) kept.pop();
  return kept.join(' ');
}

/** The role a column title has in any language, if known (a currency code in the title is ignored). */
export function titleRole(title: string): Role | undefined {
  const folded = foldTitle(title);
  return ROLE_OF.get(folded) ?? ROLE_OF.get(withoutCurrency(folded));
}

interface Columns {
  date: number;
  description: number[];
  amount?: number;
  out?: number;
  in?: number;
  currency?: number;
}

/** Columns by role from a header row; null when it lacks a date or an amount. */
function columnsFromHeader(header: readonly string[]): Columns | null {
  const first = new Map<Role, number>();
  header.forEach((title, i) => {
    const role = titleRole(title);
    if (role && !first.has(role)) first.set(role, i);
  });
  const date = first.get('transactionDate') ?? first.get('bookingDate') ?? first.get('valueDate');
  const amount = first.get('amount');
  const out = first.get('out');
  const inn = first.get('in');
  if (date === undefined || (amount === undefined && out === undefined && inn === undefined)) return null;
  const description = [first.get('description'), first.get('counterparty')].filter((i): i is number => i !== undefined);
  const cols: Columns = { date, description };
  if (amount !== undefined) cols.amount = amount;
  if (out !== undefined) cols.out = out;
  if (inn !== undefined) cols.in = inn;
  const currency = first.get('currency');
  if (currency !== undefined) cols.currency = currency;
  return cols;
}

function headerLanguage(header: readonly string[]): StatementLanguage | undefined {
  const score: Record<StatementLanguage, number> = { nb: 0, sv: 0, da: 0, en: 0 };
  for (const title of header) {
    const folded = foldTitle(title);
    for (const lang of LANGS_OF.get(folded) ?? LANGS_OF.get(withoutCurrency(folded)) ?? []) score[lang]++;
  }
  let best: StatementLanguage | undefined;
  for (const lang of ['nb', 'sv', 'da', 'en'] as const)
    if (score[lang] > 0 && (!best || score[lang] > score[best])) best = lang;
  return best;
}

function bankOf(header: readonly string[]): string | undefined {
  const titles = header.map(foldTitle).filter(Boolean);
  return BANKS.find((b) => b.headers.length === titles.length && b.headers.every((h, i) => foldTitle(h) === titles[i]))
    ?.name;
}

// ---- amounts --------------------------------------------------------------------------------------------

const SPACES = /[\s\u00a0\u202f\u2009'’]/g;

/** The digits-and-marks part of an amount cell (`-1 234,56 kr` → `1234,56`). */
function numericPart(cell: string): string {
  return cell.replace(/[^\d.,\s\u00a0\u202f\u2009'’]/g, '').replace(SPACES, '');
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
  if (!/\d/.test(t) || t.length > 40) return null;
  const negative = /^\(.*\)$/.test(t) || /^[^\d]*-/.test(t) || /-\s*[a-z]*$/i.test(t);
  const n = readNumber(numericPart(t), decimal);
  if (n === null) return null;
  try {
    const minor = toMinor(n, currency);
    return negative ? -minor : minor;
  } catch {
    return null;
  }
}

// ---- headerless files -----------------------------------------------------------------------------------

function share(rows: readonly string[][], col: number, test: (s: string) => boolean): number {
  let n = 0;
  for (const r of rows) if (test((r[col] ?? '').trim())) n++;
  return rows.length ? n / rows.length : 0;
}

const AMOUNT_CELL = /^[-−+(]?\s*[\d\s.,'’\u00a0]*\d[.,]?\d*\s*\)?-?$/;

/** Guesses the columns of a file without a header: the first date column, a signed amount column, the longest text. */
function columnsFromData(rows: readonly string[][]): Columns | null {
  const width = Math.max(0, ...rows.map((r) => r.length));
  let date: number | undefined;
  let amount: number | undefined;
  let description: number | undefined;
  let longest = 0;
  for (let c = 0; c < width; c++) {
    if (date === undefined && share(rows, c, (s) => readDate(s, 'dmy') !== null || readDate(s, 'mdy') !== null) > 0.8) {
      date = c;
      continue;
    }
    const numeric = share(rows, c, (s) => AMOUNT_CELL.test(s));
    if (numeric > 0.8) {
      if (amount === undefined && share(rows, c, (s) => /^[-−(]|-$/.test(s)) > 0) amount = c;
      continue;
    }
    const length = rows.reduce((sum, r) => sum + (r[c] ?? '').length, 0);
    if (length > longest) {
      longest = length;
      description = c;
    }
  }
  if (date === undefined || amount === undefined) return null;
  return { date, amount, description: description === undefined ? [] : [description] };
}

// ---- the statement --------------------------------------------------------------------------------------

function parseRows(text: string): { rows: string[][]; delimiter: string } {
  const parsed = Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t', '|'],
    preview: MAX_STATEMENT_ROWS,
  });
  return { rows: parsed.data.filter((r) => Array.isArray(r)), delimiter: parsed.meta.delimiter };
}

/** Finds the header row among the first lines (banks put account details above it). */
function findHeader(rows: readonly string[][]): { index: number; columns: Columns } | null {
  for (let i = 0; i < Math.min(rows.length, 25); i++) {
    const columns = columnsFromHeader(rows[i] as string[]);
    if (columns) return { index: i, columns };
  }
  return null;
}

/** The currency a title names (`Beløp (NOK)`, `Amount EUR`). */
function currencyInTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  for (const w of title.toUpperCase().split(/[^A-Z]+/)) if (w.length === 3 && isKnownCurrency(w)) return w;
  return undefined;
}

function cellOf(row: readonly string[], col: number | undefined): string {
  return col === undefined ? '' : (row[col] ?? '').trim();
}

/**
 * Reads a bank statement export into transactions (positive `amountMinor` = money out), with what was detected
 * about the file. The currency of each row comes from a currency column, else a code in the amount titles, else
 * `opts.defaultCurrency`, else the header language (nb → NOK, sv → SEK, da → DKK), else EUR. Rows without a
 * date or an amount (balances, headings) are skipped and counted. Never throws.
 */
export function parseStatement(text: string, opts: StatementOptions = {}): StatementResult {
  try {
    return parse(text, opts);
  } catch {
    return { ok: false, code: 'no-columns', error: 'the file could not be read as a bank statement' };
  }
}

function parse(text: string, opts: StatementOptions): StatementResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, code: 'empty', error: 'the file is empty' };
  if (text.length > MAX_STATEMENT_CHARS) return { ok: false, code: 'too-large', error: 'the file is too large' };
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { rows, delimiter } = parseRows(clean);
  const header = findHeader(rows);
  const dataRows = header ? rows.slice(header.index + 1) : rows;
  const columns = header?.columns ?? columnsFromData(dataRows);
  if (!columns) return { ok: false, code: 'no-columns', error: 'no date and amount columns were found' };
  const headerRow = header ? (rows[header.index] as string[]) : undefined;
  const title = (col: number | undefined) =>
    col === undefined ? undefined : (headerRow?.[col]?.trim() ?? `${col + 1}`);

  const language = headerRow ? headerLanguage(headerRow) : undefined;
  const titleCurrency =
    currencyInTitle(title(columns.amount)) ?? currencyInTitle(title(columns.out)) ?? currencyInTitle(title(columns.in));
  const languageCurrency = language ? (LANGUAGES[language].currency ?? undefined) : undefined;
  let currency = 'EUR';
  let currencySource: CurrencySource = 'fallback';
  if (titleCurrency) [currency, currencySource] = [titleCurrency, 'header'];
  else if (opts.defaultCurrency) [currency, currencySource] = [opts.defaultCurrency, 'option'];
  else if (languageCurrency) [currency, currencySource] = [languageCurrency, 'language'];
  if (columns.currency !== undefined) currencySource = 'column';

  const amountCells = dataRows.flatMap((r) => [
    cellOf(r, columns.amount),
    cellOf(r, columns.out),
    cellOf(r, columns.in),
  ]);
  const decimal = opts.decimal ?? detectDecimal(amountCells.filter(Boolean), delimiter);
  const dateOrder =
    detectDateOrder(dataRows.map((r) => cellOf(r, columns.date)).filter(Boolean), opts.dateOrder) ?? 'dmy';

  const transactions: Transaction[] = [];
  let skipped = 0;
  for (const row of dataRows) {
    const t = readRow(row, columns, { decimal, dateOrder, currency });
    if (t) transactions.push(t);
    else skipped++;
  }
  const format: StatementFormat = {
    delimiter,
    decimal,
    dateOrder,
    headerLine: header ? header.index + 1 : null,
    columns: { date: title(columns.date) as string, description: columns.description.map((c) => title(c) as string) },
    currency,
    currencySource,
    rows: dataRows.length,
    skipped,
  };
  const bank = headerRow ? bankOf(headerRow) : undefined;
  if (bank) format.bank = bank;
  if (language) format.language = language;
  for (const key of ['amount', 'out', 'in', 'currency'] as const) {
    const t = title(columns[key]);
    if (t !== undefined) format.columns[key] = t;
  }
  if (transactions.length === 0) {
    return { ok: false, code: 'no-transactions', error: 'no rows with a date and an amount were found' };
  }
  return { ok: true, format, transactions };
}

function readRow(
  row: readonly string[],
  columns: Columns,
  ctx: { decimal: '.' | ','; dateOrder: DateOrder; currency: string },
): Transaction | null {
  const date = readDate(cellOf(row, columns.date), ctx.dateOrder);
  if (!date) return null;
  const code = cellOf(row, columns.currency).toUpperCase();
  const currency = /^[A-Z]{3}$/.test(code) && isKnownCurrency(code) ? code : ctx.currency;
  let amountMinor: number | null = null;
  const signed = cellOf(row, columns.amount);
  if (signed) {
    const v = readAmount(signed, ctx.decimal, currency);
    if (v !== null) amountMinor = -v;
  }
  if (amountMinor === null) {
    const out = readAmount(cellOf(row, columns.out), ctx.decimal, currency);
    const inn = readAmount(cellOf(row, columns.in), ctx.decimal, currency);
    if (out !== null && out !== 0) amountMinor = Math.abs(out);
    else if (inn !== null && inn !== 0) amountMinor = -Math.abs(inn);
  }
  if (amountMinor === null || amountMinor === 0) return null;
  const description = columns.description
    .map((c) => cellOf(row, c))
    .find((s) => s.length > 0)
    ?.replace(/\s+/g, ' ')
    .slice(0, MAX_DESCRIPTION);
  return { date, description: description ?? '', amountMinor, currency };
}
