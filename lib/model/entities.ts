import { z } from 'zod';
import type { Rates } from '../money/types';
import { PageDetection } from './detection';
import { MailSource } from './mail';
import {
  CurrencyCode,
  Hostname,
  HttpUrl,
  Id,
  IsoDate,
  Language,
  MinorUnits,
  Period,
  Text,
  Timestamp,
} from './primitives';
import { RightsSettings, Terms } from './rights';

export { MailSource } from './mail';

/** Categories people pay for; the service directory and the UI use these ids. */
export const CATEGORIES = [
  'video',
  'music',
  'news',
  'books',
  'food',
  'fitness',
  'telecom',
  'energy',
  'software',
  'cloud',
  'gaming',
  'learning',
  'dating',
  'membership',
  'insurance',
  'transport',
  'shopping',
  'finance',
  'other',
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export const STATUSES = ['trial', 'active', 'paused', 'cancelled'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

export const StatusChange = z.object({
  status: Status,
  date: IsoDate,
  note: Text(500).optional(),
});
export type StatusChange = z.infer<typeof StatusChange>;

export const LINK_KINDS = ['manage', 'cancel', 'pause'] as const;
export const LinkKind = z.enum(LINK_KINDS);
export type LinkKind = z.infer<typeof LinkKind>;

/** A link with where it came from: the service's own page, the directory, or the user. */
export const SourcedLink = z.object({
  url: HttpUrl,
  source: z.enum(['page', 'directory', 'user']),
  seenOn: HttpUrl.optional(),
  seenAt: IsoDate.optional(),
  /**
   * The day the user accepted this page-supplied link (in the inbox). A `page` link without it was never accepted:
   * notifications never open it (lib/reminders `cancelUrlOf`).
   */
  acceptedAt: IsoDate.optional(),
});
export type SourcedLink = z.infer<typeof SourcedLink>;

export const Links = z.object({
  manage: SourcedLink.optional(),
  cancel: SourcedLink.optional(),
  pause: SourcedLink.optional(),
});
export type Links = z.infer<typeof Links>;

export const Share = z.object({ memberId: Id, percent: z.number().min(0).max(100) });
export type Share = z.infer<typeof Share>;

export const Subscription = z.object({
  id: Id,
  service: Text(120).pipe(z.string().min(1, 'a name is required')),
  /** Id in the service directory, when known. */
  serviceId: Id.optional(),
  domain: Hostname.optional(),
  category: Category.default('other'),
  /** The recurring (full) price. */
  amountMinor: MinorUnits,
  currency: CurrencyCode,
  period: Period,
  status: Status,
  statusHistory: z.array(StatusChange).max(500).default([]),
  /**
   * A billing day of the schedule: renewals are this day plus whole periods, never earlier (so a future anchor
   * is the next renewal, as the form calls it). A past one keeps the day of month (the 31st) across short months.
   */
  billingAnchor: IsoDate,
  /**
   * The day of the latest payment known (a receipt, a recorded charge). That day's renewal is paid: the next one
   * is due after it.
   */
  lastPaid: IsoDate.optional(),
  startDate: IsoDate.optional(),
  trialEnd: IsoDate.optional(),
  introAmountMinor: MinorUnits.optional(),
  introEnd: IsoDate.optional(),
  cancelledOn: IsoDate.optional(),
  /** Last day of service after cancelling (access until). */
  endsOn: IsoDate.optional(),
  pausedUntil: IsoDate.optional(),
  links: Links.default({}),
  paymentMethod: Text(80).optional(),
  ownerId: Id.optional(),
  shares: z.array(Share).max(20).optional(),
  notes: Text(2000).optional(),
  /** No reminders at all for this one (turned off in the reminders view). */
  remindersOff: z.boolean().optional(),
  /** Days before a renewal to remind; unset means the settings' default. */
  reminderDays: z.number().int().min(0).max(90).optional(),
  /** The contract's terms (binding, notice, renewal, withdrawal), from its sign-up page or the user (lib/rights). */
  terms: Terms.optional(),
  source: z.enum(['detected', 'manual', 'imported']),
  /** A detected subscription stays unconfirmed until the user accepts it. */
  confirmed: z.boolean().default(true),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Subscription = z.infer<typeof Subscription>;
export type SubscriptionInput = z.input<typeof Subscription>;

export const Charge = z.object({
  id: Id,
  subscriptionId: Id,
  date: IsoDate,
  amountMinor: MinorUnits,
  currency: CurrencyCode,
  source: z.enum(['receipt', 'billing', 'account', 'confirmation', 'import', 'manual']),
  sourceUrl: HttpUrl.optional(),
});
export type Charge = z.infer<typeof Charge>;

export const PriceChange = z.object({
  id: Id,
  subscriptionId: Id,
  date: IsoDate,
  oldAmountMinor: MinorUnits,
  newAmountMinor: MinorUnits,
  currency: CurrencyCode,
  sourceUrl: HttpUrl.optional(),
  /** The day Subkeeper first saw the new price (the notice the user had, as far as Subkeeper knows). */
  noticedOn: IsoDate.optional(),
  /** The user changed the price themselves (no reminder about it: they know). */
  byUser: z.boolean().optional(),
  /**
   * Announced ahead (a price-change notice): the subscription keeps its price until `date`, when the new price is
   * applied (lib/proposal `applyDuePriceChanges`) and this is cleared.
   */
  announced: z.boolean().optional(),
});
export type PriceChange = z.infer<typeof PriceChange>;

export { DETECTION_EVENTS, DetectionEvent, PAGE_KINDS, PageDetection, PageKind } from './detection';

/** A charge a page showed, waiting to be recorded when its proposal is accepted. */
export const ProposedCharge = z.object({
  date: IsoDate,
  amountMinor: MinorUnits,
  currency: CurrencyCode,
  source: Charge.shape.source,
});
export type ProposedCharge = z.infer<typeof ProposedCharge>;

/** A subscription a page proposes to add (what accepting creates, before ids and stamps). */
export const ProposedSubscription = Subscription.pick({
  service: true,
  serviceId: true,
  domain: true,
  category: true,
  amountMinor: true,
  currency: true,
  period: true,
  status: true,
  billingAnchor: true,
  lastPaid: true,
  startDate: true,
  trialEnd: true,
  introAmountMinor: true,
  introEnd: true,
  links: true,
  terms: true,
});
export type ProposedSubscription = z.infer<typeof ProposedSubscription>;

/** Changes a page proposes to a subscription the user has: only what differs, each field optional. */
export const ProposedChanges = z.object({
  amountMinor: MinorUnits.optional(),
  period: Period.optional(),
  billingAnchor: IsoDate.optional(),
  links: Links.optional(),
  /** The day the new price applies from (recorded with the price change; a coming day leaves the price until then). */
  priceFrom: IsoDate.optional(),
  /**
   * A cancellation the service confirmed (its page or a mail): accepting marks the subscription cancelled on
   * `statusFrom`, with access until `endsOn` when the service stated a last day.
   */
  status: z.literal('cancelled').optional(),
  statusFrom: IsoDate.optional(),
  endsOn: IsoDate.optional(),
  /** Terms a page stated for a subscription that has none yet. */
  terms: Terms.optional(),
});
export type ProposedChanges = z.infer<typeof ProposedChanges>;

/** An earlier price of a subscription read from its receipts (a mail import): recorded as price history. */
export const ProposedPriceStep = z.object({
  date: IsoDate,
  oldAmountMinor: MinorUnits,
  newAmountMinor: MinorUnits,
});
export type ProposedPriceStep = z.infer<typeof ProposedPriceStep>;

/**
 * What a page (or a mail) proposes. Nothing a page says changes the user's data until the user accepts it: a new
 * subscription to add, or changes to one the user has (`Detection.subscriptionId`), with the charges seen.
 */
export const Proposal = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('new'),
    subscription: ProposedSubscription,
    charges: z.array(ProposedCharge).max(500).default([]),
    /** Price history read from the receipts (oldest first). */
    priceSteps: z.array(ProposedPriceStep).max(100).optional(),
  }),
  z.object({
    type: z.literal('update'),
    changes: ProposedChanges,
    charges: z.array(ProposedCharge).max(500).default([]),
    priceSteps: z.array(ProposedPriceStep).max(100).optional(),
  }),
]);
export type Proposal = z.infer<typeof Proposal>;

