import { describe, expect, it } from 'vitest';
import { allServices, lookupStatement, normaliseStatement } from '../../../lib/directory';

const idOf = (text: string, country?: string) => lookupStatement(text, country)?.id;

describe('normaliseStatement', () => {
  it('strips card numbers, dates, amounts, phone numbers and reference codes', () => {
    expect(normaliseStatement('VISA 123456 NETFLIX.COM 866-579-7172')).toBe('NETFLIX COM');
    expect(normaliseStatement('Spotify P1A2B3C4D5')).toBe('SPOTIFY');
    expect(normaliseStatement('Varekjøp 12.03 DISNEY+ 129,00 NOK')).toBe('DISNEY PLUS');
    expect(normaliseStatement('XXXX XXXX XXXX 1234 2024-03-01 14:22 STORYTEL')).toBe('STORYTEL');
    expect(normaliseStatement('*4321 14MAR24 TIDAL')).toBe('TIDAL');
  });

  it('strips processor prefixes', () => {
    expect(normaliseStatement('PAYPAL *SPOTIFY')).toBe('SPOTIFY');
    expect(normaliseStatement('VIPPS*ADAMS MATKASSE AS')).toBe('ADAMS MATKASSE AS');
    expect(normaliseStatement('KLARNA*HELLOFRESH')).toBe('HELLOFRESH');
  });

  it('strips a trailing country code but keeps a domain ending', () => {
    expect(normaliseStatement('SPOTIFY STOCKHOLM SE')).toBe('SPOTIFY STOCKHOLM');
    expect(normaliseStatement('STORYTEL.NO')).toBe('STORYTEL NO');
  });

  it('folds Nordic letters the way banks print them', () => {
    expect(normaliseStatement('Dagens Næringsliv')).toBe('DAGENS NAERINGSLIV');
    expect(normaliseStatement('Ørsted Salg & Service')).toBe('ORSTED SALG SERVICE');
    expect(normaliseStatement('Åhléns')).toBe('AHLENS');
  });

  it('never throws on odd input', () => {
    expect(normaliseStatement('')).toBe('');
    expect(normaliseStatement('*** ### ***')).toBe('');
    expect(normaliseStatement(null as unknown as string)).toBe('');
    expect(normaliseStatement('x'.repeat(100_000)).length).toBeLessThanOrEqual(300);
  });
});

