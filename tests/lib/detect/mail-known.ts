/**
 * Fixture mails the engine still gets wrong, with the fields it gets wrong (asserted exactly, like the pages').
 * Shared by the corpus test and the mail-file import test.
 */
export const KNOWN_MAIL_FAILURES: Record<string, string[]> = {
  'da-fitnesshuset-trukket-i-dag-tekst': ['kind', 'service', 'links'],
  'da-nemlig-ordre-engangs': ['service', 'amount', 'currency', 'period', 'charges'],
  'da-podimo-kvittering-cp1252': ['links'],
  'da-saxo-premium-opsagt': ['service', 'links'],
  'da-tv2play-prisstigning': ['service', 'amount', 'currency', 'period', 'priceChange', 'links'],
  'en-apple-receipt-bear-monthly': ['service'],
  'en-github-copilot-receipt-text': ['nextRenewal', 'links'],
  'en-google-play-calm-yearly': ['service', 'links'],
  'en-headspace-payment-declined': ['links'],
  'en-microsoft365-renewal-reminder': ['service', 'links'],
  'en-patreon-receipt-monthly': ['nextRenewal'],
  'en-paypal-automatic-payment-dropbox': ['kind', 'service', 'amount', 'currency', 'charges'],
  'nb-altibox-faktura-avtalegiro': ['kind', 'service', 'amount', 'currency', 'period', 'nextRenewal', 'links'],
  'nb-finn-kvittering-annonse-engangs': ['service', 'amount', 'currency', 'period'],
  'nb-sats-trekk-feilet': ['links'],
  'nb-storytel-ny-pris-tekst': ['links'],
  'nb-vgpluss-kvittering-latin1': ['links'],
  'sv-google-play-duolingo-arsvis': ['service', 'links'],
  'sv-kustposten-valkommen-intro': ['links'],
  'sv-readly-arsvis-dragit-idag': ['kind', 'charges', 'links'],
  'sv-spotify-kvitto-familj-erbjudande': ['amount'],
};
