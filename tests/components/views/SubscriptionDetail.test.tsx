import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SubscriptionDetail,
  type SubscriptionDetailProps,
  upcomingDates,
} from '../../../components/views/SubscriptionDetail';
import { createTranslator } from '../../../lib/i18n';
import type { Subscription } from '../../../lib/model';
import { makeCharge, makeMember, makePriceChange, makeSub, textOf } from './helpers';

afterEach(cleanup);

const TODAY = '2026-11-23';

function renderDetail(sub: Subscription, over: Partial<SubscriptionDetailProps> = {}) {
  const props: SubscriptionDetailProps = {
    subscription: sub,
    charges: [],
    priceChanges: [],
    members: [],
    t: createTranslator('en'),
    locale: 'en-GB',
    today: TODAY,
    onStatus: vi.fn(),
    onEdit: vi.fn(),
    onEditLinks: vi.fn(),
    onDelete: vi.fn(),
    onClose: vi.fn(),
    ...over,
  };
  render(<SubscriptionDetail {...props} />);
  return props;
}

/** Bypasses the schema on purpose: a stored record could hold anything, the view must still be safe. */
function withLinks(links: Record<string, unknown>): Subscription {
  return { ...makeSub({ id: 's1' }), links } as Subscription;
}

function linksSection(): HTMLElement {
  return screen.getByRole('heading', { name: 'Manage, cancel or pause' }).closest('section') as HTMLElement;
}

describe('SubscriptionDetail links', () => {
  it('renders https links as new-tab links with noopener and where they came from', () => {
    const p = renderDetail(
      withLinks({
        cancel: { url: 'https://www.netflix.com/cancelplan', source: 'page', seenAt: '2026-11-02' },
        manage: { url: 'https://www.netflix.com/account', source: 'directory' },
        pause: { url: 'http://example.com/pause', source: 'user' },
      }),
    );
    const cancel = screen.getByRole('link', { name: /Open cancel page/ });
    expect(cancel.getAttribute('href')).toBe('https://www.netflix.com/cancelplan');
    expect(cancel.getAttribute('target')).toBe('_blank');
    expect(cancel.getAttribute('rel')).toBe('noopener noreferrer');
    expect(textOf(cancel.closest('li'))).toContain('Seen on the service’s page on 2 Nov 2026');
    expect(textOf(cancel.closest('li'))).toContain('www.netflix.com');
    expect(textOf(screen.getByRole('link', { name: /Open account page/ }).closest('li'))).toContain(
      'From Subkeeper’s directory',
    );
    expect(textOf(screen.getByRole('link', { name: /Open pause page/ }).closest('li'))).toContain('Added by you');

    fireEvent.click(screen.getByRole('button', { name: 'Edit link: Open cancel page' }));
    expect(p.onEditLinks).toHaveBeenCalledWith('cancel');
  });

  it('never renders javascript:, data: or other non-http(s) links as links', () => {
    renderDetail(
      withLinks({
        cancel: { url: 'javascript:alert(1)', source: 'page' },
        manage: { url: ' JAVASCRIPT:alert(document.cookie)', source: 'page' },
        pause: { url: 'data:text/html,<script>alert(1)</script>', source: 'directory' },
      }),
    );
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    for (const a of document.querySelectorAll('[href]')) {
      expect(a.getAttribute('href')).toMatch(/^https?:/);
    }
    expect(document.body.innerHTML).not.toMatch(/javascript:/i);
    expect(document.querySelector('script')).toBeNull();
    expect(within(linksSection()).getAllByText(/is not a web address, so it is not shown/)).toHaveLength(3);
    // The user can still fix them.
    expect(within(linksSection()).getAllByRole('button', { name: /^Edit link:/ })).toHaveLength(3);
  });

  it('offers to add links when there are none', () => {
    const p = renderDetail(makeSub({ id: 's1' }));
    expect(within(linksSection()).getByText('No links for Netflix yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add link' }));
    expect(p.onEditLinks).toHaveBeenCalledWith();
  });
});

