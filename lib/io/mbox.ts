/**
 * Splits a mail file into messages as its bytes stream in: an `.mbox` (Google Takeout, Thunderbird, Apple Mail's
 * export: messages after `From ` separator lines) or a single `.eml` (no separator). Bounded memory: only the message
 * being read is held, and only when its headers pass a cheap filter (sender and subject), so a 500 MB mailbox of
 * newsletters costs the scan of its lines and nothing more. Lines escaped as `>From ` (mboxrd and mboxo) are
 * unescaped. Pure: plain bytes in, messages out; runs the same in Node and a Web Worker.
 */
import { decodeWords } from 'postal-mime';

/** The headers the filter sees. */
export interface MessageHeaders {
  from: string;
  subject: string;
  /** Sent in bulk: a List-Unsubscribe header, or Precedence bulk or list (newsletters and offers). */
  bulk?: boolean;
}

/** One message as read from the file: its raw bytes (headers and body), cut at the size limit. */
export interface RawMessage {
  raw: Uint8Array;
  /** The message was larger than the limit and only its start was kept. */
  truncated: boolean;
}

export interface SplitterOptions {
  /** Reads a message only when its headers pass (default: every message). */
  keep?: (headers: MessageHeaders) => boolean;
  /** Bytes kept of one message (its start: headers and the text parts come first). Default 16 MB. */
  maxMessageBytes?: number;
}

const MAX_HEADER_BYTES = 256 * 1024;
const F = 70; // F
const GT = 62; // >
const NL = 10;
const CR = 13;

const latin1 = new TextDecoder('latin1');

function startsWithFrom(line: Uint8Array, at: number): boolean {
  return (
    line.length >= at + 5 &&
    line[at] === F &&
    line[at + 1] === 114 &&
    line[at + 2] === 111 &&
    line[at + 3] === 109 &&
    line[at + 4] === 32
  );
}

/**
 * A separator line: `From ` then a sender and a date (`From 1781234567@xxx Mon Nov 23 08:14:07 +0000 2026`,
 * `From - Mon Nov 23 08:14:07 2026`, `From alex@example.com Sat Jan  3 10:00:00 2026`). A line in a body that only
 * starts with `From ` (and was not escaped) does not have that shape.
 */
function isSeparator(line: Uint8Array): boolean {
  if (!startsWithFrom(line, 0) || line.length > 400) return false;
  const text = latin1.decode(line);
  return /^From \S+\s+\S.*(?:\d{1,2}:\d{2}|\b\d{4}\b)/.test(text);
}

