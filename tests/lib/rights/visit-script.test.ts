import { describe, expect, it } from 'vitest';
import { isKnownHost, knownHosts } from '../../../lib/directory/hosts';
import {
  applyVisitScript,
  type RegisteredScript,
  type ScriptingApi,
  VISIT_SCRIPT_FILE,
  VISIT_SCRIPT_ID,
  visitScriptMatches,
} from '../../../lib/rights/visit-script';

/** The browser's registry of dynamic content scripts, in memory, with the errors the real one raises. */
function fakeScripting() {
  const registered = new Map<string, RegisteredScript>();
  const calls: string[] = [];
  const api: ScriptingApi = {
    async getRegisteredContentScripts(filter) {
      return [...registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id));
    },
    async registerContentScripts(scripts) {
      calls.push('register');
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, { id: s.id, js: [...s.js], matches: [...s.matches] });
      }
    },
    async unregisterContentScripts(filter) {
      calls.push('unregister');
      for (const id of filter?.ids ?? []) {
        if (!registered.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
      }
    },
  };
  return { api, registered, calls };
}

describe('the days-of-use script', () => {
  it('matches every directory site and its subdomains, over https only', () => {
    const hosts = knownHosts();
    expect(hosts.length).toBeGreaterThan(300);
    expect(hosts.every((h) => isKnownHost(h))).toBe(true);
    const matches = visitScriptMatches();
    expect(matches).toContain('https://*.netflix.com/*');
    expect(matches).toContain('https://*.vg.no/*');
    expect(matches.every((m) => m.startsWith('https://*.') && m.endsWith('/*'))).toBe(true);
    expect(new Set(matches).size).toBe(matches.length);
  });

  it('is registered only while counting is on, and removed when it is turned off', async () => {
    const { api, registered, calls } = fakeScripting();
    expect(await applyVisitScript(api, false)).toBe('unchanged');
    expect(registered.size).toBe(0);
    expect(await applyVisitScript(api, true)).toBe('registered');
    expect(registered.get(VISIT_SCRIPT_ID)).toMatchObject({ js: [VISIT_SCRIPT_FILE] });
    expect(registered.get(VISIT_SCRIPT_ID)?.matches).toEqual(visitScriptMatches());
    // Settings writes that leave it on change nothing (no duplicate registration).
    expect(await applyVisitScript(api, true)).toBe('unchanged');
    expect(calls).toEqual(['register']);
    expect(await applyVisitScript(api, false)).toBe('removed');
    expect(registered.size).toBe(0);
    expect(await applyVisitScript(api, false)).toBe('unchanged');
  });

  it('replaces a registration from a version with other sites', async () => {
    const { api, registered } = fakeScripting();
    await applyVisitScript(api, true, ['https://*.old.example/*']);
    expect(await applyVisitScript(api, true)).toBe('updated');
    expect(registered.get(VISIT_SCRIPT_ID)?.matches).toEqual(visitScriptMatches());
  });
});