describe('SubscriptionDetail content', () => {
  it('shows the header with status, price per period and the monthly equivalent', () => {
    renderDetail(makeSub({ id: 's1', service: 'Aftenposten', amountMinor: 119900, period: 'P1Y' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Aftenposten');
    const header = screen.getByRole('heading', { level: 2 }).closest('header')!;
    expect(textOf(header)).toContain('Active');
    expect(textOf(header)).toContain('NOK 1,199.00 per year');
    expect(textOf(header)).toContain('About NOK 99.92 per month');
  });

  it('lists the next six renewals with their price (intro price while it lasts)', () => {
    renderDetail(
      makeSub({
        id: 's1',
        billingAnchor: '2026-01-25',
        amountMinor: 15900,
        introAmountMinor: 4900,
        introEnd: '2027-01-01',
      }),
    );
    const section = screen.getByRole('heading', { name: 'Next renewals' }).closest('section')!;
    const items = within(section).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('time')!.getAttribute('datetime'))).toEqual([
      '2026-11-25',
      '2026-12-25',
      '2027-01-25',
      '2027-02-25',
      '2027-03-25',
      '2027-04-25',
    ]);
    expect(textOf(items[0])).toContain('NOK 49.00');
    expect(textOf(items[2])).toContain('NOK 159.00');
    expect(textOf(screen.getByText('Intro price ends').parentElement)).toContain(
      'NOK 49.00 until 1 Jan 2027, then NOK 159.00',
    );
  });

  it('has no renewals while paused, and uses given renewals when passed', () => {
    const paused = makeSub({ id: 's1', status: 'paused', pausedUntil: '2027-02-01' });
    expect(upcomingDates(paused, TODAY)).toEqual([]);
    renderDetail(paused);
    expect(screen.getByText('No renewals ahead.')).toBeTruthy();
    cleanup();
    renderDetail(makeSub({ id: 's1' }), { nextRenewals: ['2026-12-01'] });
    const section = screen.getByRole('heading', { name: 'Next renewals' }).closest('section')!;
    expect(within(section).getAllByRole('listitem')).toHaveLength(1);
  });

  it('shows price history, charges newest first, trial end, notes and status history as text', () => {
    renderDetail(
      makeSub({
        id: 's1',
        status: 'trial',
        trialEnd: '2026-11-30',
        notes: '<img src=x onerror=alert(1)> shared with <b>Ola</b>',
        ownerId: 'm1',
        statusHistory: [
          { status: 'trial', date: '2026-10-31' },
          { status: 'active', date: '2026-11-20', note: 'paid' },
        ],
      }),
      {
        members: [makeMember('m1', 'Kari')],
        priceChanges: [makePriceChange({ id: 'p1', date: '2026-06-01', oldAmountMinor: 12900, newAmountMinor: 15900 })],
        charges: [
          makeCharge({ id: 'c1', date: '2026-09-14', amountMinor: 12900 }),
          makeCharge({ id: 'c2', date: '2026-10-14', amountMinor: 15900 }),
        ],
        serviceNote: 'Binding: 12 months. <a href="javascript:x">Notice</a> 1 month.',
      },
    );
    const prices = screen.getByRole('heading', { name: 'Price history' }).closest('section')!;
    expect(textOf(prices)).toContain('1 Jun 2026: NOK 129.00 → NOK 159.00 (up 23.3%)');

    const table = screen.getByRole('table');
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => textOf(tr));
    expect(rows).toEqual(['14 Oct 2026NOK 159.00', '14 Sept 2026NOK 129.00']);
    expect(textOf(table.querySelector('tfoot'))).toContain('NOK 288.00');

    expect(textOf(screen.getByText('Free trial ends').parentElement)).toContain('30 Nov 2026 (in 7 days)');
    expect(textOf(screen.getByText('Who pays').parentElement)).toContain('Kari');

    const notes = screen.getByRole('heading', { name: 'Notes' }).closest('section')!;
    expect(notes.textContent).toContain('<img src=x onerror=alert(1)> shared with <b>Ola</b>');
    expect(document.querySelector('img, b')).toBeNull();
    expect(screen.getByText(/Binding: 12 months/).textContent).toContain('<a href="javascript:x">');
    expect(screen.queryAllByRole('link')).toHaveLength(0);

    const history = screen.getByRole('heading', { name: 'Status history' }).closest('section')!;
    expect(
      within(history)
        .getAllByRole('listitem')
        .map((li) => textOf(li)),
    ).toEqual(['20 Nov 2026: Active — paid', '31 Oct 2026: Free trial']);
  });
});

