import { LANGUAGES, LOCALES } from '../i18n/translate';
import type { Language } from '../model';
import da from './da.json';
import en from './en.json';
import nb from './nb.json';
import sv from './sv.json';

/**
 * The privacy policy, in four languages, as data: the extension's privacy page (entrypoints/privacy) renders it,
 * and PRIVACY.md in the repository is generated from it (`npm run privacy`), so the two never differ.
 * Texts are plain text: never HTML, never Markdown.
 */

/** When the policy's content last changed (shown on the page and in PRIVACY.md). Change it with the texts. */
export const POLICY_CHANGED = '2026-12-06';

/** A permission the extension asks for, or `host` for its content script's access to the pages you visit. */
export interface PermissionEntry {
  key: string;
  /** What the browser calls it, in plain words. */
  name: string;
  /** Why Subkeeper needs it. */
  why: string;
}

export type Block = { p: string } | { list: string[] } | { permissions: PermissionEntry[] };

export interface PolicySection {
  id: string;
  heading: string;
  blocks: Block[];
}

export interface Policy {
  languageName: string;
  title: string;
  /** "Last changed {date}." */
  updated: string;
  summary: string;
  sections: PolicySection[];
}

export const POLICIES: Record<Language, Policy> = { en, nb, sv, da };

/** The date the policy last changed, written the way the language writes dates ("6 December 2026"). */
export function policyDate(lang: Language, iso = POLICY_CHANGED): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** The "Last changed …" line for one language. */
export function updatedLine(lang: Language): string {
  return POLICIES[lang].updated.replace('{date}', policyDate(lang));
}

/** Every permission key the policy explains (the same in every language; a test holds them to the manifest). */
export function explainedPermissions(lang: Language): string[] {
  return POLICIES[lang].sections.flatMap((s) =>
    s.blocks.flatMap((b) => ('permissions' in b ? b.permissions.map((p) => p.key) : [])),
  );
}

function markdownBlock(b: Block): string {
  if ('p' in b) return b.p;
  if ('list' in b) return b.list.map((item) => `- ${item}`).join('\n');
  return b.permissions.map((p) => `- **${p.name}**${p.key === 'host' ? '' : ` (\`${p.key}\`)`}: ${p.why}`).join('\n');
}

/** PRIVACY.md: the policy in English, then Norwegian, Swedish and Danish, generated from the same data. */
export function privacyMarkdown(): string {
  const out: string[] = [
    '<!-- Generated from lib/privacy/*.json by `npm run privacy`; edit those files, not this one. -->',
    '',
  ];
  out.push(`# ${POLICIES.en.title}`, '');
  out.push(
    LANGUAGES.map((l) => `[${POLICIES[l].languageName}](#${anchor(POLICIES[l].title)})`).join(' · '),
    '',
    'The same policy is in the extension: Settings → About → Privacy policy.',
    '',
  );
  LANGUAGES.forEach((lang, i) => {
    const p = POLICIES[lang];
    if (i > 0) out.push(`## ${p.title}`, '');
    out.push(`*${updatedLine(lang)}*`, '', p.summary, '');
    for (const s of p.sections) {
      out.push(`${i > 0 ? '###' : '##'} ${s.heading}`, '');
      for (const b of s.blocks) out.push(markdownBlock(b), '');
    }
  });
  return `${out.join('\n').trimEnd()}\n`;
}

/** GitHub's heading anchor: lower case, spaces to hyphens, punctuation dropped (letters of any script kept). */
export function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}
