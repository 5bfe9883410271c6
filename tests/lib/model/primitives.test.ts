import { describe, expect, it } from 'vitest';
import { HttpUrl } from '../../../lib/model';

describe('HttpUrl', () => {
  it('stores the normalised href, not the raw string', () => {
    expect(HttpUrl.parse('HTTPS://Example.COM/a b?x=ø')).toBe('https://example.com/a%20b?x=%C3%B8');
    expect(HttpUrl.parse('https://example.com')).toBe('https://example.com/');
    expect(HttpUrl.parse('  https://example.com/x  ')).toBe('https://example.com/x');
  });

  it('is idempotent: a normalised link parses to itself', () => {
    for (const raw of ['https://example.com/a b', 'http://EXAMPLE.com:80/x/../y', 'https://ex.no/æ?q=1#frag']) {
      const once = HttpUrl.parse(raw);
      expect(HttpUrl.parse(once)).toBe(once);
    }
  });

  it('refuses control characters anywhere in the text, even those new URL() would strip', () => {
    const attacks = [
      'https://evil.example/x\r\nATTACH:https://evil.example/payload',
      'https://evil.example/x\nATTACH:https://evil.example/p',
      'https://evil.example/x\rX',
      'https://evil.example/\tx',
      'https://evil.example/x\u0000',
      'https://evil.example/x\u001b[31m',
      'https://evil.example/x\u007f',
      'https://evil.example/x\u0085',
      'https://evil.example/x\u009b',
      'https://evil.example/x\u2028y',
      'https://evil.example/x\u2029y',
      // Bidi controls make a link read differently than it goes.
      'https://evil.example/\u202egro.knab',
      'https://evil.example/\u2066x\u2069',
      'https://evil.example/\u200fx',
      'https://evil.example/\u061cx',
    ];
    for (const url of attacks) {
      const r = HttpUrl.safeParse(url);
      expect(r.success, JSON.stringify(url)).toBe(false);
      if (!r.success) expect(r.error.issues[0]?.message).toMatch(/control character/);
    }
  });

  it('keeps refusing what it refused before', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.example/', 'not a url', '']) {
      expect(HttpUrl.safeParse(url).success, url).toBe(false);
    }
    expect(HttpUrl.safeParse(`https://example.com/${'a'.repeat(2100)}`).success).toBe(false);
    // The limit holds for the normalised form too (percent-encoding makes it longer).
    expect(HttpUrl.safeParse(`https://example.com/${'ø'.repeat(400)}`).success).toBe(false);
  });
});