describe('lookupStatement', () => {
  it('matches the examples from card and bank statements', () => {
    expect(idOf('VISA 123456 NETFLIX.COM 866-579-7172')).toBe('netflix');
    expect(idOf('Spotify P1A2B3C4D5')).toBe('spotify');
    expect(idOf('VIPPS*ADAMS MATKASSE AS')).toBe('adams-matkasse');
    expect(idOf('PAYPAL *SPOTIFY')).toBe('spotify');
    expect(idOf('Varekjøp 12.03 DISNEY+ 129,00 NOK')).toBe('disney-plus');
  });

  it('is case-insensitive', () => {
    expect(idOf('netflix.com')).toBe('netflix');
    expect(idOf('Storytel AB')).toBe('storytel');
  });

  it('matches many services, Nordic ones included', () => {
    const cases: Array<[string, string]> = [
      ['HBO MAX 14.03', 'hbo-max'],
      ['VIAPLAY GROUP SWEDEN AB', 'viaplay'],
      ['TV 2 PLAY 199,00', 'tv2-play-no'],
      ['TV4 PLAY STOCKHOLM SE', 'tv4-play'],
      ['SKYSHOWTIME 89,00', 'skyshowtime'],
      ['GOOGLE *YouTubePremium g.co/helppay#', 'youtube-premium'],
      ['TIDAL.COM NEW YORK', 'tidal'],
      ['DEEZER PARIS FR', 'deezer'],
      ['STORYTEL AB STOCKHOLM', 'storytel'],
      ['BookBeat AB', 'bookbeat'],
      ['NEXTORY AB', 'nextory'],
      ['AUDIBLE UK*AB12CD34E', 'audible'],
      ['GODTLEVERT AS', 'godtlevert'],
      ['RETNEMT.DK', 'retnemt'],
      ['LINAS MATKASSE 12345678', 'linas-matkasse'],
      ['MICROSOFT*MICROSOFT 365 P msbill.info', 'microsoft-365'],
      ['ADOBE *CREATIVE CLOUD 4085366000', 'adobe'],
      ['OPENAI *CHATGPT SUBSCR', 'chatgpt'],
      ['GITHUB, INC.', 'github'],
      ['NORDVPN.COM', 'nordvpn'],
      ['PODIMO APS', 'podimo'],
      ['APPLE.COM/BILL ITUNES.COM', 'apple'],
      ['TELIA NORGE AS', 'telia-no'],
      ['TELENOR NORGE AS 0123', 'telenor-no'],
      ['ICE NORGE AS', 'ice'],
      ['HI3G ACCESS AB', 'tre-se'],
      ['YOUSEE A/S', 'yousee'],
      ['SATS NORWAY AS', 'sats'],
      ['EVO FITNESS OSLO', 'evo'],
      ['FRISKIS&SVETTIS STOCKHOLM', 'friskis-svettis'],
      ['TIBBER NORGE AS', 'tibber'],
      ['FJORDKRAFT AS', 'fjordkraft'],
      ['DEN NORSKE TURISTFORENING', 'dnt'],
      ['AFTENPOSTEN AS', 'aftenposten'],
      ['DAGENS NÆRINGSLIV AS', 'dn-no'],
      ['DN.SE', 'dn-se'],
      ['VG+ 12345', 'vg'],
      ['POLITIKEN.DK', 'politiken'],
      ['ZETLAND APS', 'zetland'],
      ['VIPPS*GODTLEVERT', 'godtlevert'],
      ['GJENSIDIGE FORSIKRING', 'gjensidige'],
      ['Amazon Prime*AB12CD', 'amazon-prime'],
      ['GOOGLE *Google One', 'google-one'],
      ['MSFT *XBOX GAME PASS', 'xbox-game-pass'],
      ['UBER *ONE', 'uber-one'],
      ['Wolt+ subscription', 'wolt-plus'],
    ];
    for (const [text, id] of cases) expect(idOf(text), text).toBe(id);
  });

  it('prefers the longest matching statement word', () => {
    // "YOUTUBE MUSIC" (YouTube Music) is longer than any YouTube Premium word found in this text.
    expect(idOf('GOOGLE *YOUTUBE MUSIC')).toBe('youtube-music');
    expect(idOf('GOOGLE *YOUTUBE PREMIUM')).toBe('youtube-premium');
  });

  it('chooses the country variant when a country is given, else the worldwide one', () => {
    expect(idOf('HELLOFRESH', 'NO')).toBe('hellofresh-no');
    expect(idOf('HELLOFRESH', 'se')).toBe('hellofresh-se');
    expect(idOf('HELLOFRESH', 'DK')).toBe('hellofresh-dk');
    expect(idOf('HELLOFRESH', 'DE')).toBe('hellofresh');
    expect(idOf('HELLOFRESH')).toBe('hellofresh');
    expect(idOf('HELLOFRESH NORGE')).toBe('hellofresh-no');
  });

  it('uses a trailing country code as the country when none is given', () => {
    expect(idOf('KLARNA*HELLOFRESH SE')).toBe('hellofresh-se');
    expect(idOf('TELIA STOCKHOLM SE')).toBe('telia-se');
    expect(idOf('TELIA KOBENHAVN DK')).toBe('telia-dk');
    expect(idOf('TELIA KOBENHAVN DK', 'NO')).toBe('telia-no');
  });

  it('matches whole words only', () => {
    expect(idOf('ITALIANO RISTORANTE')).toBeUndefined();
    expect(idOf('SERVICE FEE')).toBeUndefined();
    expect(idOf('PRICE ADJUSTMENT')).toBeUndefined();
    expect(idOf('NETFLIXANDCHILL BAR')).toBeUndefined();
    expect(idOf('SPOTIFYFAN SHOP')).toBeUndefined();
    expect(idOf('ICE CREAM PARLOUR')).toBeUndefined();
    expect(idOf('TIDAL WAVE SURF')).toBeUndefined();
    expect(idOf('SAXO BANK')).toBeUndefined();
  });

  it('does not match grocery and shop lines', () => {
    for (const text of [
      'REMA 1000 OSLO',
      'ICA MAXI',
      'NETTO',
      'SERVICE FEE',
      'KIWI 123 MAJORSTUEN',
      'COOP EXTRA',
      'MENY BERGEN',
      'HEMKOP',
      'FOTEX',
      'CIRCLE K',
      'VINMONOPOLET',
      'SYSTEMBOLAGET',
      'IKEA',
      'MAX BURGERS',
      '7-ELEVEN',
      'NARVESEN',
      'ELKJOP',
      'CLAS OHLSON',
      'APOTEK 1',
      'PEPPES PIZZA',
      'ESPRESSO HOUSE',
      'AMAZON.DE MARKETPLACE',
      'AMZN MKTP DE',
      'UBER TRIP',
      'WOLT HELSINKI',
      'BOLT.EU/O/2401',
      'MAX HAMBURGARE',
    ]) {
      expect(idOf(text), text).toBeUndefined();
    }
  });

  it('returns undefined for empty or odd input', () => {
    expect(idOf('')).toBeUndefined();
    expect(idOf('12.03.2024 129,00')).toBeUndefined();
    expect(idOf(undefined as unknown as string)).toBeUndefined();
  });

  it('finds every service by each of its own statement words', () => {
    for (const s of allServices()) {
      for (const word of s.statement) {
        const found = lookupStatement(word, s.countries[0] === '*' ? undefined : s.countries[0]);
        expect(found?.id, `${s.id}: "${word}"`).toBe(s.id);
      }
    }
  });
});
