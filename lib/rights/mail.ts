import type { PageDetection, PageTerms } from '../model';
import type { ProofPage } from './proof';
import { readTerms, type TermsPage } from './terms';

/** What a cancellation mail said, as its proof keeps it (issue 14): the body's text and the terms read from it. */
export interface MailCancellation {
  page: ProofPage;
  terms: PageTerms;
}

/**
 * The proof material of a mail the engine read as a cancellation (event `cancelled`), else undefined: its body as
 * text lines (the subject as the title) and what it states — the last day of access (on or after the day it was
 * sent), a customer number, the service's own address (lib/rights `readTerms`, as on pages, with the sender's
 * domain as the page's site). Plain data, so a mail worker can hand it over.
 */
export function mailCancellation(
  result: PageDetection,
  mail: { subject: string; day: string; body: TermsPage & { truncated: boolean } },
  domain: string,
): MailCancellation | undefined {
  if (result.event !== 'cancelled' || !domain) return undefined;
  const page = { ...mail.body, title: mail.subject };
  let terms: PageTerms = {};
  try {
    terms = readTerms(page, `https://${domain}/`, mail.day);
  } catch {
    terms = {};
  }
  return {
    page: {
      title: mail.subject,
      lines: mail.body.lines.map((l) => ({ text: l.text })),
      truncated: mail.body.truncated,
    },
    terms: { ...terms, cancelled: true },
  };
}
