// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../lib/i18n';
import config from '../../wxt.config';
import { pngSize } from '../png';

/** docs/store/<lang>.md: every field the stores ask for, within their limits, true to the manifest. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SECTIONS = [
  'Name',
  'Short description',
  'Promo tile tagline',
  'Long description',
  'Single purpose',
  'Permission justifications',
  'Data usage',
  'Privacy policy',
  'Screenshots',
  'Category',
];

function sections(lang: string): Map<string, string> {
  const md = readFileSync(path.join(ROOT, `docs/store/${lang}.md`), 'utf8');
  const out = new Map<string, string>();
  for (const part of md.split(/^## /m).slice(1)) {
    const nl = part.indexOf('\n');
    out.set(part.slice(0, nl).trim(), part.slice(nl + 1).trim());
  }
  return out;
}

function messages(locale: string): Record<string, { message: string }> {
  return JSON.parse(readFileSync(path.join(ROOT, `public/_locales/${locale}/messages.json`), 'utf8'));
}

function manifest(browser: 'chrome' | 'firefox'): {
  permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
} {
  const m = config.manifest;
  if (typeof m !== 'function') throw new Error('expected a manifest function');
  return m({ browser, manifestVersion: 3, mode: 'production', command: 'build' }) as never;
}

describe('store listings', () => {
  for (const lang of LANGUAGES) {
    describe(lang, () => {
      const s = sections(lang);

      it('has every section, in order', () => {
        expect([...s.keys()]).toEqual(SECTIONS);
        for (const [name, body] of s) expect(body.length, name).toBeGreaterThan(0);
      });

      it("has the manifest's name, and the manifest's description as the short description (≤ 132 characters)", () => {
        const m = messages(lang);
        expect(s.get('Name')).toBe(m.extName?.message);
        const short = s.get('Short description') ?? '';
        expect([...short].length).toBeLessThanOrEqual(132);
        expect(short).toBe(m.extDescription?.message);
      });

      it('has a long description within the stores’ limit that points to the privacy policy', () => {
        const long = s.get('Long description') ?? '';
        expect(long.length).toBeGreaterThan(800);
        expect(long.length).toBeLessThanOrEqual(16000);
        expect(long).toContain('PRIVACY.md');
        expect(s.get('Privacy policy')).toContain('(../../PRIVACY.md)');
      });

      it('justifies exactly the permissions the manifest asks for, page access and remote code', () => {
        const body = s.get('Permission justifications') ?? '';
        const headings = [...body.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
        const m = manifest('chrome');
        expect(headings).toEqual([
          ...(m.content_scripts?.length ? ['Host access (content script on http and https pages)'] : []),
          ...(m.permissions ?? []).map((p) => `\`${p}\``),
          ...(m.optional_host_permissions?.length || m.optional_permissions?.length
            ? ['Optional permissions (asked for when household sync or counting days of use is turned on)']
            : []),
          'Remote code',
        ]);
        for (const p of m.optional_permissions ?? []) expect(body).toContain(`\`${p}\``);
        for (const part of body.split(/^### /m).slice(1))
          expect(part.split('\n').slice(1).join(' ').trim().length).toBeGreaterThan(60);
      });

      it('lists at most five 1280×800 screenshots and the 440×280 promo tile, all committed', () => {
        const files = [...(s.get('Screenshots') ?? '').matchAll(/^- `([^`]+\.png)` — .+$/gm)].map((m) => m[1] ?? '');
        const shots = files.filter((f) => !f.includes('promo'));
        expect(shots.length).toBeGreaterThanOrEqual(1);
        expect(shots.length).toBeLessThanOrEqual(5);
        expect(files).toContain(`${lang}-promo-440x280.png`);
        for (const f of files) {
          expect(f.startsWith(`${lang}-`)).toBe(true);
          const file = path.join(ROOT, 'docs/store/screenshots', f);
          expect(existsSync(file), f).toBe(true);
          expect(pngSize(readFileSync(file))).toEqual(
            f.includes('promo') ? { width: 440, height: 280 } : { width: 1280, height: 800 },
          );
        }
      });
    });
  }

  it('commits no screenshot that no listing names', () => {
    const named = LANGUAGES.flatMap((l) =>
      [...(sections(l).get('Screenshots') ?? '').matchAll(/`([^`]+\.png)`/g)].map((m) => m[1]),
    );
    expect(readdirSync(path.join(ROOT, 'docs/store/screenshots')).sort()).toEqual(named.sort());
  });

  it("ships Norwegian as both 'nb' (Chrome and Firefox) and 'no' (Chrome Web Store)", () => {
    expect(messages('no')).toEqual(messages('nb'));
  });
});
