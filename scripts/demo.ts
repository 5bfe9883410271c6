import { addDays } from '../lib/dates';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type Category,
  type Charge,
  DEFAULT_SETTINGS,
  type Member,
  type PriceChange,
  type Subscription,
} from '../lib/model';
import { addPeriods, occurrences } from '../lib/schedule';
import { prng } from './prng';

/**
 * Realistic demo data: Nordic and international subscriptions with charge histories, price increases, trials,
 * intro prices, paused and cancelled ones, and a household of three. Deterministic for a given seed and day.
 */

interface Template {
  service: string;
  domain: string;
  category: Category;
  amount: number;
  currency: string;
  period: string;
  cancel?: string;
}

const TEMPLATES: readonly Template[] = [
  {
    service: 'Netflix',
    domain: 'netflix.com',
    category: 'video',
    amount: 17900,
    currency: 'NOK',
    period: 'P1M',
    cancel: 'https://www.netflix.com/cancelplan',
  },
  {
    service: 'Spotify Premium Family',
    domain: 'spotify.com',
    category: 'music',
    amount: 23900,
    currency: 'NOK',
    period: 'P1M',
    cancel: 'https://www.spotify.com/account/subscription/',
  },
  { service: 'Viaplay', domain: 'viaplay.no', category: 'video', amount: 44900, currency: 'NOK', period: 'P1M' },
  { service: 'TV 2 Play', domain: 'tv2.no', category: 'video', amount: 9900, currency: 'NOK', period: 'P1M' },
  { service: 'VG+', domain: 'vg.no', category: 'news', amount: 4900, currency: 'NOK', period: 'P1M' },
  { service: 'Aftenposten', domain: 'aftenposten.no', category: 'news', amount: 39900, currency: 'NOK', period: 'P1M' },
  { service: 'Storytel', domain: 'storytel.com', category: 'books', amount: 22900, currency: 'NOK', period: 'P1M' },
  {
    service: 'Adams Matkasse',
    domain: 'adamsmatkasse.no',
    category: 'food',
    amount: 89900,
    currency: 'NOK',
    period: 'P1W',
  },
  { service: 'SATS', domain: 'sats.no', category: 'fitness', amount: 74900, currency: 'NOK', period: 'P1M' },
  { service: 'Telia Mobil', domain: 'telia.no', category: 'telecom', amount: 44900, currency: 'NOK', period: 'P1M' },
  { service: 'Tibber', domain: 'tibber.com', category: 'energy', amount: 4900, currency: 'NOK', period: 'P1M' },
  {
    service: 'Aftonbladet Plus',
    domain: 'aftonbladet.se',
    category: 'news',
    amount: 9900,
    currency: 'SEK',
    period: 'P1M',
  },
  { service: 'BookBeat', domain: 'bookbeat.com', category: 'books', amount: 16900, currency: 'SEK', period: 'P1M' },
  {
    service: 'Linas Matkasse',
    domain: 'linasmatkasse.se',
    category: 'food',
    amount: 64900,
    currency: 'SEK',
    period: 'P2W',
  },
  { service: 'Politiken', domain: 'politiken.dk', category: 'news', amount: 24900, currency: 'DKK', period: 'P1M' },
  { service: 'Podimo', domain: 'podimo.com', category: 'books', amount: 7900, currency: 'DKK', period: 'P1M' },
  { service: 'Zetland', domain: 'zetland.dk', category: 'news', amount: 119900, currency: 'DKK', period: 'P1Y' },
  {
    service: 'Microsoft 365 Family',
    domain: 'microsoft.com',
    category: 'software',
    amount: 12900,
    currency: 'EUR',
    period: 'P1Y',
  },
  { service: 'iCloud+', domain: 'apple.com', category: 'cloud', amount: 3900, currency: 'NOK', period: 'P1M' },
  { service: 'Google One', domain: 'one.google.com', category: 'cloud', amount: 2500, currency: 'NOK', period: 'P1M' },
  { service: 'ChatGPT Plus', domain: 'openai.com', category: 'software', amount: 2000, currency: 'USD', period: 'P1M' },
  { service: 'GitHub Pro', domain: 'github.com', category: 'software', amount: 400, currency: 'USD', period: 'P1M' },
  {
    service: 'The Economist',
    domain: 'economist.com',
    category: 'news',
    amount: 17900,
    currency: 'GBP',
    period: 'P1Y',
  },
  { service: 'Xbox Game Pass', domain: 'xbox.com', category: 'gaming', amount: 14900, currency: 'NOK', period: 'P1M' },
  {
    service: 'Duolingo Super',
    domain: 'duolingo.com',
    category: 'learning',
    amount: 99900,
    currency: 'NOK',
    period: 'P1Y',
  },
  { service: 'Strava', domain: 'strava.com', category: 'fitness', amount: 6900, currency: 'EUR', period: 'P1M' },
  {
    service: 'DNT medlemskap',
    domain: 'dnt.no',
    category: 'membership',
    amount: 89500,
    currency: 'NOK',
    period: 'P1Y',
  },
  {
    service: 'Viking Redningstjeneste',
    domain: 'vikingredning.no',
    category: 'membership',
    amount: 149000,
    currency: 'NOK',
    period: 'P1Y',
  },
  { service: 'Disney+', domain: 'disneyplus.com', category: 'video', amount: 12900, currency: 'NOK', period: 'P1M' },
  {
    service: 'Altibox Bredbånd',
    domain: 'altibox.no',
    category: 'telecom',
    amount: 79900,
    currency: 'NOK',
    period: 'P1M',
  },
  { service: 'Audible', domain: 'audible.co.uk', category: 'books', amount: 799, currency: 'GBP', period: 'P1M' },
  { service: 'NordVPN', domain: 'nordvpn.com', category: 'software', amount: 5988, currency: 'USD', period: 'P1Y' },
  { service: 'Wolt+', domain: 'wolt.com', category: 'food', amount: 7900, currency: 'NOK', period: 'P1M' },
  {
    service: 'Komplett kvartalsabonnement',
    domain: 'komplett.no',
    category: 'shopping',
    amount: 29700,
    currency: 'NOK',
    period: 'P3M',
  },
  { service: 'Tinder Gold', domain: 'tinder.com', category: 'dating', amount: 23900, currency: 'NOK', period: 'P6M' },
];

