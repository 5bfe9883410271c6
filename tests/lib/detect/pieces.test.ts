import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../lib/detect/dom';
import { detectLanguage } from '../../../lib/detect/language';
import { findLinks, resolveHttp } from '../../../lib/detect/links';
import { loadHtml } from '../../../lib/detect/load';
import { toReport } from '../../../lib/detect/report';
import { registrableDomain } from '../../../lib/detect/service';
import { addOpenGraphPrice, readStructured } from '../../../lib/detect/structured';
import { periodFromCharges } from '../../../lib/detect/subscription';
import { detectHtml } from './helpers';

describe('structured data', () => {
  it('reads an Offer with a UnitPriceSpecification billing duration', () => {
    const sd = readStructured(
      [
        JSON.stringify({
          '@context': 'https://schema.org',
          '@type': 'Offer',
          price: '129',
          priceCurrency: 'NOK',
          priceSpecification: {
            '@type': 'UnitPriceSpecification',
            price: 129,
            priceCurrency: 'NOK',
            billingDuration: 'P1M',
          },
          seller: { '@type': 'Organization', name: 'Viaplay' },
        }),
      ],
      [],
    );
    expect(sd.offers[0]).toMatchObject({ amountMinor: 12900, currency: 'NOK', period: 'P1M' });
    expect(sd.names).toContain('Viaplay');
  });

  it('reads unitCode and referenceQuantity periods, and a zero-price phase as a trial', () => {
    const sd = readStructured(
      [
        JSON.stringify({
          '@graph': [
            {
              '@type': 'Offer',
              priceSpecification: [
                { '@type': 'UnitPriceSpecification', price: 0, priceCurrency: 'SEK', billingDuration: 'P30D' },
                { '@type': 'UnitPriceSpecification', price: '99.00', priceCurrency: 'SEK', unitCode: 'MON' },
              ],
            },
            {
              '@type': 'Offer',
              price: '999',
              priceCurrency: 'SEK',
              priceSpecification: {
                '@type': 'UnitPriceSpecification',
                price: '999',
                priceCurrency: 'SEK',
                referenceQuantity: { '@type': 'QuantitativeValue', value: 1, unitCode: 'ANN' },
              },
            },
          ],
        }),
      ],
      [],
    );
    expect(sd.offers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ amountMinor: 9900, currency: 'SEK', period: 'P1M', trial: 'P30D' }),
        expect.objectContaining({ amountMinor: 99900, currency: 'SEK', period: 'P1Y' }),
      ]),
    );
  });

  it('reads a paid Invoice and an Order, and flags articles', () => {
    const sd = readStructured(
      [
        JSON.stringify({
          '@type': 'Invoice',
          billingPeriod: 'P1M',
          paymentStatus: 'https://schema.org/PaymentComplete',
          totalPaymentDue: { '@type': 'PriceSpecification', price: 399, priceCurrency: 'SEK' },
          referencesOrder: { '@type': 'Order', orderDate: '2026-11-01' },
        }),
        '{"@type":"NewsArticle","headline":"x"}',
      ],
      [],
    );
    expect(sd.bought[0]).toMatchObject({ amountMinor: 39900, currency: 'SEK', period: 'P1M' });
    expect(sd.paid).toEqual([{ amountMinor: 39900, currency: 'SEK', date: '2026-11-01' }]);
    expect(sd.isArticle).toBe(true);
  });

  it('skips malformed JSON-LD and odd values without throwing', () => {
    const sd = readStructured(
      [
        '{not json',
        '[]',
        'null',
        '{"@type":"Offer","price":"abc","priceCurrency":"NOK"}',
        '{"@type":"Offer","price":-5}',
      ],
      [],
    );
    expect(sd.offers).toEqual([]);
  });

  it('bounds deeply nested JSON-LD', () => {
    const inner = '{"@type":"Offer","price":"1","priceCurrency":"EUR"}';
    const deep = `${'{"@type":"Thing","child":'.repeat(5000)}${inner}${'}'.repeat(5000)}`;
    const shallow = `${'{"@type":"Thing","child":'.repeat(3)}${inner}${'}'.repeat(3)}`;
    expect(readStructured([deep], []).offers).toEqual([]);
    expect(readStructured([shallow], []).offers).toHaveLength(1);
  });

  it('reads microdata', async () => {
    const { document: doc, close } = loadHtml(`<div itemscope itemtype="https://schema.org/Offer">
      <div itemprop="priceSpecification" itemscope itemtype="https://schema.org/UnitPriceSpecification">
        <span itemprop="priceCurrency" content="USD">$</span><span itemprop="price" content="99.00">99</span>
        <meta itemprop="unitCode" content="ANN"><meta itemprop="billingDuration" content="1">
      </div></div>`);
    const sd = readStructured([], extractPage(doc).microdata);
    await close();
    expect(sd.offers[0]).toMatchObject({ amountMinor: 9900, currency: 'USD', period: 'P1Y' });
  });
});

