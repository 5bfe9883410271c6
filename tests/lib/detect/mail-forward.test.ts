import { describe, expect, it } from 'vitest';
import { detectMail } from '../../../lib/detect';
import type { MailData } from '../../../lib/detect/mail';
import { forwardSubject, unforward } from '../../../lib/detect/mail-forward';
import { pageFromHtml } from '../../../lib/detect/mail-html';
import { pageFromText } from '../../../lib/detect/mail-text';
import { toReport } from '../../../lib/detect/report';
import { DIRECTORY_OPTIONS } from '../../../lib/directory';

const me = { name: 'Kari Nordmann', address: 'kari@gmail.com' };

describe('HTML fragments', () => {
  it('reads a body with no <html> or <body> (as Gmail sends it)', () => {
    const page = pageFromHtml('<div dir="ltr">First line<div>Second <a href="https://x.no/a">link</a></div></div>');
    expect(page.lines.map((l) => l.text)).toEqual(['First line', 'Second link']);
    expect(page.links).toEqual([{ href: 'https://x.no/a', text: 'link', line: 1 }]);
  });
});

describe('forwarded messages', () => {
  it('knows forward prefixes in the four languages, and nothing else', () => {
    expect(forwardSubject('Fwd: Your receipt')).toBe('Your receipt');
    expect(forwardSubject('VS: Kvittering')).toBe('Kvittering');
    expect(forwardSubject('Vb: Kvitto')).toBe('Kvitto');
    expect(forwardSubject('Re: Your receipt')).toBeUndefined();
    expect(forwardSubject('Your receipt: November')).toBeUndefined();
  });

  it('reads the original sender, subject and day of a Gmail forward, and leaves the note above out', () => {
    const body = pageFromHtml(
      '<div dir="ltr">til budsjettet<br><div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>From: <b>Lydhylla</b> <span>&lt;kvittering@lydhylla.no&gt;</span><br>Date: man. 16. nov. 2026 kl. 08:10<br>Subject: Kvittering<br>To: &lt;kari@gmail.com&gt;<br></div><br><div>Takk for betalingen</div><div><a href="https://lydhylla.no/konto">Min side</a></div></div></div>',
    );
    const mail: MailData = { from: me, subject: 'Fwd: Kvittering', date: '2026-11-20', body };
    const out = unforward(mail, '2026-11-23');
    expect(out.from).toEqual({ name: 'Lydhylla', address: 'kvittering@lydhylla.no' });
    expect(out.subject).toBe('Kvittering');
    expect(out.date).toBe('2026-11-16');
    expect(out.body.lines.map((l) => l.text)).toEqual(['Takk for betalingen', 'Min side']);
    expect(out.body.links).toEqual([{ href: 'https://lydhylla.no/konto', text: 'Min side', line: 1 }]);
  });

  it('reads an Outlook forward block (Fra / Sendt / Til / Emne) in plain text', () => {
    const body = pageFromText(
      'Se under\n\nFra: Strømmen <hei@strommen.no>\nSendt: fredag 20. november 2026 14:03\nTil: kari@gmail.com\nEmne: Kvittering for abonnementet\n\nDu har betalt 149 kr for Strømmen Premium (månedlig).\n',
    );
    const out = unforward(
      { from: me, subject: 'VS: Kvittering for abonnementet', date: '2026-11-23', body },
      '2026-11-23',
    );
    expect(out.from.address).toBe('hei@strommen.no');
    expect(out.date).toBe('2026-11-20');
    const report = toReport(
      detectMail(
        { from: me, subject: 'VS: Kvittering for abonnementet', date: '2026-11-23', body },
        '2026-11-23',
        DIRECTORY_OPTIONS,
      ),
    );
    expect(report.service?.domain).toBe('strommen.no');
    expect(report.charges).toEqual([{ date: '2026-11-20', amount: 149, currency: 'NOK' }]);
  });

  it('leaves a mail that only mentions "From:" in its text as it is', () => {
    const body = pageFromText('Hei!\nFrom: the team at Fjordkaffe\nVi ses.\n');
    const mail: MailData = { from: me, subject: 'Hei', date: '2026-11-23', body };
    expect(unforward(mail, '2026-11-23')).toBe(mail);
  });
});