const MEMBER_SEED: ReadonlyArray<Omit<Member, 'id'>> = [
  { name: 'Ingrid', color: '#1f7a4d' },
  { name: 'Erik', color: '#3366cc' },
  { name: 'Sofie', color: '#b35c00' },
];

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface DemoOptions {
  subscriptions: number;
  charges: number;
  /** Today's date, YYYY-MM-DD. */
  today: string;
  seed?: number;
}

export function generateDemo(opts: DemoOptions): Backup {
  const rand = prng(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const stamp = `${opts.today}T09:00:00.000Z`;
  const members: Member[] = MEMBER_SEED.map((m) => ({ ...m, id: uuid(rand) }));
  const subscriptions: Subscription[] = [];
  const priceChanges: PriceChange[] = [];
  for (let i = 0; i < opts.subscriptions; i++) {
    const tpl = TEMPLATES[i % TEMPLATES.length]!;
    const round = Math.floor(i / TEMPLATES.length);
    const id = uuid(rand);
    const start = addDays(opts.today, -Math.floor(30 + rand() * 900));
    const anchor = addDays(opts.today, Math.floor(rand() * 28) - 14);
    const roll = rand();
    const status = roll < 0.06 ? 'trial' : roll < 0.1 ? 'paused' : roll < 0.16 ? 'cancelled' : 'active';
    const owner = pick(members);
    const amountMinor = Math.round(tpl.amount * (1 + round * 0.03));
    const sub: Subscription = {
      id,
      service: round === 0 ? tpl.service : `${tpl.service} ${round + 1}`,
      domain: tpl.domain,
      category: tpl.category,
      amountMinor,
      currency: tpl.currency,
      period: tpl.period,
      status,
      statusHistory: [{ status: status === 'trial' ? 'trial' : 'active', date: start }],
      billingAnchor: anchor,
      startDate: start,
      links: tpl.cancel ? { cancel: { url: tpl.cancel, source: 'directory' } } : {},
      paymentMethod: pick(['Visa •••• 4242', 'Mastercard •••• 1881', 'Vipps', 'PayPal', 'Faktura']),
      ownerId: owner.id,
      source: pick(['manual', 'detected', 'imported'] as const),
      confirmed: true,
      createdAt: stamp,
      updatedAt: stamp,
    };
    if (status === 'trial') sub.trialEnd = addDays(opts.today, 1 + Math.floor(rand() * 13));
    if (status === 'trial') sub.billingAnchor = sub.trialEnd!;
    if (status === 'cancelled') {
      sub.cancelledOn = addDays(opts.today, -Math.floor(rand() * 60));
      sub.statusHistory.push({ status: 'cancelled', date: sub.cancelledOn });
    }
    if (status === 'paused') {
      sub.pausedUntil = addDays(opts.today, 20 + Math.floor(rand() * 40));
      sub.statusHistory.push({ status: 'paused', date: addDays(opts.today, -10) });
    }
    if (i % 11 === 3) {
      sub.introAmountMinor = Math.round(amountMinor / 2);
      sub.introEnd = addDays(opts.today, 5 + Math.floor(rand() * 50));
    }
    if (i % 7 === 2) {
      sub.shares = [
        { memberId: members[0]!.id, percent: 50 },
        { memberId: members[1]!.id, percent: 50 },
      ];
    }
    if (i % 5 === 1) {
      const old = Math.round(amountMinor * 0.88);
      priceChanges.push({
        id: uuid(rand),
        subscriptionId: id,
        date: addDays(opts.today, -Math.floor(rand() * 80)),
        oldAmountMinor: old,
        newAmountMinor: amountMinor,
        currency: tpl.currency,
      });
    }
    subscriptions.push(sub);
  }
  const charges: Charge[] = [];
  const payers = subscriptions.filter((s) => s.status !== 'trial').length;
  const per = Math.max(1, Math.ceil(opts.charges / Math.max(1, payers)));
  for (const s of subscriptions) {
    if (charges.length >= opts.charges) break;
    if (s.status === 'trial') continue;
    const last = addPeriods(s.billingAnchor, s.period, -1) < opts.today ? opts.today : addDays(opts.today, -1);
    const from = addPeriods(s.billingAnchor, s.period, -per - 1);
    const days = occurrences(s.billingAnchor, s.period, from, last).slice(-per);
    for (const date of days) {
      if (charges.length >= opts.charges) break;
      if (date > opts.today) continue;
      charges.push({
        id: uuid(rand),
        subscriptionId: s.id,
        date,
        amountMinor: s.amountMinor,
        currency: s.currency,
        source: pick(['receipt', 'billing', 'import'] as const),
      });
    }
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: stamp,
    settings: { ...DEFAULT_SETTINGS, baseCurrency: 'NOK' },
    members,
    subscriptions,
    charges,
    priceChanges,
    detections: [],
    quarantine: [],
    proofs: [],
  };
}
