import { describe, expect, it } from 'vitest';
import { acceptContentMessage, acceptPageMessage } from '../../../lib/messages';

const result = {
  kind: 'confirmation',
  service: { name: 'Viaplay', domain: 'viaplay.no' },
  subscription: { amountMinor: 12900, currency: 'NOK', period: 'P1M' },
  charges: [],
  links: {},
};
const msg = { type: 'page-detected', url: 'https://www.viaplay.no/takk', result };
const tabSender = { id: 'ext', url: 'https://www.viaplay.no/takk', tab: { id: 4 } };

describe('content messages', () => {
  it('accepts a valid report from a tab about its own page', () => {
    expect(acceptContentMessage(msg, tabSender, 'ext').ok).toBe(true);
  });
  it('rejects other extensions, non-tabs, and reports about another site', () => {
    expect(acceptContentMessage(msg, { ...tabSender, id: 'other' }, 'ext')).toMatchObject({
      ok: false,
      reason: 'foreign sender',
    });
    expect(acceptContentMessage(msg, { id: 'ext', url: tabSender.url }, 'ext').ok).toBe(false);
    expect(acceptContentMessage(msg, { ...tabSender, url: 'https://evil.example/' }, 'ext')).toMatchObject({
      ok: false,
      reason: 'url does not match sender',
    });
  });
  it('rejects malformed payloads and javascript: links', () => {
    expect(acceptContentMessage({ ...msg, result: { ...result, kind: 'pwned' } }, tabSender, 'ext').ok).toBe(false);
    expect(acceptContentMessage({ ...msg, result: 'nothing' }, tabSender, 'ext').ok).toBe(false);
    // The content script sends the detector's result unvalidated: an invalid field is dropped, the rest is kept.
    const js = {
      ...msg,
      result: { ...result, links: { cancel: 'javascript:alert(1)', manage: 'https://www.viaplay.no/konto' } },
    };
    const accepted = acceptContentMessage(js, tabSender, 'ext');
    expect(accepted.ok && accepted.message.result.links).toEqual({ manage: 'https://www.viaplay.no/konto' });
    const long = { ...msg, result: { ...result, service: { name: 'x'.repeat(500), domain: 'viaplay.no' } } };
    const kept = acceptContentMessage(long, tabSender, 'ext');
    expect(kept.ok && kept.message.result.service).toBeNull();
    expect(kept.ok && kept.message.result.kind).toBe(result.kind);
    expect(
      acceptContentMessage({ type: 'page-detected', url: 'file:///etc/passwd', result }, tabSender, 'ext').ok,
    ).toBe(false);
  });
  it('has no way for a content script to delete or export', () => {
    for (const type of ['delete', 'export', 'data-changed', 'detection-seen']) {
      expect(acceptContentMessage({ type, tabId: 1 }, tabSender, 'ext').ok).toBe(false);
    }
  });
});

describe('page messages', () => {
  const origin = 'chrome-extension://ext/';
  it('accepts only from the extension’s own pages', () => {
    expect(
      acceptPageMessage({ type: 'data-changed' }, { id: 'ext', url: `${origin}options.html` }, 'ext', origin).ok,
    ).toBe(true);
    expect(
      acceptPageMessage({ type: 'data-changed' }, { id: 'ext', url: 'https://evil.example/' }, 'ext', origin).ok,
    ).toBe(false);
    expect(acceptPageMessage({ type: 'nope' }, { id: 'ext', url: `${origin}popup.html` }, 'ext', origin).ok).toBe(
      false,
    );
  });
});
