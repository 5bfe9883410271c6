// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allServices, lookupHost } from '../../../lib/directory';
import { isKnownHost } from '../../../lib/directory/hosts';
import { renderHostsModule } from '../../../lib/directory/hosts-render';

const generatedPath = new URL('../../../lib/directory/hosts.generated.ts', import.meta.url);

describe('hosts.generated.ts', () => {
  it('is up to date with the data (run `npx tsx scripts/generate-hosts.ts`)', () => {
    const expected = renderHostsModule(allServices().flatMap((s) => s.domains));
    expect(readFileSync(generatedPath, 'utf8')).toBe(expected);
  });

  it('stays small and does not import the JSON data', () => {
    const source = readFileSync(generatedPath, 'utf8');
    const hostsSource = readFileSync(new URL('../../../lib/directory/hosts.ts', import.meta.url), 'utf8');
    console.log(`hosts.generated.ts: ${Buffer.byteLength(source)} bytes`);
    expect(Buffer.byteLength(source)).toBeLessThan(20_000);
    expect(source).not.toMatch(/^import /m);
    const imports = hostsSource.match(/from '[^']+'/g) ?? [];
    expect(imports.sort()).toEqual(["from './hostname'", "from './hosts.generated'"]);
  });
});

describe('isKnownHost', () => {
  it('knows service domains, subdomains and country domains', () => {
    expect(isKnownHost('netflix.com')).toBe(true);
    expect(isKnownHost('www.netflix.com')).toBe(true);
    expect(isKnownHost('account.storytel.com')).toBe(true);
    expect(isKnownHost('help.viaplay.no')).toBe(true);
    expect(isKnownHost('WWW.HELLOFRESH.SE.:443')).toBe(true);
  });

  it('rejects look-alikes and unknown sites', () => {
    expect(isKnownHost('netflix.com.evil.example')).toBe(false);
    expect(isKnownHost('notnetflix.com')).toBe(false);
    expect(isKnownHost('example.com')).toBe(false);
    expect(isKnownHost('com')).toBe(false);
    expect(isKnownHost('')).toBe(false);
  });

  it('agrees with lookupHost', () => {
    const hosts = ['zzz.example', 'aaa.example', 'localhost', ...allServices().flatMap((s) => s.domains)];
    for (const h of hosts) {
      expect(isKnownHost(h), h).toBe(lookupHost(h) !== undefined);
      expect(isKnownHost(`x.${h}`), `x.${h}`).toBe(lookupHost(`x.${h}`) !== undefined);
      expect(isKnownHost(`${h}x`), `${h}x`).toBe(lookupHost(`${h}x`) !== undefined);
    }
  });
});
