import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { lintFirefox } from './lint-firefox';

/**
 * Makes a release: the next version in package.json, package-lock.json and CHANGELOG.md, then `wxt zip` for
 * Chrome and for Firefox (with the sources archive Firefox's review needs), checked before anything is called done.
 *
 *   npm run release -- <patch|minor|major|X.Y.Z> [--dry-run] [--out DIR] [--date YYYY-MM-DD] [--allow-dirty]
 *
 * --dry-run does all of it in a temporary copy of the working tree and leaves every file here as it was; the
 * packages go to --out (default .output/dry-run/). Without it the working tree must be clean (a release must be a
 * commit), the files are changed here and the packages go to .output/.
 *
 * Checks: the Chrome and Firefox manifests carry the new version; no package contains the test build's hook;
 * addons-linter passes on the Firefox package (scripts/lint-firefox.ts); the sources archive holds no tests,
 * fixtures, keys, tools or build output; and building Firefox from the unpacked sources gives the package's files
 * byte for byte.
 */

export type Bump = 'patch' | 'minor' | 'major';

const VERSION = /^(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})$/;

function parts(version: string): [number, number, number] {
  const m = VERSION.exec(version);
  if (!m) throw new Error(`not a version: ${version}`);
  const p = [Number(m[1]), Number(m[2]), Number(m[3])] as [number, number, number];
  // Chrome allows each part up to 65535.
  if (p.some((n) => n > 65535)) throw new Error(`${version}: each part must be at most 65535 (Chrome)`);
  return p;
}

/** The version after `current` for a bump or an explicit X.Y.Z (which must be higher). */
export function nextVersion(current: string, bump: string): string {
  const [major, minor, patch] = parts(current);
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'major') return `${major + 1}.0.0`;
  if (!VERSION.test(bump)) {
    throw new Error(
      `give patch, minor, major or a version like 1.2.3 (stores take no pre-release tags), not '${bump}'`,
    );
  }
  const next = parts(bump);
  const cur = [major, minor, patch];
  const cmp = next[0] - (cur[0] ?? 0) || next[1] - (cur[1] ?? 0) || next[2] - (cur[2] ?? 0);
  if (cmp <= 0) throw new Error(`${bump} is not higher than the current version ${current}`);
  return bump;
}

/**
 * CHANGELOG.md with the Unreleased section turned into `## [version] - date` and a new, empty Unreleased section
 * above it. Throws when Unreleased says nothing (a release needs its notes).
 */
export function rollChangelog(text: string, version: string, date: string): string {
  const head = /^## \[Unreleased\][^\n]*\n/m.exec(text);
  if (!head) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  const start = head.index + head[0].length;
  const nextHeading = text.slice(start).search(/^## /m);
  const body = nextHeading === -1 ? text.slice(start) : text.slice(start, start + nextHeading);
  if (!/^\s*[-*] \S/m.test(body)) {
    throw new Error('CHANGELOG.md: nothing under [Unreleased]; write what changed in this release first');
  }
  if (new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm').test(text)) {
    throw new Error(`CHANGELOG.md already has a section for ${version}`);
  }
  return `${text.slice(0, head.index)}## [Unreleased]\n\n## [${version}] - ${date}\n${text.slice(start)}`;
}

/** package.json with the new version (formatting kept: two spaces, final newline). */
export function withPackageVersion(text: string, version: string): string {
  const pkg = JSON.parse(text) as { version?: string };
  pkg.version = version;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** package-lock.json with the new version for the project itself (lockfile v2/v3). */
export function withLockVersion(text: string, version: string): string {
  const lock = JSON.parse(text) as { version?: string; packages?: Record<string, { version?: string }> };
  lock.version = version;
  const root = lock.packages?.[''];
  if (root) root.version = version;
  return `${JSON.stringify(lock, null, 2)}\n`;
}

/** Paths that must never be in the sources archive, and the files that must be. */
const FORBIDDEN: ReadonlyArray<[RegExp, string]> = [
  [
    /^(tests|bench|docs|scripts|web|dist|coverage|test-results|node_modules|\.output|\.wxt|\.git|\.ci)\//,
    'not needed to build',
  ],
  [/(^|\/)\.[^/]+/, 'a hidden file'],
  [/(^|\/)certs\//, 'a certificate folder'],
  [/\.(pem|key|crt|cer|p12|pfx|jks|keystore)$/i, 'a key or certificate'],
  [/\.(zip|xpi|crx|log)$/i, 'a package or log'],
  [/\.(test|spec)\.[cm]?[jt]sx?$/, 'a test'],
  [/(^|\/)fixtures\//, 'a test fixture'],
];
const REQUIRED = ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'BUILD.md', 'LICENSE'];

/** What is wrong with a sources archive's file list (empty when it is fine). */
export function sourcesProblems(files: readonly string[]): string[] {
  const problems: string[] = [];
  for (const f of files) {
    const hit = FORBIDDEN.find(([re]) => re.test(f));
    if (hit) problems.push(`${f}: ${hit[1]}`);
  }
  for (const r of REQUIRED) if (!files.includes(r)) problems.push(`${r}: missing`);
  for (const dir of ['entrypoints/', 'lib/', 'components/', 'public/']) {
    if (!files.some((f) => f.startsWith(dir))) problems.push(`${dir}: missing`);
  }
  return problems;
}

/** The worker's test hook, as the test build's minified background has it (`subkeeper:{db:…`). */
export const TEST_HOOK = /\bsubkeeper:\{db\b/;

async function readZip(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  }
  return out;
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  });
}

/** Directories a working copy never needs (rebuilt, installed or local). */
const NOT_COPIED = new Set(['.git', 'node_modules', '.output', '.wxt', 'dist', 'coverage', 'test-results']);

/** A copy of the working tree in a temporary folder, with node_modules linked (nothing is installed). */
export function workingCopy(root: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'subkeeper-release-'));
  for (const name of readdirSync(root)) {
    if (NOT_COPIED.has(name)) continue;
    cpSync(path.join(root, name), path.join(dir, name), { recursive: true });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  return dir;
}

