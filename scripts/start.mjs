/**
 * `npm start`: builds the extension (Chrome MV3 and Firefox), builds the dashboard as a static site with demo
 * data, and serves it on http://localhost:PORT (PORT env, default 4173). Needs no display.
 */
import { execSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'dist/web');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

run('npm run --silent build');
run('npm run --silent build:web');
run(`npm run --silent demo-data -- --subscriptions 40 --charges 900 --out ${path.join(web, 'demo-backup.json')}`);

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
const port = Number(process.env.PORT ?? 4173);
createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let file = path.normalize(path.join(web, decodeURIComponent(url.pathname)));
  if (!file.startsWith(web)) return res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!existsSync(file)) return res.writeHead(404).end('not found');
  res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => {
  console.log(`
Subkeeper is built.
  Dashboard with demo data:  http://localhost:${port}/
  Chrome extension:          ${path.join(root, '.output/chrome-mv3')}
      chrome://extensions → Developer mode → Load unpacked → choose that folder
  Firefox extension:         ${path.join(root, '.output/firefox-mv3')}
      about:debugging#/runtime/this-firefox → Load Temporary Add-on → choose manifest.json there
Press Ctrl+C to stop the server.`);
});
