import da from './da.json';
import en from './en.json';
import nb from './nb.json';
import sv from './sv.json';

/** One template: a phrase with {n}, {unit}, {price}, {pct} or {per}, and fixed values when the phrase implies them. */
export type TemplateSpec = string | { t: string; pct?: number; amount?: number; n?: number };

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
}

/**
 * The registered languages. To add one: write `<code>.json` with the same fields and add it here.
 * The first entry is the fallback when a page's language cannot be told.
 */
export const LANGUAGES: readonly LangData[] = [en, nb, sv, da] as LangData[];
