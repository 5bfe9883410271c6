import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import linter from 'addons-linter';
import JSZip from 'jszip';
import { minimumFirefoxFor } from './firefox-compat';

/**
 * Lints the Firefox build (a directory or a .zip) the way addons.mozilla.org does, with Mozilla's addons-linter,
 * and checks that `strict_min_version` is exactly the oldest Firefox that supports what the build uses.
 *
 *   npm run lint:firefox [-- .output/firefox-mv3 | .output/subkeeper-1.2.3-firefox.zip]
 *
 * Fails on any linter error, on any warning not in KNOWN below, and on a wrong `strict_min_version`.
 */

export interface LinterMessage {
  code: string;
  message: string;
  description?: string | string[];
  file?: string;
  line?: number;
  column?: number;
}

export interface Known {
  code: string;
  file?: RegExp;
  message?: RegExp;
  /** The built code around the reported line and column must match this (so only that very construct passes). */
  at?: RegExp;
  why: string;
}

/**
 * Warnings that are understood and accepted, each with its reason. A warning matches when its code matches and,
 * if given, its file, its message and the code at its position match too. Anything else fails the check.
 */
export const KNOWN: readonly Known[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^detector\.js$/,
    at: /import\(\w+\(`\/page-reader\.js`\)\)/,
    why:
      "import(browser.runtime.getURL('/page-reader.js')): the content script loads the extension's own page reader " +
      'only after its gate fired; the URL is the extension’s own file, never page input.',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /\.js$/,
    message: /innerHTML/,
    at: /dangerouslySetInnerHTML[\s\S]{0,300}\.innerHTML=\w+\.__html/,
    why:
      "Preact's renderer sets innerHTML only for dangerouslySetInnerHTML, which Subkeeper never uses (Biome's " +
      'noDangerouslySetInnerHtml rule is on; page text is always rendered as text).',
  },
  {
    code: 'DANGEROUS_EVAL',
    file: /\.js$/,
    at: /jitless[\s\S]{0,160}Function\(``\)/,
    why:
      "zod's probe `Function('')` for its JIT; lib/model sets z.config({ jitless: true }), so it never runs (and the " +
      "extension's CSP forbids eval anyway).",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /(^|\/)(mail-job|mail-worker)-[\w-]+\.js$/,
    message: /innerHTML/,
    at: /createElement\(``\);\w+\.innerHTML=\w+[;,](let\{firstChild:|this\.replaceWith)/,
    why:
      "linkedom's own elements (the mail import reads a mail's HTML into linkedom's document, in a Web Worker or " +
      'the dashboard’s fallback): its innerHTML setter parses into plain objects, never into the page’s DOM, and ' +
      'nothing in it runs scripts or loads anything.',
  },
  {
    code: 'DANGEROUS_EVAL',
    file: /^background\.js$/,
    at: /Object\.prototype\.hasOwnProperty\.call\(\w+,\w+\)&&\(\w+\.push\(\w+\),\w+\.push\(\w+\[\w+\]\)\);return \w+\.push\(\w+\),Function\.apply\(null,\w+\)/,
    why:
      "PouchDB's scopeEval, used only for design-document filter and view functions given as strings; household sync " +
      'replicates with no filter and no views, and the extension’s CSP forbids eval anyway.',
  },
  {
    code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
    message: /data_collection_permissions/,
    why:
      'Subkeeper is released for desktop Firefox only (no gecko_android key, Android not enabled on ' +
      "addons.mozilla.org): Android's minimum does not apply.",
  },
];

export interface FirefoxLintResult {
  errors: LinterMessage[];
  /** Warnings and notices not in KNOWN. */
  unexpected: LinterMessage[];
  /** Warnings in KNOWN, with the reason. */
  accepted: { message: LinterMessage; why: string }[];
  strictMinVersion: string | undefined;
  /** The minimum the build needs, and what sets it. */
  needed: { version: string; because: string[]; unsupported: string[] };
  ok: boolean;
}

/** The built code around a message's position (300 characters either side), or '' when it has none. */
function codeAt(m: LinterMessage, read: (file: string) => string | undefined): string {
  if (!m.file || m.line === undefined) return '';
  const line = read(m.file)?.split('\n')[m.line - 1] ?? '';
  const col = m.column ?? 0;
  return line.slice(Math.max(0, col - 300), col + 300);
}

