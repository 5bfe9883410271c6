import da from './da.json';
import en from './en.json';
import nb from './nb.json';
import sv from './sv.json';

/** One template: a phrase with {n}, {unit}, {price}, {pct} or {per}, and fixed values when the phrase implies them. */
export type TemplateSpec = string | { t: string; pct?: number; amount?: number; n?: number; unit?: string };

/** Everything lib/detect knows about one language. All lists are data; the code never branches on a language. */
export interface LangData {
  code: string;
  htmlLang: string[];
  tlds: string[];
  defaultCurrency: string | null;
  stopwords: string[];
  numbers: Record<string, number>;
  units: Record<string, string[]>;
  periods: Record<string, string[]>;
  periodPrefixes: Record<string, string[]>;
  billed: Record<string, string[]>;
  perInstance: string[];
  equivalent: string[];
  comparison: string[];
  afterwards: string[];
  trial: TemplateSpec[];
  trialWords: string[];
  intro: TemplateSpec[];
  renewal: string[];
  chargeDate: string[];
  charged: string[];
  total: string[];
  vat: string[];
  vatInclusive: string[];
  net: string[];
  saving: string[];
  old: string[];
  dueToday: string[];
  shipping: string[];
  oneOff: string[];
  installment: string[];
  /** Words right before a date from which a new price applies (`fra 1. januar 2027 koster …`). */
  priceFrom: string[];
  failed: string[];
  links: Record<'cancel' | 'pause' | 'manage', string[]>;
  kinds: Record<'signup' | 'confirmation' | 'receipt' | 'billing' | 'account' | 'pricing', string[]>;
  summary: string[];
  upsell: string[];
  donation: string[];
  newsletter: string[];
  subscriptionWords: string[];
  cookieWords: string[];
  /** Per message event, phrases that say it, and pairs of word lists that say it together in one sentence. */
  mailEvents: Record<
    'trial-ending' | 'renewal-upcoming' | 'price-change' | 'payment-failed' | 'cancelled' | 'welcome',
    { phrases: string[]; near: string[][] }
  >;
  /** A message to a seller about its customers (`new paid subscriber`, `ny betalende abonnent`). */
  seller: string[];
  /** A message that is a receipt, an invoice or an order confirmation (its subject and headings). */
  mailReceipt: string[];
  /** An amount still to be paid (`amount due`, `å betale`, `förfallodatum`). */
  unpaid: string[];
  /** An amount that was paid (`paid`, `betalt`, `debiterat`). */
  paid: string[];
  /** Labels of the day an amount due will be paid (`due date`, `forfallsdato`, `betalingsdato`). */
  dueDate: string[];
  /** Link texts that are never a cancel/manage/pause action: legal pages, unsubscribe, help. Any word may end so. */
  linkNot: string[];
  /** Words after which a payment processor's mail names the merchant (`receipt from`, `kvittering fra`, `hos`). */
  brandBefore: string[];
  /** Words that end such a name (`for`, `er`, `för`). */
  brandStop: string[];
  /** Labels of the price paid now and of the coming price in a price-change notice. */
  oldPrice: string[];
  newPrice: string[];
  /** `from X to Y` in a price-change notice. */
  changeFrom: string[];
  changeTo: string[];
  /** `today`, for a charge stated as made today (`charged £1.00 today`, `trukket i dag`). */
  today: string[];
  /** Words that make a date after a renewal phrase not the day itself (`første trekk etter 1. januar`). */
  notOn: string[];
  /** Labels of the day a coming charge is taken (`Charge date`, `Trekkdato`, `Trækkes`). */
  chargeDay: string[];
  /** The column of a plan table that is the reader's (`Plus (dit valg)`, `Current plan`). */
  chosenWords: string[];
  /**
   * Word parts that make a mail's subject worth reading in a mail import (`pris`, also inside `prisendring`;
   * `levering` inside `kaffelevering`): matched as plain substrings, for recall (the detection decides).
   */
  subjectStems: string[];
  /**
   * Verbs in the sentence around a message's link whose own text says nothing (`Min konto`, `Subscriptions`, a bare
   * URL): `ændre eller opsige dit abonnement under Min konto` is a manage link, `cancel your subscription from
   * Subscriptions` a cancel link.
   */
  linkContext: Record<'manage' | 'cancel', string[]>;
  /** Links to update the card a subscription is paid with (`Update payment method`): managing, when no other link is. */
  paymentLinks: string[];
  /** Link texts of the reader's account pages (`Min side`, `Mitt konto`): in a message about a subscription, where it is managed. */
  accountLinks: string[];
  /**
   * Possessives that, before a capitalised name, make a link to the reader's own self-service portal (`Mitt Telenor`,
   * `Mit Telia`, `My Vodafone`), also at the end of a longer link text (`Se fakturaen i Mitt Telenor`).
   */
  accountOwn: string[];
  /** A link ending a teaser line (`Les mer`, `Learn more`): a price on that line in a message is an offer. */
  readMore: string[];
  /** An order whose amount is taken later (`Beløbet trækkes på dit kort, når varerne leveres`): no charge yet. */
  chargedLater: string[];
  /** Words before a day of the month a renewal comes on (`renews monthly on the 1st`, `fornyes den 15.`). */
  dayOfMonthBefore: string[];
  /** Labels of the last day a payment covers (`For service through`, `Betalt til og med`): it renews the day after. */
  paidThrough: string[];
  /** `99 kr i stedet for 89 kr`: the coming price, then the price paid now. */
  insteadOf: string[];
}

/**
 * The registered languages. To add one: write `<code>.json` with the same fields and add it here.
 * The first entry is the fallback when a page's language cannot be told.
 */
export const LANGUAGES: readonly LangData[] = [en, nb, sv, da] as LangData[];
