// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apiRequirements, compareVersions, manifestRequirements, minimumFirefox } from '../../scripts/firefox-compat';
import { KNOWN, knownReason } from '../../scripts/lint-firefox';

/** The minimum Firefox is computed from MDN's compatibility data, never typed in. */
describe('minimum Firefox version', () => {
  const base = {
    manifest_version: 3,
    name: 'x',
    version: '1.0.0',
    permissions: ['alarms', 'notifications'],
    background: { scripts: ['background.js'] },
    action: { default_popup: 'popup.html' },
  };

  it('is set by the newest key: Manifest V3 and action need 109; data_collection_permissions needs 140', () => {
    expect(minimumFirefox(manifestRequirements(base)).version).toBe('109.0');
    const declared = {
      ...base,
      browser_specific_settings: { gecko: { id: 'a@b', data_collection_permissions: { required: ['none'] } } },
    };
    const min = minimumFirefox(manifestRequirements(declared));
    expect(min.version).toBe('140.0');
    expect(min.because.map((r) => r.what)).toEqual([
      'manifest browser_specific_settings.gecko.data_collection_permissions',
    ]);
  });

  it('reports a key Firefox does not have at all', () => {
    const min = minimumFirefox(
      manifestRequirements({ ...base, web_accessible_resources: [{ resources: ['a.js'], use_dynamic_url: true }] }),
    );
    expect(min.unsupported.map((r) => r.what)).toContain('manifest web_accessible_resources.use_dynamic_url');
  });

  it('reads browser.<namespace>.<member> calls in the source', () => {
    const reqs = apiRequirements(['await browser.action.setBadgeText({ text })', 'browser.runtime.getURL("/x")']);
    expect(reqs.map((r) => r.what).sort()).toEqual(['API browser.action.setBadgeText', 'API browser.runtime.getURL']);
    expect(reqs.find((r) => r.what.includes('action'))?.firefox).toBe('109');
  });

  it('compares versions as numbers', () => {
    expect(compareVersions('140', '128.0')).toBeGreaterThan(0);
    expect(compareVersions('109.0', '109')).toBe(0);
    expect(compareVersions('99', '109')).toBeLessThan(0);
  });

  it('accepts only linter warnings that carry a reason', () => {
    for (const k of KNOWN) expect(k.why.length).toBeGreaterThan(40);
  });

  it("accepts an eval warning only at zod's disabled probe, not a real eval elsewhere", () => {
    const probe =
      'let a=1;let Ee=ue(()=>{if(xt.jitless||typeof navigator<`u`)return!1;try{return Function(``),!0}catch{return!1}});';
    const real = 'function run(e){return Function(`return `+e)()}';
    const warn = (column: number) => ({
      code: 'DANGEROUS_EVAL',
      message: 'The Function constructor is eval.',
      file: 'chunks/x.js',
      line: 1,
      column,
    });
    expect(knownReason(warn(probe.indexOf('Function')), () => probe)).toMatch(/zod/);
    expect(knownReason(warn(real.indexOf('Function')), () => real)).toBeUndefined();
    // An innerHTML warning far from Preact's dangerouslySetInnerHTML branch is not accepted either.
    const html = 'el.innerHTML=pageText';
    expect(
      knownReason(
        {
          code: 'UNSAFE_VAR_ASSIGNMENT',
          message: 'Unsafe assignment to innerHTML',
          file: 'chunks/y.js',
          line: 1,
          column: 3,
        },
        () => html,
      ),
    ).toBeUndefined();
  });
});