describe('links', () => {
  const page = 'https://www.example.no/konto/abonnement';
  it('resolves relative links and keeps only http(s)', () => {
    expect(resolveHttp('/si-opp', page)).toBe('https://www.example.no/si-opp');
    expect(resolveHttp('pause', page)).toBe('https://www.example.no/konto/pause');
    expect(resolveHttp('javascript:void(0)', page)).toBeNull();
    expect(resolveHttp(' JavaScript:alert(1)', page)).toBeNull();
    expect(resolveHttp('java\tscript:alert(1)', page)).toBeNull();
    expect(resolveHttp('data:text/html,hi', page)).toBeNull();
    expect(resolveHttp('mailto:x@example.no', page)).toBeNull();
    expect(resolveHttp('ftp://example.no/x', page)).toBeNull();
    expect(resolveHttp('x', 'not a url')).toBeNull();
    expect(resolveHttp('manage', page, '/base/')).toBe('https://www.example.no/base/manage');
  });

  it('finds cancel, pause and manage links by their text in all four languages', () => {
    const links = [
      { href: 'javascript:cancel()', text: 'Cancel subscription', line: 0 },
      { href: '/a', text: 'Säg upp', line: 1 },
      { href: '/b', text: 'Frys medlemskap', line: 2 },
      { href: '/c', text: 'Administrer abonnement', line: 3 },
      { href: '/d', text: 'Opsig abonnement', line: 4 },
    ];
    expect(findLinks(links, page, '')).toEqual({
      cancel: 'https://www.example.no/a',
      pause: 'https://www.example.no/b',
      manage: 'https://www.example.no/c',
    });
  });

  it('ignores long prose links and links with unrelated text', () => {
    const links = [
      {
        href: '/x',
        text: 'Les mer om hvordan du kan si opp abonnementet ditt hos oss og hva det betyr for deg',
        line: 0,
      },
      { href: '/y', text: 'Kundeservice', line: 1 },
    ];
    expect(findLinks(links, page, '')).toEqual({});
  });

  it('reads a message link whose text says nothing in its sentence; on pages never', () => {
    const line = (text: string) => ({ text, groups: [], heading: 0, section: -1, button: false, selected: false });
    const lines = [
      line('Du kan ændre eller opsige dit abonnement under Min konto.'),
      line('You can cancel your subscription at any time from Subscriptions in Google Play.'),
      line('Ønsker du å bytte eller si opp abonnementet,'),
      line('kan du gjøre det på https://www.example.no/konto'),
      line('To manage automatic payments, go to Automatic payments.'),
      line('Read our terms for subscriptions here.'),
    ];
    const at = (href: string, text: string, i: number) => ({ href, text, line: i });
    const mail = { absoluteOnly: true, lines, notFromContext: (h: string) => h.endsWith('paypal.com') };
    expect(findLinks([at('https://a.dk/konto', 'Min konto', 0)], page, '', mail)).toEqual({
      manage: 'https://a.dk/konto',
    });
    expect(findLinks([at('https://play.google.com/subs', 'Subscriptions', 1)], page, '', mail)).toEqual({
      cancel: 'https://play.google.com/subs',
    });
    // A bare URL (a plain-text mail linkified by a webmail client) in a sentence wrapped over two lines.
    const bare = 'https://www.example.no/konto';
    expect(findLinks([at(bare, bare, 3)], page, '', mail)).toEqual({ manage: bare });
    expect(findLinks([at('https://www.paypal.com/autopay', 'Automatic payments', 4)], page, '', mail)).toEqual({});
    expect(findLinks([at('https://a.dk/terms', 'here', 5)], page, '', mail)).toEqual({});
    // A link to update the card manages only when nothing else does.
    const card = at('https://a.dk/card', 'Update payment method', 0);
    expect(findLinks([card], page, '', mail)).toEqual({ manage: 'https://a.dk/card' });
    expect(findLinks([card, at('https://a.dk/plan', 'Manage subscription', 1)], page, '', mail)).toEqual({
      manage: 'https://a.dk/plan',
    });
    expect(findLinks([at('/konto', 'Min konto', 0)], page, '')).toEqual({});
  });

  it('drops a javascript: cancel link on a page and keeps the others', async () => {
    const r = await detectHtml(
      `<html lang="en"><body><h1>Your subscription</h1><p>Plan: Pro $9.99/month</p><p>Renews on 1 Feb 2027</p>
       <a href="javascript:void(0)">Cancel subscription</a> <a href="/manage">Manage subscription</a></body></html>`,
      'https://app.example.com/account',
    );
    expect(r.links).toEqual({ manage: 'https://app.example.com/manage' });
  });
});

