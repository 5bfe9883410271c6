/**
 * Runs the detection engine on one saved HTML page and prints one JSON object (see lib/detect/report.ts).
 *
 *   npm run --silent detect -- [--url URL] [--now YYYY-MM-DD] FILE.html
 *
 * Exit 0 with the JSON on stdout; exit 2 with a message on stderr for bad arguments or an unreadable file.
 */
import { readFileSync } from 'node:fs';
import { todayFromInstant } from '../lib/dates';
import { detectPage } from '../lib/detect';
import { loadHtml, pageUrlOf } from '../lib/detect/load';
import { toReport } from '../lib/detect/report';
import { DIRECTORY_OPTIONS } from '../lib/directory';

function fail(message: string): never {
  process.stderr.write(
    `detect: ${message}\nusage: npm run --silent detect -- [--url URL] [--now YYYY-MM-DD] FILE.html\n`,
  );
  process.exit(2);
}

function parseArgs(argv: string[]): { file: string; url?: string; now?: string } {
  let file: string | undefined;
  let url: string | undefined;
  let now: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--url' || a === '--now') {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      if (a === '--url') url = v;
      else now = v;
    } else if (a.startsWith('--url=')) url = a.slice(6);
    else if (a.startsWith('--now=')) now = a.slice(6);
    else if (a === '--') continue;
    else if (a.startsWith('--')) fail(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else fail('give one FILE');
  }
  if (!file) fail('missing FILE');
  return { file, ...(url !== undefined ? { url } : {}), ...(now !== undefined ? { now } : {}) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.now !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args.now)) fail('--now must be YYYY-MM-DD');
  if (args.url !== undefined) {
    try {
      const u = new URL(args.url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') fail('--url must be an http(s) URL');
    } catch {
      fail('--url is not a URL');
    }
  }
  let html: string;
  try {
    html = readFileSync(args.file, 'utf8');
  } catch (e) {
    fail(`cannot read ${args.file}: ${(e as Error).message}`);
  }
  // The only place the real clock is read.
  const now = args.now ?? todayFromInstant(new Date(), 'UTC');
  const { document, close } = loadHtml(html);
  try {
    const url = args.url ?? pageUrlOf(document) ?? 'https://example.invalid/';
    const result = detectPage(document, url, now, DIRECTORY_OPTIONS);
    process.stdout.write(`${JSON.stringify(toReport(result), null, 2)}\n`);
  } finally {
    await close();
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
