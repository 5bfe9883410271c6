/**
 * A forwarded message read as the message it forwards. Someone who forwards a receipt to themselves or to the
 * household (Gmail's `---------- Forwarded message ---------` block, Outlook's `From: / Sent: / To: / Subject:`
 * block, Apple Mail's `Begin forwarded message:`) sends it from their own mailbox, under `Fwd:`: the service, the
 * subject and the day are the original's, written in the block. The note above the block is the forwarder's and is
 * left out. Labels and markers per client language are data (`mail.json` `forwarded`). Pure.
 */
import type { Line, PageData } from './dom';
import { dayOfDateHeader, dayOfShownDate, type MailAddress, type MailData } from './mail';
import data from './mail.json';

const F = data.forwarded;
const lower = (xs: readonly string[]) => xs.map((x) => x.toLowerCase());
const PREFIXES = new Set(lower(F.subjectPrefixes));
const MARKERS = lower(F.markers);
const FROM = new Set(lower(F.from));
const DATE = new Set(lower(F.date));
const SUBJECT = new Set(lower(F.subject));
const TO = new Set(lower(F.to));

/** How far into the body the block may start (a forwarder's note is short). */
const SEARCH_LINES = 60;

/** `Fwd: …`, `FW: …`, `VS: …`, `Vb: …` (also `Fwd: Re: …`). */
export function forwardSubject(subject: string): string | undefined {
  const m = /^\s*([\p{L}]{1,10})\s*:\s*(.*)$/u.exec(subject);
  if (!m || !PREFIXES.has((m[1] as string).toLowerCase())) return undefined;
  return (m[2] as string).trim();
}

/** `From: Name <a@b>` → ['from', 'Name <a@b>'] when the label is a header label of a forward block. */
function header(text: string): [string, string] | undefined {
  const m = /^\s*\*?([\p{L}]{1,10})\*?\s*:\s*(.*)$/u.exec(text);
  if (!m) return undefined;
  const label = (m[1] as string).toLowerCase();
  const kind = FROM.has(label)
    ? 'from'
    : DATE.has(label)
      ? 'date'
      : SUBJECT.has(label)
        ? 'subject'
        : TO.has(label)
          ? 'to'
          : undefined;
  return kind ? [kind, (m[2] as string).trim()] : undefined;
}

/** `Spotify < no-reply@spotify.com >`, `"Spotify" <no-reply@spotify.com>`, `no-reply@spotify.com`. */
function address(value: string): MailAddress | undefined {
  const m = /^(.*?)[\s]*<\s*([^\s<>@]+@[^\s<>@]+?)\s*>/.exec(value);
  if (m) {
    return { name: (m[1] as string).replace(/^["'\s]+|["'\s]+$/g, ''), address: (m[2] as string).toLowerCase() };
  }
  const bare = /([^\s<>@"']+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/.exec(value);
  if (!bare) return undefined;
  const name = value
    .replace(bare[0], '')
    .replace(/[[\]()<>"'|]/g, ' ')
    .trim();
  return { name, address: (bare[1] as string).toLowerCase() };
}

/** The body from line `start` on, every line index moved with it. */
function bodyFrom(page: PageData, start: number): PageData {
  const move = (i: number) => (i >= start ? i - start : -1);
  const lines: Line[] = page.lines.slice(start).map((l) => ({
    ...l,
    groups: l.groups.map((g) => (g && g[1] > start ? [Math.max(0, g[0] - start), g[1] - start] : null)),
    section: move(l.section),
  }));
  const links = page.links.filter((k) => k.line >= start).map((k) => ({ ...k, line: k.line - start }));
  return { ...page, lines, links };
}

/**
 * The message a forward carries, when `mail` is a forward with a readable block (an original sender at least);
 * else `mail` itself. `today` reads a shown date without a year.
 */
export function unforward(mail: MailData, today: string): MailData {
  const lines = mail.body.lines;
  const forwardedSubject = forwardSubject(mail.subject);
  for (let i = 0; i < lines.length && i < SEARCH_LINES; i++) {
    const first = header((lines[i] as Line).text);
    if (first?.[0] !== 'from') continue;
    const before = (lines[i - 1] as Line | undefined)?.text.toLowerCase() ?? '';
    const marked = MARKERS.some((m) => before.includes(m));
    if (!marked && forwardedSubject === undefined) continue;
    const from = address(first[1]);
    if (!from) continue;
    let subject: string | undefined;
    let dateText: string | undefined;
    let end = i + 1;
    for (let j = i + 1; j < lines.length && j <= i + 6; j++) {
      const h = header((lines[j] as Line).text);
      if (!h || h[0] === 'from') break;
      if (h[0] === 'subject') subject = h[1];
      if (h[0] === 'date') dateText = h[1];
      end = j + 1;
    }
    // A block has at least a subject or a date beside its sender (a `From:` line alone is just text).
    if (subject === undefined && dateText === undefined) continue;
    const date = dateText ? dayOfDateHeader(dateText) || dayOfShownDate(dateText, mail.date || today) : '';
    return {
      from,
      subject: (subject ?? forwardedSubject ?? mail.subject).slice(0, 500),
      date: date || mail.date,
      body: bodyFrom(mail.body, end),
    };
  }
  return mail;
}
