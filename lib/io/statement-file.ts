/**
 * A bank statement file as the user chose it: bytes in, transactions out (statement.ts), whatever the file is —
 * CSV or text in UTF-8 (with or without a byte-order mark), UTF-16 (with a byte-order mark or without), Windows-1252
 * or a mix of lines in both; an `.xlsx` spreadsheet; the HTML page some banks download as `.xls`. A PDF, an old
 * binary `.xls`, any other binary file or one larger than the limit gets a clear error and no transactions.
 * Runs the same in Node, in a page and in a Web Worker (no DOM).
 */
import readXlsxFile from 'read-excel-file/universal';
import {
  parseStatementRows,
  type StatementErrorCode,
  type StatementOptions,
  type StatementResult,
  splitDelimited,
} from './statement';

/** Largest file read, in bytes. */
export const MAX_STATEMENT_BYTES = 20 * 1024 * 1024;

export type StatementFileKind = 'text' | 'xlsx' | 'html' | 'pdf' | 'old-excel' | 'zip' | 'binary' | 'empty';
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'mixed';

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** What kind of file the bytes are, from their first bytes (never from the file name). */
export function sniffStatement(bytes: Uint8Array): StatementFileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'old-excel';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 65536)));
    return head.includes('xl/') || head.includes('[Content_Types].xml') ? 'xlsx' : 'zip';
  }
  if (utf16Order(bytes)) return 'text';
  // Text has no NUL bytes; a few control bytes at most.
  const n = Math.min(bytes.length, 4096);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i] as number;
    if (c === 0) nul++;
    else if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
  }
  if (nul > 0 || control > n * 0.05) return 'binary';
  const start = new TextDecoder('latin1')
    .decode(bytes.subarray(0, Math.min(bytes.length, 2048)))
    .replace(/^\uFEFF|^ï»¿/, '')
    .trimStart()
    .toLowerCase();
  if (
    start.startsWith('<!doctype html') ||
    start.startsWith('<html') ||
    start.startsWith('<table') ||
    (start.startsWith('<?xml') && start.includes('<html'))
  )
    return 'html';
  return 'text';
}

/** UTF-16 byte order: from a byte-order mark, or from the zero bytes of ASCII text. */
function utf16Order(bytes: Uint8Array): 'le' | 'be' | null {
  if (startsWith(bytes, [0xff, 0xfe])) return 'le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'be';
  const n = Math.min(bytes.length - (bytes.length % 2), 400);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  if (oddZero > n * 0.4 && evenZero < n * 0.05) return 'le';
  if (evenZero > n * 0.4 && oddZero < n * 0.05) return 'be';
  return null;
}

/**
 * The text of a statement file: UTF-16 (by its byte-order mark or its zero bytes), UTF-8, or Windows-1252; a file
 * mixing UTF-8 and Windows-1252 lines is decoded line by line (`mixed`).
 */
export function decodeStatementText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const order = utf16Order(bytes);
  if (order) {
    const text = new TextDecoder(order === 'le' ? 'utf-16le' : 'utf-16be').decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: order === 'le' ? 'utf-16le' : 'utf-16be' };
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // Not all UTF-8: line by line, each line in the encoding it is valid in.
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const cp1252 = new TextDecoder('windows-1252');
  const parts: string[] = [];
  let utf8Lines = 0;
  let start = bom ? 3 : 0;
  for (let i = start; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const line = bytes.subarray(start, Math.min(i + 1, bytes.length));
    let decoded: string;
    try {
      decoded = utf8.decode(line);
      if (line.some((b) => b >= 0x80)) utf8Lines++;
    } catch {
      decoded = cp1252.decode(line);
    }
    parts.push(decoded);
    start = i + 1;
  }
  return { text: parts.join(''), encoding: utf8Lines > 0 ? 'mixed' : 'windows-1252' };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/**
 * The tables of an HTML page as rows of cell texts (tags removed, entities decoded), with a scan that goes through the
 * page once: no DOM, no pattern over the whole page.
 */
