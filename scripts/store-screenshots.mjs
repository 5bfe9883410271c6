// Makes the store screenshots with the end-to-end test and copies them to docs/store/screenshots/ (the committed
// set). Look at them before committing.
//
//   npm run store:screenshots
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const FROM = path.join(ROOT, 'test-results/store');
const TO = path.join(ROOT, 'docs/store/screenshots');
const run = (cmd, args) =>
  execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });

rmSync(FROM, { recursive: true, force: true });
run('npm', ['run', 'build:e2e']);
run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', 'tests/e2e/store.test.ts']);
mkdirSync(TO, { recursive: true });
for (const f of readdirSync(TO)) if (f.endsWith('.png')) rmSync(path.join(TO, f));
const files = readdirSync(FROM).filter((f) => f.endsWith('.png'));
for (const f of files) copyFileSync(path.join(FROM, f), path.join(TO, f));
console.log(`copied ${files.length} screenshots to ${path.relative(ROOT, TO)}/`);
