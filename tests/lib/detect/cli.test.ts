import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const pages = join(root, 'tests', 'fixtures', 'pages');

function cli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'detect.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

// Each case starts Node with tsx (seconds on a loaded machine; each process may take up to its own 60 s limit).
describe('detect CLI', { timeout: 200_000 }, () => {
  it('prints the report for a page, taking the URL from the canonical link', () => {
    const run = cli(['--now', '2026-11-23', join(pages, 'nb-viaplay-checkout.html')]);
    expect(run.status).toBe(0);
    const expected = JSON.parse(readFileSync(join(pages, 'nb-viaplay-checkout.expected.json'), 'utf8'));
    expect(JSON.parse(run.stdout)).toEqual(expected);
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
  });
});
