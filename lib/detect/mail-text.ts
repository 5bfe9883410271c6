/**
 * A plain-text message body read as page data: one line per text line, and the links written in the text
 * (`Manage your subscription: https://…`, `Pay invoice ( https://… )`, `Si opp <https://…>`, a URL on the line
 * after its label). Pure; bounded like the page reader (lib/detect/dom.ts LIMITS).
 */
import { emptyPage, LIMITS, type LinkInfo, type PageData } from './dom';
import { cleanText } from './text';

const URL_RE = /<?(https?:\/\/[^\s<>()"]+)>?/g;

/** Text of a line with its URLs (and the brackets around them) taken out. */
function withoutUrls(line: string): string {
  return line
    .replace(/\(\s*https?:\/\/[^\s)]*\s*\)/g, ' ')
    .replace(URL_RE, ' ')
    .replace(/[\s:–—-]+$/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

export function pageFromText(text: string): PageData {
  const out = emptyPage();
  let chars = 0;
  const raw = (text ?? '').replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < raw.length; i++) {
    if (out.lines.length >= LIMITS.lines || chars >= LIMITS.textChars) {
      out.truncated = true;
      break;
    }
    const line = cleanText(raw[i] as string)
      .trim()
      .slice(0, LIMITS.lineChars);
    // Rules of dashes or stars (`------`, `*****`) only underline the line before.
    if (line.length === 0 || /^[-=*_~#]{3,}$/.test(line)) continue;
    const index = out.lines.length;
    const label = withoutUrls(line);
    URL_RE.lastIndex = 0;
    for (let m = URL_RE.exec(line); m && out.links.length < LIMITS.links; m = URL_RE.exec(line)) {
      const href = (m[1] as string).replace(/[.,;]+$/, '');
      // A URL alone on its line belongs to the label on the line before (`Manage subscription:` / `https://…`).
      const prev = out.lines[index - 1];
      const text = label || (prev && prev.text.length <= 80 ? withoutUrls(prev.text) : '');
      out.links.push({ href, text: text.slice(0, 300), line: index } satisfies LinkInfo);
    }
    const shown = label || line;
    if (label.length === 0 && /^https?:\/\//.test(line)) continue;
    chars += shown.length;
    out.lines.push({ text: shown, groups: [], heading: 0, section: -1, button: false, selected: false });
  }
  return out;
}
