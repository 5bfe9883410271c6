/**
 * Runs a command-line tool (scripts/<name>.ts) compiled: the first run, and any run after a source changed, bundles
 * it with esbuild into node_modules/.cache/subkeeper-cli/<name>.mjs (our code in one file, packages loaded by Node);
 * later runs start that file directly, without a TypeScript loader. `npm run detect` goes through here.
 *
 *   node scripts/cli.mjs <name> [args…]
 */
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...rest] = process.argv.slice(2);
if (!name || !/^[a-z-]+$/.test(name)) {
  process.stderr.write('usage: node scripts/cli.mjs <name> [args…]\n');
  process.exit(2);
}
const entry = join(ROOT, 'scripts', `${name}.ts`);
const outDir = join(ROOT, 'node_modules', '.cache', 'subkeeper-cli');
const out = join(outDir, `${name}.mjs`);

/** The newest modification time of the sources a tool is built from (lib/, the script, package.json). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(join(ROOT, 'lib'));
  for (const f of [entry, join(ROOT, 'package.json'), join(ROOT, 'scripts', 'cli.mjs')]) {
    newest = Math.max(newest, statSync(f).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(out).mtimeMs;
  } catch {
    return 0;
  }
}

if (builtAt() < newestSource()) {
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  // Built beside and renamed into place: two runs building at once never load a half-written file.
  const tmp = `${out}.${process.pid}.tmp`;
  await build({
    entryPoints: [entry],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    // Code that tests `import.meta.dirname` keeps working from the cache folder.
    define: { 'import.meta.dirname': JSON.stringify(join(ROOT, 'scripts')) },
  });
  renameSync(tmp, out);
}
process.argv = [process.argv[0], entry, ...rest];
await import(pathToFileURL(out).href);