function isBlank(line: Uint8Array): boolean {
  return line.length === 0 || (line.length === 1 && line[0] === NL) || (line.length === 2 && line[0] === CR);
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** From and Subject of a header block (unfolded, encoded words decoded), and whether it was sent in bulk. */
export function readHeaders(block: Uint8Array): MessageHeaders {
  const text = latin1.decode(block).replace(/\r?\n[ \t]+/g, ' ');
  const field = (name: string) => {
    const m = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(text);
    if (!m) return '';
    try {
      // Encoded words (`=?UTF-8?Q?…?=`) carry their charset; raw 8-bit headers are read as UTF-8 when they are.
      return decodeWords(m[1] as string);
    } catch {
      return m[1] as string;
    }
  };
  return {
    from: field('from').slice(0, 500),
    subject: field('subject').slice(0, 500),
    bulk: /^(?:list-unsubscribe:|precedence:[ \t]*(?:bulk|list)\b)/im.test(text),
  };
}

/** Counts of what a split has seen. */
export interface SplitCounts {
  /** Messages met in the file. */
  messages: number;
  /** Messages whose headers passed the filter (read). */
  kept: number;
  /** Messages cut at the size limit. */
  truncated: number;
}

export class MboxSplitter {
  readonly counts: SplitCounts = { messages: 0, kept: 0, truncated: 0 };
  private readonly keepFn: (h: MessageHeaders) => boolean;
  private readonly maxBytes: number;
  /** An unterminated line that has to be seen whole (a header, or a line that may be a separator). */
  private carry: Uint8Array[] = [];
  private carryBytes = 0;
  /** In the middle of a long body line whose start was already handled. */
  private midLine = false;
  private state: 'start' | 'headers' | 'body' = 'start';
  private prevBlank = true;
  private header: Uint8Array[] = [];
  private headerBytes = 0;
  private keeping = false;
  private parts: Uint8Array[] = [];
  private bytes = 0;
  private truncated = false;

  constructor(opts: SplitterOptions = {}) {
    this.keepFn = opts.keep ?? (() => true);
    this.maxBytes = opts.maxMessageBytes ?? 16 * 1024 * 1024;
  }

  /** Reads the next bytes of the file; returns the messages that ended in them (only those kept). */
  push(chunk: Uint8Array): RawMessage[] {
    const out: RawMessage[] = [];
    let pos = 0;
    const len = chunk.length;
    if (this.carryBytes > 0) {
      const nl = chunk.indexOf(NL);
      if (nl === -1) {
        this.addCarry(chunk);
        return out;
      }
      this.carry.push(chunk.subarray(0, nl + 1));
      const line = concat(this.carry, this.carryBytes + nl + 1);
      this.carry = [];
      this.carryBytes = 0;
      this.line(line, out);
      pos = nl + 1;
    } else if (this.midLine) {
      const nl = chunk.indexOf(NL);
      const end = nl === -1 ? len : nl + 1;
      this.append(chunk.subarray(0, end));
      if (nl === -1) return out;
      this.midLine = false;
      this.prevBlank = false;
      pos = end;
    }
    while (pos < len) {
      const nl = chunk.indexOf(NL, pos);
      if (nl === -1) {
        const rest = chunk.subarray(pos);
        // A body line cut by the chunk: its start is handled now, its end when the next chunk comes. Anything that
        // may be a header or a separator is kept until it is whole.
        if (this.state === 'body' && rest[0] !== F && rest[0] !== GT) {
          this.append(rest);
          this.midLine = true;
        } else this.addCarry(rest);
        break;
      }
      this.line(chunk.subarray(pos, nl + 1), out);
      pos = nl + 1;
    }
    return out;
  }

  /** The end of the file: the last message. */
  end(): RawMessage[] {
    const out: RawMessage[] = [];
    if (this.carryBytes > 0) {
      const line = concat(this.carry, this.carryBytes);
      this.carry = [];
      this.carryBytes = 0;
      this.line(line, out);
    }
    this.finish(out);
    return out;
  }

  private addCarry(part: Uint8Array): void {
    // A line longer than a header may be is body text (a minified HTML part): stream it instead of holding it.
    if (this.state === 'body' && this.carryBytes + part.length > 64 * 1024) {
      for (const c of this.carry) this.append(c);
      this.append(part);
      this.carry = [];
      this.carryBytes = 0;
      this.midLine = true;
      return;
    }
    this.carry.push(part.slice());
    this.carryBytes += part.length;
  }

  private line(line: Uint8Array, out: RawMessage[]): void {
    const blank = isBlank(line);
    if ((this.prevBlank || this.state === 'start') && isSeparator(line)) {
      this.finish(out);
      this.begin();
      this.prevBlank = false;
      return;
    }
    if (this.state === 'start') {
      // No separator first: a single message (.eml), or a mailbox whose first separator is missing.
      if (blank) return;
      this.begin();
    }
    if (this.state === 'headers') {
      if (this.headerBytes < MAX_HEADER_BYTES) {
        this.header.push(line.slice());
        this.headerBytes += line.length;
      }
      if (blank || this.headerBytes >= MAX_HEADER_BYTES) this.endHeaders();
    } else {
      this.bodyLine(line);
    }
    this.prevBlank = blank;
  }

  private begin(): void {
    this.state = 'headers';
    this.header = [];
    this.headerBytes = 0;
    this.keeping = false;
    this.parts = [];
    this.bytes = 0;
    this.truncated = false;
    this.counts.messages++;
  }

  private endHeaders(): void {
    const block = concat(this.header, this.headerBytes);
    this.state = 'body';
    let keep = false;
    try {
      keep = this.keepFn(readHeaders(block));
    } catch {
      keep = false;
    }
    this.keeping = keep;
    this.header = [];
    if (keep) {
      this.counts.kept++;
      this.parts = [block];
      this.bytes = block.length;
    }
  }

  private bodyLine(line: Uint8Array): void {
    if (!this.keeping) return;
    // `>From ` and `>>From ` were escaped by the writer (mboxrd/mboxo): one `>` comes off.
    let l = line;
    if (l[0] === GT) {
      let i = 0;
      while (i < l.length && l[i] === GT) i++;
      if (startsWithFrom(l, i)) l = l.subarray(1);
    }
    this.append(l);
  }

  private append(part: Uint8Array): void {
    if (!this.keeping || this.truncated) return;
    if (this.bytes + part.length > this.maxBytes) {
      this.truncated = true;
      return;
    }
    this.parts.push(part.slice());
    this.bytes += part.length;
  }

  private finish(out: RawMessage[]): void {
    if (this.state === 'start') return;
    if (this.state === 'headers') this.endHeaders();
    if (this.keeping) {
      if (this.truncated) this.counts.truncated++;
      out.push({ raw: concat(this.parts, this.bytes), truncated: this.truncated });
    }
    this.parts = [];
    this.bytes = 0;
    this.keeping = false;
    this.state = 'start';
  }
}
