import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toReport } from '../../../lib/detect/report';
import type { FoundMail } from '../../../lib/ingest-mail';
import { type MailFile, runMailJob, worthReading } from '../../../lib/io/mail-job';
import { MboxSplitter, readHeaders } from '../../../lib/io/mbox';
import { diffFields, readMailCorpus } from '../../../scripts/corpus';
import { KNOWN_MAIL_FAILURES } from '../detect/mail-known';

const corpus = readMailCorpus(join(process.cwd(), 'tests', 'fixtures', 'mails'));
const enc = new TextEncoder();

/** A file in memory, streamed in chunks of the given sizes (cycled), like File.stream(). */
function fileOf(name: string, bytes: Uint8Array, chunks: number[] = [65536]): MailFile {
  return {
    name,
    size: bytes.length,
    stream() {
      let at = 0;
      let k = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= bytes.length) {
            controller.close();
            return;
          }
          const n = chunks[k++ % chunks.length] as number;
          controller.enqueue(bytes.slice(at, at + n));
          at += n;
        },
      });
    },
  };
}

/** mboxrd: every line that starts with `>*From ` gets one more `>`. */
function mboxrdEscape(raw: string): string {
  return raw.replace(/^(>*From )/gm, '>$1');
}

const NEWSLETTER = (i: number) =>
  `From: Weekly Reads <news@weeklyreads.example>\r\nTo: alex@example.com\r\nSubject: Issue ${i}: five long reads\r\nDate: Mon, 2 Nov 2026 08:00:00 +0000\r\nList-Unsubscribe: <https://weeklyreads.example/u>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello!\r\nFrom the archive: a story about trains.\r\nRead more at https://weeklyreads.example/${i}\r\n`;
const PERSONAL = `From: Kari Hansen <kari@example.no>\r\nSubject: Middag fredag?\r\nDate: Tue, 3 Nov 2026 18:00:00 +0100\r\n\r\nHei! Skal vi spise middag på fredag?\r\n`;
/** Passes the filter (a known sender) but cannot be read: multiparts nested deeper than any real mail. */
const GARBAGE = `From: Netflix <info@account.netflix.com>\r\nSubject: Your receipt\r\nContent-Type: multipart/mixed; boundary="b0"\r\n\r\n${Array.from(
  { length: 60 },
  (_, i) => `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n`,
).join('')}--b60\r\nContent-Type: text/plain\r\n\r\nTotal 1 kr\r\n`;

function mbox(style: 'takeout' | 'thunderbird', crlf: boolean): { bytes: Uint8Array; mails: number } {
  const sep = (i: number) =>
    style === 'takeout'
      ? `From 17812345678901${String(i).padStart(5, '0')}@xxx Mon Nov 23 08:14:07 +0000 2026`
      : 'From - Mon Nov 23 08:14:07 2026';
  const parts: string[] = [];
  let i = 0;
  const add = (raw: string) => {
    const body = mboxrdEscape(raw.replace(/\r\n/g, '\n'));
    parts.push(`${sep(i++)}\n${body}${body.endsWith('\n') ? '' : '\n'}\n`);
  };
  for (const fx of corpus) {
    add(new TextDecoder('latin1').decode(fx.raw));
    if (i % 5 === 0) add(NEWSLETTER(i));
    if (i % 7 === 0) add(PERSONAL);
  }
  add(GARBAGE);
  const text = parts.join('');
  const latin = Uint8Array.from(crlf ? text.replace(/\n/g, '\r\n') : text, (c) => c.charCodeAt(0) & 0xff);
  return { bytes: latin, mails: i };
}

async function collect(files: MailFile[], extra: Partial<Parameters<typeof runMailJob>[1]> = {}) {
  const found: FoundMail[] = [];
  const progress: number[] = [];
  const result = await runMailJob(files, {
    today: '2026-11-23',
    onFound: (b) => found.push(...b),
    onProgress: (p) => progress.push(p.bytesRead),
    ...extra,
  });
  return { found, result, progress };
}

