/**
 * Writes `lib/directory/hosts.generated.ts`, the compact domain list used by `isKnownHost`.
 * Run: `npx tsx scripts/generate-hosts.ts` (after any change to `lib/directory/data/*.json`).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderHostsModule } from '../lib/directory/hosts-render';
import { allServices } from '../lib/directory/index';

const target = fileURLToPath(new URL('../lib/directory/hosts.generated.ts', import.meta.url));
const source = renderHostsModule(allServices().flatMap((s) => s.domains));
writeFileSync(target, source);
console.log(`wrote ${target} (${Buffer.byteLength(source)} bytes)`);
