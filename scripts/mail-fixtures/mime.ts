/**
 * Writes RFC 5322 / MIME messages for the mail fixtures: encoded-word headers, multipart/alternative and
 * multipart/mixed, quoted-printable and base64 transfer encodings, UTF-8 and the single-byte charsets Nordic mail
 * still uses (ISO-8859-1, Windows-1252). Test tooling only (never shipped).
 */

export type Charset = 'utf-8' | 'iso-8859-1' | 'windows-1252';
export type TransferEncoding = 'quoted-printable' | 'base64' | '8bit';

/** Windows-1252's characters in 0x80–0x9F. */
const CP1252: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** What mailers write in a single-byte text part for characters the charset lacks. */
const FALLBACK: Record<string, string> = { '–': '-', '—': '-', '•': '*', '“': '"', '”': '"', '’': "'", '…': '...' };

/**
 * The bytes of `text` in `charset`. Characters a single-byte charset lacks become numeric character references in
 * HTML (`&#8211;`), as mailers write them, and a plain stand-in (or `?`) in text.
 */
export function encodeText(text: string, charset: Charset, html = false): Buffer {
  if (charset === 'utf-8') return Buffer.from(text, 'utf8');
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out.push(code);
    else if (charset === 'windows-1252' && CP1252[ch] !== undefined) out.push(CP1252[ch] as number);
    else {
      const stand = html ? `&#${code};` : (FALLBACK[ch] ?? '?');
      for (const c of stand) out.push(c.charCodeAt(0));
    }
  }
  return Buffer.from(out);
}

/** Quoted-printable (RFC 2045): lines of at most 76 characters with soft breaks, CRLF line ends. */
export function quotedPrintable(bytes: Buffer): string {
  const lines: string[] = [];
  const text = bytes.toString('latin1').replace(/\r\n/g, '\n');
  for (const raw of text.split('\n')) {
    let line = '';
    let encoded = '';
    for (let i = 0; i < raw.length; i++) {
      const code = raw.charCodeAt(i);
      const last = i === raw.length - 1;
      const safe = (code >= 33 && code <= 126 && code !== 61) || ((code === 32 || code === 9) && !last);
      const piece = safe ? (raw[i] as string) : `=${code.toString(16).toUpperCase().padStart(2, '0')}`;
      if (line.length + piece.length > 75) {
        encoded += `${line}=\r\n`;
        line = '';
      }
      line += piece;
    }
    lines.push(encoded + line);
  }
  return lines.join('\r\n');
}

export function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/** An encoded-word header value (`=?UTF-8?Q?…?=` or `=?ISO-8859-1?B?…?=`) when the text is not plain ASCII. */
export function headerWord(text: string, charset: Charset, kind: 'Q' | 'B' = 'Q'): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const bytes = encodeText(text, charset);
  const cs = charset.toUpperCase();
  if (kind === 'B') return `=?${cs}?B?${bytes.toString('base64')}?=`;
  let q = '';
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (b === 0x20) q += '_';
    else if (/[A-Za-z0-9!*+\-/]/.test(ch)) q += ch;
    else q += `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  // Long words are split into several encoded words, folded onto continuation lines.
  const words: string[] = [];
  let cur = '';
  for (let i = 0; i < q.length; ) {
    const take = q[i] === '=' ? 3 : 1;
    if (cur.length + take > 60) {
      words.push(cur);
      cur = '';
    }
    cur += q.slice(i, i + take);
    i += take;
  }
  if (cur) words.push(cur);
  return words.map((w) => `=?${cs}?Q?${w}?=`).join('\r\n ');
}

/** `Name <address>` with the name as an encoded word when needed (quoted when it has specials). */
export function addressHeader(name: string, address: string, charset: Charset): string {
  if (!name) return address;
  const encoded = headerWord(name, charset);
  const shown = encoded === name && /[,.;:@()<>"]/.test(name) ? `"${name.replace(/"/g, '\\"')}"` : encoded;
  return `${shown} <${address}>`;
}

export interface Part {
  type: string;
  charset?: Charset;
  encoding: TransferEncoding;
  body: Buffer;
  filename?: string;
}

function partText(p: Part): string {
  const head = [
    `Content-Type: ${p.type}${p.charset ? `; charset=${p.charset === 'utf-8' ? 'UTF-8' : p.charset}` : ''}${
      p.filename ? `; name="${p.filename}"` : ''
    }`,
    `Content-Transfer-Encoding: ${p.encoding}`,
  ];
  if (p.filename) head.push(`Content-Disposition: attachment; filename="${p.filename}"`);
  const body =
    p.encoding === 'base64'
      ? base64Lines(p.body)
      : p.encoding === 'quoted-printable'
        ? quotedPrintable(p.body)
        : p.body.toString('latin1').replace(/\r?\n/g, '\r\n');
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}

let boundaryCounter = 0;

/** A multipart body with its own boundary. */
export function multipart(subtype: 'alternative' | 'mixed', parts: string[]): string {
  boundaryCounter++;
  const boundary = `----=_Part_${boundaryCounter}_${(boundaryCounter * 7919).toString(36)}`;
  return [
    `Content-Type: multipart/${subtype}; boundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    ...parts.flatMap((p) => [`--${boundary}`, p]),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

export function singlePart(p: Part): string {
  return partText(p);
}

/** A whole message: the header lines, then the (multi)part with its own Content-Type. Latin-1 bytes. */
export function message(headers: Array<[string, string]>, body: string): Buffer {
  const head = [...headers.map(([k, v]) => `${k}: ${v}`), 'MIME-Version: 1.0'].join('\r\n');
  return Buffer.from(`${head}\r\n${body}`, 'latin1');
}

export { partText };
