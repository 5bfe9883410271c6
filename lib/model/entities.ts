import { z } from 'zod';
import { PageDetection } from './detection';
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
  /** Days before a renewal to remind; unset means the settings' default. */
  reminderDays: z.number().int().min(0).max(90).optional(),
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
  /** The user changed the price themselves (no reminder about it: they know). */
  byUser: z.boolean().optional(),
});
export type PriceChange = z.infer<typeof PriceChange>;

export { PAGE_KINDS, PageDetection, PageKind } from './detection';

/** A candidate waiting for the user (signup pages, and detected subscriptions to confirm). */
export const Detection = z.object({
  id: Id,
  url: HttpUrl,
  hostname: Hostname,
  seenAt: Timestamp,
  result: PageDetection,
  status: z.enum(['pending', 'accepted', 'dismissed']),
  /** The subscription this detection created or updated, if any. */
  subscriptionId: Id.optional(),
  tabId: z.number().int().optional(),
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
export type ExchangeRates = z.infer<typeof ExchangeRates>;

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
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});