/** What a page showed, waiting for the user in the inbox (a proposal), or what became of it. */
export const Detection = z.object({
  id: Id,
  /** The page it was seen on (for a mail: the webmail page; a mail file has none). */
  url: HttpUrl.optional(),
  hostname: Hostname,
  seenAt: Timestamp,
  result: PageDetection,
  status: z.enum(['pending', 'accepted', 'dismissed']),
  /**
   * While pending: the subscription the proposal would change (absent for a new one). Once accepted: the
   * subscription it created or changed.
   */
  subscriptionId: Id.optional(),
  tabId: z.number().int().optional(),
  /** What accepting does; absent on detections stored before proposals (they are read from `result`). */
  proposal: Proposal.optional(),
  /** Set when it was read from an e-mail rather than a page. */
  mail: MailSource.optional(),
});
export type Detection = z.infer<typeof Detection>;

export const Member = z.object({
  id: Id,
  name: Text(60).pipe(z.string().min(1, 'a name is required')),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #3366cc'),
});
export type Member = z.infer<typeof Member>;

export const ExchangeRates = z.object({
  /** The day the rates are from. */
  date: IsoDate,
  /** Units of each currency per 1 EUR. */
  perEur: z.record(CurrencyCode, z.number().positive()),
});
/** The same shape as lib/money's `Rates` (one type: the schema is checked against it). */
export type ExchangeRates = Rates;
ExchangeRates satisfies z.ZodType<Rates>;

export const ReminderSettings = z.object({
  renewalDays: z.number().int().min(0).max(90).default(3),
  yearlyRenewalDays: z.number().int().min(0).max(90).default(14),
  trialDays: z.array(z.number().int().min(0).max(30)).max(5).default([3, 1]),
  introEnd: z.boolean().default(true),
  priceIncrease: z.boolean().default(true),
  weeklyDigest: z.boolean().default(false),
  enabled: z.boolean().default(true),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const DetectionSettings = z.object({
  enabled: z.boolean().default(true),
  neverSites: z.array(Hostname).max(1000).default([]),
  onlyKnownServices: z.boolean().default(false),
});
export type DetectionSettings = z.infer<typeof DetectionSettings>;

export const Settings = z.object({
  /** Totals and charts are shown in this currency (a new user's comes from the browser's locale). */
  baseCurrency: CurrencyCode.default('NOK'),
  /** What a bare `kr` means; unset follows the browser's languages (lib/money `currencyDefaults`). */
  krone: z.enum(['NOK', 'SEK', 'DKK', 'ISK']).optional(),
  /** `auto` follows the browser's language. */
  language: z.union([Language, z.literal('auto')]).default('auto'),
  reminders: ReminderSettings.default(ReminderSettings.parse({})),
  detection: DetectionSettings.default(DetectionSettings.parse({})),
  /** User-edited rates; unset means the bundled table. */
  exchangeRates: ExchangeRates.optional(),
  /** Whose consumer law applies, and the opt-in count of days of use (lib/rights). */
  rights: RightsSettings.default(RightsSettings.parse({})),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});