/** Every fixture mail found in an import says what the fixture expects (mails that say nothing are not found). */
function checkFinds(found: FoundMail[]) {
  const bySubject = new Map(found.map((f) => [`${f.mail.from}|${f.mail.subject}`, f]));
  const wrong: string[] = [];
  for (const fx of corpus) {
    if (KNOWN_MAIL_FAILURES[fx.name]) continue;
    const hit = [...bySubject.values()].find((f) => f.mail.subject && fx.raw.length > 0 && matches(fx.name, f));
    if (fx.expected.kind === 'none') {
      if (hit) wrong.push(`${fx.name}: found`);
      continue;
    }
    if (!hit) {
      wrong.push(`${fx.name}: missing`);
      continue;
    }
    const fields = diffFields(fx.expected, toReport(hit.result));
    if (fields.length > 0) wrong.push(`${fx.name}: ${fields.join(',')}`);
  }
  return wrong;
}

const subjects = new Map(
  corpus.map((fx) => {
    const head = new TextDecoder('latin1').decode(fx.raw.slice(0, 4000));
    return [fx.name, readHeaders(Uint8Array.from(head, (c) => c.charCodeAt(0)))] as const;
  }),
);
function matches(name: string, f: FoundMail): boolean {
  const h = subjects.get(name);
  return Boolean(h && f.mail.subject === h.subject && h.from.toLowerCase().includes(f.mail.from));
}

const passes = (fx: (typeof corpus)[number]) => {
  const head = new TextDecoder('latin1').decode(fx.raw.slice(0, 4000));
  return worthReading(readHeaders(Uint8Array.from(head, (c) => c.charCodeAt(0))));
};
const passing = corpus.filter(passes).length;

