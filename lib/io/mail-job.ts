/**
 * One mail import, start to end: stream each file (`.eml`, or a whole `.mbox`) message by message (./mbox.ts),
 * read only the messages whose sender or subject may be about a subscription, parse them (postal-mime), detect
 * what they say (lib/detect `detectMail`) and hand back what was found, with progress. Malformed messages are
 * skipped and counted, never fatal. The dashboard runs it in a Web Worker (entrypoints/options/mail-worker.ts);
 * tests and the benchmark run the same function in Node.
 */
import { detectMail } from '../detect';
import { lexicon } from '../detect/lexicon';
import { addressHost } from '../detect/mail';
import { MalformedMessage, readMail } from '../detect/mail-mime';
import { platformOf } from '../detect/mail-service';
import { registrableDomain } from '../detect/service';
import { DIRECTORY_OPTIONS } from '../directory';
import { isKnownHost } from '../directory/hosts';
import type { FoundMail } from '../ingest-mail';
import { mailEvidence } from '../rights/mail';
import { MboxSplitter, type MessageHeaders } from './mbox';

/** What the job needs of a file: its name, size and a stream of its bytes (a browser `File`, or Node's). */
export interface MailFile {
  name: string;
  size: number;
  stream(): ReadableStream<Uint8Array>;
}

export interface MailJobProgress {
  /** Bytes read of all files, and their total. */
  bytesRead: number;
  bytesTotal: number;
  /** Messages met in the files. */
  messages: number;
  /** Messages read (their sender or subject passed the filter). */
  read: number;
  /** Messages that said something about a subscription. */
  found: number;
  /** Messages that could not be read (skipped). */
  malformed: number;
  /** Messages cut at the size limit (read from their start). */
  truncated: number;
}

export interface MailJobResult extends MailJobProgress {
  /** The job was stopped before the end. */
  cancelled: boolean;
}

const ADDRESS = /@([a-z0-9.-]+)>?\s*$/i;

/**
 * The cheap filter on a message's headers: read it when its subject has words of receipts, invoices,
 * subscriptions, trials, renewals, price changes, failed payments or cancellations (lang/*.json), or its sender is
 * a service in the directory or a payment platform and it was not sent in bulk (a service's newsletters and offers
 * carry List-Unsubscribe; its receipts and notices about an account do not need to). Personal mail and other
 * newsletters are never parsed.
 */
export function worthReading(h: MessageHeaders): boolean {
  if (subjectSpeaks(h.subject)) return true;
  if (h.bulk) return false;
  const host = (ADDRESS.exec(h.from.trim())?.[1] ?? '').toLowerCase();
  return Boolean(host && (isKnownHost(host) || platformOf(host) || isKnownHost(registrableDomain(host))));
}

function subjectSpeaks(s: string): boolean {
  if (!s) return false;
  const lex = lexicon();
  if (lex.mailReceipt.test(s) || lex.subscriptionWords.test(s) || lex.trialWords.test(s) || lex.renewal.test(s)) {
    return true;
  }
  for (const e of Object.values(lex.events)) if (e.phrases.test(s)) return true;
  const lower = s.toLowerCase();
  return lex.subjectStems.some((w) => lower.includes(w));
}

export interface MailJobOptions {
  today: string;
  onProgress?: (p: MailJobProgress) => void;
  /** Finds, in batches as they come. */
  onFound?: (found: FoundMail[]) => void;
  /** Stops the job (checked between chunks). */
  signal?: { aborted: boolean };
  /** Bytes kept of one message (default 16 MB). */
  maxMessageBytes?: number;
  /**
   * The currencies to read a `kr` or `$` as when the mail's language and sender leave it open, most likely first
   * (the user's krone, then their main currency: lib/app/defaults `preferredCurrencies`).
   */
  preferCurrencies?: readonly string[];
}

export async function runMailJob(files: readonly MailFile[], opts: MailJobOptions): Promise<MailJobResult> {
  const detectOptions = opts.preferCurrencies
    ? { ...DIRECTORY_OPTIONS, preferCurrencies: opts.preferCurrencies }
    : DIRECTORY_OPTIONS;
  const p: MailJobProgress = {
    bytesRead: 0,
    bytesTotal: files.reduce((n, f) => n + f.size, 0),
    messages: 0,
    read: 0,
    found: 0,
    malformed: 0,
    truncated: 0,
  };
  let batch: FoundMail[] = [];
  let lastReport = 0;
  const report = (force = false) => {
    const now = Date.now();
    if (!force && now - lastReport < 200) return;
    lastReport = now;
    if (batch.length > 0) {
      opts.onFound?.(batch);
      batch = [];
    }
    opts.onProgress?.({ ...p });
  };
  const handle = async (raw: Uint8Array) => {
    p.read++;
    try {
      const mail = await readMail(raw);
      const result = detectMail(mail, opts.today, detectOptions);
      if (result.kind === 'none') return;
      p.found++;
      // A sign-up or cancellation mail keeps its text and terms for the proof (issue 14); others only what they said.
      const evidence = mailEvidence(
        result,
        { subject: mail.subject, day: mail.date || opts.today, body: mail.body },
        result.service?.domain ?? addressHost(mail.from.address),
      );
      batch.push({
        result,
        mail: {
          from: mail.from.address,
          name: mail.from.name,
          subject: mail.subject,
          ...(mail.date ? { sent: mail.date } : {}),
          via: 'file',
        },
        ...(evidence ? { evidence } : {}),
      });
    } catch (e) {
      if (e instanceof MalformedMessage || e instanceof Error) p.malformed++;
      else throw e;
    }
  };

  let cancelled = false;
  for (const file of files) {
    if (opts.signal?.aborted) {
      cancelled = true;
      break;
    }
    const splitter = new MboxSplitter({
      keep: worthReading,
      ...(opts.maxMessageBytes ? { maxMessageBytes: opts.maxMessageBytes } : {}),
    });
    const counted = { messages: 0, truncated: 0 };
    const sync = () => {
      p.messages += splitter.counts.messages - counted.messages;
      p.truncated += splitter.counts.truncated - counted.truncated;
      counted.messages = splitter.counts.messages;
      counted.truncated = splitter.counts.truncated;
    };
    const reader = file.stream().getReader();
    try {
      for (;;) {
        if (opts.signal?.aborted) {
          cancelled = true;
          break;
        }
        const { done, value } = await reader.read();
        if (done) break;
        p.bytesRead += value.length;
        for (const m of splitter.push(value)) await handle(m.raw);
        sync();
        report();
      }
    } finally {
      await reader.cancel().catch(() => {});
    }
    if (cancelled) break;
    for (const m of splitter.end()) await handle(m.raw);
    sync();
    report();
  }
  report(true);
  return { ...p, cancelled };
}