function run(cwd: string, cmd: string, args: string[], quiet = false): string {
  // Builds as from a plain shell: a test runner's NODE_ENV=test (or its VITEST_* variables) changes what Vite
  // emits, and SUBKEEPER_OUT_DIR would move the output.
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k === 'NODE_ENV' || k === 'TEST' || k.startsWith('VITEST')) delete env[k];
  delete env.SUBKEEPER_OUT_DIR;
  return execFileSync(cmd, args, {
    cwd,
    env,
    encoding: 'utf8',
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32',
  });
}

export interface Packages {
  version: string;
  chrome: string;
  firefox: string;
  sources: string;
}

/** Bumps, zips and checks in `dir` (the repository, or a working copy for a dry run). */
export async function releaseIn(dir: string, bump: string, date: string, log = console.log): Promise<Packages> {
  const pkgPath = path.join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { name: string; version: string };
  const version = nextVersion(pkg.version, bump);
  const changelog = rollChangelog(readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8'), version, date);
  writeFileSync(pkgPath, withPackageVersion(readFileSync(pkgPath, 'utf8'), version));
  const lockPath = path.join(dir, 'package-lock.json');
  if (existsSync(lockPath)) writeFileSync(lockPath, withLockVersion(readFileSync(lockPath, 'utf8'), version));
  writeFileSync(path.join(dir, 'CHANGELOG.md'), changelog);
  log(`${pkg.name} ${pkg.version} → ${version}`);

  run(dir, 'npx', ['wxt', 'zip']);
  run(dir, 'npx', ['wxt', 'zip', '-b', 'firefox']);
  const out = path.join(dir, '.output');
  const packages: Packages = {
    version,
    chrome: path.join(out, `${pkg.name}-${version}-chrome.zip`),
    firefox: path.join(out, `${pkg.name}-${version}-firefox.zip`),
    sources: path.join(out, `${pkg.name}-${version}-sources.zip`),
  };
  await checkPackages(packages, dir, log);
  return packages;
}

/** Everything a package must be before it goes to a store; throws with the reasons. */
export async function checkPackages(p: Packages, dir: string, log = console.log): Promise<void> {
  const problems: string[] = [];
  const chrome = await readZip(p.chrome);
  const firefox = await readZip(p.firefox);
  for (const [name, files] of [
    ['chrome', chrome],
    ['firefox', firefox],
  ] as const) {
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as { version?: string };
    if (manifest.version !== p.version)
      problems.push(`${name}: manifest version ${manifest.version}, not ${p.version}`);
    for (const [file, content] of files) {
      if (file.endsWith('.js') && TEST_HOOK.test(content.toString('utf8')))
        problems.push(`${name}: ${file} has the test hook`);
    }
  }

  const lint = await lintFirefox(p.firefox, dir, firefox.get('manifest.json')?.toString('utf8'));
  if (!lint.ok) {
    problems.push(
      `firefox: addons-linter: ${[...lint.errors, ...lint.unexpected].map((m) => `${m.code} ${m.file ?? ''}`).join('; ') || `strict_min_version ${lint.strictMinVersion}, needed ${lint.needed.version}`}`,
    );
  }
  log(
    `addons-linter: ${lint.errors.length} errors, ${lint.unexpected.length} unexpected warnings (${lint.accepted.length} known)`,
  );

  const sources = await readZip(p.sources);
  for (const s of sourcesProblems([...sources.keys()])) problems.push(`sources: ${s}`);

  // Build Firefox from the unpacked sources and compare with the package, file by file.
  const unpacked = mkdtempSync(path.join(tmpdir(), 'subkeeper-sources-'));
  try {
    for (const [file, content] of sources) {
      mkdirSync(path.dirname(path.join(unpacked, file)), { recursive: true });
      writeFileSync(path.join(unpacked, file), content);
    }
    symlinkSync(path.join(dir, 'node_modules'), path.join(unpacked, 'node_modules'), 'junction');
    run(unpacked, 'npx', ['wxt', 'build', '-b', 'firefox'], true);
    const built = path.join(unpacked, '.output/firefox-mv3');
    const rebuilt = new Set(listFiles(built));
    for (const [file, content] of firefox) {
      if (!rebuilt.has(file)) problems.push(`sources: the rebuild has no ${file}`);
      else if (!readFileSync(path.join(built, file)).equals(content))
        problems.push(`sources: the rebuild's ${file} differs`);
    }
    for (const file of rebuilt) if (!firefox.has(file)) problems.push(`sources: the rebuild has an extra ${file}`);
    log(
      `sources: ${sources.size} files; Firefox rebuilt from them: ${problems.some((x) => x.includes('rebuild')) ? 'DIFFERENT' : 'identical'}`,
    );
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }

  if (problems.length > 0) throw new Error(`the packages are not ready:\n  ${problems.join('\n  ')}`);
}

function kb(file: string): string {
  return `${(statSync(file).size / 1024).toFixed(1)} KB`;
}

interface Args {
  bump: string;
  dryRun: boolean;
  allowDirty: boolean;
  out?: string;
  date: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Partial<Args> = { dryRun: false, allowDirty: false, date: new Date().toISOString().slice(0, 10) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--dry-run') args.dryRun = true;
    else if (a === '--allow-dirty') args.allowDirty = true;
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--date') args.date = argv[++i];
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else if (args.bump === undefined) args.bump = a;
    else throw new Error(`one version only (got '${args.bump}' and '${a}')`);
  }
  if (!args.bump) throw new Error('give patch, minor, major or a version like 1.2.3');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(args.date ?? '')) throw new Error(`--date takes YYYY-MM-DD, not '${args.date}'`);
  return args as Args;
}