export function htmlTables(html: string): string[][][] {
  const lower = html.toLowerCase();
  const tables: string[][][] = [];
  let at = 0;
  for (let guard = 0; guard < 1000; guard++) {
    const open = lower.indexOf('<table', at);
    if (open < 0) break;
    const close = lower.indexOf('</table', open);
    const end = close < 0 ? lower.length : close;
    const rows: string[][] = [];
    let r = open;
    for (;;) {
      const tr = lower.indexOf('<tr', r);
      if (tr < 0 || tr > end) break;
      const trEnd = (() => {
        const a = lower.indexOf('</tr', tr);
        const b = lower.indexOf('<tr', tr + 3);
        const c = [a, b, end].filter((x) => x >= 0);
        return Math.min(...c);
      })();
      const cells: string[] = [];
      let c = tr;
      for (;;) {
        const td = lower.indexOf('<td', c);
        const th = lower.indexOf('<th', c);
        const cellStart = [td, th].filter((x) => x >= 0 && x < trEnd);
        if (cellStart.length === 0) break;
        const s = Math.min(...cellStart);
        const contentStart = lower.indexOf('>', s) + 1;
        if (contentStart <= 0 || contentStart > trEnd) break;
        const nexts = [
          lower.indexOf('</t', contentStart),
          lower.indexOf('<td', contentStart),
          lower.indexOf('<th', contentStart),
        ].filter((x) => x >= 0 && x <= trEnd);
        const contentEnd = nexts.length ? Math.min(...nexts) : trEnd;
        const raw = html.slice(contentStart, Math.min(contentEnd, contentStart + 4096));
        cells.push(
          decodeEntities(raw.replace(/<[^>]{0,500}>/g, ' '))
            .replace(/\s+/g, ' ')
            .trim(),
        );
        c = contentEnd;
      }
      if (cells.length) rows.push(cells);
      r = trEnd + 1;
      if (r >= end) break;
    }
    tables.push(rows);
    at = end + 1;
  }
  return tables;
}

function failure(code: StatementErrorCode, error: string): StatementResult {
  return { ok: false, code, error };
}

function spreadsheetCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}

/** The rows of the sheet that reads best (most transactions) of an `.xlsx` workbook. */
async function readXlsx(bytes: Uint8Array, opts: StatementOptions): Promise<StatementResult> {
  let sheets: Array<{ sheet: string; data: unknown[][] }>;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sheets = (await readXlsxFile(buffer)) as unknown as Array<{ sheet: string; data: unknown[][] }>;
  } catch {
    return failure('spreadsheet', 'the spreadsheet could not be read');
  }
  let best: StatementResult | null = null;
  for (const s of sheets.slice(0, 20)) {
    const rows = s.data.slice(0, 100_000).map((r) => r.map(spreadsheetCell));
    const r = parseStatementRows(rows, ',', opts);
    if (r.ok && (!best?.ok || r.transactions.length > best.transactions.length)) best = r;
    else if (!best) best = r;
  }
  return best ?? failure('no-columns', 'no date and amount columns were found');
}

/**
 * Reads a statement file (`name` only helps the messages; the bytes decide what the file is). Never throws; a file
 * that is not a statement gets an error code and no transactions.
 */
export async function readStatementFile(
  bytes: Uint8Array,
  name: string,
  opts: StatementOptions = {},
): Promise<StatementResult & { encoding?: TextEncodingName; kind?: StatementFileKind }> {
  void name;
  try {
    if (bytes.length > MAX_STATEMENT_BYTES) return failure('too-large', 'the file is too large');
    const kind = sniffStatement(bytes);
    switch (kind) {
      case 'empty':
        return failure('empty', 'the file is empty');
      case 'pdf':
        return failure('pdf', 'the file is a PDF, not a statement export');
      case 'old-excel':
        return failure('old-excel', 'the file is an old Excel (.xls) workbook');
      case 'zip':
      case 'binary':
        return failure('binary', 'the file is not a text or spreadsheet statement');
      case 'xlsx':
        return { ...(await readXlsx(bytes, opts)), kind };
    }
    opts.onProgress?.(0.05);
    const { text, encoding } = decodeStatementText(bytes);
    if (text.trim() === '') return failure('empty', 'the file is empty');
    if (kind === 'html') {
      const tables = htmlTables(text)
        .filter((t) => t.length >= 2)
        .sort((a, b) => b.length - a.length);
      let best: StatementResult | null = null;
      for (const t of tables.slice(0, 10)) {
        const r = parseStatementRows(t, ',', opts);
        if (r.ok && (!best?.ok || r.transactions.length > best.transactions.length)) best = r;
      }
      return best?.ok
        ? { ...best, encoding, kind }
        : failure('html', 'the file is a web page without a statement table');
    }
    const { rows, delimiter } = splitDelimited(text);
    opts.onProgress?.(0.2);
    const progress = opts.onProgress;
    const inner: StatementOptions = { ...opts };
    if (progress) inner.onProgress = (f) => progress(0.2 + f * 0.8);
    return { ...parseStatementRows(rows, delimiter, inner), encoding, kind };
  } catch {
    return failure('no-columns', 'the file could not be read as a bank statement');
  }
}
