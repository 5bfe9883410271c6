/**
 * Writes `lib/directory/hosts.generated.ts`, the compact domain list used by `isKnownHost`.
 * Run: `npx tsx lib/directory/generate-hosts.ts` (after any change to `lib/directory/data/*.json`).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderHostsModule } from './hosts-render';
import { allServices } from './index';

const target = fileURLToPath(new URL('./hosts.generated.ts', import.meta.url));
const source = renderHostsModule(allServices().flatMap((s) => s.domains));
writeFileSync(target, source);
console.log(`wrote ${target} (${Buffer.byteLength(source)} bytes)`);