async function main() {
  const root = path.resolve(import.meta.dirname, '..');
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`release: ${(e as Error).message}`);
    console.error('usage: npm run release -- <patch|minor|major|X.Y.Z> [--dry-run] [--out DIR] [--date YYYY-MM-DD]');
    process.exit(2);
  }
  if (!args.dryRun && !args.allowDirty && existsSync(path.join(root, '.git'))) {
    const dirty = run(root, 'git', ['status', '--porcelain'], true).trim();
    if (dirty) {
      console.error(`release: commit or stash your changes first (a release is built from a commit):\n${dirty}`);
      process.exit(1);
    }
  }
  const dir = args.dryRun ? workingCopy(root) : root;
  try {
    const p = await releaseIn(dir, args.bump, args.date);
    let files = [p.chrome, p.firefox, p.sources];
    if (args.dryRun) {
      const out = path.resolve(root, args.out ?? '.output/dry-run');
      mkdirSync(out, { recursive: true });
      files = files.map((f) => {
        const to = path.join(out, path.basename(f));
        cpSync(f, to);
        return to;
      });
    }
    console.log(`\nSubkeeper ${p.version}${args.dryRun ? ' (dry run: no file in the repository was changed)' : ''}:`);
    for (const f of files) console.log(`  ${path.relative(process.cwd(), f).padEnd(52)} ${kb(f).padStart(10)}`);
    if (!args.dryRun) {
      console.log(`\nNext: git commit -am "Release ${p.version}" && git tag v${p.version}`);
      console.log(
        'Then upload the chrome zip to the Chrome Web Store, and the firefox zip with the sources zip to AMO.',
      );
    }
  } catch (e) {
    console.error(`release: ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    if (args.dryRun) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
