import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../lib/detect';
import { loadHtml } from '../../../lib/detect/load';
import { parseHtmlDocument } from '../../../lib/detect/mail-html';
import { toReport } from '../../../lib/detect/report';
import { DIRECTORY_OPTIONS } from '../../../lib/directory';
import { readCorpus } from '../../../scripts/corpus';

const root = process.cwd();
const pages = join(root, 'tests', 'fixtures', 'pages');
const mails = join(root, 'tests', 'fixtures', 'mails');

/** The CLI as `npm run detect` runs it: compiled (scripts/cli.mjs builds it on first use). */
function cli(args: string[]) {
  return spawnSync(process.execPath, [join(root, 'scripts', 'cli.mjs'), 'detect', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
}
const expected = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));

// Each case starts Node with tsx (seconds on a loaded machine; each process may take up to its own 60 s limit).
describe('detect CLI', { timeout: 200_000 }, () => {
  it('prints the report for a page, taking the URL from the canonical link', () => {
    const run = cli(['--now', '2026-11-23', join(pages, 'nb-viaplay-checkout.html')]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expected(pages, 'nb-viaplay-checkout'));
  });

  it('reads an e-mail file with --eml', () => {
    const run = cli(['--now', '2026-11-23', '--eml', join(mails, 'nb-strommen-kvittering.eml')]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expected(mails, 'nb-strommen-kvittering'));
  });

  it('runs a batch list: one JSON line per input, an input that fails never stops the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'subkeeper-batch-'));
    const list = join(dir, 'list.tsv');
    writeFileSync(
      list,
      [
        '# file\turl\tnow',
        `${join(pages, 'en-dropbox-receipt.html')}\thttps://www.dropbox.com/account/billing/receipt/123\t2026-11-23`,
        `${join(mails, 'sv-kusten-prisandring.eml')}\t\t2026-11-23`,
        `${join(dir, 'missing.eml')}`,
        `${join(pages, 'nb-viaplay-checkout.html')}\tjavascript:alert(1)`,
        '',
      ].join('\n'),
    );
    const run = cli(['--now', '2026-11-23', '--batch', list]);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].report).toEqual(expected(pages, 'en-dropbox-receipt'));
    expect(lines[1].report).toEqual(expected(mails, 'sv-kusten-prisandring'));
    expect(lines[2].error).toMatch(/cannot read/);
    expect(lines[3].error).toMatch(/--url/);
  });

  it('exits 2 with a message for a missing file and for bad arguments', () => {
    const missing = cli(['--now', '2026-11-23', join(pages, 'no-such-page.html')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    expect(missing.stdout).toBe('');
    const badNow = cli(['--now', '23.11.2026', join(pages, 'nb-viaplay-checkout.html')]);
    expect(badNow.status).toBe(2);
    expect(badNow.stderr).toMatch(/--now/);
    const badUrl = cli(['--url', 'javascript:alert(1)', join(pages, 'nb-viaplay-checkout.html')]);
    expect(badUrl.status).toBe(2);
    const both = cli(['--eml', join(mails, 'nb-strommen-kvittering.eml'), join(pages, 'nb-viaplay-checkout.html')]);
    expect(both.status).toBe(2);
    const notMail = cli(['--eml', join(root, 'package.json')]);
    expect(notMail.status).toBe(2);
  });

  it('parses pages like the tests do: every fixture page gets the same report with its faster HTML parser', async () => {
    const differ: string[] = [];
    for (const fx of readCorpus(pages)) {
      const { document, close } = loadHtml(fx.html);
      const a = toReport(detectPage(document, fx.url, fx.now, DIRECTORY_OPTIONS));
      await close();
      const b = toReport(detectPage(parseHtmlDocument(fx.html), fx.url, fx.now, DIRECTORY_OPTIONS));
      if (JSON.stringify(a) !== JSON.stringify(b)) differ.push(fx.name);
    }
    expect(differ).toEqual([]);
  });
});
