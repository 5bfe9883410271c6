import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { detectMail } from '../../../lib/detect';
import { mailOfWebmail } from '../../../lib/detect/mail';
import { fixC1, readMail } from '../../../lib/detect/mail-mime';
import { toReport } from '../../../lib/detect/report';
import { isWebmailHost, readWebmail } from '../../../lib/detect/webmail';
import clients from '../../../lib/detect/webmail.json';
import hosts from '../../../lib/detect/webmail-hosts.json';
import { DIRECTORY_OPTIONS } from '../../../lib/directory';
import { diffFields, readMailCorpus } from '../../../scripts/corpus';
import { bodyOf, gmailPage, type OpenMail, outlookPage, protonPage, textAsHtml } from '../../webmail-pages';

const corpus = readMailCorpus(join(process.cwd(), 'tests', 'fixtures', 'mails'));

/** A page at `url` (iframes of about:blank get a document, as in a browser; no script runs). */
async function open(html: string, url: string, fill?: (doc: Document) => void) {
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      enableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  window.document.write(html);
  await window.happyDOM.waitUntilComplete();
  const doc = window.document as unknown as Document;
  fill?.(doc);
  return { doc, close: () => window.happyDOM.close() };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** How each client shows a message's day (English UI). */
function shown(day: string, client: 'gmail' | 'outlook' | 'proton'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (client === 'gmail') return `${MONTHS[m - 1]} ${d}, ${y}, 9:14 AM`;
  if (client === 'outlook') return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y} 09:14`;
  return `${MONTHS[m - 1]} ${d}, ${y} at 9:14 AM`;
}

async function openMailOf(raw: Uint8Array, client: 'gmail' | 'outlook' | 'proton') {
  const email = await PostalMime.parse(raw);
  const from = email.from as { name?: string; address?: string };
  const dateLine = email.headers.find((h) => h.key === 'date')?.value ?? '';
  const m = /(\d{1,2}) (\w{3}) (\d{4})/.exec(dateLine);
  const day = m
    ? `${m[3]}-${String(MONTHS.indexOf(m[2] as string) + 1).padStart(2, '0')}-${m[1]?.padStart(2, '0')}`
    : '';
  const mail: OpenMail = {
    fromName: fixC1(from.name ?? ''),
    fromAddress: from.address ?? '',
    subject: fixC1(email.subject ?? ''),
    dateShown: shown(day, client),
    bodyHtml: email.html ? bodyOf(fixC1(email.html)) : textAsHtml(fixC1(email.text ?? '')),
  };
  return mail;
}

const PAGES = {
  gmail: { url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWktvHkfLmWpGbRJdxXxZqTb', page: gmailPage },
  outlook: { url: 'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM4ZmYAZC0wMTdmLTk5', page: outlookPage },
  proton: { url: 'https://mail.proton.me/u/0/inbox/Nz8hYWvRrQk', page: (m: OpenMail) => protonPage(m) },
} as const;

describe('webmail reader', () => {
  it('knows the webmail hosts by a host compare, and the selectors cover the same hosts', () => {
    expect(isWebmailHost('mail.google.com')).toBe(true);
    expect(isWebmailHost('OUTLOOK.LIVE.COM')).toBe(true);
    expect(isWebmailHost('mail.proton.me')).toBe(true);
    expect(isWebmailHost('google.com')).toBe(false);
    expect(isWebmailHost('mail.google.com.evil.example')).toBe(false);
    expect(clients.clients.flatMap((c) => c.hosts).sort()).toEqual([...hosts.hosts].sort());
  });

  it('reads nothing when no message is open (the inbox list only)', async () => {
    const mail = await openMailOf(corpus[0]!.raw, 'gmail');
    const inbox = gmailPage(mail).replace(/<div role="main"[\s\S]*<\/body>/, '</div></body>');
    const { doc, close } = await open(inbox, PAGES.gmail.url);
    expect(readWebmail(doc, 'mail.google.com')).toBeNull();
    await close();
  });

  it('never reads the message list or the page around the open message', async () => {
    const fx = corpus.find((f) => f.name === 'en-cartograph-stripe-receipt-yearly')!;
    for (const [client, { url, page }] of Object.entries(PAGES)) {
      const mail = await openMailOf(fx.raw, client as 'gmail');
      const { doc, close } = await open(page(mail), url, (d) => fillProton(d, mail));
      const read = readWebmail(doc, new URL(url).hostname);
      await close();
      expect(read, client).not.toBeNull();
      const text = read!.body.lines.map((l) => l.text).join('\n');
      expect(text, client).toContain('Receipt from Cartograph');
      expect(text, client).not.toMatch(/Middag fredag|Your statement is ready|Inbox|Reply/);
      expect(read!.from, client).toEqual({ name: 'Cartograph', address: 'receipts+acct_1pqr7stuvwxyz@stripe.com' });
      expect(read!.subject, client).toBe('Your receipt from Cartograph #2291-4410');
    }
  });

  for (const client of ['gmail', 'outlook', 'proton'] as const) {
    it(`gives every fixture mail open in ${client} the same detection as the mail file`, async () => {
      const { url, page } = PAGES[client];
      const wrong: string[] = [];
      for (const fx of corpus) {
        const mail = await openMailOf(fx.raw, client);
        const { doc, close } = await open(page(mail), url, (d) => fillProton(d, mail));
        const read = readWebmail(doc, new URL(url).hostname);
        await close();
        if (!read) {
          wrong.push(`${fx.name}: not read`);
          continue;
        }
        const report = toReport(detectMail(mailOfWebmail(read, fx.now), fx.now, DIRECTORY_OPTIONS));
        const fromFile = toReport(detectMail(await readMail(fx.raw), fx.now, DIRECTORY_OPTIONS));
        const fields = diffFields(fromFile, report);
        if (fields.length > 0) wrong.push(`${fx.name}: ${fields.join(', ')}`);
      }
      expect(wrong).toEqual(KNOWN_WEBMAIL_DIFFERENCES[client]);
    }, 240_000);
  }
});

/** Proton writes the body into its iframe with a script; here the test does (no script runs in happy-dom). */
function fillProton(doc: Document, mail: OpenMail) {
  const frame = doc.querySelector('iframe[data-testid="content-iframe"]') as HTMLIFrameElement | null;
  const inner = frame?.contentDocument;
  if (!inner) return;
  inner.open();
  inner.write(`<html><body><div id="proton-root"><div>${mail.bodyHtml}</div></div></body></html>`);
  inner.close();
}

/** Mails that read differently in a webmail client than from their file, with the reason. */
const KNOWN_WEBMAIL_DIFFERENCES: Record<'gmail' | 'outlook' | 'proton', string[]> = {
  gmail: [],
  outlook: [],
  proton: [],
};

// Keep the fixture bytes honest: every mail file is read from disk (not generated here).
it('reads the fixture mails from disk', () => {
  expect(readFileSync(join(process.cwd(), 'tests', 'fixtures', 'mails', `${corpus[0]!.name}.eml`)).length).toBe(
    corpus[0]!.raw.length,
  );
});
