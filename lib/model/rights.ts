import { z } from 'zod';
import { PageKind } from './detection';
import { MailSource } from './mail';
import { HttpUrl, Id, IsoDate, Text, Timestamp } from './primitives';

/*
 * What Subkeeper keeps about a person's rights (issue 14): the terms a sign-up page stated, stored with the
 * subscription; and proof — what a sign-up or cancellation page said, kept locally. The rules that use them are
 * data in lib/rights/rules.
 */

/** Countries whose consumer rules Subkeeper knows (lib/rights/rules); `EU` is any other EU country. */
export const RIGHTS_COUNTRIES = ['NO', 'SE', 'DK', 'FI', 'GB', 'EU'] as const;
export const RightsCountry = z.enum(RIGHTS_COUNTRIES);
export type RightsCountry = z.infer<typeof RightsCountry>;

/** A notice period: `1 M`, `30 D`; `currentMonth` for "the rest of this month + n months" (løpende måned + 1). */
export const NoticePeriod = z.object({
  n: z.number().int().min(1).max(36),
  unit: z.enum(['D', 'W', 'M']),
  currentMonth: z.boolean().optional(),
});
export type NoticePeriod = z.infer<typeof NoticePeriod>;

/** An e-mail address a page gave for contacting the service (only its own domain is kept; lib/rights/terms). */
export const Email = z
  .string()
  .max(254)
  .regex(/^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'not an e-mail address');

/** The terms one page stated (lib/rights/terms `readTerms`). Every field is what the page said, nothing inferred. */
export const PageTerms = z.object({
  /** The binding (minimum) period in months; 0 when the page said there is none. */
  bindingMonths: z.number().int().min(0).max(60).optional(),
  notice: NoticePeriod.optional(),
  /** true: renews until cancelled; false: the page said it ends by itself. */
  autoRenew: z.boolean().optional(),
  /** The page informed about the right of withdrawal (`stated`), or that it is lost once the service starts. */
  withdrawal: z.enum(['stated', 'waived']).optional(),
  /** The service's own withdrawal function ("withdraw from contract here", Directive (EU) 2023/2673 art. 11a). */
  withdrawalUrl: HttpUrl.optional(),
  customerNumber: Text(40).pipe(z.string().min(3)).optional(),
  contactEmail: Email.optional(),
  /** The page confirms a cancellation. */
  cancelled: z.boolean().optional(),
  /** The last day of access after cancelling, as the page stated it. */
  accessUntil: IsoDate.optional(),
});
export type PageTerms = z.infer<typeof PageTerms>;

/** Whether the user got the written reminder before an automatic renewal (Swedish lag 2014:1449), per renewal. */
export const RenewalReminderAnswer = z.object({ renewal: IsoDate, received: z.boolean() });
export type RenewalReminderAnswer = z.infer<typeof RenewalReminderAnswer>;

/** The terms of a subscription: from its sign-up page (accepted with it) or entered by the user. */
export const Terms = z.object({
  /** The day the contract was concluded (the withdrawal period runs from it). */
  contractDate: IsoDate.optional(),
  /**
   * What the sign-up page said about the right of withdrawal: `stated`, `waived` (lost once the service starts, with
   * the user's consent), or `none` (nothing: the period is then extended). Unset when not known.
   */
  withdrawal: z.enum(['stated', 'waived', 'none']).optional(),
  withdrawalUrl: HttpUrl.optional(),
  bindingMonths: z.number().int().min(0).max(60).optional(),
  notice: NoticePeriod.optional(),
  autoRenew: z.boolean().optional(),
  customerNumber: Text(40).optional(),
  contactEmail: Email.optional(),
  renewalReminders: z.array(RenewalReminderAnswer).max(50).optional(),
  /** The page the terms were read from. */
  seenOn: HttpUrl.optional(),
});
export type Terms = z.infer<typeof Terms>;

/** Most characters of page text a proof keeps (a page's reader keeps at most 15,000 of visible text). */
export const MAX_PROOF_TEXT = 20_000;

export const PROOF_KINDS = ['signup', 'cancellation'] as const;
export const ProofKind = z.enum(PROOF_KINDS);
export type ProofKind = z.infer<typeof ProofKind>;

/**
 * What a sign-up or cancellation page (or a cancellation mail) said, kept locally as proof: its visible text
 * (bounded), address, title, the time, and the terms read from it. While its proposal waits in the inbox it belongs
 * to that detection; once accepted, to the subscription. Exported with the backup.
 */
export const Proof = z
  .object({
    id: Id,
    kind: ProofKind,
    subscriptionId: Id.optional(),
    detectionId: Id.optional(),
    /** The page (for a mail: the webmail page it was open in; a mail file has none). */
    url: HttpUrl.optional(),
    /** Set for a mail: its sender, subject and day (the title is the subject). */
    mail: MailSource.optional(),
    title: Text(500),
    seenAt: Timestamp,
    pageKind: PageKind,
    text: Text(MAX_PROOF_TEXT),
    /** The text was cut at {@link MAX_PROOF_TEXT} characters, or the page was longer than its reader reads. */
    truncated: z.boolean(),
    terms: PageTerms,
  })
  .refine((p) => p.url !== undefined || p.mail !== undefined, {
    message: 'a proof needs the address of its page or the mail it came from',
    path: ['url'],
  });
export type Proof = z.infer<typeof Proof>;

/** The settings of this part: whose law, and the opt-in count of days a tracked service's site was visited. */
export const RightsSettings = z.object({
  country: z.union([RightsCountry, z.literal('auto')]).default('auto'),
  usage: z.boolean().default(false),
});
export type RightsSettings = z.infer<typeof RightsSettings>;
