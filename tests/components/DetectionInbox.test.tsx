import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DetectionInbox } from '../../components/DetectionInbox';
import { inboxItems } from '../../lib/app/inbox';
import { createTranslator, LANGUAGES, LOCALES } from '../../lib/i18n';
import type { Detection } from '../../lib/model';
import { detection, sub } from '../helpers';

afterEach(cleanup);

const netflix = sub({
  id: 'n',
  service: 'Netflix',
  amountMinor: 2500,
  currency: 'USD',
  period: 'P1M',
  billingAnchor: '2026-12-05',
  links: { manage: { url: 'https://www.netflix.com/YourAccount', source: 'user' } },
});

/** A price rise proposed by Netflix's own billing page. */
const rise: Detection = detection({
  id: 'rise',
  url: 'https://www.netflix.com/billingActivity',
  hostname: 'netflix.com',
  subscriptionId: 'n',
  result: {
    kind: 'billing',
    service: { name: 'Netflix', domain: 'netflix.com', serviceId: 'netflix' },
    subscription: { amountMinor: 2900, currency: 'USD', period: 'P1M' },
    charges: [],
    links: {},
  },
  proposal: {
    type: 'update',
    changes: {
      amountMinor: 2900,
      priceFrom: '2026-11-20',
      billingAnchor: '2026-12-20',
      links: { cancel: { url: 'https://www.netflix.com/cancelplan', source: 'page', seenAt: '2026-11-23' } },
    },
    charges: [{ date: '2026-11-20', amountMinor: 2900, currency: 'USD', source: 'billing' }],
  },
});

/** A new subscription found on a page that called itself Netflix. */
const found: Detection = detection({
  id: 'new',
  url: 'https://www.strikkeboksen.no/takk',
  hostname: 'strikkeboksen.no',
  result: {
    kind: 'confirmation',
    service: { name: 'Strikkeboksen', domain: 'strikkeboksen.no' },
    subscription: { amountMinor: 34900, currency: 'NOK', period: 'P1M' },
    charges: [],
    links: {},
    claimedName: 'Netflix',
  },
  proposal: {
    type: 'new',
    subscription: {
      service: 'Strikkeboksen',
      domain: 'strikkeboksen.no',
      category: 'other',
      amountMinor: 34900,
      currency: 'NOK',
      period: 'P1M',
      status: 'trial',
      billingAnchor: '2026-12-07',
      trialEnd: '2026-12-07',
      links: {},
    },
    charges: [],
  },
});

function show(lang: (typeof LANGUAGES)[number], detections: Detection[] = [rise, found]) {
  const handlers = { onAccept: vi.fn(), onEdit: vi.fn(), onDismiss: vi.fn(), onOpen: vi.fn() };
  render(
    <DetectionInbox
      items={inboxItems(detections, [netflix])}
      locale={LOCALES[lang]}
      t={createTranslator(lang)}
      {...handlers}
    />,
  );
  return handlers;
}

const text = () => (document.body.textContent ?? '').replace(/\s+/g, ' ');

