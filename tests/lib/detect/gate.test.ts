import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type GateInput, gate } from '../../../lib/detect/gate';
import { collectGateInput } from '../../../lib/detect/gate-collect';
import { loadHtml } from '../../../lib/detect/load';
import { readCorpus } from '../../../scripts/corpus';

const corpus = readCorpus(join(process.cwd(), 'tests', 'fixtures', 'pages'));

function input(over: Partial<GateInput>): GateInput {
  return {
    url: 'https://www.example.com/',
    title: '',
    textSample: '',
    hasStructuredOffer: false,
    hasPaymentField: false,
    hasPaymentFrame: false,
    knownHost: false,
    isArticle: false,
    ...over,
  };
}

async function gateOf(html: string, url: string): Promise<boolean> {
  const { document: doc, close } = loadHtml(html);
  const u = new URL(url);
  const result = gate(collectGateInput(doc, { href: u.href, hostname: u.hostname }));
  await close();
  return result;
}

describe('gate', () => {
  it('fires on payment fields and frames alone', () => {
    expect(gate(input({ hasPaymentField: true }))).toBe(true);
    expect(gate(input({ hasPaymentFrame: true }))).toBe(true);
  });

  it('needs two agreeing cues otherwise', () => {
    expect(gate(input({ url: 'https://x.no/min-side/abonnement' }))).toBe(false);
    expect(gate(input({ url: 'https://x.no/min-side', textSample: 'Ditt abonnement fornyes 3. desember' }))).toBe(true);
    expect(gate(input({ title: 'Mitt abonnement', textSample: 'Premium 129 kr/mnd' }))).toBe(true);
    expect(gate(input({ textSample: 'Premium 129 kr/mnd' }))).toBe(false);
    // A known host adds a cue beside a subscription word (or an address cue), not beside a bare price per month.
    expect(gate(input({ textSample: 'Premium 129 kr/mnd. Si opp når som helst', knownHost: true }))).toBe(true);
    expect(gate(input({ textSample: 'Premium 129 kr/mnd', knownHost: true }))).toBe(false);
    expect(gate(input({ title: 'Kvitto', hasStructuredOffer: true }))).toBe(true);
  });

  it('reads the page text only when the address, title or host already point at a subscription', () => {
    let read = 0;
    const counting = (over: Partial<GateInput>): GateInput => {
      const base = input(over);
      return Object.defineProperty(base, 'textSample', {
        get() {
          read++;
          return 'Premium 129 kr/mnd. Neste trekk 3. desember';
        },
      });
    };
    // Text alone (an article about a price rise has these words too) is not enough, and is not even read.
    expect(gate(counting({ url: 'https://avis.example/nyheter/strompris', title: 'Strømprisen stiger' }))).toBe(false);
    expect(read).toBe(0);
    expect(gate(counting({ url: 'https://avis.example/kampanje' }))).toBe(true);
    expect(gate(counting({ title: 'Velg abonnement' }))).toBe(true);
    expect(gate(counting({ knownHost: true }))).toBe(true);
    expect(read).toBe(3);
    // Structured data is a cue beside one of those, never a reason to read the page by itself (articles and shops
    // nearly all carry JSON-LD, and reading it means touching the page's elements).
    expect(gate(counting({ hasStructuredOffer: true }))).toBe(false);
    expect(read).toBe(3);
  });

  for (const fx of corpus.filter((f) => f.expected.subscription !== null)) {
    it(`fires on ${fx.name}`, async () => {
      expect(await gateOf(fx.html, fx.url)).toBe(true);
    });
  }

  it('stays shut on donation pages, product offers and articles on known hosts', () => {
    // A donation page has a card field and "per month", but asks for a gift.
    const donation = {
      url: 'https://www.barnehjelpen.no/fast-giver',
      title: 'Bli fast giver',
      textSample: '250 kr/mnd',
    };
    expect(gate(input({ ...donation, hasPaymentField: true }))).toBe(false);
    expect(gate(input({ ...donation, url: 'https://x.org/donate', title: 'Donate monthly' }))).toBe(false);
    // … unless it is a membership with an address that says so.
    expect(gate(input({ ...donation, url: 'https://x.no/medlemskap', textSample: 'Medlemskap 250 kr/mnd' }))).toBe(
      true,
    );
    // A known host with subscription words, but the page says it is an article.
    const news = { url: 'https://www.dn.se/ekonomi/spotify-hojer', textSample: 'Prenumeration', knownHost: true };
    expect(gate(input(news))).toBe(true);
    expect(gate(input({ ...news, isArticle: true }))).toBe(false);
    // A known host counts beside a word, never beside a bare price per month.
    expect(gate(input({ url: 'https://www.gp.se/ekonomi/streaming', textSample: '129 kr/mån', knownHost: true }))).toBe(
      false,
    );
  });

  it('takes structured data as a cue only for a recurring price, an order or an invoice', async () => {
    const page = (ld: string) =>
      `<html><head><title>Sony WH-1000XM6</title><script type="application/ld+json">${ld}</script></head><body><p>Les mer om produktet</p></body></html>`;
    const product = '{"@type":"Product","offers":{"@type":"Offer","price":"4990","priceCurrency":"NOK"}}';
    const plan =
      '{"@type":"Product","offers":{"@type":"Offer","price":"99","priceSpecification":{"@type":"UnitPriceSpecification","billingDuration":"P1M"}}}';
    const article = '{"@type":"NewsArticle","headline":"Netflix øker prisen"}';
    // Beside an address that points at a plan, only a recurring price makes the second cue.
    const url = 'https://www.elkjop.no/abonnement/123';
    expect(await gateOf(page(product), url)).toBe(false);
    expect(await gateOf(page(article), url)).toBe(false);
    expect(await gateOf(page(plan), url)).toBe(true);
    // Alone it is not read at all.
    expect(await gateOf(page(plan), 'https://www.elkjop.no/product/123')).toBe(false);
  });

  it('asks for card fields, payment frames and og:type by selector, in any letter case', async () => {
    const at = 'https://www.shop.example/';
    const doc = (body: string, head = '') => `<html><head><title>Shop</title>${head}</head><body>${body}</body></html>`;
    expect(await gateOf(doc('<input name="CardNumber">'), at)).toBe(true);
    expect(await gateOf(doc('<input autocomplete="CC-exp">'), at)).toBe(true);
    expect(await gateOf(doc('<input id="kortnummer" name="Kortnummer">'), at)).toBe(true);
    expect(await gateOf(doc('<iframe src="https://js.Stripe.com/v3/elements"></iframe>'), at)).toBe(true);
    expect(await gateOf(doc('<iframe name="vipps-checkout"></iframe>'), at)).toBe(true);
    expect(
      await gateOf(doc('<input name="q" type="search"><iframe src="https://www.youtube.com/embed/x"></iframe>'), at),
    ).toBe(false);
    // A directory host's page (no cue in its address or title) counts as a cue beside a subscription word, unless
    // its og:type says it is an article, in any letter case and with spaces around.
    const netflix = 'https://www.netflix.com/no/';
    const words = '<p>Abonnementet ditt er aktivt.</p>';
    expect(await gateOf(doc(words), netflix)).toBe(true);
    expect(await gateOf(doc(words), 'https://www.strommetjeneste.example/no/')).toBe(false);
    expect(await gateOf(doc(words, '<meta property="og:type" content=" Article ">'), netflix)).toBe(false);
    expect(await gateOf(doc(words, '<meta property="og:type" content="website">'), netflix)).toBe(true);
  });

  it('opens on few of the fixture pages that are not subscriptions, and on every pricing page', async () => {
    const opened: string[] = [];
    for (const fx of corpus.filter((f) => f.expected.subscription === null)) {
      const open = await gateOf(fx.html, fx.url);
      if (fx.expected.kind === 'pricing') expect(open, fx.name).toBe(true);
      else if (open) opened.push(fx.name);
    }
    // Each looks like a subscription page by its address and words: a one-off checkout (a card field at /checkout),
    // an order confirmation (/ordre, "ordrebekreftelse"), a newsletter sign-up (/subscribe, "subscription") and a
    // news front page on a host in the directory selling its own subscription. The detection decides those.
    expect(opened.sort()).toEqual([
      'en-oneoff-checkout-none',
      'en-weekly-digest-newsletter-none',
      'nb-bohus-order-none',
      'nb-vg-frontpage-none',
    ]);
  });

  it('stays quiet on a large article page without subscriptions', async () => {
    const para =
      '<p>Vi gikk fra parkeringsplassen ved sjøen tidlig om morgenen. Stien følger bekken opp gjennom bjørkeskogen, og etter to timer står du på toppen med utsikt over hele fjorden.</p>';
    const html = `<html lang="nb"><head><title>Fem fine fjellturer i høst | Turbloggen</title></head><body><article><h1>Fem fine fjellturer i høst</h1>${para.repeat(3000)}</article></body></html>`;
    expect(html.length).toBeGreaterThan(400_000);
    expect(await gateOf(html, 'https://www.turbloggen.no/artikler/fjellturer-i-host')).toBe(false);
  });

  it('keeps its word lists in lower case (the gate lower-cases the page, never the lists)', () => {
    const words = JSON.parse(readFileSync(join(process.cwd(), 'lib', 'detect', 'gate-words.json'), 'utf8')) as Record<
      string,
      string[] | string
    >;
    for (const [key, list] of Object.entries(words)) {
      if (key === '$comment') continue;
      for (const w of list as string[]) expect(w, key).toBe(w.toLowerCase());
    }
  });

  it('ships little: the gate and its word list are small', () => {
    const words = readFileSync(join(process.cwd(), 'lib', 'detect', 'gate-words.json'), 'utf8');
    const code = readFileSync(join(process.cwd(), 'lib', 'detect', 'gate.ts'), 'utf8').replace(
      /\/\*\*[\s\S]*?\*\//g,
      '',
    );
    // 4,500 before the words that keep it shut on donation pages and the structured-data cue (issue 16).
    expect(JSON.stringify(JSON.parse(words)).length + code.length).toBeLessThan(5500);
  });
});
