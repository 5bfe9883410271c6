/**
 * Runs the detection engine on a saved HTML page or an e-mail file and prints one JSON object (lib/detect/report.ts).
 *
 *   npm run --silent detect -- [--url URL] [--now YYYY-MM-DD] FILE.html
 *   npm run --silent detect -- [--now YYYY-MM-DD] --eml FILE.eml
 *   npm run --silent detect -- [--now YYYY-MM-DD] --batch LIST.tsv
 *
 * A batch list has one input a line: `FILE [TAB URL] [TAB NOW]` (paths relative to the list; `.eml` files are read
 * as e-mails; empty lines and lines starting with `#` are skipped). It prints one JSON object a line:
 * `{"file": …, "report": …}` or `{"file": …, "error": …}`; an input that fails never stops the others.
 *
 * Exit 0 with the JSON on stdout; exit 2 with a message on stderr for bad arguments or an unreadable file.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { todayFromInstant } from '../lib/dates';
import { detectMail, detectPage } from '../lib/detect';
import { parseHtmlDocument } from '../lib/detect/mail-html';
import { readMail } from '../lib/detect/mail-mime';
import { pageUrlOf } from '../lib/detect/page-url';
import { type DetectReport, toReport } from '../lib/detect/report';
import { DIRECTORY_OPTIONS } from '../lib/directory';

const USAGE =
  'usage: npm run --silent detect -- [--url URL] [--now YYYY-MM-DD] FILE.html\n' +
  '       npm run --silent detect -- [--now YYYY-MM-DD] --eml FILE.eml\n' +
  '       npm run --silent detect -- [--now YYYY-MM-DD] --batch LIST.tsv';

class UsageError extends Error {}

function fail(message: string): never {
  process.stderr.write(`detect: ${message}\n${USAGE}\n`);
  process.exit(2);
}

interface Args {
  file?: string;
  eml?: string;
  batch?: string;
  url?: string;
  now?: string;
}

function parseArgs(argv: string[]): Args {
  const out: Args = {};
  const valued = new Set(['--url', '--now', '--eml', '--batch']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (valued.has(name)) {
      const v = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      out[name.slice(2) as 'url' | 'now' | 'eml' | 'batch'] = v;
    } else if (a === '--') continue;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else if (out.file === undefined) out.file = a;
    else throw new UsageError('give one FILE');
  }
  const inputs = [out.file, out.eml, out.batch].filter((x) => x !== undefined).length;
  if (inputs === 0) throw new UsageError('missing FILE');
  if (inputs > 1) throw new UsageError('give one FILE, --eml FILE or --batch LIST');
  if (out.now !== undefined) checkNow(out.now);
  if (out.url !== undefined) checkUrl(out.url);
  return out;
}

function checkNow(now: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(now)) throw new UsageError('--now must be YYYY-MM-DD');
}

function checkUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError('--url is not a URL');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError('--url must be an http(s) URL');
}

function read(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
}

async function detectFile(file: string, opts: { eml: boolean; url?: string; now: string }): Promise<DetectReport> {
  const bytes = read(file);
  if (opts.eml) {
    const mail = await readMail(new Uint8Array(bytes));
    return toReport(detectMail(mail, opts.now, DIRECTORY_OPTIONS));
  }
  const document = parseHtmlDocument(bytes.toString('utf8'));
  const url = opts.url ?? pageUrlOf(document) ?? 'https://example.invalid/';
  return toReport(detectPage(document, url, opts.now, DIRECTORY_OPTIONS));
}

async function runBatch(list: string, today: string): Promise<void> {
  const base = dirname(resolve(list));
  const lines = read(list).toString('utf8').split(/\r?\n/);
  for (const raw of lines) {
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    const [fileCol, urlCol, nowCol] = raw.split('\t').map((c) => c.trim());
    const file = resolve(base, fileCol as string);
    let line: Record<string, unknown>;
    try {
      if (urlCol) checkUrl(urlCol);
      if (nowCol) checkNow(nowCol);
      const report = await detectFile(file, {
        eml: /\.eml$/i.test(file),
        ...(urlCol ? { url: urlCol } : {}),
        now: nowCol || today,
      });
      line = { file: fileCol, report };
    } catch (e) {
      line = { file: fileCol, error: e instanceof Error ? e.message : String(e) };
    }
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    fail((e as Error).message);
  }
  // The only place the real clock is read.
  const today = args.now ?? todayFromInstant(new Date(), 'UTC');
  try {
    if (args.batch !== undefined) {
      await runBatch(args.batch, today);
      return;
    }
    const file = (args.eml ?? args.file) as string;
    const report = await detectFile(file, {
      eml: args.eml !== undefined,
      ...(args.url !== undefined ? { url: args.url } : {}),
      now: today,
    });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
