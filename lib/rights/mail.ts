import type { PageDetection, PageTerms, ProofKind, Terms } from '../model';
import type { ProofPage } from './proof';
import { readTerms, type TermsPage } from './terms';

/**
 * What a sign-up or cancellation mail said, as its proof keeps it (issue 14): the kind of proof, the body's text (the
 * subject as the title) and the terms read from it.
 */
export interface MailEvidence {
  kind: ProofKind;
  /** The day the mail was sent (a sign-up mail's is the contract date). */
  day: string;
  /** A welcome or confirmation mail (not a receipt that only informs about the right of withdrawal). */
  confirmation: boolean;
  page: ProofPage;
  terms: PageTerms;
}

/**
 * The proof material of a mail, else undefined. A mail the engine read as a cancellation (event `cancelled`) is a
 * cancellation's proof: what it states — the last day of access (on or after the day it was sent), a customer
 * number, the service's own address (lib/rights `readTerms`, as on pages, with the sender's domain as the page's
 * site). A welcome or order confirmation (event `welcome`, or a sign-up or confirmation), or a receipt that informs
 * about the right of withdrawal (the confirmation on a durable medium the law requires, Directive 2011/83/EU
 * art. 8(7)), is a sign-up's proof, with the binding and notice periods, renewal and withdrawal it states. Plain
 * data, so a mail worker can hand it over; other mails keep nothing.
 */
export function mailEvidence(
  result: PageDetection,
  mail: { subject: string; day: string; body: TermsPage & { truncated: boolean } },
  domain: string,
): MailEvidence | undefined {
  if (!domain || result.kind === 'none' || result.kind === 'pricing') return undefined;
  const cancelled = result.event === 'cancelled';
  const signupLike =
    !cancelled && (result.event === 'welcome' || result.kind === 'signup' || result.kind === 'confirmation');
  if (!cancelled && !signupLike && result.kind !== 'receipt') return undefined;
  let terms: PageTerms = {};
  try {
    terms = readTerms({ ...mail.body, title: mail.subject }, `https://${domain}/`, mail.day);
  } catch {
    terms = {};
  }
  if (!cancelled && !signupLike && terms.withdrawal === undefined) return undefined;
  return {
    kind: cancelled ? 'cancellation' : 'signup',
    day: mail.day,
    confirmation: signupLike,
    page: {
      title: mail.subject,
      lines: mail.body.lines.map((l) => ({ text: l.text })),
      truncated: mail.body.truncated,
    },
    terms: cancelled ? { ...terms, cancelled: true } : terms,
  };
}

/**
 * The terms a subscription gets from its sign-up mail: the day it was sent as the contract date, and what the mail
 * stated. What it said about the right of withdrawal counts only when it said something: unlike a sign-up page, a
 * mail that says nothing does not show the information was never given (the page may have given it).
 */
export function termsFromMail(stated: PageTerms, day: string): Terms {
  const terms: Terms = { contractDate: day };
  if (stated.withdrawal) terms.withdrawal = stated.withdrawal;
  if (stated.withdrawalUrl) terms.withdrawalUrl = stated.withdrawalUrl;
  if (stated.bindingMonths !== undefined) terms.bindingMonths = stated.bindingMonths;
  if (stated.notice) terms.notice = stated.notice;
  if (stated.autoRenew !== undefined) terms.autoRenew = stated.autoRenew;
  if (stated.customerNumber) terms.customerNumber = stated.customerNumber;
  if (stated.contactEmail) terms.contactEmail = stated.contactEmail;
  return terms;
}
