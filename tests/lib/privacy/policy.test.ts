// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../lib/i18n';
import {
  type Block,
  explainedPermissions,
  POLICIES,
  policyDate,
  privacyMarkdown,
  updatedLine,
} from '../../../lib/privacy';
import config from '../../../wxt.config';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The manifest wxt.config.ts produces for a browser (the keys we declare; WXT adds entrypoints and icons). */
function declaredManifest(browser: 'chrome' | 'firefox'): { permissions?: string[]; content_scripts?: unknown[] } {
  const m = config.manifest;
  if (typeof m !== 'function') throw new Error('expected a manifest function');
  return m({ browser, manifestVersion: 3, mode: 'production', command: 'build' }) as never;
}

/** A block's shape without its words: what must be the same in every language. */
function shape(b: Block): string {
  if ('p' in b) return 'p';
  if ('list' in b) return `list×${b.list.length}`;
  return `permissions:${b.permissions.map((p) => p.key).join(',')}`;
}

describe('privacy policy', () => {
  it('has the same sections and blocks in every language (a translation cannot drop a statement)', () => {
    const en = POLICIES.en.sections.map((s) => `${s.id}[${s.blocks.map(shape).join(' ')}]`);
    for (const lang of LANGUAGES) {
      expect(POLICIES[lang].sections.map((s) => `${s.id}[${s.blocks.map(shape).join(' ')}]`)).toEqual(en);
    }
  });

  it('explains exactly the permissions the manifest asks for, plus page access for the content script', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const m = declaredManifest(browser);
      const expected = [...(m.content_scripts?.length ? ['host'] : []), ...(m.permissions ?? [])].sort();
      for (const lang of LANGUAGES) expect(explainedPermissions(lang).sort()).toEqual(expected);
    }
  });

  it('is plain text with every placeholder filled and no empty statement', () => {
    for (const lang of LANGUAGES) {
      const p = POLICIES[lang];
      const texts = [
        p.title,
        p.summary,
        ...p.sections.flatMap((s) => [
          s.heading,
          ...s.blocks.flatMap((b) =>
            'p' in b ? [b.p] : 'list' in b ? b.list : b.permissions.flatMap((x) => [x.name, x.why]),
          ),
        ]),
      ];
      for (const t of texts) {
        expect(t.trim().length).toBeGreaterThan(2);
        expect(t).not.toMatch(/[<>{}]/);
      }
      expect(updatedLine(lang)).not.toContain('{date}');
    }
  });

  it('writes the date the way each language does', () => {
    expect(policyDate('en', '2026-12-06')).toBe('6 December 2026');
    expect(policyDate('nb', '2026-12-06')).toBe('6. desember 2026');
    expect(policyDate('sv', '2026-12-06')).toBe('6 december 2026');
    expect(policyDate('da', '2026-12-06')).toBe('6. december 2026');
  });

  it('PRIVACY.md is the same policy (regenerate with npm run privacy)', () => {
    const md = readFileSync(path.join(ROOT, 'PRIVACY.md'), 'utf8');
    expect(md).toBe(privacyMarkdown());
    for (const lang of LANGUAGES) {
      expect(md).toContain(POLICIES[lang].summary);
      for (const s of POLICIES[lang].sections) expect(md).toContain(s.heading);
    }
  });
});