export function knownReason(m: LinterMessage, read: (file: string) => string | undefined): string | undefined {
  return KNOWN.find(
    (k) =>
      k.code === m.code &&
      (!k.file || (m.file !== undefined && k.file.test(m.file))) &&
      (!k.message || k.message.test(`${m.message} ${[m.description ?? ''].flat().join(' ')}`)) &&
      (!k.at || k.at.test(codeAt(m, read))),
  )?.why;
}

/** Runs the linter on `target` (a built directory or a zip) and checks the version against the source in `root`. */
export async function lintFirefox(target: string, root: string, manifestText?: string): Promise<FirefoxLintResult> {
  const instance = linter.createInstance({
    config: {
      _: [target],
      logLevel: 'fatal',
      stack: false,
      pretty: false,
      warningsAsErrors: false,
      metadata: false,
      output: 'none',
      boring: true,
      selfHosted: false,
    },
    runAsBinary: false,
  });
  const result = (await instance.run()) as {
    errors: LinterMessage[];
    warnings: LinterMessage[];
    notices: LinterMessage[];
  };
  // The built files, to look at the code a warning points to.
  const zip = target.endsWith('.zip') ? await JSZip.loadAsync(readFileSync(target)) : undefined;
  const texts = new Map<string, string | undefined>();
  for (const m of [...result.warnings, ...result.notices]) {
    if (!m.file || texts.has(m.file)) continue;
    const file = m.file;
    texts.set(
      file,
      zip
        ? await zip.file(file)?.async('string')
        : existsSync(path.join(target, file))
          ? readFileSync(path.join(target, file), 'utf8')
          : undefined,
    );
  }
  const accepted: FirefoxLintResult['accepted'] = [];
  const unexpected: LinterMessage[] = [];
  for (const m of [...result.warnings, ...result.notices]) {
    const why = knownReason(m, (f) => texts.get(f));
    if (why) accepted.push({ message: m, why });
    else unexpected.push(m);
  }
  const manifest = JSON.parse(manifestText ?? readFileSync(path.join(target, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { strict_min_version?: string } };
  };
  const strictMinVersion = manifest.browser_specific_settings?.gecko?.strict_min_version;
  const min = minimumFirefoxFor(manifest as Record<string, unknown>, root);
  const needed = {
    version: min.version,
    because: min.because.map((r) => r.what),
    unsupported: min.unsupported.map((r) => r.what),
  };
  const ok =
    result.errors.length === 0 &&
    unexpected.length === 0 &&
    strictMinVersion === needed.version &&
    needed.unsupported.length === 0;
  return { errors: result.errors, unexpected, accepted, strictMinVersion, needed, ok };
}

function describe(m: LinterMessage): string {
  const where = m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '';
  return `${m.code}${where}: ${m.message}`;
}

async function main() {
  const root = path.resolve(import.meta.dirname, '..');
  const target = path.resolve(process.argv[2] ?? path.join(root, '.output/firefox-mv3'));
  let manifestText: string | undefined;
  if (target.endsWith('.zip')) {
    const zip = await JSZip.loadAsync(readFileSync(target));
    const entry = zip.file('manifest.json');
    if (!entry) throw new Error(`${target} has no manifest.json`);
    manifestText = await entry.async('string');
  }
  const r = await lintFirefox(target, root, manifestText);
  console.log(`addons-linter on ${path.relative(process.cwd(), target) || target}`);
  for (const m of r.errors) console.log(`  error    ${describe(m)}`);
  for (const m of r.unexpected) console.log(`  warning  ${describe(m)}`);
  for (const a of r.accepted) console.log(`  accepted ${describe(a.message)}\n           why: ${a.why}`);
  console.log(
    `  strict_min_version ${r.strictMinVersion ?? '(none)'}; needed ${r.needed.version} for ${r.needed.because.join(', ')}`,
  );
  for (const u of r.needed.unsupported) console.log(`  not in Firefox at all: ${u}`);
  console.log(
    `  ${r.errors.length} errors, ${r.unexpected.length} unexpected warnings, ${r.accepted.length} accepted warnings: ${r.ok ? 'ok' : 'FAILED'}`,
  );
  if (!r.ok) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