describe('language, domains, periods from charges, report', () => {
  it('tells the language from html lang, then the country domain, then words', () => {
    expect(detectLanguage('nb-NO', 'example.com', '').lang.code).toBe('nb');
    expect(detectLanguage('no', 'example.com', '').lang.code).toBe('nb');
    expect(detectLanguage('en-US', 'example.no', '').tag).toBe('en-US');
    expect(detectLanguage('', 'shop.example.se', '').lang.code).toBe('sv');
    expect(detectLanguage('', 'example.dk', '').lang.code).toBe('da');
    expect(
      detectLanguage(
        '',
        'example.com',
        'Det är inte svårt att säga upp, och du kan göra det när du vill med ditt konto',
      ).lang.code,
    ).toBe('sv');
    expect(detectLanguage('', 'example.com', '').lang.code).toBe('en');
  });

  it('takes the registrable domain of a host', () => {
    expect(registrableDomain('www.vg.no')).toBe('vg.no');
    expect(registrableDomain('app.fjordsync.com')).toBe('fjordsync.com');
    expect(registrableDomain('www.puregym.co.uk')).toBe('puregym.co.uk');
    expect(registrableDomain('localhost')).toBe('localhost');
  });

  it('infers a billing period from the spacing of charges', () => {
    const c = (date: string) => ({ date, amountMinor: 100, currency: 'NOK' });
    expect(periodFromCharges([c('2026-08-20'), c('2026-09-20'), c('2026-10-20')])).toBe('P1M');
    expect(periodFromCharges([c('2025-03-12'), c('2026-03-12')])).toBe('P1Y');
    expect(periodFromCharges([c('2026-10-01'), c('2026-10-08'), c('2026-10-15')])).toBe('P1W');
    expect(periodFromCharges([c('2026-10-01')])).toBeUndefined();
    expect(periodFromCharges([c('2026-10-01'), c('2026-10-20')])).toBeUndefined();
  });

  it('converts minor units to major units and leaves out unstated fields', () => {
    expect(
      toReport({
        kind: 'signup',
        service: { name: 'X', domain: 'x.no', serviceId: 'x' },
        subscription: { amountMinor: 7450, currency: 'DKK', period: 'P1M', introAmountMinor: 0, introPeriods: 1 },
        charges: [{ date: '2026-11-01', amountMinor: 500, currency: 'JPY' }],
        links: { cancel: 'https://x.no/c' },
      }),
    ).toEqual({
      kind: 'signup',
      service: { name: 'X', domain: 'x.no' },
      subscription: { amount: 74.5, currency: 'DKK', period: 'P1M', introAmount: 0, introPeriods: 1 },
      charges: [{ date: '2026-11-01', amount: 500, currency: 'JPY' }],
      links: { cancel: 'https://x.no/c' },
    });
  });
});