describe('DetectionInbox', () => {
  it('shows a price-change proposal old → new, with the charges, and applies, opens or ignores it', () => {
    const h = show('en');
    const item = document.querySelector('[data-type="update"]')!;
    const t = (item.textContent ?? '').replace(/\s+/g, ' ');
    expect(t).toContain('Changes to Netflix');
    expect(t).toMatch(/Price ?US\$25\.00 → US\$29\.00 \(from 20 Nov 2026\)/);
    expect(t).toMatch(/Next renewal ?5 Dec 2026 → 20 Dec 2026/);
    expect(t).toMatch(/Cancel page ?none → netflix\.com\/cancelplan/);
    expect(t).toMatch(/Charges on the page: 20 Nov 2026 US\$29\.00/);
    // The user's own manage link is not up for replacement, and page links are text, never links to follow.
    expect(t).not.toContain('Manage page');
    expect(item.querySelector('a')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Apply changes Netflix' }));
    expect(h.onAccept).toHaveBeenCalledWith(rise);
    fireEvent.click(screen.getByRole('button', { name: 'Details Netflix' }));
    expect(h.onOpen).toHaveBeenCalledWith('n');
    fireEvent.click(screen.getByRole('button', { name: 'Ignore Netflix' }));
    expect(h.onDismiss).toHaveBeenCalledWith(rise);
  });

  it('shows a new find once, with what it costs, and warns when the page named itself after another service', () => {
    const h = show('en');
    const item = document.querySelector('[data-type="new"]')!;
    const t = (item.textContent ?? '').replace(/\s+/g, ' ');
    expect(t).toContain('Strikkeboksen');
    expect(t).toContain('New');
    expect(t).toMatch(/NOK\s?349\.00 per month · free trial until 7 Dec 2026/);
    expect(t).toContain('This page calls itself “Netflix”, but it is not on Netflix’s website.');
    expect(document.querySelectorAll('.inbox-item')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Add Strikkeboksen' }));
    expect(h.onAccept).toHaveBeenCalledWith(found);
    fireEvent.click(screen.getByRole('button', { name: 'Edit Strikkeboksen' }));
    expect(h.onEdit).toHaveBeenCalledWith(found);
  });

  it('leaves out proposals that would change nothing any more or whose subscription is gone', () => {
    const moot = {
      ...rise,
      id: 'moot',
      proposal: { type: 'update' as const, changes: { amountMinor: 2500 }, charges: [] },
    };
    const orphan = { ...rise, id: 'orphan', subscriptionId: 'deleted' };
    expect(inboxItems([moot, orphan], [netflix])).toEqual([]);
  });

  for (const lang of LANGUAGES) {
    it(`speaks ${lang}: every text of the inbox is translated`, () => {
      show(lang);
      expect(text()).not.toMatch(/inbox\.|common\.|dashboard\./);
      const t = createTranslator(lang);
      for (const key of [
        'inbox.price',
        'inbox.renewal',
        'inbox.link.cancel',
        'inbox.apply',
        'inbox.add',
        'inbox.hint',
      ]) {
        expect(text()).toContain(t(key));
      }
      expect(text()).toContain(t('inbox.changesTo', { name: 'Netflix' }));
    });
  }

  it('says so when nothing is waiting', () => {
    show('nb', []);
    expect(text()).toContain('Ingenting venter');
  });
});

describe('DetectionInbox: finds from e-mails', () => {
  const cancelled: Detection = detection({
    id: 'mail-cancel',
    hostname: 'netflix.com',
    subscriptionId: 'n',
    mail: {
      from: 'info@account.netflix.com',
      name: 'Netflix',
      subject: 'Your membership has been cancelled',
      via: 'webmail',
    },
    result: {
      kind: 'account',
      service: { name: 'Netflix', domain: 'netflix.com', serviceId: 'netflix' },
      subscription: null,
      charges: [],
      links: {},
      event: 'cancelled',
    },
    proposal: { type: 'update', changes: { status: 'cancelled', statusFrom: '2026-11-19' }, charges: [] },
  });
  const imported: Detection = detection({
    id: 'mail-import',
    hostname: 'fernpost.com',
    mail: { from: 'billing@fernpost.com', name: 'Fernpost', subject: 'Your receipt', via: 'file', count: 12 },
    result: {
      kind: 'receipt',
      service: { name: 'Fernpost', domain: 'fernpost.com' },
      subscription: { amountMinor: 2400, currency: 'EUR', period: 'P1M' },
      charges: [{ date: '2026-11-01', amountMinor: 2400, currency: 'EUR' }],
      links: {},
    },
    proposal: {
      type: 'new',
      subscription: {
        service: 'Fernpost',
        domain: 'fernpost.com',
        category: 'other',
        amountMinor: 2400,
        currency: 'EUR',
        period: 'P1M',
        status: 'active',
        billingAnchor: '2026-12-01',
        links: {},
      },
      charges: [{ date: '2026-11-01', amountMinor: 2400, currency: 'EUR', source: 'receipt' }],
    },
  });

  it('says which mail a find came from, what the mail was, and proposes a cancellation as a status change', () => {
    const t = createTranslator('en');
    render(
      <DetectionInbox
        items={inboxItems([cancelled, imported], [netflix])}
        locale="en-GB"
        t={t}
        onAccept={vi.fn()}
        onEdit={vi.fn()}
        onDismiss={vi.fn()}
      />,
    );
    expect(screen.getByText('From an e-mail by Netflix: “Your membership has been cancelled”')).toBeTruthy();
    expect(screen.getByText('Cancellation')).toBeTruthy();
    const status = screen.getByText('Status').closest('.change') as HTMLElement;
    expect(status.textContent).toContain('Active');
    expect(status.textContent).toContain('Cancelled');
    expect(screen.getByText('From 12 e-mails by Fernpost')).toBeTruthy();
    expect(screen.getByText(/Charges in the e-mails:/)).toBeTruthy();
  });
});

describe('DetectionInbox: a cancellation a page confirmed (issue 14)', () => {
  const page: Detection = detection({
    id: 'page-cancel',
    url: 'https://www.netflix.com/cancelplan/done',
    hostname: 'netflix.com',
    subscriptionId: 'n',
    result: {
      kind: 'account',
      service: { name: 'Netflix', domain: 'netflix.com', serviceId: 'netflix' },
      subscription: null,
      charges: [],
      links: {},
    },
    proposal: {
      type: 'update',
      changes: { status: 'cancelled', statusFrom: '2026-11-19', endsOn: '2026-12-04' },
      charges: [],
    },
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: shows the day it was cancelled and the last day of access the page stated`, () => {
      const t = createTranslator(lang);
      const locale = LOCALES[lang];
      render(
        <DetectionInbox
          items={inboxItems([page], [netflix])}
          locale={locale}
          t={t}
          onAccept={vi.fn()}
          onEdit={vi.fn()}
          onDismiss={vi.fn()}
        />,
      );
      const row = screen.getByText(t('inbox.status')).closest('.change') as HTMLElement;
      const day = (d: string) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(`${d}T12:00:00Z`));
      expect(row.textContent).toContain(t('common.status.active'));
      expect(row.textContent).toContain(t('rights.inbox.cancelledOn', { date: day('2026-11-19') }));
      expect(row.textContent).toContain(t('rights.inbox.accessUntil', { date: day('2026-12-04') }));
    });
  }
});
