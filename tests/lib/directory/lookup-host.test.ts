import { describe, expect, it } from 'vitest';
import { allServices, lookupHost } from '../../../lib/directory';

const idOf = (host: string) => lookupHost(host)?.id;

describe('lookupHost', () => {
  it('matches a service domain and its subdomains', () => {
    expect(idOf('netflix.com')).toBe('netflix');
    expect(idOf('www.netflix.com')).toBe('netflix');
    expect(idOf('account.storytel.com')).toBe('storytel');
    expect(idOf('help.viaplay.no')).toBe('viaplay');
    expect(idOf('a.b.c.spotify.com')).toBe('spotify');
  });

  it('matches country domains', () => {
    expect(idOf('www.storytel.se')).toBe('storytel');
    expect(idOf('viaplay.dk')).toBe('viaplay');
    expect(idOf('www.hellofresh.no')).toBe('hellofresh-no');
    expect(idOf('www.hellofresh.se')).toBe('hellofresh-se');
  });

  it('prefers the most specific domain (music.youtube.com is YouTube Music, youtube.com is YouTube Premium)', () => {
    expect(idOf('music.youtube.com')).toBe('youtube-music');
    expect(idOf('www.youtube.com')).toBe('youtube-premium');
  });

  it('is case-insensitive and ignores a trailing dot and a port', () => {
    expect(idOf('WWW.NETFLIX.COM')).toBe('netflix');
    expect(idOf('www.netflix.com.')).toBe('netflix');
    expect(idOf('www.netflix.com:443')).toBe('netflix');
    expect(idOf(' Www.Netflix.Com.:8443 ')).toBe('netflix');
  });

  it('does not match look-alikes', () => {
    expect(idOf('netflix.com.evil.example')).toBeUndefined();
    expect(idOf('notnetflix.com')).toBeUndefined();
    expect(idOf('netflix.co')).toBeUndefined();
    expect(idOf('netflix')).toBeUndefined();
    expect(idOf('com')).toBeUndefined();
    expect(idOf('evil.example')).toBeUndefined();
  });

  it('returns undefined for text that is not a hostname', () => {
    expect(idOf('')).toBeUndefined();
    expect(idOf('https://www.netflix.com/account')).toBeUndefined();
    expect(idOf('net flix.com')).toBeUndefined();
    expect(idOf(`${'a.'.repeat(200)}netflix.com`)).toBeUndefined();
    expect(idOf(undefined as unknown as string)).toBeUndefined();
  });

  it('finds every listed domain (and a www. subdomain of it) back to its service', () => {
    for (const s of allServices()) {
      for (const d of s.domains) {
        expect(idOf(d), d).toBe(s.id);
        const sub = `www.${d}`;
        const owner = allServices().find((o) => o.domains.includes(sub));
        expect(idOf(sub), sub).toBe(owner?.id ?? s.id);
      }
    }
  });
});
