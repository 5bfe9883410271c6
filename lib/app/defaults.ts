import { DEFAULT_SETTINGS, type Settings } from '../model';
import { bundledRates, currencyDefaults, type Krone } from '../money';

/**
 * The settings of a new user, before they confirm them on the first-run page: the base currency and the meaning of
 * a bare `kr` come from the browser's languages (`nb-NO` → NOK, `sv` → SEK, `en-GB` → GBP; lib/money/locales.json),
 * everything else from the schema's defaults. Nothing is stored until the user saves.
 */
export function localeSettings(languages: readonly string[]): Settings {
  const { base, krone } = currencyDefaults(languages, (c) => c in bundledRates.perEur);
  return { ...DEFAULT_SETTINGS, baseCurrency: base, krone };
}

/** What a bare `kr` means for these settings: the setting, else the browser's languages. */
export function kroneOf(settings: Pick<Settings, 'krone'>, languages: readonly string[]): Krone {
  return settings.krone ?? currencyDefaults(languages).krone;
}

/** The currencies to read an ambiguous `kr` or `$` as, most likely first: the user's krone, then their base. */
export function preferredCurrencies(settings: Settings, languages: readonly string[]): string[] {
  return [kroneOf(settings, languages), settings.baseCurrency];
}
