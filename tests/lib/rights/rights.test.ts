import { describe, expect, it } from 'vitest';
import { getService } from '../../../lib/directory';
import { BUNDLES, BundleFile } from '../../../lib/directory/bundles';
import bundlesJson from '../../../lib/directory/bundles.json';
import type { Charge, PriceChange } from '../../../lib/model';
import {
  afterCancelKey,
  alreadyHave,
  chargesAfterCancel,
  countryOf,
  countryRules,
  IDLE_DAYS,
  letter,
  MAX_USAGE_DAYS,
  makeProof,
  mergeTerms,
  priceCheckOf,
  RULE_FILES,
  RuleFile,
  readDays,
  rightsOf,
  statementAfterCancel,
  statementMatch,
  termsFromPage,
  usageOf,
  withDay,
} from '../../../lib/rights';
import { sub } from '../../helpers';

const charge = (id: string, subscriptionId: string, date: string, amountMinor = 17900): Charge => ({
  id,
  subscriptionId,
  date,
  amountMinor,
  currency: 'NOK',
  source: 'receipt',
});

describe('the rule files', () => {
  it('are valid, with a law and sources for every rule, and unique ids', () => {
    const ids = new Set<string>();
    for (const [country, file] of Object.entries(RULE_FILES)) {
      const parsed = RuleFile.safeParse(file);
      expect(parsed.success, `${country}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
      for (const rule of parsed.success ? parsed.data.rules : []) {
        expect(ids.has(rule.id), rule.id).toBe(false);
        ids.add(rule.id);
        expect(rule.id.startsWith(country.toLowerCase()), rule.id).toBe(true);
        // A rule Subkeeper is not sure of says why.
        if (rule.confidence !== 'verified') expect(rule.note.length, rule.id).toBeGreaterThan(20);
      }
    }
  });

  it('gives every country a withdrawal rule, and the EU function to EU members only', () => {
    for (const c of ['NO', 'SE', 'DK', 'FI', 'GB', 'EU'] as const) {
      expect(
        countryRules(c).some((r) => r.kind === 'withdrawal'),
        c,
      ).toBe(true);
    }
    const fn = (c: 'NO' | 'SE' | 'DK' | 'FI' | 'GB') => countryRules(c).some((r) => r.kind === 'withdrawalFunction');
    expect([fn('SE'), fn('DK'), fn('FI'), fn('NO'), fn('GB')]).toEqual([true, true, true, false, false]);
  });
});

describe('price rises checked against the notice they needed', () => {
  const rise = (noticedOn: string | undefined, date = '2026-05-01'): PriceChange => ({
    id: 'p1',
    subscriptionId: 's1',
    date,
    oldAmountMinor: 10000,
    newAmountMinor: 12000,
    currency: 'NOK',
    ...(noticedOn ? { noticedOn } : {}),
  });
  const energy = { category: 'energy' as const };

  it('Norwegian electricity: short under 14 days, maybe short under 30, enough from 30', () => {
    expect(priceCheckOf(rise('2026-04-18'), energy, 'NO')).toMatchObject({ verdict: 'short', givenDays: 13 });
    expect(priceCheckOf(rise('2026-04-17'), energy, 'NO')).toMatchObject({ verdict: 'maybe-short', givenDays: 14 });
    expect(priceCheckOf(rise('2026-04-02'), energy, 'NO')).toMatchObject({ verdict: 'maybe-short', givenDays: 29 });
    expect(priceCheckOf(rise('2026-04-01'), energy, 'NO')).toMatchObject({ verdict: 'enough', givenDays: 30 });
    expect(priceCheckOf(rise(undefined), energy, 'NO')).toMatchObject({ verdict: 'unknown' });
    // Seen only after it applied: no notice at all.
    expect(priceCheckOf(rise('2026-05-03'), energy, 'NO')).toMatchObject({ verdict: 'short', givenDays: -2 });
  });

  it('telecom: a month’s notice, and the right to end the contract for a month after being told', () => {
    const telecom = { category: 'telecom' as const };
    expect(priceCheckOf(rise('2026-04-01'), telecom, 'SE')).toMatchObject({
      kind: 'termination',
      short: false,
      terminateBy: '2026-05-01',
    });
    expect(priceCheckOf(rise('2026-04-02'), telecom, 'SE')).toMatchObject({ short: true, terminateBy: '2026-05-02' });
    expect(priceCheckOf(rise('2026-04-02'), telecom, 'DK')).toMatchObject({ kind: 'termination' });
    expect(priceCheckOf(rise('2026-04-02'), telecom, 'NO')?.rule.confidence).toBe('uncertain');
  });

  it('says nothing about a price drop, or where no rule holds', () => {
    const drop: PriceChange = { ...rise('2026-04-01'), newAmountMinor: 9000 };
    expect(priceCheckOf(drop, energy, 'NO')).toBeUndefined();
    expect(priceCheckOf(rise('2026-04-01'), { category: 'video' }, 'NO')).toBeUndefined();
    expect(priceCheckOf(rise('2026-04-01'), energy, 'SE')).toBeUndefined();
    expect(priceCheckOf(rise('2026-04-01'), energy, undefined)).toBeUndefined();
  });
});

describe('charges after cancelling', () => {
  const cancelled = sub({ id: 'c1', status: 'cancelled', cancelledOn: '2026-03-10' });
  const withAccess = sub({ id: 'c2', status: 'cancelled', cancelledOn: '2026-03-10', endsOn: '2026-03-31' });
  const running = sub({ id: 'r1', status: 'active' });

  it('warns about a charge after the cancellation day (none stated for access)', () => {
    const found = chargesAfterCancel([cancelled], [charge('a', 'c1', '2026-03-10'), charge('b', 'c1', '2026-03-11')]);
    expect(found).toHaveLength(1);
    expect(found[0]?.charges.map((c) => c.id)).toEqual(['b']);
    expect(found[0]?.since).toBe('2026-03-10');
  });

  it('after the last day of access when one was stated (a charge inside a notice period is expected)', () => {
    const found = chargesAfterCancel([withAccess], [charge('a', 'c2', '2026-03-31'), charge('b', 'c2', '2026-04-01')]);
    expect(found[0]?.charges.map((c) => c.id)).toEqual(['b']);
    expect(found[0]?.since).toBe('2026-03-31');
  });

  it('never for running subscriptions, and not for a dismissed charge', () => {
    expect(chargesAfterCancel([running], [charge('a', 'r1', '2026-04-01')])).toEqual([]);
    const dismissed = new Set([afterCancelKey('c1', 'b')]);
    expect(chargesAfterCancel([cancelled], [charge('b', 'c1', '2026-03-11')], dismissed)).toEqual([]);
  });

  it('checks a bank statement’s rows before they are saved', () => {
    const rows = [
      { date: '2026-03-09', payee: 'NETFLIX.COM' },
      { date: '2026-04-09', payee: 'NETFLIX.COM' },
      { date: '2026-04-09', payee: 'SPOTIFY' },
    ];
    const hits = statementAfterCancel([cancelled, running], rows, (row, subs) =>
      row.payee === 'NETFLIX.COM' ? subs[0] : undefined,
    );
    expect(hits.map((h) => h.row.date)).toEqual(['2026-04-09']);
  });
});

describe('a bank statement line and the cancelled subscription it belongs to', () => {
  const netflix = sub({
    id: 'n',
    service: 'Netflix',
    serviceId: 'netflix',
    status: 'cancelled',
    cancelledOn: '2026-03-01',
  });
  const gym = sub({
    id: 'g',
    service: 'Fitness DK',
    domain: 'fitnessdk.dk',
    status: 'cancelled',
    cancelledOn: '2026-03-01',
  });
  const lookup = (text: string) => (text.includes('NETFLIX.COM') ? { id: 'netflix' } : undefined);

  it('matches by the directory service the text names, else by name or domain as a word', () => {
    expect(statementMatch('NETFLIX.COM 866-579-7172', [netflix, gym], lookup)?.id).toBe('n');
    expect(statementMatch('Kortkøb FITNESS DK A/S', [netflix, gym], lookup)?.id).toBe('g');
    expect(statementMatch('VISA FITNESSDK 1234', [netflix, gym], lookup)?.id).toBe('g');
    expect(statementMatch('FITNESS WORLD', [netflix, gym], lookup)).toBeUndefined();
    expect(statementMatch('SPOTIFY', [netflix, gym], lookup)).toBeUndefined();
  });
});

describe('cost per use', () => {
  it('keeps each day once, sorted, and at most the last 400', () => {
    expect(withDay(['2026-03-02'], '2026-03-01')).toEqual(['2026-03-01', '2026-03-02']);
    expect(withDay(['2026-03-01'], '2026-03-01')).toEqual(['2026-03-01']);
    const many = Array.from({ length: MAX_USAGE_DAYS }, (_, i) => `2025-${String((i % 12) + 1).padStart(2, '0')}-01`);
    expect(withDay([...new Set(many)], '2026-03-01').at(-1)).toBe('2026-03-01');
    expect(readDays(['2026-03-01', 3, 'x', null])).toEqual(['2026-03-01']);
    expect(readDays('nope')).toEqual([]);
  });

  it('divides the monthly cost by the days used in the last 30', () => {
    const s = sub({ amountMinor: 15000, period: 'P1M' });
    const u = usageOf(s, ['2026-02-01', '2026-03-01', '2026-03-05', '2026-03-10'], '2026-03-30', '2026-01-01');
    // 2026-03-01 is the 30th day back from 30 March, 2026-02-01 is older.
    expect(u.daysUsed).toBe(3);
    expect(u.costPerDayMinor).toBe(5000);
    expect(u.lastUsed).toBe('2026-03-10');
    expect(u.idle).toBe(false);
    expect(usageOf(s, ['2026-02-28'], '2026-03-30', '2026-01-01').daysUsed).toBe(0);
  });

  it('says "not used for 30 days" only after a full month of counting, and not for a new subscription', () => {
    const s = sub({ startDate: '2026-01-01' });
    expect(usageOf(s, [], '2026-03-30', '2026-02-28').idle).toBe(true);
    expect(usageOf(s, [], '2026-03-30', '2026-03-01').idle).toBe(false);
    expect(IDLE_DAYS).toBe(30);
    expect(usageOf(s, [], '2026-03-30', undefined).idle).toBe(false);
    expect(usageOf(sub({ startDate: '2026-03-15' }), [], '2026-03-30', '2026-01-01').idle).toBe(false);
    expect(usageOf(s, ['2026-03-01'], '2026-03-30', '2026-01-01').idle).toBe(false);
    expect(usageOf(s, ['2026-02-28'], '2026-03-30', '2026-01-01').idle).toBe(true);
  });
});

describe('before you pay twice', () => {
  it('finds a tracked service by directory id or by domain', () => {
    const netflix = sub({ serviceId: 'netflix', domain: 'netflix.com' });
    expect(alreadyHave([netflix], { serviceId: 'netflix', hostname: 'www.netflix.com' })).toMatchObject({
      via: 'tracked',
    });
    expect(alreadyHave([sub({ domain: 'strimla.no' })], { hostname: 'konto.strimla.no' })?.via).toBe('tracked');
    expect(alreadyHave([netflix], { hostname: 'www.viaplay.no' })).toBeUndefined();
    // Cancelled is not "have".
    expect(
      alreadyHave([sub({ serviceId: 'netflix', status: 'cancelled' })], { serviceId: 'netflix', hostname: 'x.no' }),
    ).toBeUndefined();
  });

  it('finds a service included in a bundle the user has', () => {
    const prime = sub({ serviceId: 'amazon-prime', service: 'Amazon Prime', domain: 'amazon.se' });
    const hit = alreadyHave([prime], { serviceId: 'prime-video', hostname: 'www.primevideo.com' });
    expect(hit).toMatchObject({ via: 'bundle', bundle: { id: 'amazon-prime' } });
    expect(hit?.subscription.id).toBe(prime.id);
    const one = sub({ service: 'Apple One Individual', serviceId: 'apple' });
    expect(alreadyHave([one], { serviceId: 'apple-tv-plus', hostname: 'tv.apple.com' })?.via).toBe('bundle');
    expect(alreadyHave([one], { serviceId: 'netflix', hostname: 'netflix.com' })).toBeUndefined();
  });

  it('has valid bundles of services in the directory', () => {
    expect(BundleFile.safeParse(bundlesJson).success).toBe(true);
    for (const b of BUNDLES) {
      for (const id of b.includes) expect(getService(id), `${b.id} includes ${id}`).toBeDefined();
      if ('serviceId' in b.holder) expect(getService(b.holder.serviceId), b.id).toBeDefined();
    }
  });
});

describe('letters', () => {
  const facts = {
    service: 'Strimla',
    customerNumber: '55-01928',
    contractDate: '2026-03-10',
    citation: 'angrerettloven §§ 20–22',
    email: 'kundeservice@strimla.no',
    today: '2026-03-12',
    name: 'Kari Nordmann',
  };

  it('writes a withdrawal with the name, customer number, contract date and rule, in each language', () => {
    const texts = (['nb', 'sv', 'da', 'en'] as const).map((lang) => letter({ ...facts, kind: 'withdraw', lang }));
    for (const l of texts) {
      expect(l.body).toContain('Kari Nordmann');
      expect(l.body).toContain('55-01928');
      expect(l.body).toContain('angrerettloven §§ 20–22');
      expect(l.subject).toContain('Strimla');
    }
    expect(texts[0]?.body).toContain('10. mars 2026');
    expect(texts[0]?.body).toContain('angrerett');
    expect(texts[1]?.body).toContain('ångerrätt');
    expect(texts[2]?.body).toContain('fortrydelsesret');
    expect(texts[3]?.body).toContain('withdraw');
    expect(new Set(texts.map((l) => l.body)).size).toBe(4);
  });

  it('writes a cancellation that asks for an end date when a rule gives one', () => {
    const l = letter({
      ...facts,
      kind: 'cancel',
      lang: 'da',
      citation: 'forbrugeraftaleloven § 28',
      endsOn: '2026-07-31',
    });
    expect(l.body).toContain('opsiger');
    expect(l.body).toContain('forbrugeraftaleloven § 28');
    expect(l.body).toContain('31. juli 2026');
  });

  it('makes a mailto: link with the subject and body, and only a valid address', () => {
    const l = letter({ ...facts, kind: 'cancel', lang: 'en' });
    expect(l.mailto.startsWith('mailto:kundeservice@strimla.no?subject=')).toBe(true);
    expect(decodeURIComponent(l.mailto.split('&body=')[1]!)).toBe(l.body);
    const evil = letter({ ...facts, kind: 'cancel', lang: 'en', email: 'a@b.no?bcc=x@evil.example' });
    expect(evil.mailto.startsWith('mailto:?subject=')).toBe(true);
    const unnamed = letter({ ...facts, name: '  ', kind: 'cancel', lang: 'en' });
    expect(unnamed.body).toContain('[your name]');
  });
});

describe('country, terms and proof', () => {
  it('uses the chosen country, else the base currency, else the language', () => {
    expect(countryOf({ country: 'DK', usage: false }, 'NOK', 'nb')).toBe('DK');
    expect(countryOf({ country: 'auto', usage: false }, 'SEK', 'nb')).toBe('SE');
    expect(countryOf({ country: 'auto', usage: false }, 'EUR', 'sv')).toBe('EU');
    expect(countryOf({ country: 'auto', usage: false }, 'USD', 'da')).toBe('DK');
    expect(countryOf({ country: 'auto', usage: false }, 'USD', 'en')).toBeUndefined();
  });

  it('turns what a sign-up page said into terms, with the contract date and withdrawal information', () => {
    const url = 'https://www.strimla.no/betal';
    expect(termsFromPage({ bindingMonths: 12 }, 'signup', url, '2026-03-10')).toEqual({
      contractDate: '2026-03-10',
      withdrawal: 'none',
      bindingMonths: 12,
      seenOn: url,
    });
    expect(termsFromPage({ withdrawal: 'stated' }, 'confirmation', url, '2026-03-10')?.withdrawal).toBe('stated');
    // A receipt says nothing about how the contract was made.
    expect(termsFromPage({ customerNumber: '123456' }, 'receipt', url, '2026-03-10')).toEqual({
      customerNumber: '123456',
      seenOn: url,
    });
    expect(termsFromPage({}, 'account', url, '2026-03-10')).toBeUndefined();
  });

  it('merges a sign-up page and its confirmation: later statements win, information given on either counts', () => {
    const merged = mergeTerms(
      { contractDate: '2026-03-09', withdrawal: 'stated', bindingMonths: 12 },
      { contractDate: '2026-03-10', withdrawal: 'none', customerNumber: '7731904' },
    );
    expect(merged).toEqual({
      contractDate: '2026-03-09',
      withdrawal: 'stated',
      bindingMonths: 12,
      customerNumber: '7731904',
    });
    expect(mergeTerms(undefined, { bindingMonths: 1 })).toEqual({ bindingMonths: 1 });
  });

  it('keeps a bounded proof of the page, as text', () => {
    const long = 'x'.repeat(25_000);
    const p = makeProof({
      id: 'p1',
      kind: 'signup',
      url: 'https://www.strimla.no/betal',
      page: { title: 'Betal', lines: [{ text: 'Bindingstid\t12 måneder' }, { text: long }], truncated: false },
      pageKind: 'signup',
      terms: { bindingMonths: 12 },
      stamp: '2026-03-10T12:00:00.000Z',
      detectionId: 'd1',
    });
    expect(p.text.length).toBe(20_000);
    expect(p.text.startsWith('Bindingstid\t12 måneder\nxxx')).toBe(true);
    expect(p.truncated).toBe(true);
    expect(p).toMatchObject({ detectionId: 'd1', terms: { bindingMonths: 12 } });
  });

  it('sums up a subscription’s rights', () => {
    const s = sub({ source: 'detected', startDate: '2026-03-10', terms: { contractDate: '2026-03-10' } });
    const r = rightsOf(s, 'DK', '2026-03-20');
    expect(r.withdrawal).toMatchObject({ state: 'open', daysLeft: 4 });
    expect(r.easyCancel?.law.citation).toBe('forbrugeraftaleloven § 28 a');
    expect(rightsOf(s, undefined, '2026-03-20')).toEqual({ withdrawal: { state: 'none', reason: 'no-country' } });
  });
});

describe('the start of a visit (days of use)', () => {
  it('is a page not reached from another page of the same site', async () => {
    const { fromSameSite, siteKey } = await import('../../../lib/rights/visit');
    expect(siteKey('www.vg.no')).toBe('vg.no');
    expect(siteKey('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(fromSameSite('https://www.vg.no/nyheter', 'www.vg.no')).toBe(true);
    expect(fromSameSite('https://pluss.vg.no/', 'www.vg.no')).toBe(true);
    expect(fromSameSite('https://www.google.com/search?q=vg', 'www.vg.no')).toBe(false);
    expect(fromSameSite('', 'www.vg.no')).toBe(false);
    expect(fromSameSite('https://shop.co.uk/', 'www.bbc.co.uk')).toBe(false);
    expect(fromSameSite('https://www.vg.no:8443/x', 'vg.no')).toBe(true);
    expect(fromSameSite('not a url', 'vg.no')).toBe(false);
    expect(fromSameSite('https://evil.example@www.vg.no/', 'vg.no')).toBe(true);
    expect(fromSameSite('https://www.vg.no@evil.example/', 'vg.no')).toBe(false);
  });

  it('reads the host of an address as the browser does, without URL or Location', async () => {
    const { hostOf } = await import('../../../lib/rights/visit');
    for (const url of [
      'https://www.Netflix.com/browse',
      'https://user:secret@konto.viaplay.no:8443/min-side?x=1#y',
      'https://www.vg.no',
      'https://www.vg.no?q=1',
      'https://www.vg.no#top',
      'http://127.0.0.1:8080/',
      'https://[::1]:8443/x',
      'https://[::1]/x',
    ]) {
      expect(hostOf(url), url).toBe(new URL(url).hostname);
    }
    expect(hostOf('not a url')).toBe('');
  });
});
