import type { Backup, Language } from '../../lib/model';
import { generateDemo } from '../../scripts/demo';

/**
 * Demo data for the store screenshots, one household per market: scripts/demo's generated household (charge
 * histories, price rises, trials, members) with the services, prices and currencies a Swede, a Dane or a Briton
 * would have. Subscriptions without an entry for the market are left out with their charges.
 */

interface Local {
  service: string;
  domain: string;
  /** Price in minor units of `currency`, per the demo subscription's own period. */
  amountMinor: number;
  currency: string;
  cancel?: string;
}

type Market = Record<string, Local>;

const SEK = (service: string, domain: string, kr: number, cancel?: string): Local => ({
  service,
  domain,
  amountMinor: kr * 100,
  currency: 'SEK',
  ...(cancel ? { cancel } : {}),
});
const DKK = (service: string, domain: string, kr: number, cancel?: string): Local => ({
  service,
  domain,
  amountMinor: kr * 100,
  currency: 'DKK',
  ...(cancel ? { cancel } : {}),
});
const GBP = (service: string, domain: string, pence: number, cancel?: string): Local => ({
  service,
  domain,
  amountMinor: pence,
  currency: 'GBP',
  ...(cancel ? { cancel } : {}),
});

/** By the demo's service name (scripts/demo TEMPLATES), what the household in each market has instead. */
const MARKETS: Record<Exclude<Language, 'nb'>, Market> = {
  sv: {
    Netflix: SEK('Netflix', 'netflix.com', 149, 'https://www.netflix.com/cancelplan'),
    'Spotify Premium Family': SEK(
      'Spotify Premium Family',
      'spotify.com',
      189,
      'https://www.spotify.com/account/subscription/',
    ),
    Viaplay: SEK('Viaplay', 'viaplay.se', 449),
    'TV 2 Play': SEK('Max', 'max.com', 109),
    'VG+': SEK('Aftonbladet Plus', 'aftonbladet.se', 99),
    Aftenposten: SEK('Dagens Nyheter', 'dn.se', 399),
    Storytel: SEK('Storytel', 'storytel.com', 229),
    'Adams Matkasse': SEK('Linas Matkasse', 'linasmatkasse.se', 749),
    SATS: SEK('SATS', 'sats.se', 599),
    'Telia Mobil': SEK('Telia Mobil', 'telia.se', 399),
    Tibber: SEK('Tibber', 'tibber.com', 49),
    BookBeat: SEK('BookBeat', 'bookbeat.com', 169),
    'Microsoft 365 Family': SEK('Microsoft 365 Family', 'microsoft.com', 1299),
    'iCloud+': SEK('iCloud+', 'icloud.com', 39),
    'Google One': SEK('Google One', 'one.google.com', 25),
    'The Economist': GBP('The Economist', 'economist.com', 17900),
    'Xbox Game Pass': SEK('Xbox Game Pass', 'xbox.com', 149),
    'Disney+': SEK('Disney+', 'disneyplus.com', 119),
    'Altibox Bredbånd': SEK('Bahnhof Bredband', 'bahnhof.se', 399),
    'Wolt+': SEK('Wolt+', 'wolt.com', 79),
  },
  da: {
    Netflix: DKK('Netflix', 'netflix.com', 129, 'https://www.netflix.com/cancelplan'),
    'Spotify Premium Family': DKK(
      'Spotify Premium Family',
      'spotify.com',
      179,
      'https://www.spotify.com/account/subscription/',
    ),
    Viaplay: DKK('Viaplay', 'viaplay.dk', 449),
    'TV 2 Play': DKK('TV 2 Play', 'play.tv2.dk', 99),
    'VG+': DKK('Ekstra Bladet+', 'ekstrabladet.dk', 49),
    Aftenposten: DKK('Politiken', 'politiken.dk', 249),
    Storytel: DKK('Mofibo', 'mofibo.com', 199),
    'Adams Matkasse': DKK('HelloFresh', 'hellofresh.dk', 599),
    SATS: DKK('Fitness World', 'fitnessworld.com', 299),
    'Telia Mobil': DKK('Telmore', 'telmore.dk', 149),
    Podimo: DKK('Podimo', 'podimo.com', 79),
    Zetland: DKK('Zetland', 'zetland.dk', 1199),
    'Microsoft 365 Family': DKK('Microsoft 365 Family', 'microsoft.com', 899),
    'iCloud+': DKK('iCloud+', 'icloud.com', 29),
    'Google One': DKK('Google One', 'one.google.com', 19),
    'The Economist': GBP('The Economist', 'economist.com', 17900),
    'Xbox Game Pass': DKK('Xbox Game Pass', 'xbox.com', 109),
    'Disney+': DKK('Disney+', 'disneyplus.com', 99),
    'Altibox Bredbånd': DKK('Norlys Fibernet', 'norlys.dk', 349),
    'Wolt+': DKK('Wolt+', 'wolt.com', 59),
  },
  en: {
    Netflix: GBP('Netflix', 'netflix.com', 1099, 'https://www.netflix.com/cancelplan'),
    'Spotify Premium Family': GBP(
      'Spotify Premium Family',
      'spotify.com',
      1999,
      'https://www.spotify.com/account/subscription/',
    ),
    Viaplay: GBP('Sky Stream', 'sky.com', 2900),
    'TV 2 Play': GBP('NOW Entertainment', 'nowtv.com', 999),
    'VG+': GBP('The Times', 'thetimes.com', 600),
    Aftenposten: GBP('The Guardian', 'theguardian.com', 1200),
    Storytel: GBP('Audible', 'audible.co.uk', 799),
    'Adams Matkasse': GBP('Gousto', 'gousto.co.uk', 4499),
    SATS: GBP('PureGym', 'puregym.com', 2999),
    'Telia Mobil': GBP('giffgaff', 'giffgaff.com', 1500),
    'Microsoft 365 Family': GBP('Microsoft 365 Family', 'microsoft.com', 10499),
    'iCloud+': GBP('iCloud+', 'icloud.com', 299),
    'Google One': GBP('Google One', 'one.google.com', 159),
    'ChatGPT Plus': { service: 'ChatGPT Plus', domain: 'openai.com', amountMinor: 2000, currency: 'USD' },
    'The Economist': GBP('The Economist', 'economist.com', 17900),
    'Xbox Game Pass': GBP('Xbox Game Pass', 'xbox.com', 1299),
    'Duolingo Super': GBP('Duolingo Super', 'duolingo.com', 8499),
    Strava: { service: 'Strava', domain: 'strava.com', amountMinor: 899, currency: 'EUR' },
    'Disney+': GBP('Disney+', 'disneyplus.com', 899),
    'Altibox Bredbånd': GBP('BT Broadband', 'bt.com', 3599),
  },
};

