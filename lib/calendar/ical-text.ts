/** iCalendar (RFC 5545) text rules: TEXT escaping, line folding at 75 octets, CRLF, date formats. */

export const CRLF = '\r\n';
/** Longest line, in octets, without its CRLF (RFC 5545 §3.1). */
export const MAX_LINE_OCTETS = 75;

/**
 * Escapes a TEXT value: backslash, semicolon and comma get a backslash; any line break becomes `\n`. Control
 * characters (not allowed in iCalendar text) are dropped, tabs kept.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line so no line is longer than 75 octets (UTF-8): continuation lines start with a space.
 * Never splits a character. Returns the lines joined with CRLF (no trailing CRLF).
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** `YYYY-MM-DD` → `YYYYMMDD` (a DATE value). */
export function icsDate(date: string): string {
  return date.replace(/-/g, '');
}

/** An ISO instant → `YYYYMMDDTHHMMSSZ` (a UTC DATE-TIME). Throws RangeError for text that is not an instant. */
export function icsUtcDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO timestamp: ${String(iso).slice(0, 40)}`);
  return new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}
