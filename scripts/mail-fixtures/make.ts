/**
 * Writes the e-mail fixtures (tests/fixtures/mails/<name>.eml, .expected.json, .meta.json) from the specs in
 * en.ts, nb.ts, sv.ts and da.ts. The expected results are written in the specs by hand, before the engine ever ran
 * on the mails.
 *
 *   npx tsx scripts/mail-fixtures/make.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import da from './da';
import en from './en';
import { renderHtml, textVersion } from './layouts';
import { addressHeader, type Charset, encodeText, headerWord, message, multipart, partText } from './mime';
import nb from './nb';
import type { MailSpec } from './spec';
import sv from './sv';

const OUT = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'mails');

/** A small but well-formed PDF (one empty page): what an invoice attachment looks like to the parser. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

function build(spec: MailSpec, n: number): Buffer {
  const charset: Charset = spec.mime?.charset ?? 'utf-8';
  const encoding = spec.mime?.encoding ?? 'quoted-printable';
  const html = renderHtml(spec);
  const parts: string[] = [];
  const wantText = html === null || (spec.mime?.text ?? true);
  if (wantText) {
    parts.push(partText({ type: 'text/plain', charset, encoding, body: encodeText(textVersion(spec), charset) }));
  }
  if (html !== null) {
    const declared = html.replace('charset=utf-8', `charset=${charset}`);
    parts.push(partText({ type: 'text/html', charset, encoding, body: encodeText(declared, charset, true) }));
  }
  let body = parts.length > 1 ? multipart('alternative', parts) : (parts[0] as string);
  if (spec.mime?.attach) {
    body = multipart('mixed', [
      body,
      partText({ type: 'application/pdf', encoding: 'base64', body: PDF, filename: spec.mime.attach }),
    ]);
  }
  const [fromName, fromAddress] = spec.from;
  const domain = fromAddress.split('@')[1] ?? 'example.invalid';
  const headers: Array<[string, string]> = [
    ['Return-Path', `<bounce-${n}@${domain}>`],
    ['Date', spec.date],
    ['From', addressHeader(fromName, fromAddress, charset)],
    ['To', spec.to ?? (spec.lang === 'en' ? 'alex.morgan@example.com' : 'kari.nordmann@example.no')],
    ['Subject', headerWord(spec.subject, charset, spec.mime?.subjectB64 ? 'B' : 'Q')],
    ['Message-ID', `<${spec.name}.${n}@${domain}>`],
  ];
  if (spec.replyTo) headers.push(['Reply-To', spec.replyTo]);
  if (spec.listUnsubscribe)
    headers.push(['List-Unsubscribe', `<https://${domain}/u/${n}>, <mailto:unsub-${n}@${domain}>`]);
  return message(headers, body);
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const all = [...en, ...nb, ...sv, ...da];
  const names = new Set<string>();
  all.forEach((spec, i) => {
    if (names.has(spec.name)) throw new Error(`duplicate fixture name ${spec.name}`);
    names.add(spec.name);
    writeFileSync(join(OUT, `${spec.name}.eml`), build(spec, i + 1));
    writeFileSync(join(OUT, `${spec.name}.expected.json`), `${JSON.stringify(spec.expected, null, 2)}\n`);
    writeFileSync(join(OUT, `${spec.name}.meta.json`), `${JSON.stringify({ now: spec.now }, null, 2)}\n`);
  });
  console.log(`wrote ${all.length} mails to ${OUT}`);
}

main();
