import { addDays } from '../../lib/dates';
import type { Language } from '../../lib/model';

/**
 * A sign-up confirmation page of a made-up audiobook service, Auralis, in each language, for the store
 * screenshot that shows the popup over the page where Subkeeper found a subscription. The service and its
 * domains are fictional (no real brand in the store images); the page is styled like a real one, and the
 * detection on it is the real one. Dates are relative to `today`, as the extension reads them with its own clock.
 */

interface Words {
  lang: string;
  host: string;
  currency: string;
  title: string;
  heading: string;
  lead: (trialEnd: string) => string;
  plan: string;
  planName: string;
  price: string;
  priceValue: string;
  trial: string;
  trialValue: (trialEnd: string) => string;
  firstCharge: string;
  payment: string;
  paymentValue: string;
  manage: string;
  cancelNote: string;
  nav: string[];
  footer: string;
}

const MONTHS: Record<Language, string[]> = {
  en: 'January February March April May June July August September October November December'.split(' '),
  nb: 'januar februar mars april mai juni juli august september oktober november desember'.split(' '),
  sv: 'januari februari mars april maj juni juli augusti september oktober november december'.split(' '),
  da: 'januar februar marts april maj juni juli august september oktober november december'.split(' '),
};

function longDate(lang: Language, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = MONTHS[lang][m - 1];
  return lang === 'en' || lang === 'sv' ? `${d} ${month} ${y}` : `${d}. ${month} ${y}`;
}

const WORDS: Record<Language, Words> = {
  en: {
    lang: 'en-GB',
    host: 'www.auralis.co.uk',
    currency: 'GBP',
    title: 'Welcome to Auralis Premium – order confirmation',
    heading: 'Thank you! Your Auralis Premium subscription is active',
    lead: (d) => `Listen to as many audiobooks as you like. Your free trial runs until ${d}.`,
    plan: 'Plan',
    planName: 'Auralis Premium',
    price: 'Price',
    priceValue: '£9.99 per month',
    trial: 'Free trial',
    trialValue: (d) => `14 days, until ${d}`,
    firstCharge: 'First payment',
    payment: 'Payment method',
    paymentValue: 'Visa •••• 4242',
    manage: 'Manage or cancel subscription',
    cancelNote: 'Cancel any time before the trial ends and you will not be charged.',
    nav: ['Browse', 'My library', 'Account'],
    footer: 'Auralis Ltd · Customer service · Terms',
  },
  nb: {
    lang: 'nb-NO',
    host: 'www.auralis.no',
    currency: 'NOK',
    title: 'Velkommen til Auralis Premium – ordrebekreftelse',
    heading: 'Takk! Abonnementet ditt på Auralis Premium er aktivt',
    lead: (d) => `Lytt til så mange lydbøker du vil. Den gratis prøveperioden varer til ${d}.`,
    plan: 'Abonnement',
    planName: 'Auralis Premium',
    price: 'Pris',
    priceValue: '169 kr per måned',
    trial: 'Gratis prøveperiode',
    trialValue: (d) => `14 dager, til ${d}`,
    firstCharge: 'Første trekk',
    payment: 'Betalingsmåte',
    paymentValue: 'Visa •••• 4242',
    manage: 'Administrer eller si opp abonnementet',
    cancelNote: 'Si opp før prøveperioden er over, så blir du ikke belastet.',
    nav: ['Utforsk', 'Mitt bibliotek', 'Konto'],
    footer: 'Auralis AS · Kundeservice · Vilkår',
  },
  sv: {
    lang: 'sv-SE',
    host: 'www.auralis.se',
    currency: 'SEK',
    title: 'Välkommen till Auralis Premium – orderbekräftelse',
    heading: 'Tack! Din prenumeration på Auralis Premium är aktiv',
    lead: (d) => `Lyssna på hur många ljudböcker du vill. Din gratis provperiod gäller till ${d}.`,
    plan: 'Prenumeration',
    planName: 'Auralis Premium',
    price: 'Pris',
    priceValue: '169 kr per månad',
    trial: 'Gratis provperiod',
    trialValue: (d) => `14 dagar, till ${d}`,
    firstCharge: 'Första dragning',
    payment: 'Betalningssätt',
    paymentValue: 'Visa •••• 4242',
    manage: 'Hantera eller säg upp prenumerationen',
    cancelNote: 'Säg upp innan provperioden tar slut så debiteras du inte.',
    nav: ['Upptäck', 'Mitt bibliotek', 'Konto'],
    footer: 'Auralis AB · Kundtjänst · Villkor',
  },
  da: {
    lang: 'da-DK',
    host: 'www.auralis.dk',
    currency: 'DKK',
    title: 'Velkommen til Auralis Premium – ordrebekræftelse',
    heading: 'Tak! Dit abonnement på Auralis Premium er aktivt',
    lead: (d) => `Lyt til så mange lydbøger, du vil. Din gratis prøveperiode varer til ${d}.`,
    plan: 'Abonnement',
    planName: 'Auralis Premium',
    price: 'Pris',
    priceValue: '129 kr. pr. måned',
    trial: 'Gratis prøveperiode',
    trialValue: (d) => `14 dage, til ${d}`,
    firstCharge: 'Første betaling',
    payment: 'Betalingsmåde',
    paymentValue: 'Visa •••• 4242',
    manage: 'Administrer eller opsig abonnementet',
    cancelNote: 'Opsig, inden prøveperioden slutter, så bliver du ikke opkrævet.',
    nav: ['Udforsk', 'Mit bibliotek', 'Konto'],
    footer: 'Auralis ApS · Kundeservice · Vilkår',
  },
};

