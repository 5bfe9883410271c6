import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import bcd from '@mdn/browser-compat-data/forLegacyNode';

/**
 * The oldest desktop Firefox that supports everything the Firefox build uses, from MDN's browser-compat-data
 * (the data addons-linter and addons.mozilla.org check against): every manifest key and value, every permission's
 * API namespace, and every `browser.<namespace>.<member>` the source calls. `strict_min_version` must equal it:
 * lower lets Firefox install a build that cannot work, higher shuts out users for nothing.
 */

export interface Requirement {
  /** What needs it, e.g. `manifest browser_specific_settings.gecko.data_collection_permissions`. */
  what: string;
  /** The first desktop Firefox version with it, e.g. "140"; null when Firefox has it not at all. */
  firefox: string | null;
}

type CompatNode = { __compat?: { support?: { firefox?: unknown } } } & { [key: string]: CompatNode | undefined };

/** The first version with full support, from a BCD support statement (flags, prefixes and partial ones skipped). */
function firstVersion(statement: unknown): string | null {
  const list = (Array.isArray(statement) ? statement : [statement]) as Array<Record<string, unknown> | undefined>;
  for (const s of list) {
    if (!s || s.flags || s.prefix || s.alternative_name || s.partial_implementation || s.version_removed) continue;
    const v = s.version_added;
    if (typeof v === 'string') return v.replace(/^≤/, '');
  }
  return null;
}

function firefoxOf(node: CompatNode | undefined): string | null | undefined {
  const support = node?.__compat?.support;
  if (!support) return undefined;
  return firstVersion(support.firefox);
}

function child(node: CompatNode | undefined, key: string): CompatNode | undefined {
  if (!node || key === '__compat' || !Object.hasOwn(node, key)) return undefined;
  return node[key];
}

const data = bcd as unknown as { webextensions: { manifest: CompatNode; api: CompatNode } };

/** What each manifest key, value and permission needs. Keys BCD does not list (name, version…) need nothing. */
export function manifestRequirements(manifest: Record<string, unknown>): Requirement[] {
  const out: Requirement[] = [];
  const add = (what: string, node: CompatNode | undefined) => {
    const v = firefoxOf(node);
    if (v !== undefined) out.push({ what, firefox: v });
  };
  const walk = (value: unknown, node: CompatNode | undefined, at: string) => {
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object') walk(item, node, at);
      return;
    }
    if (!value || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value)) {
      const n = child(node, key);
      if (!n) continue;
      const where = at ? `${at}.${key}` : key;
      add(`manifest ${where}`, n);
      walk(v, n, where);
    }
  };
  walk(manifest, data.webextensions.manifest, '');
  const version = manifest.manifest_version;
  add(
    `manifest manifest_version ${version}`,
    child(child(data.webextensions.manifest, 'manifest_version'), `v${version}`),
  );
  const permissions = child(data.webextensions.manifest, 'permissions');
  for (const p of (manifest.permissions as string[] | undefined) ?? []) {
    add(`permission ${p}`, child(permissions, p));
    add(`API browser.${p}`, child(data.webextensions.api, p));
  }
  return out;
}

/** What each `browser.<namespace>.<member>` (or `chrome.…`) in the source needs. */
export function apiRequirements(sources: readonly string[]): Requirement[] {
  const seen = new Map<string, Requirement>();
  for (const text of sources) {
    for (const m of text.matchAll(/\b(?:browser|chrome)\.([a-zA-Z]+)\.([a-zA-Z]+)/g)) {
      const [, ns, member] = m as unknown as [string, string, string];
      const key = `${ns}.${member}`;
      if (seen.has(key)) continue;
      const v = firefoxOf(child(child(data.webextensions.api, ns), member));
      if (v !== undefined) seen.set(key, { what: `API browser.${key}`, firefox: v });
    }
  }
  return [...seen.values()];
}

/** Numeric comparison of dotted versions ("140" > "128.0"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface MinimumFirefox {
  /** e.g. "140.0" */
  version: string;
  /** The requirements that set it. */
  because: Requirement[];
  /** Used but not supported in Firefox at all. */
  unsupported: Requirement[];
}

export function minimumFirefox(requirements: readonly Requirement[]): MinimumFirefox {
  let top = '0';
  for (const r of requirements) if (r.firefox !== null && compareVersions(r.firefox, top) > 0) top = r.firefox;
  const version = top.includes('.') ? top : `${top}.0`;
  return {
    version,
    because: requirements.filter((r) => r.firefox !== null && compareVersions(r.firefox, top) === 0),
    unsupported: requirements.filter((r) => r.firefox === null),
  };
}

/** The source files whose browser API calls end up in the build (entrypoints, lib, components). */
export function readSources(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) visit(p);
      else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(readFileSync(p, 'utf8'));
    }
  };
  for (const dir of ['entrypoints', 'lib', 'components']) visit(path.join(root, dir));
  return out;
}

/** The minimum for a built Firefox manifest and the project's source. */
export function minimumFirefoxFor(manifest: Record<string, unknown>, root: string): MinimumFirefox {
  return minimumFirefox([...manifestRequirements(manifest), ...apiRequirements(readSources(root))]);
}
