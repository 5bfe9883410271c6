import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Ack, acceptContentMessage, acceptPageMessage, send } from '../../../lib/messages';

const page = {
  title: 'Takk for bestillingen',
  htmlLang: 'nb',
  meta: [['og:site_name', 'Viaplay']],
  canonical: '',
  baseHref: '',
  jsonLd: [],
  microdata: [],
  lines: [
    { text: 'Premium 129 kr/mnd', groups: [[0, 1], null], heading: 0, section: -1, button: false, selected: false },
  ],
  links: [{ href: '/konto', text: 'Min konto', line: 0 }],
  hasPaymentField: false,
  hasPaymentFrame: false,
  truncated: false,
};
const msg = { type: 'page-seen', url: 'https://www.viaplay.no/takk', page };
const tabSender = { id: 'ext', url: 'https://www.viaplay.no/takk', tab: { id: 4 } };

const mailMsg = {
  type: 'mail-seen',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWkt',
  mail: {
    client: 'gmail',
    from: { name: 'Netflix', address: 'info@account.netflix.com' },
    subject: 'Receipt',
    dateText: '',
    body: page,
  },
};

describe('content messages', () => {
  it('accepts a mail only from a webmail page, about that page', () => {
    const gmail = { id: 'ext', url: mailMsg.url, tab: { id: 7 } };
    const accepted = acceptContentMessage(mailMsg, gmail, 'ext');
    expect(accepted.ok && accepted.message.type === 'mail-seen' && accepted.message.mail.from.address).toBe(
      'info@account.netflix.com',
    );
    // A page elsewhere cannot pose as a mail (nor claim to be on a webmail page).
    const elsewhere = { ...mailMsg, url: 'https://evil.example/inbox' };
    expect(acceptContentMessage(elsewhere, { ...gmail, url: elsewhere.url }, 'ext')).toMatchObject({
      ok: false,
      reason: 'not a webmail page',
    });
    expect(acceptContentMessage(mailMsg, { ...gmail, url: 'https://evil.example/' }, 'ext').ok).toBe(false);
  });

  it('accepts what a tab read off its own page', () => {
    const accepted = acceptContentMessage(msg, tabSender, 'ext');
    expect(accepted.ok && accepted.message.type === 'page-seen' && accepted.message.page.lines[0]?.text).toBe(
      'Premium 129 kr/mnd',
    );
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
  it('rejects malformed or oversized page data and non-http(s) pages', () => {
    expect(acceptContentMessage({ ...msg, page: 'nothing' }, tabSender, 'ext').ok).toBe(false);
    expect(acceptContentMessage({ ...msg, page: { ...page, lines: [{ text: 1 }] } }, tabSender, 'ext').ok).toBe(false);
    const huge = { ...page, lines: Array.from({ length: 5000 }, () => page.lines[0]) };
    expect(acceptContentMessage({ ...msg, page: huge }, tabSender, 'ext').ok).toBe(false);
    expect(acceptContentMessage({ ...msg, url: 'file:///etc/passwd' }, tabSender, 'ext').ok).toBe(false);
    expect(acceptContentMessage({ ...msg, url: 'javascript:alert(1)' }, tabSender, 'ext').ok).toBe(false);
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

describe('send', () => {
  it('sends a message of the protocol and is typed by it both ways', async () => {
    const sent: unknown[] = [];
    const runtime = {
      sendMessage: async (m: unknown) => {
        sent.push(m);
        return { ok: true };
      },
    };
    const reply = await send(runtime, { type: 'detection-seen', tabId: 3 });
    expect(sent).toEqual([{ type: 'detection-seen', tabId: 3 }]);
    expect(reply).toEqual({ ok: true });
    expectTypeOf(reply).toEqualTypeOf<Ack | undefined>();
    // A message the background does not take does not type-check (npm run typecheck fails if it ever does).
    // @ts-expect-error not a message of the protocol
    await send(runtime, { type: 'delete-all' });
    // @ts-expect-error detection-seen needs its tab
    await send(runtime, { type: 'detection-seen' });
  });
});
