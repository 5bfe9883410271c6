/**
 * What is known about where a price was written: the page language (`nb`, `sv-SE`, `en-US`), its hostname, and a
 * default currency. Used to resolve ambiguous texts such as `kr` and `$`.
 * `hint`: other text near the price that may name the currency. `decimalSeparator`: fixes the decimal mark when known.
 */
export type PriceContext = {
  lang?: string;
  hostname?: string;
  defaultCurrency?: string;
  /**
   * Currencies the reader deals in (their `kr`, their base currency), for an ambiguous text the page's language
   * and hostname do not resolve: `kr 99` on an English page at a .com is the reader's own krone.
   */
  prefer?: readonly string[];
  hint?: string;
  decimalSeparator?: '.' | ',';
};
