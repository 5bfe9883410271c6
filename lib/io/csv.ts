/**
 * Spreadsheets (CSV): exporting subscriptions and charges, and importing subscriptions through a column-mapping
 * step and a preview. The words (column titles, periods, statuses, categories per language) live in
 * `csv-words.json`.
 */
import Papa from 'papaparse';
import { directoryLinks, lookupStatement } from '../directory';
import { createTranslator, type Translate } from '../i18n';
import { CATALOGS } from '../i18n/catalogs';
import type { Category, Charge, Status } from '../model';
import { type Language, type Subscription, Subscription as SubscriptionSchema, validate } from '../model';
import { isKnownCurrency, minorToDecimal, parsePrice } from '../money';
import { nextOccurrence } from '../schedule';
import { dueFrom } from '../summary';
import words from './csv-words.json';
import { type DateOrder, detectDateOrder, readDate } from './dates';

// ---- export ---------------------------------------------------------------------------------------------

/**
 * How a spreadsheet in the UI language reads a CSV file: Excel in Norwegian, Swedish and Danish (and most of
 * Europe) splits on semicolons and reads a decimal comma; in English on commas with a decimal point. Files start
 * with a UTF-8 byte-order mark, without which Excel reads æ, ø and å as two characters each.
 */
export interface CsvStyle {
  delimiter: ',' | ';';
  decimal: '.' | ',';
}
export function csvStyle(lang: Language): CsvStyle {
  return lang === 'en' ? { delimiter: ',', decimal: '.' } : { delimiter: ';', decimal: ',' };
}
const BOM = '\ufeff';

/**
 * Text a spreadsheet would run as a formula: starting with = + - @, tab or CR, also behind `'`s (so that the
 * guard below can be taken off again exactly).
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will not run as a formula: text that would start one gets a leading `'`. {@link unguardCell}
 * takes it off again, so a CSV round trip gives back exactly the text that went out (`=x` → `'=x` → `=x`, and
 * `'=x` → `''=x` → `'=x`).
 */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The text of a cell without the formula guard {@link safeCell} adds. */
export function unguardCell(value: string): string {
  return GUARDED.test(value) ? value.slice(1) : value;
}

function toCsv(header: readonly string[], rows: readonly (readonly string[])[], style: CsvStyle): string {
  const data = rows.map((r) => r.map(safeCell));
  return `${BOM}${Papa.unparse({ fields: [...header], data }, { newline: '\r\n', delimiter: style.delimiter })}\r\n`;
}

/** Fields of the subscription export, in column order; their titles are `data.field.<field>` in the UI language. */
export const SUBSCRIPTION_COLUMNS = [
  'service',
  'amount',
  'currency',
  'period',
  'nextRenewal',
  'category',
  'status',
  'startDate',
  'domain',
  'notes',
  'paymentMethod',
] as const;

function safeNext(s: Subscription, today: string): string {
  try {
    return nextOccurrence(s.billingAnchor, s.period, dueFrom(s, today));
  } catch {
    return s.billingAnchor;
  }
}

function decimal(minor: number, currency: string, style: CsvStyle): string {
  const text = minorToDecimal(minor, currency);
  return style.decimal === ',' ? text.replace('.', ',') : text;
}

/** The UI's word for a value (`common.periodName.P1M` → `Månedlig`), or the value itself when there is none. */
function word(t: Translate, key: string, value: string): string {
  const text = t(key);
  return text === key ? value : text;
}

export interface CsvExportOptions {
  /** The UI language: column titles and words in it, and its spreadsheet style ({@link csvStyle}). Default `en`. */
  lang?: Language;
}

/**
 * Subscriptions as CSV with a title row, sorted by name: amounts as decimal major units without grouping, dates as
 * `YYYY-MM-DD` (next renewal on or after `today`; every spreadsheet reads these as dates), periods, statuses and
 * categories as the UI names them. Formula-injection safe; {@link previewSubscriptions} reads it back exactly.
 */