const MEMBERS: Record<Language, string[]> = {
  en: ['Emma', 'James', 'Lily'],
  nb: ['Ingrid', 'Erik', 'Sofie'],
  sv: ['Anna', 'Johan', 'Saga'],
  da: ['Mette', 'Lars', 'Freja'],
};

const PAYMENT: Record<Language, Record<string, string>> = {
  en: { Vipps: 'Apple Pay', Faktura: 'Direct Debit' },
  nb: {},
  sv: { Vipps: 'Klarna', Faktura: 'Autogiro' },
  da: { Vipps: 'MobilePay', Faktura: 'Betalingsservice' },
};

/** The base currency a household in each market counts in. */
export const BASE_CURRENCY: Record<Language, string> = { en: 'GBP', nb: 'NOK', sv: 'SEK', da: 'DKK' };

export function storeDemo(lang: Language, today: string): Backup {
  const demo = generateDemo({ subscriptions: 35, charges: 600, today });
  const members = demo.members.map((m, i) => ({ ...m, name: MEMBERS[lang][i] ?? m.name }));
  if (lang === 'nb') return { ...demo, members };
  const market = MARKETS[lang];
  const factor = new Map<string, { local: Local; factor: number }>();
  const subscriptions = demo.subscriptions.flatMap((s) => {
    const local = market[s.service];
    if (!local) return [];
    factor.set(s.id, { local, factor: local.amountMinor / s.amountMinor });
    const scale = local.amountMinor / s.amountMinor;
    return [
      {
        ...s,
        service: local.service,
        domain: local.domain,
        amountMinor: local.amountMinor,
        currency: local.currency,
        ...(s.introAmountMinor !== undefined ? { introAmountMinor: Math.round(s.introAmountMinor * scale) } : {}),
        links: local.cancel ? { cancel: { url: local.cancel, source: 'directory' as const } } : {},
        ...(s.paymentMethod ? { paymentMethod: PAYMENT[lang][s.paymentMethod] ?? s.paymentMethod } : {}),
      },
    ];
  });
  const charges = demo.charges.flatMap((c) => {
    const f = factor.get(c.subscriptionId);
    if (!f) return [];
    return [{ ...c, amountMinor: Math.round(c.amountMinor * f.factor), currency: f.local.currency }];
  });
  const priceChanges = demo.priceChanges.flatMap((p) => {
    const f = factor.get(p.subscriptionId);
    if (!f) return [];
    return [
      {
        ...p,
        oldAmountMinor: Math.round(p.oldAmountMinor * f.factor),
        newAmountMinor: Math.round(p.newAmountMinor * f.factor),
        currency: f.local.currency,
      },
    ];
  });
  return { ...demo, members, subscriptions, charges, priceChanges };
}
