import { knownHosts } from '../directory/hosts';

/**
 * The script that reports the start of a visit to a directory service's site, for the opt-in count of days of use
 * (./usage.ts, ./visit.ts). It is not in the manifest: the background registers it with the browser's `scripting`
 * API while counting is on and removes it when counting is off, so that with the feature off (the default) no page
 * runs any of it or sends anything, and the content script every https page runs carries none of it. A registered
 * script runs only where the extension has host access: the directory's sites, granted when counting was turned on.
 */
export const VISIT_SCRIPT_ID = 'subkeeper-visit';
export const VISIT_SCRIPT_FILE = 'visit.js';

/** `https://*.netflix.com/*` matches netflix.com and every subdomain; https only, like the content script. */
export function visitScriptMatches(hosts: readonly string[] = knownHosts()): string[] {
  return hosts.map((h) => `https://*.${h}/*`);
}

/**
 * What counting days of use needs from the browser, asked for (`permissions.request`) when the user turns it on and
 * given back when they turn it off: the `scripting` API, and access to the directory's sites only. Both are optional
 * in the manifest, so nobody who leaves counting off ever grants them.
 */
export function visitPermissions(): { permissions: ['scripting']; origins: string[] } {
  return { permissions: ['scripting'], origins: visitScriptMatches() };
}

export interface RegisteredScript {
  id: string;
  js?: string[];
  matches?: string[];
}

/** The part of the browser's `scripting` API this needs (Chrome and Firefox have the same shape). */
export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
  registerContentScripts(
    scripts: Array<{
      id: string;
      js: string[];
      matches: string[];
      runAt: 'document_idle';
      allFrames: boolean;
      persistAcrossSessions: boolean;
    }>,
  ): Promise<unknown>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
}

export type VisitScriptChange = 'registered' | 'updated' | 'removed' | 'unchanged';

/**
 * Brings the registration in step with the setting: registered (for the directory's sites as they are in this
 * version) when `on`, absent when not. Idempotent; an outdated registration (a new version with other sites) is
 * replaced.
 */
export async function applyVisitScript(
  scripting: ScriptingApi,
  on: boolean,
  matches: readonly string[] = visitScriptMatches(),
): Promise<VisitScriptChange> {
  const [current] = await scripting.getRegisteredContentScripts({ ids: [VISIT_SCRIPT_ID] });
  if (!on) {
    if (!current) return 'unchanged';
    await scripting.unregisterContentScripts({ ids: [VISIT_SCRIPT_ID] });
    return 'removed';
  }
  const same =
    current &&
    current.js?.length === 1 &&
    current.js[0]?.replace(/^\//, '') === VISIT_SCRIPT_FILE &&
    current.matches?.length === matches.length &&
    [...current.matches].sort().join(' ') === [...matches].sort().join(' ');
  if (same) return 'unchanged';
  if (current) await scripting.unregisterContentScripts({ ids: [VISIT_SCRIPT_ID] });
  await scripting.registerContentScripts([
    {
      id: VISIT_SCRIPT_ID,
      js: [VISIT_SCRIPT_FILE],
      matches: [...matches],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
  return current ? 'updated' : 'registered';
}
