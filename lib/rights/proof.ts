import { MAX_PROOF_TEXT, type MailSource, type PageKind, type PageTerms, Proof, type ProofKind } from '../model';

/** The page as a proof keeps it: its title and visible text (lib/model/page.ts `PageSnapshot` has both). */
export interface ProofPage {
  title: string;
  lines: ReadonlyArray<{ text: string }>;
  truncated: boolean;
}

/**
 * A proof of what a page (or a mail) said (issue 14 item 4): its visible text as the page reader read it (one line per block,
 * the same text the detection ran on; no images, nothing of other sites), bounded to {@link MAX_PROOF_TEXT}
 * characters, with its address, title, the time and the terms read from it. Validated; never throws for a page
 * the reader made (an over-long title is cut).
 */
export function makeProof(input: {
  id: string;
  kind: ProofKind;
  /** The page (for a mail, the webmail page it was open in; none for a mail file). */
  url?: string;
  /** For a mail: its sender, subject and day. */
  mail?: MailSource;
  page: ProofPage;
  pageKind: PageKind;
  terms: PageTerms;
  stamp: string;
  detectionId?: string;
  subscriptionId?: string;
}): Proof {
  let text = input.page.lines.map((l) => l.text).join('\n');
  let truncated = input.page.truncated;
  if (text.length > MAX_PROOF_TEXT) {
    text = text.slice(0, MAX_PROOF_TEXT);
    truncated = true;
  }
  return Proof.parse({
    id: input.id,
    kind: input.kind,
    ...(input.url ? { url: input.url } : {}),
    ...(input.mail ? { mail: input.mail } : {}),
    title: input.page.title.slice(0, 500),
    seenAt: input.stamp,
    pageKind: input.pageKind,
    text,
    truncated,
    terms: input.terms,
    ...(input.detectionId ? { detectionId: input.detectionId } : {}),
    ...(input.subscriptionId ? { subscriptionId: input.subscriptionId } : {}),
  });
}

/**
 * A proof as a plain text file (Save as a text file in the detail view): the title (a mail's subject), where it came
 * from (the page's address, or the mail's sender and day), the time it was seen, and its text.
 */
export function proofText(p: Proof): string {
  const head = [p.title];
  if (p.mail)
    head.push(
      `${p.mail.name ? `${p.mail.name} <${p.mail.from}>` : p.mail.from}${p.mail.sent ? `, ${p.mail.sent}` : ''}`,
    );
  if (p.url) head.push(p.url);
  head.push(p.seenAt);
  return `${head.join('\n')}\n\n${p.text}\n`;
}