export function exportSubscriptionsCsv(
  subscriptions: readonly Subscription[],
  opts: { today: string } & CsvExportOptions,
): string {
  const lang = opts.lang ?? 'en';
  const t = createTranslator(lang);
  const style = csvStyle(lang);
  const sorted = [...subscriptions].sort((a, b) => a.service.localeCompare(b.service, 'en') || (a.id < b.id ? -1 : 1));
  const rows = sorted.map((s) => [
    s.service,
    decimal(s.amountMinor, s.currency, style),
    s.currency,
    word(t, `common.periodName.${s.period}`, s.period),
    safeNext(s, opts.today),
    word(t, `common.category.${s.category}`, s.category),
    word(t, `common.status.${s.status}`, s.status),
    s.startDate ?? '',
    s.domain ?? '',
    s.notes ?? '',
    s.paymentMethod ?? '',
  ]);
  return toCsv(
    SUBSCRIPTION_COLUMNS.map((f) => t(`data.field.${f}`)),
    rows,
    style,
  );
}

export const CHARGE_COLUMNS = ['date', 'service', 'amount', 'currency', 'source'] as const;

/** Charges as CSV with a title row, sorted by date then service; the service name comes from `subscriptions`. */
export function exportChargesCsv(
  charges: readonly Charge[],
  subscriptions: readonly Subscription[],
  opts: CsvExportOptions = {},
): string {
  const lang = opts.lang ?? 'en';
  const t = createTranslator(lang);
  const style = csvStyle(lang);
  const names = new Map(subscriptions.map((s) => [s.id, s.service]));
  const rows = charges
    .map((c) => [
      c.date,
      names.get(c.subscriptionId) ?? '',
      decimal(c.amountMinor, c.currency, style),
      c.currency,
      word(t, `data.chargeSource.${c.source}`, c.source),
    ])
    .sort((a, b) =>
      (a[0] as string) < (b[0] as string)
        ? -1
        : (a[0] as string) > (b[0] as string)
          ? 1
          : (a[1] as string).localeCompare(b[1] as string),
    );
  return toCsv(
    CHARGE_COLUMNS.map((f) => t(`data.field.${f}`)),
    rows,
    style,
  );
}

// ---- reading a file -------------------------------------------------------------------------------------

/** Largest CSV file read, in characters. */
export const MAX_CSV_CHARS = 10 * 1024 * 1024;
/** Most data rows read from one file. */
export const MAX_CSV_ROWS = 10_000;

export type CsvTable =
  | { ok: true; headers: string[]; rows: string[][]; delimiter: string }
  | { ok: false; error: string };

/**
 * Splits CSV text (comma, semicolon or tab separated; quoted cells) into a header row and data rows, skipping
 * empty lines. Never throws.
 */
export function readCsv(text: string): CsvTable {
  if (typeof text !== 'string') return { ok: false, error: 'the file is not text' };
  if (text.length > MAX_CSV_CHARS) return { ok: false, error: 'the file is too large' };
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    const parsed = Papa.parse<string[]>(clean, {
      skipEmptyLines: 'greedy',
      delimitersToGuess: [';', ',', '\t', '|'],
      preview: MAX_CSV_ROWS + 1,
    });
    const [headers, ...rows] = parsed.data;
    if (!headers || headers.length === 0) return { ok: false, error: 'the file has no rows' };
    return { ok: true, headers: headers.map((h) => h.trim()), rows, delimiter: parsed.meta.delimiter };
  } catch {
    return { ok: false, error: 'the file could not be read as CSV' };
  }
}

// ---- column mapping -------------------------------------------------------------------------------------

