import data from './locales.json';

/**
 * Which currency a browser locale means: the base currency a new user starts with, what a bare `kr` means to them,
 * and which currency a locale writes with its own symbol (everything else is written with its code, so one list
 * never shows `289,00 kr` beside `229,00 Nkr`). Data in locales.json; no branches per country here.
 */

const REGIONS = data.regions as Record<string, string>;
const LIKELY = data.likelyRegion as Record<string, string>;

/** The currencies written `kr`. */
export const KRONER = ['NOK', 'SEK', 'DKK', 'ISK'] as const;
export type Krone = (typeof KRONER)[number];
const KRONE_SET: ReadonlySet<string> = new Set(KRONER);

export function isKrone(code: string): code is Krone {
  return KRONE_SET.has(code);
}

/** The region of a BCP 47 tag (`nb-NO` → NO, `sv` → SE by likely subtags, `zh-Hant-HK` → HK); undefined if unknown. */
export function regionOf(tag: string): string | undefined {
  if (typeof tag !== 'string') return undefined;
  const parts = tag.replace(/_/g, '-').split('-');
  const lang = (parts[0] ?? '').toLowerCase();
  for (const p of parts.slice(1)) {
    if (/^[A-Za-z]{2}$/.test(p)) return p.toUpperCase();
    if (/^\d{3}$/.test(p)) break;
  }
  return LIKELY[lang];
}

/** The currency of a locale's region (`sv-SE` → SEK, `en-GB` → GBP, `fi` → EUR); undefined when unknown. */
export function currencyOfLocale(tag: string): string | undefined {
  const region = regionOf(tag);
  return region ? REGIONS[region] : undefined;
}

export interface LocaleCurrencies {
  /** The base currency to start with: the first browser language's currency that `known` accepts. */
  base: string;
  /** What a bare `kr` means: the first krone among the browser languages, else the base if it is one, else NOK. */
  krone: Krone;
}

/**
 * The currency defaults for a browser's preferred languages (`navigator.languages`, most preferred first).
 * `known` limits the base to currencies that can be converted (the bundled exchange rates); EUR when none is.
 */
export function currencyDefaults(
  languages: readonly string[],
  known: (code: string) => boolean = () => true,
): LocaleCurrencies {
  const currencies = languages.map(currencyOfLocale).filter((c): c is string => c !== undefined);
  const base = currencies.find(known) ?? 'EUR';
  const krone = languages.map(kroneOf).find((k) => k !== undefined) ?? (isKrone(base) ? base : 'NOK');
  return { base, krone };
}

/** The krone a tag points to by its region or its language (`sv-FI` writes `kr` for SEK though it pays EUR). */
function kroneOf(tag: string): Krone | undefined {
  const own = currencyOfLocale(tag);
  if (own && isKrone(own)) return own;
  const lang = (tag.split(/[-_]/)[0] ?? '').toLowerCase();
  const region = LIKELY[lang];
  const byLanguage = region ? REGIONS[region] : undefined;
  return byLanguage && isKrone(byLanguage) ? byLanguage : undefined;
}
