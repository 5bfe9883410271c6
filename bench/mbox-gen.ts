/**
 * Writes a large, realistic mailbox for the mail-import benchmark (deterministic: the same seed gives the same file):
 * by count about 55 % newsletters and offers (HTML, 20–70 KB, some from services in the directory), 30 % personal
 * and work mail (plain text, some with photos or PDFs attached), 15 % transactional mail (the fixture mails, their
 * dates and amounts varied, some with PDF invoices attached), in Google Takeout's mbox format (From separators,
 * mboxrd escaping, CRLF inside messages as Gmail exports them), one in 400 damaged. Streamed to disk: the file is never in memory.
 *
 *   npx tsx bench/mbox-gen.ts OUT.mbox [MESSAGES=20000] [TARGET_MB=500]
 */
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { prng } from '../scripts/prng';

const ROOT = path.resolve(import.meta.dirname, '..');

const WORDS =
  'the of and to in is you that it for on are with as this be at by from or have an they which one you were all we when your can said there use each how their if will up other about out many then them these so some her would make like him into time has look two more write go see number way could people my than first water been call who oil its now find long down day did get come made may part over new sound take only little work know place year live me back give most very after thing our just name good sentence man think say great where help through much before line right too mean old any same tell boy follow came want show also around form three small set put end does another well large must big even such because turn here why ask went men read need land different home us move try kind hand picture again change off play spell air away animal house point page letter mother answer found study still learn should america world'.split(
    ' ',
  );

function words(rand: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)] as string);
  return out.join(' ');
}

function b64(rand: () => number, bytes: number): string {
  const buf = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 4) buf.writeUInt32LE((rand() * 4294967296) >>> 0, Math.min(i, bytes - 4));
  return (buf.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function dateOf(i: number, total: number): { header: string; postmark: string } {
  // Spread over the two years before 2026-11-23.
  const end = Date.UTC(2026, 10, 23, 12);
  const t = new Date(end - Math.floor(((total - i) / total) * 730 * 86400000));
  const d = `${DAYS[t.getUTCDay()]}, ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
  const time = `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}:07`;
  return {
    header: `${d} ${time} +0000`,
    postmark: `${DAYS[t.getUTCDay()]} ${MONTHS[t.getUTCMonth()]} ${String(t.getUTCDate()).padStart(2, ' ')} ${time} +0000 ${t.getUTCFullYear()}`,
  };
}

const NEWSLETTER_SENDERS = [
  ['The Morning Brief', 'news@morningbrief.example'],
  ['Gardening Weekly', 'hello@gardening-weekly.example'],
  ['Tech Digest', 'digest@techdigest.example'],
  ['Sportshytta', 'nyhetsbrev@sportshytta.no'],
  ['Designbutikken', 'nyhedsbrev@designbutikken.dk'],
  ['Netflix', 'info@mailer.netflix.com'],
  ['Spotify', 'no-reply@spotify.com'],
  ['Strava', 'no-reply@strava.com'],
];
const PEOPLE = ['Kari Hansen', 'Ola Nordmann', 'Anna Lind', 'Mette Jensen', 'Jordan Lee', 'Sam Taylor'];

function newsletter(rand: () => number, i: number, date: string): string {
  const [name, from] = NEWSLETTER_SENDERS[Math.floor(rand() * NEWSLETTER_SENDERS.length)] as [string, string];
  const paras = 6 + Math.floor(rand() * 30);
  const blocks: string[] = [];
  for (let k = 0; k < paras; k++) {
    blocks.push(
      `<tr><td style="padding:10px 25px;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2937"><h3 style="margin:0 0 6px">${words(rand, 6)}</h3><p style="margin:0">${words(rand, 60 + Math.floor(rand() * 60))}</p><a href="https://${from.split('@')[1]}/r/${i}/${k}" style="color:#2563eb">Read more</a></td></tr>`,
    );
  }
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0}</style></head><body><table width="100%" role="presentation">${blocks.join('')}<tr><td style="font-size:11px;color:#888"><a href="https://${from.split('@')[1]}/unsubscribe?u=${i}">Unsubscribe</a></td></tr></table></body></html>`;
  const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  return [
    `From: ${name} <${from}>`,
    'To: alex.morgan@gmail.com',
    `Subject: ${['This week', 'New for you', 'Weekend reading', 'Last chance', 'Picks of the month'][i % 5]}: ${words(rand, 4)}`,
    `Date: ${date}`,
    `Message-ID: <n${i}@${from.split('@')[1]}>`,
    `List-Unsubscribe: <https://${from.split('@')[1]}/unsubscribe?u=${i}>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    text.replace(/(.{1,76})(\s|$)/g, '$1\r\n'),
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    html.replace(/(.{1,900})/g, '$1\r\n'),
    '--alt--',
    '',
  ].join('\r\n');
}

function personal(rand: () => number, i: number, date: string, attach: number): string {
  const who = PEOPLE[Math.floor(rand() * PEOPLE.length)] as string;
  const body = `Hei!\r\n\r\n${words(rand, 80 + Math.floor(rand() * 300)).replace(/(.{1,72})(\s|$)/g, '$1\r\n')}\r\nFrom my phone, ${who.split(' ')[0]}\r\n`;
  const head = [
    `From: ${who} <${who.toLowerCase().replace(' ', '.')}@example.no>`,
    'To: alex.morgan@gmail.com',
    `Subject: ${['Middag fredag?', 'Bilder fra turen', 'Re: møtet i morgen', 'Kvartalsplan', 'Hytta i påsken'][i % 5]}`,
    `Date: ${date}`,
    `Message-ID: <p${i}@example.no>`,
    'MIME-Version: 1.0',
  ];
  if (attach === 0) return [...head, 'Content-Type: text/plain; charset=utf-8', '', body].join('\r\n');
  return [
    ...head,
    'Content-Type: multipart/mixed; boundary="mix"',
    '',
    '--mix',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '--mix',
    `Content-Type: ${i % 2 ? 'image/jpeg' : 'application/pdf'}; name="file${i}.${i % 2 ? 'jpg' : 'pdf'}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="file${i}.${i % 2 ? 'jpg' : 'pdf'}"`,
    '',
    b64(rand, attach),
    '--mix--',
    '',
  ].join('\r\n');
}

