import type { Language, RightsCountry, RightsSettings } from '../model';

/** The country a base currency points to (the euro: some EU country, whose shared rules are the EU's). */
const BY_CURRENCY: Record<string, RightsCountry> = { NOK: 'NO', SEK: 'SE', DKK: 'DK', GBP: 'GB', EUR: 'EU' };
const BY_LANGUAGE: Partial<Record<Language, RightsCountry>> = { nb: 'NO', sv: 'SE', da: 'DK' };

/**
 * Whose consumer law Subkeeper applies: the country the user chose in the settings, else the one their base
 * currency points to (NOK → Norway …), else the one their UI language points to; undefined when nothing tells (then
 * no rule is applied, and the views say so). A consumer's own country's mandatory rules protect them also when they
 * buy from a trader abroad who directs its business at that country (Rome I art. 6), so the user's country, not the
 * site's, is what counts.
 */
export function countryOf(
  rights: RightsSettings | undefined,
  baseCurrency: string,
  language?: Language,
): RightsCountry | undefined {
  if (rights && rights.country !== 'auto') return rights.country;
  return BY_CURRENCY[baseCurrency] ?? (language ? BY_LANGUAGE[language] : undefined);
}