describe('OpenGraph price', () => {
  it('adds og:price:amount as an offer without a period', () => {
    const sd = readStructured([], []);
    const og = new Map([
      ['og:price:amount', '4990.00'],
      ['og:price:currency', 'NOK'],
    ]);
    addOpenGraphPrice(sd, (name) => og.get(name));
    expect(sd.offers).toEqual([{ amountMinor: 499000, currency: 'NOK' }]);
    addOpenGraphPrice(sd, (name) => (name === 'product:price:amount' ? 'abc' : undefined));
    expect(sd.offers).toHaveLength(1);
  });
});

describe('sentences', () => {
  it('a sentence ends at . ! or ? before a capital letter, not inside a date', async () => {
    const { sentenceAround } = await import('../../../lib/detect/text');
    const text = 'Vi har trukket 39,00 kr. på dit kort den 23. november 2026. Næste betaling: 23. december 2026.';
    const [from, to] = sentenceAround(text, text.indexOf('39,00'));
    expect(text.slice(from, to)).toBe('Vi har trukket 39,00 kr. på dit kort den 23. november 2026.');
    const [f2, t2] = sentenceAround(text, text.indexOf('Næste'));
    expect(text.slice(f2, t2).trim()).toBe('Næste betaling: 23. december 2026.');
  });
});

describe('coming price changes', () => {
  const head = '<html lang="nb"><head><title>Mitt abonnement</title></head><body><h1>Mitt abonnement</h1>';
  it('a price from a coming date is not the price paid now', async () => {
    const r = await detectHtml(
      `${head}<p>Fiber 500: 649 kr/mnd</p><p>Neste trekk 1. desember 2026.</p><p>Fra 1. januar 2027 koster abonnementet 699 kr/mnd.</p><a href="/si-opp">Si opp abonnement</a></body></html>`,
      'https://www.fjellnett.example.no/min-side/abonnement',
    );
    expect(r.subscription).toMatchObject({ amountMinor: 64900, currency: 'NOK', period: 'P1M' });
  });
  it('a renewal "from" a date at the same price is still the price', async () => {
    const r = await detectHtml(
      `${head}<p>Abonnementet fornyes fra 3. desember 2026 for 129 kr/mnd.</p><a href="/si-opp">Si opp abonnement</a></body></html>`,
      'https://www.eksempel.no/min-side/abonnement',
    );
    expect(r.subscription).toMatchObject({ amountMinor: 12900, currency: 'NOK' });
  });
});

describe('service names', () => {
  it('drop the legal form of a seller name (the brand is the service)', async () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'Order',
      seller: { '@type': 'Organization', name: 'Strikkeboksen AS' },
      acceptedOffer: { '@type': 'Offer', price: '349.00', priceCurrency: 'NOK' },
    });
    const r = await detectHtml(
      `<html lang="nb"><head><title>Kvittering</title><script type="application/ld+json">${jsonLd}</script></head><body><h1>Kvittering</h1><p>Abonnement 349 kr/mnd</p><p>Betalt 12. november 2026: 349 kr</p></body></html>`,
      'https://www.strikkeboksen.example/kvittering/123',
    );
    expect(r.service?.name).toBe('Strikkeboksen');
  });
});
