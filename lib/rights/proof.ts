import { MAX_PROOF_TEXT, type PageKind, type PageTerms, Proof, type ProofKind } from '../model';

/** The page as a proof keeps it: its title and visible text (lib/model/page.ts `PageSnapshot` has both). */
export interface ProofPage {
  title: string;
  lines: ReadonlyArray<{ text: string }>;
  truncated: boolean;
}

/**
 * A proof of what a page said (issue 14 item 4): its visible text as the page reader read it (one line per block,
 * the same text the detection ran on; no images, nothing of other sites), bounded to {@link MAX_PROOF_TEXT}
 * characters, with its address, title, the time and the terms read from it. Validated; never throws for a page
 * the reader made (an over-long title is cut).
 */
export function makeProof(input: {
  id: string;
  kind: ProofKind;
  url: string;
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
    url: input.url,
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