export interface StorePage {
  url: string;
  host: string;
  html: string;
  currency: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function storePage(lang: Language, today: string): StorePage {
  const w = WORDS[lang];
  const trialEnd = longDate(lang, addDays(today, 14));
  const row = (k: string, v: string) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`;
  const html = `<!doctype html>
<html lang="${w.lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(w.title)}</title>
<meta property="og:site_name" content="Auralis">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #f4f1ec; color: #2b2118; }
  header { display: flex; align-items: center; gap: 2.5rem; padding: 1.1rem 3rem; background: #3b2a5c; color: #fff; }
  header .logo { font-size: 1.5rem; font-weight: 700; letter-spacing: 0.02em; }
  header .logo span { color: #f2b84b; }
  header nav { display: flex; gap: 1.75rem; font-size: 0.98rem; opacity: 0.9; }
  main { max-width: 46rem; margin: 2.75rem 0 0 8rem; }
  .card { background: #fff; border-radius: 14px; padding: 2rem 2.25rem; box-shadow: 0 2px 12px rgba(59, 42, 92, 0.12); }
  h1 { font-size: 1.6rem; margin: 0 0 0.6rem; }
  .lead { font-size: 1.05rem; color: #5a4d40; margin: 0 0 1.5rem; }
  table { border-collapse: collapse; width: 100%; font-size: 1rem; }
  th { text-align: left; font-weight: 500; color: #7a6b5c; padding: 0.55rem 0; width: 40%; }
  td { padding: 0.55rem 0; font-weight: 600; }
  tr + tr { border-top: 1px solid #eee6dc; }
  .actions { margin-top: 1.6rem; display: flex; align-items: center; gap: 1.25rem; }
  .button { background: #3b2a5c; color: #fff; text-decoration: none; padding: 0.7rem 1.2rem; border-radius: 8px; font-weight: 600; }
  .note { color: #7a6b5c; font-size: 0.92rem; }
  footer { margin: 2.5rem 0 0 8rem; color: #8c7d6e; font-size: 0.85rem; }
</style>
</head>
<body>
<header><div class="logo">Aur<span>a</span>lis</div><nav>${w.nav.map((n) => `<a style="color:inherit;text-decoration:none" href="/">${escapeHtml(n)}</a>`).join('')}</nav></header>
<main>
  <section class="card">
    <h1>${escapeHtml(w.heading)}</h1>
    <p class="lead">${escapeHtml(w.lead(trialEnd))}</p>
    <table>
      ${row(w.plan, w.planName)}
      ${row(w.price, w.priceValue)}
      ${row(w.trial, w.trialValue(trialEnd))}
      ${row(w.firstCharge, trialEnd)}
      ${row(w.payment, w.paymentValue)}
    </table>
    <div class="actions">
      <a class="button" href="https://${w.host}/account/subscription">${escapeHtml(w.manage)}</a>
    </div>
    <p class="note">${escapeHtml(w.cancelNote)}</p>
  </section>
</main>
<footer>${escapeHtml(w.footer)}</footer>
</body>
</html>`;
  return { url: `https://${w.host}/welcome/premium`, host: w.host, html, currency: w.currency };
}