export const CSV_FIELDS = [
  'service',
  'amount',
  'currency',
  'period',
  'nextRenewal',
  'category',
  'status',
  'startDate',
  'domain',
  'notes',
  'paymentMethod',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Which column (0-based index) holds each field; unmapped fields are absent. */
export type Mapping = Partial<Record<CsvField, number>>;

/** Lower case, accents kept (æøåäö matter), punctuation to spaces, single spaces. */
function foldHeader(h: string): string {
  return h
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Column titles per field: the word lists, and the titles the export writes in each UI language. */
const HEADER_WORDS: ReadonlyArray<{ field: CsvField; word: string }> = CSV_FIELDS.flatMap((field) => [
  ...Object.values((words.headers as Record<CsvField, Record<string, string[]>>)[field]).flatMap((list) =>
    list.map((w) => ({ field, word: foldHeader(w) })),
  ),
  ...Object.values(CATALOGS).flatMap((c) => {
    const title = c.data?.[`field.${field}`];
    return title ? [{ field, word: foldHeader(title) }] : [];
  }),
]);

/**
 * Guesses which column holds which field from the header row, in English, Norwegian, Swedish and Danish
 * (`name`/`tjeneste`/`tjänst`/`navn`, `price`/`pris`/`beløp`/`belopp`/`beløb`, ...). An exact title wins over
 * a title that only contains the word (`Beløp (NOK)`), and a longer word over a shorter one; each column and each
 * field is used once.
 */
export function guessMapping(headers: readonly string[]): Mapping {
  const candidates: Array<{ field: CsvField; column: number; score: number }> = [];
  headers.forEach((raw, column) => {
    const h = foldHeader(raw);
    if (!h) return;
    const padded = ` ${h} `;
    for (const { field, word } of HEADER_WORDS) {
      if (h === word) candidates.push({ field, column, score: 1000 + word.length });
      else if (padded.includes(` ${word} `)) candidates.push({ field, column, score: word.length });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: Mapping = {};
  const usedColumns = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || usedColumns.has(c.column)) continue;
    mapping[c.field] = c.column;
    usedColumns.add(c.column);
  }
  return mapping;
}

// ---- words ----------------------------------------------------------------------------------------------

function foldWord(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s/]+|[\s.:]+$/g, '')
    .trim();
}

function invert<K extends string>(table: Record<K, string[]>): Map<string, K> {
  const map = new Map<string, K>();
  for (const [key, list] of Object.entries(table) as Array<[K, string[]]>) {
    map.set(foldWord(key), key);
    for (const w of list) if (!map.has(foldWord(w))) map.set(foldWord(w), key);
  }
  return map;
}

/**
 * `table` with the UI's own names for each key in every language added (`common.status.active` → `aktiv`,
 * `Aktiv`...), so that what the export writes always reads back, whatever the catalogs call things.
 */
function withUiNames<K extends string>(table: Record<K, string[]>, area: string, prefix: string): Record<K, string[]> {
  const out = Object.fromEntries(Object.entries(table).map(([k, v]) => [k, [...(v as string[])]])) as Record<
    K,
    string[]
  >;
  for (const catalog of Object.values(CATALOGS)) {
    for (const [key, text] of Object.entries(catalog[area] ?? {})) {
      if (!key.startsWith(prefix)) continue;
      const id = key.slice(prefix.length) as K;
      out[id] = [...(out[id] ?? []), text];
    }
  }
  return out;
}

const PERIOD_WORDS = invert(withUiNames(words.periods as Record<string, string[]>, 'common', 'periodName.'));
const STATUS_WORDS = invert(withUiNames(words.statuses as Record<Status, string[]>, 'common', 'status.'));
const CATEGORY_WORDS = invert(withUiNames(words.categories as Record<Category, string[]>, 'common', 'category.'));

/**
 * A period word or duration as an ISO 8601 period: `monthly`, `månedlig`, `månadsvis`, `årlig`, `årligen`,
 * `ukentlig`, `kvartalsvis`, `P1M`, `p3m`. Null when unknown.
 */
export function readPeriod(text: string): string | null {
  const w = foldWord(text);
  if (/^p[1-9]\d{0,2}[dwmy]$/i.test(w)) return w.toUpperCase();
  return PERIOD_WORDS.get(w) ?? PERIOD_WORDS.get(w.replace(/^(per|pr\.?|every|hver|varje|hvert)\s+/, '')) ?? null;
}

/** A status word (`aktiv`, `oppsagt`, `pausad`...) as a model status; null when unknown. */
export function readStatus(text: string): Status | null {
  return STATUS_WORDS.get(foldWord(text)) ?? null;
}

/** A category word (`musikk`, `strømming`, `tidningar`...) as a model category; null when unknown. */
export function readCategory(text: string): Category | null {
  return CATEGORY_WORDS.get(foldWord(text)) ?? null;
}

// ---- preview --------------------------------------------------------------------------------------------

/** A row ready to save with `saveSubscription(db, value, stamp)` (which adds id and stamps). */
export type CsvSubscriptionInput = Omit<Subscription, 'id' | 'createdAt' | 'updatedAt'>;

export type PreviewRow =
  | { row: number; ok: true; value: CsvSubscriptionInput }
  | { row: number; ok: false; errors: Partial<Record<CsvField, string>> };

export interface PreviewOptions {
  /** Today (`YYYY-MM-DD`): the billing anchor of rows without a renewal or start date. */
  today: string;
  /** Currency when a row names none. */
  defaultCurrency: string;
  /** Language of the file, for `kr` and similar (`nb`, `sv`, `da`, `en`). */
  lang?: Language;
  /** Period when the column is not mapped or the cell is empty (default `P1M`). */
  defaultPeriod?: string;
  /** File line of the first data row (default 2: the header is line 1). */
  firstLine?: number;
}

const PLACEHOLDER_STAMP = '2000-01-01T00:00:00.000Z';
/** Model field → CSV field, for error messages. */
const FIELD_OF: Record<string, CsvField> = {
  service: 'service',
  amountMinor: 'amount',
  currency: 'currency',
  period: 'period',
  billingAnchor: 'nextRenewal',
  category: 'category',
  status: 'status',
  startDate: 'startDate',
  domain: 'domain',
  notes: 'notes',
  paymentMethod: 'paymentMethod',
};

/** A currency cell: an ISO code (`sek`), or a currency text (`kr`, `€`, `US$`) read with the file's language. */
function readCurrency(text: string, lang: Language | undefined): string | null {
  if (/^[a-z]{3}$/i.test(text)) return isKnownCurrency(text.toUpperCase()) ? text.toUpperCase() : null;
  const p = parsePrice(`1 ${text}`, { lang });
  return p.ok && p.currencyText !== null ? p.currency : null;
}

/** A cell's text, trimmed, without the formula guard our export adds ({@link unguardCell}). */
function cell(row: readonly string[], column: number | undefined): string {
  return column === undefined ? '' : unguardCell((row[column] ?? '').trim()).trim();
}

function readDomain(text: string): string {
  const t = text.trim().toLowerCase();
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(t) ? t : `https://${t}`).hostname.replace(/^www\./, '');
  } catch {
    return t;
  }
}

