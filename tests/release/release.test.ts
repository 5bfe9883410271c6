// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  nextVersion,
  rollChangelog,
  sourcesProblems,
  TEST_HOOK,
  withLockVersion,
  withPackageVersion,
} from '../../scripts/release';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('release: versions', () => {
  it('bumps patch, minor and major', () => {
    expect(nextVersion('0.1.9', 'patch')).toBe('0.1.10');
    expect(nextVersion('0.1.9', 'minor')).toBe('0.2.0');
    expect(nextVersion('0.1.9', 'major')).toBe('1.0.0');
  });

  it('takes an explicit higher version, and refuses lower, equal, pre-release and out-of-range ones', () => {
    expect(nextVersion('0.1.0', '1.0.0')).toBe('1.0.0');
    expect(() => nextVersion('0.2.0', '0.1.9')).toThrow(/not higher/);
    expect(() => nextVersion('0.2.0', '0.2.0')).toThrow(/not higher/);
    expect(() => nextVersion('0.2.0', '1.0.0-beta.1')).toThrow(/pre-release/);
    expect(() => nextVersion('0.2.0', 'v1.0.0')).toThrow();
    expect(() => nextVersion('0.2.0', '70000.0.0')).toThrow(/65535/);
  });

  it('writes the version into package.json and package-lock.json and nothing else', () => {
    const pkg = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const next = withPackageVersion(pkg, '9.8.7');
    expect(JSON.parse(next)).toEqual({ ...JSON.parse(pkg), version: '9.8.7' });
    expect(next.endsWith('}\n')).toBe(true);
    const lock = readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8');
    const nextLock = JSON.parse(withLockVersion(lock, '9.8.7'));
    expect(nextLock.version).toBe('9.8.7');
    expect(nextLock.packages[''].version).toBe('9.8.7');
    expect(nextLock.packages['node_modules/wxt']).toEqual(JSON.parse(lock).packages['node_modules/wxt']);
  });
});

describe('release: changelog', () => {
  const log = `# Changelog\n\nIntro.\n\n## [Unreleased]\n\n### Added\n- A thing.\n\n## [0.1.0] - 2026-11-23\n\n### Added\n- First.\n`;

  it('turns Unreleased into the new version with its date, and opens a new Unreleased', () => {
    const rolled = rollChangelog(log, '0.2.0', '2026-12-24');
    expect(rolled).toBe(
      `# Changelog\n\nIntro.\n\n## [Unreleased]\n\n## [0.2.0] - 2026-12-24\n\n### Added\n- A thing.\n\n## [0.1.0] - 2026-11-23\n\n### Added\n- First.\n`,
    );
  });

  it('refuses a release with nothing under Unreleased, or a version it already has', () => {
    const empty = rollChangelog(log, '0.2.0', '2026-12-24');
    expect(() => rollChangelog(empty, '0.3.0', '2026-12-25')).toThrow(/nothing under \[Unreleased\]/);
    expect(() => rollChangelog(log, '0.1.0', '2026-12-24')).toThrow(/already has/);
    expect(() => rollChangelog('# Changelog\n', '0.2.0', '2026-12-24')).toThrow(/no "## \[Unreleased\]"/);
  });

  it('CHANGELOG.md follows Keep a Changelog: Unreleased first, then versions newest first with dates', () => {
    const text = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    const heads = [...text.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map((m) => [m[1], m[2]]);
    expect(heads[0]).toEqual(['Unreleased', undefined]);
    const versions = heads.slice(1);
    expect(versions.length).toBeGreaterThan(0);
    for (const [v, d] of versions) {
      expect(v).toMatch(/^\d+\.\d+\.\d+$/);
      expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const dates = versions.map(([, d]) => d ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const sub of text.matchAll(/^### (.+)$/gm)) {
      expect(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']).toContain(sub[1]);
    }
    // The version in package.json is released in the changelog (or the next release is being prepared).
    const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(versions.map(([v]) => v)).toContain(version);
  });
});

describe('release: sources archive', () => {
  const good = [
    'package.json',
    'package-lock.json',
    'wxt.config.ts',
    'tsconfig.json',
    'BUILD.md',
    'LICENSE',
    'entrypoints/background/index.ts',
    'lib/money/index.ts',
    'components/Overview.tsx',
    'public/icon/128.png',
  ];

  it('accepts what builds the extension', () => {
    expect(sourcesProblems(good)).toEqual([]);
  });

  it('rejects tests, fixtures, keys, hidden files, tools and build output', () => {
    for (const bad of [
      'tests/e2e/certs/key.pem',
      'tests/lib/money/parse.test.ts',
      'lib/detect/fixtures/page.html',
      'certs/server.key',
      'secret.pem',
      '.env',
      'lib/.DS_Store',
      'node_modules/wxt/package.json',
      '.output/firefox-mv3/manifest.json',
      'scripts/release.ts',
      'bench/run.ts',
      'docs/screenshots/en-popup.png',
      'lib/money/parse.spec.ts',
      'subkeeper-1.0.0-firefox.zip',
    ]) {
      expect(sourcesProblems([...good, bad]), bad).toHaveLength(1);
    }
  });

  it('notices a missing build file', () => {
    expect(sourcesProblems(good.filter((f) => f !== 'package-lock.json'))).toEqual(['package-lock.json: missing']);
  });

  it("recognises the test build's hook in a minified bundle", () => {
    expect(TEST_HOOK.test('Object.assign(globalThis,{subkeeper:{db:e,resync:()=>n.resync()}})')).toBe(true);
    expect(TEST_HOOK.test('let t=`subkeeper-reminders`;e.alarms.create(t,{when:n})')).toBe(false);
  });
});

describe('licence', () => {
  it('LICENSE is the MIT licence that package.json names', () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).license).toBe('MIT');
    const license = readFileSync(path.join(ROOT, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4}/);
    expect(license).toContain('Permission is hereby granted, free of charge');
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS"');
  });
});