describe('SubscriptionDetail actions', () => {
  it('asks inline before marking as cancelled, and only then calls onStatus with today', () => {
    const p = renderDetail(makeSub({ id: 's1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Mark as cancelled' }));
    expect(p.onStatus).not.toHaveBeenCalled();
    const question = screen.getByText(/Mark Netflix as cancelled\?/);
    expect(document.activeElement).toBe(question);

    fireEvent.click(screen.getByRole('button', { name: 'No, keep it' }));
    expect(p.onStatus).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Mark as cancelled' }));

    fireEvent.click(screen.getByRole('button', { name: 'Mark as cancelled' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, mark as cancelled' }));
    expect(p.onStatus).toHaveBeenCalledWith('cancelled', TODAY);
  });

  it('pauses an active subscription and resumes a paused one', () => {
    const active = renderDetail(makeSub({ id: 's1' }));
    expect(screen.queryByRole('button', { name: 'Mark as active again' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Put on pause' }));
    expect(active.onStatus).toHaveBeenCalledWith('paused', TODAY);
    cleanup();
    const paused = renderDetail(makeSub({ id: 's1', status: 'paused' }));
    expect(screen.queryByRole('button', { name: 'Put on pause' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mark as active again' }));
    expect(paused.onStatus).toHaveBeenCalledWith('active', TODAY);
  });

  it('edits, closes, and deletes only after confirming', () => {
    const p = renderDetail(makeSub({ id: 's1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect(p.onEdit).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(p.onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(p.onDelete).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(p.onDelete).toHaveBeenCalledTimes(1);
  });

  it('speaks Danish', () => {
    renderDetail(makeSub({ id: 's1', period: 'P3M' }), { t: createTranslator('da'), locale: 'da-DK' });
    expect(textOf(screen.getByRole('heading', { level: 2 }).closest('header'))).toContain('hver 3. måned');
    expect(screen.getByRole('button', { name: 'Markér som opsagt' })).toBeTruthy();
  });
});

describe('SubscriptionDetail layout (issue 13 item 10)', () => {
  it('a yearly plan lists its next renewal, not six years of them; monthly lists a year’s worth at most 6', () => {
    const yearly = makeSub({ id: 'y', period: 'P1Y', billingAnchor: '2027-03-01' });
    expect(upcomingDates(yearly, TODAY)).toEqual(['2027-03-01']);
    const twoYearly = makeSub({ id: 'y2', period: 'P2Y', billingAnchor: '2028-06-01' });
    expect(upcomingDates(twoYearly, TODAY)).toEqual(['2028-06-01']);
    const quarterly = makeSub({ id: 'q', period: 'P3M', billingAnchor: '2026-12-01' });
    expect(upcomingDates(quarterly, TODAY)).toEqual(['2026-12-01', '2027-03-01', '2027-06-01', '2027-09-01']);
    expect(upcomingDates(makeSub({ id: 'm', period: 'P1M' }), TODAY)).toHaveLength(6);
    renderDetail(yearly);
    const renewals = screen.getByRole('heading', { name: 'Next renewals' }).closest('section')!;
    expect(renewals.querySelectorAll('li')).toHaveLength(1);
    expect(textOf(renewals)).not.toContain('2032');
  });

  it('lists dates without numbers in front (no ordered lists), and says delete can be undone', () => {
    renderDetail(makeSub({ id: 's1', statusHistory: [{ status: 'active', date: '2026-01-14' }] }), {
      priceChanges: [makePriceChange({ id: 'p1' })],
    });
    expect(document.querySelector('.subscription-detail ol')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByText(/You can undo it right after\./)).toBeTruthy();
    expect(screen.queryByText(/cannot be undone/)).toBeNull();
  });

  it('shows the last payment and reminders turned off', () => {
    renderDetail(makeSub({ id: 's1', lastPaid: '2026-11-14', remindersOff: true }));
    expect(textOf(screen.getByText('Last paid').parentElement)).toContain('14 Nov 2026');
    expect(textOf(screen.getByText('Reminder').parentElement)).toContain('Off for this subscription');
  });
});
