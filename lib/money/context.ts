/**
 * What is known about where a price was written: the page language (`nb`, `sv-SE`, `en-US`), its hostname, and a
 * default currency. Used to resolve ambiguous texts such as `kr` and `$`.
 * `hint`: other text near the price that may name the currency. `decimalSeparator`: fixes the decimal mark when known.
 */
export type PriceContext = {
  lang?: string;
  hostname?: string;
  defaultCurrency?: string;
  hint?: string;
  decimalSeparator?: '.' | ',';
};