describe('mail files: an mbox streamed message by message', () => {
  for (const style of ['takeout', 'thunderbird'] as const) {
    for (const crlf of [false, true]) {
      it(`reads a ${style} mbox${crlf ? ' with CRLF lines' : ''}: every receipt found, newsletters never parsed`, async () => {
        const { bytes, mails } = mbox(style, crlf);
        const { found, result, progress } = await collect([fileOf('All mail.mbox', bytes, [65536, 4099, 17, 1])]);
        expect(result).toMatchObject({ messages: mails, malformed: 1, cancelled: false, bytesRead: bytes.length });
        // Read: the fixture mails that pass the filter (all but the offers) and the garbage; not the newsletters
        // and personal mail.
        expect(result.read).toBe(passing + 1);
        expect(checkFinds(found)).toEqual([]);
        expect(progress.at(-1)).toBe(bytes.length);
      }, 120_000);
    }
  }

  it('reads single .eml files', async () => {
    const files = corpus.slice(0, 6).map((fx) => fileOf(`${fx.name}.eml`, fx.raw, [333]));
    const { found, result } = await collect(files);
    expect(result).toMatchObject({ messages: 6, malformed: 0 });
    expect(result.read).toBeGreaterThanOrEqual(5);
    expect(found.length).toBe(corpus.slice(0, 6).filter((f) => f.expected.kind !== 'none').length);
  });

  it('unescapes >From lines (mboxrd) and leaves a body line that only starts with From alone', () => {
    const raw =
      'From a@b Mon Nov 23 08:14:07 2026\nFrom: A <a@shop.example>\nSubject: Receipt\n\n>From the start\n>>From here\nFrom time to time\n\nFrom b@c Mon Nov 23 09:14:07 2026\nFrom: B <b@shop.example>\nSubject: Receipt 2\n\nHi\n';
    const s = new MboxSplitter();
    const out = [...s.push(enc.encode(raw)), ...s.end()];
    expect(out).toHaveLength(2);
    const first = new TextDecoder().decode(out[0]!.raw);
    expect(first).toContain('\nFrom the start\n>From here\nFrom time to time\n');
    expect(s.counts.messages).toBe(2);
  });

  it('keeps the start of a message larger than the limit, and says so', async () => {
    const big = `From: Cloudkeep <billing@cloudkeep.io>\nSubject: Your receipt\nContent-Type: text/plain\n\nTotal paid $11.99\n${'x'.repeat(200_000)}\n`;
    const s = new MboxSplitter({ maxMessageBytes: 50_000 });
    const out = [...s.push(enc.encode(big)), ...s.end()];
    expect(out[0]?.truncated).toBe(true);
    expect(out[0]!.raw.length).toBeLessThanOrEqual(50_000);
    expect(s.counts.truncated).toBe(1);
  });

  it('stops when cancelled, with what it found so far', async () => {
    const { bytes } = mbox('takeout', false);
    // The user presses Cancel once a third of the file has been read (counted by the stream, not by the clock:
    // progress reports are spaced in time, and a fast machine may read the whole file between two of them).
    let delivered = 0;
    const file = fileOf('All mail.mbox', bytes, [4096]);
    const counted: MailFile = {
      ...file,
      stream: () =>
        file.stream().pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              delivered += chunk.length;
              controller.enqueue(chunk);
            },
          }),
        ),
    };
    const signal = {
      get aborted() {
        return delivered > bytes.length / 3;
      },
    };
    const { result } = await collect([counted], { signal });
    expect(result.cancelled).toBe(true);
    expect(result.bytesRead).toBeLessThan(bytes.length);
  });

  it('reads every fixture mail that says something (the filter loses none of them)', () => {
    expect(corpus.filter((fx) => fx.expected.kind !== 'none' && !passes(fx)).map((fx) => fx.name)).toEqual([]);
  });

  it('filters by sender and subject before reading anything', () => {
    expect(worthReading({ from: 'Netflix <info@account.netflix.com>', subject: 'Your account is on hold' })).toBe(true);
    expect(worthReading({ from: 'Cartograph <receipts+acct@stripe.com>', subject: '#2291-4410' })).toBe(true);
    expect(worthReading({ from: 'shop@example.dk', subject: 'Kvittering for dit køb' })).toBe(true);
    expect(worthReading({ from: 'x@example.se', subject: 'Din provperiod tar slut' })).toBe(true);
    expect(worthReading({ from: 'kari@example.no', subject: 'Middag fredag?' })).toBe(false);
    expect(worthReading({ from: 'news@weeklyreads.example', subject: 'Issue 4: five long reads' })).toBe(false);
    // A service's own newsletter (sent in bulk) is not read unless its subject speaks of the subscription.
    const netflix = 'Netflix <info@mailer.netflix.com>';
    expect(worthReading({ from: netflix, subject: 'New on Netflix this week', bulk: true })).toBe(false);
    expect(worthReading({ from: netflix, subject: 'New on Netflix this week' })).toBe(true);
    expect(worthReading({ from: netflix, subject: 'Your membership renews soon', bulk: true })).toBe(true);
    const head = (h: string) => readHeaders(new TextEncoder().encode(h));
    expect(head('From: a@b.no\r\nList-Unsubscribe: <https://b.no/u>\r\nSubject: x\r\n\r\n').bulk).toBe(true);
    expect(head('From: a@b.no\nPrecedence: bulk\nSubject: x\n\n').bulk).toBe(true);
    expect(head('From: a@b.no\nSubject: List-Unsubscribe:\n\n').bulk).toBe(false);
  });

  it('reads a real mbox file from disk like a stream', async () => {
    const raw = readFileSync(join(process.cwd(), 'tests', 'fixtures', 'mails', `${corpus[0]!.name}.eml`));
    const { result } = await collect([fileOf('one.eml', new Uint8Array(raw))]);
    expect(result.messages).toBe(1);
  });
});

describe("mail files: a bare 'kr' is the user's own krone", () => {
  // An English receipt from a .com sender: neither the language nor the sender's domain says which krone.
  const RECEIPT = `From: Streamo <billing@streamo.com>\r\nTo: alex@example.com\r\nSubject: Your Streamo receipt\r\nDate: Mon, 2 Nov 2026 08:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThanks for your payment.\r\nStreamo Premium, monthly subscription\r\nAmount charged: 149 kr\r\nYour subscription renews on 2 December 2026.\r\n`;
  const run = (preferCurrencies?: string[]) => {
    const found: FoundMail[] = [];
    return runMailJob([fileOf('receipt.eml', enc.encode(RECEIPT))], {
      today: '2026-11-05',
      onFound: (f) => found.push(...f),
      ...(preferCurrencies ? { preferCurrencies } : {}),
    }).then(() => found);
  };

  it('reads it in the currency the user prefers (their krone first)', async () => {
    for (const krone of ['SEK', 'DKK', 'NOK']) {
      const [f] = await run([krone, 'EUR']);
      expect(f?.result.subscription?.currency ?? f?.result.charges[0]?.currency, krone).toBe(krone);
    }
  });
});
