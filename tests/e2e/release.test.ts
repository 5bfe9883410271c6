import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { lintFirefox } from '../../scripts/lint-firefox';
import { nextVersion, TEST_HOOK } from '../../scripts/release';
import { launchExtension, ROOT } from './harness';

/**
 * What goes to the stores: the production builds (built by npm run build before the e2e tests) carry no test hook,
 * the Firefox build passes Mozilla's addons-linter, and `npm run release -- patch --dry-run` makes the three
 * packages with the right contents while leaving the repository as it was.
 */
const run = promisify(execFile);

async function zipFiles(file: string): Promise<Map<string, JSZip.JSZipObject>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return new Map(Object.entries(zip.files).filter(([, e]) => !e.dir));
}

describe('release', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'subkeeper-release-test-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('the production build has no test hook in its worker; the test build has', async () => {
    for (const [dir, hooked] of [
      [path.join(ROOT, '.output/chrome-mv3'), false],
      [path.join(ROOT, '.output/chrome-mv3-e2e'), true],
    ] as const) {
      const ext = await launchExtension({ extensionDir: dir });
      try {
        expect(await ext.sw.evaluate(() => typeof (globalThis as { subkeeper?: unknown }).subkeeper)).toBe(
          hooked ? 'object' : 'undefined',
        );
      } finally {
        await ext.close();
      }
      // The same, as the release script checks it in the packages' files.
      expect(TEST_HOOK.test(readFileSync(path.join(dir, 'background.js'), 'utf8'))).toBe(hooked);
    }
  });

  it('the Firefox build passes addons-linter, with strict_min_version exactly what its keys and APIs need', async () => {
    const r = await lintFirefox(path.join(ROOT, '.output/firefox-mv3'), ROOT);
    expect(r.errors).toEqual([]);
    expect(r.unexpected).toEqual([]);
    expect(r.strictMinVersion).toBe(r.needed.version);
    expect(r.needed.unsupported).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('npm run release -- patch --dry-run makes the Chrome, Firefox and sources packages and changes no file', async () => {
    const before = ['package.json', 'package-lock.json', 'CHANGELOG.md'].map((f) =>
      readFileSync(path.join(ROOT, f), 'utf8'),
    );
    const version = nextVersion(JSON.parse(before[0] ?? '{}').version, 'patch');
    const { stdout } = await run(
      'npx',
      ['tsx', 'scripts/release.ts', 'patch', '--dry-run', '--out', out, '--date', '2030-01-02'],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
    );
    expect(stdout).toContain('Firefox rebuilt from them: identical');
    for (const kind of ['chrome', 'firefox', 'sources']) {
      expect(stdout).toMatch(new RegExp(`subkeeper-${version.replace(/\./g, '\\.')}-${kind}\\.zip +\\d+\\.\\d KB`));
    }

    const chrome = await zipFiles(path.join(out, `subkeeper-${version}-chrome.zip`));
    const chromeManifest = JSON.parse((await chrome.get('manifest.json')?.async('string')) ?? '{}');
    expect(chromeManifest.version).toBe(version);
    expect(chromeManifest.browser_specific_settings).toBeUndefined();
    expect(chrome.has('privacy.html')).toBe(true);
    expect(chrome.has('icon/128.png')).toBe(true);
    expect(TEST_HOOK.test((await chrome.get('background.js')?.async('string')) ?? '')).toBe(false);

    const firefox = await zipFiles(path.join(out, `subkeeper-${version}-firefox.zip`));
    const ffManifest = JSON.parse((await firefox.get('manifest.json')?.async('string')) ?? '{}');
    expect(ffManifest.version).toBe(version);
    expect(ffManifest.browser_specific_settings.gecko.strict_min_version).toBe('140.0');

    const sources = [...(await zipFiles(path.join(out, `subkeeper-${version}-sources.zip`))).keys()];
    expect(sources).toContain('package.json');
    expect(sources).toContain('package-lock.json');
    expect(sources).toContain('BUILD.md');
    expect(sources.some((f) => f.startsWith('entrypoints/'))).toBe(true);
    expect(sources.filter((f) => /^(tests|bench|docs|scripts|node_modules|\.output)\//.test(f))).toEqual([]);
    expect(sources.filter((f) => /\.(pem|key)$|(^|\/)\./.test(f))).toEqual([]);
    // The packaged CHANGELOG has the release rolled in; the repository's does not.
    const sourcesZip = await JSZip.loadAsync(readFileSync(path.join(out, `subkeeper-${version}-sources.zip`)));
    expect(await sourcesZip.file('CHANGELOG.md')?.async('string')).toContain(`## [${version}] - 2030-01-02`);

    const after = ['package.json', 'package-lock.json', 'CHANGELOG.md'].map((f) =>
      readFileSync(path.join(ROOT, f), 'utf8'),
    );
    expect(after).toEqual(before);
  }, 600_000);
});