/**
 * Reads data rows with a mapping into subscriptions to import, each with its file line and either the value or
 * the problems per field (`{ amount: 'not an amount' }`). Amounts are read as prices (`129,00`, `kr 129`,
 * `$9.99`, a minus sign is dropped); the currency comes from its column, else the amount's currency text, else
 * `defaultCurrency`. Dates are read in the order detected from the whole column. The billing anchor is the next
 * renewal, else the start date, else `today`. A name the service directory knows adds its id, category (when the
 * row has none), domain and links. Never throws.
 */
export function previewSubscriptions(
  rows: readonly (readonly string[])[],
  mapping: Mapping,
  opts: PreviewOptions,
): PreviewRow[] {
  const order = (field: CsvField): DateOrder =>
    detectDateOrder(rows.map((r) => cell(r, mapping[field])).filter(Boolean)) ?? 'dmy';
  const renewalOrder = order('nextRenewal');
  const startOrder = order('startDate');
  const firstLine = opts.firstLine ?? 2;
  return rows.map((row, i) => previewRow(row, mapping, opts, renewalOrder, startOrder, i + firstLine));
}

function previewRow(
  row: readonly string[],
  mapping: Mapping,
  opts: PreviewOptions,
  renewalOrder: DateOrder,
  startOrder: DateOrder,
  line: number,
): PreviewRow {
  const errors: Partial<Record<CsvField, string>> = {};
  const get = (f: CsvField) => cell(row, mapping[f]);
  const ctx = { lang: opts.lang, defaultCurrency: opts.defaultCurrency };

  const service = get('service');
  let amountMinor: number | undefined;
  let currency = opts.defaultCurrency;
  const amountText = get('amount');
  if (mapping.amount === undefined) errors.amount = 'no column is chosen for the price';
  else if (!amountText) errors.amount = 'the price is missing';
  else {
    const p = parsePrice(amountText, ctx);
    if (!p.ok || p.amountMinor === null) errors.amount = 'not an amount';
    else {
      amountMinor = p.amountMinor;
      if (p.currency) currency = p.currency;
      if (p.currency && p.currency !== opts.defaultCurrency) {
        // Re-read in the amount's own currency so its minor digits are right.
        const again = parsePrice(amountText, { ...ctx, defaultCurrency: p.currency });
        if (again.ok && again.amountMinor !== null) amountMinor = again.amountMinor;
      }
    }
  }
  const currencyText = get('currency');
  if (currencyText) {
    const code = readCurrency(currencyText, opts.lang);
    if (code) currency = code;
    else errors.currency = 'unknown currency';
    if (amountText && typeof currency === 'string' && !errors.amount) {
      const again = parsePrice(amountText, { ...ctx, defaultCurrency: currency });
      if (again.ok && again.amountMinor !== null && (again.currency === null || again.currency === currency)) {
        amountMinor = again.amountMinor;
      }
    }
  }

  let period = opts.defaultPeriod ?? 'P1M';
  const periodText = get('period');
  if (periodText) {
    const p = readPeriod(periodText);
    if (p) period = p;
    else errors.period = 'unknown period';
  }

  const dateOf = (field: 'nextRenewal' | 'startDate', order: DateOrder): string | undefined => {
    const text = get(field);
    if (!text) return undefined;
    const d = readDate(text, order);
    if (!d) errors[field] = 'not a date';
    return d ?? undefined;
  };
  const nextRenewal = dateOf('nextRenewal', renewalOrder);
  const startDate = dateOf('startDate', startOrder);

  let status: Status = 'active';
  const statusText = get('status');
  if (statusText) {
    const s = readStatus(statusText);
    if (s) status = s;
    else errors.status = 'unknown status';
  }
  const categoryText = get('category');
  const category = categoryText ? readCategory(categoryText) : null;

  const candidate: Record<string, unknown> = {
    id: 'preview',
    service,
    amountMinor,
    currency,
    period,
    status,
    category: category ?? 'other',
    billingAnchor: nextRenewal ?? startDate ?? opts.today,
    source: 'imported',
    confirmed: true,
    createdAt: PLACEHOLDER_STAMP,
    updatedAt: PLACEHOLDER_STAMP,
  };
  if (startDate) candidate.startDate = startDate;
  const domain = get('domain');
  if (domain) candidate.domain = readDomain(domain);
  const notes = get('notes');
  if (notes) candidate.notes = notes;
  const paymentMethod = get('paymentMethod');
  if (paymentMethod) candidate.paymentMethod = paymentMethod;

  const known = service ? lookupStatement(service) : undefined;
  if (known) {
    candidate.serviceId = known.id;
    if (!category) candidate.category = known.category;
    if (!candidate.domain) candidate.domain = known.domains[0];
    candidate.links = directoryLinks(known);
  }

  const v = validate(SubscriptionSchema, candidate);
  if (!v.ok) {
    for (const [path, message] of Object.entries(v.errors)) {
      const field = FIELD_OF[path.split('.')[0] ?? ''] ?? 'service';
      errors[field] ??= message;
    }
  }
  if (!v.ok || Object.keys(errors).length > 0) return { row: line, ok: false, errors };
  const { id: _id, createdAt: _c, updatedAt: _u, ...value } = v.value;
  return { row: line, ok: true, value };
}
