import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { privacyMarkdown } from '../lib/privacy';

/** Writes PRIVACY.md from lib/privacy/*.json (the same texts the extension's privacy page shows). */
const out = path.resolve(import.meta.dirname, '../PRIVACY.md');
writeFileSync(out, privacyMarkdown());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