/** A fixture mail with its Date line set to this message's day. */
function transactional(fixtures: string[], rand: () => number, i: number, date: string, attach: number): string {
  const raw = fixtures[Math.floor(rand() * fixtures.length)] as string;
  let m = raw.replace(/^Date: .*$/m, `Date: ${date}`).replace(/^Message-ID: .*$/m, `Message-ID: <t${i}@bench>`);
  if (attach > 0) {
    m = `${m.replace(/\r?\n$/, '')}\r\n`.replace(
      /^(Content-Type: )(multipart\/alternative|text\/(?:html|plain))/m,
      '$1$2',
    );
    // An invoice PDF after the message (as a second part of a mixed message).
    const [head, ...rest] = m.split('\r\n\r\n');
    const body = rest.join('\r\n\r\n');
    const ct = /^Content-Type: .*(?:\r\n[ \t].*)*/m.exec(head as string)?.[0] ?? 'Content-Type: text/plain';
    const headNoCt = (head as string).replace(ct, 'Content-Type: multipart/mixed; boundary="inv"');
    m = `${headNoCt}\r\n\r\n--inv\r\n${ct}\r\n\r\n${body}\r\n--inv\r\nContent-Type: application/pdf; name="invoice.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(rand, attach)}\r\n--inv--\r\n`;
  }
  return m;
}

/**
 * One in 400 messages is damaged, as real exports have them: a receipt cut off halfway (an interrupted export),
 * a message nested past any reasonable depth, or a block of binary junk with no headers.
 */
function damaged(fixtures: string[], rand: () => number, i: number, date: string): string {
  const k = Math.floor(i / 400) % 3;
  if (k === 0) {
    const m = transactional(fixtures, rand, i, date, 0);
    return m.slice(0, Math.floor(m.length * (0.3 + rand() * 0.4)));
  }
  if (k === 1) {
    const nest = Array.from(
      { length: 80 },
      (_, d) => `--b${d}\r\nContent-Type: multipart/mixed; boundary="b${d + 1}"\r\n\r\n`,
    ).join('');
    return `From: Billing <billing@example.com>\r\nSubject: Your receipt\r\nDate: ${date}\r\nContent-Type: multipart/mixed; boundary="b0"\r\n\r\n${nest}--b80\r\nContent-Type: text/plain\r\n\r\nTotal 1 kr\r\n`;
  }
  let junk = '';
  for (let j = 0; j < 2000; j++) junk += String.fromCharCode(Math.floor(rand() * 256));
  return junk.replace(/\n(?=From )/g, '\n>');
}

export async function generateMbox(
  out: string,
  count = 20_000,
  targetMb = 500,
): Promise<{ bytes: number; count: number }> {
  const rand = prng(20261123);
  const dir = path.join(ROOT, 'tests', 'fixtures', 'mails');
  const fixtures = readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'latin1'));
  const stream = createWriteStream(out, { encoding: 'latin1' });
  let bytes = 0;
  // Attachments make up the size beyond the mail text (about 8 % of personal mail and 20 % of receipts carry
  // one): each is as large as the file is behind its target at that point, between 30 KB and 4 MB.
  const attachment = (i: number) =>
    Math.min(4 * 1048576, Math.max(30_000, Math.floor(((targetMb * 1048576 * (i + 1)) / count - bytes) * 1.0)));
  for (let i = 0; i < count; i++) {
    const { header, postmark } = dateOf(i, count);
    const r = rand();
    let msg: string;
    if (r < 0.55) msg = newsletter(rand, i, header);
    else if (r < 0.85) msg = personal(rand, i, header, rand() < 0.08 ? attachment(i) : 0);
    else msg = transactional(fixtures, rand, i, header, rand() < 0.2 ? attachment(i) : 0);
    if (i % 400 === 199) msg = damaged(fixtures, rand, i, header);
    const escaped = msg.replace(/^(>*From )/gm, '>$1');
    const chunk = `From 1781234567${String(i).padStart(9, '0')}@xxx ${postmark}\n${escaped}\n\n`;
    bytes += chunk.length;
    if (!stream.write(chunk)) await new Promise<void>((r2) => stream.once('drain', () => r2()));
  }
  await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return { bytes, count };
}

if (process.argv[1]?.endsWith('mbox-gen.ts')) {
  const out = process.argv[2] ?? '/tmp/subkeeper-bench.mbox';
  const count = Number(process.argv[3] ?? 20_000);
  const mb = Number(process.argv[4] ?? 500);
  generateMbox(out, count, mb).then(({ bytes }) =>
    console.log(`wrote ${out}: ${count} messages, ${(bytes / 1048576).toFixed(0)} MB`),
  );
}
