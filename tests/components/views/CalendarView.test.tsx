import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CalendarView } from '../../../components/views/CalendarView';
import { createTranslator } from '../../../lib/i18n';
import { renewalCalendar } from '../../../lib/summary';
import { makeSub, RATES, textOf } from './helpers';

afterEach(cleanup);

const ctx = { today: '2026-11-23', base: 'NOK', rates: RATES };
const subs = [
  makeSub({ id: 'netflix', service: 'Netflix', amountMinor: 15900, billingAnchor: '2026-01-14' }),
  makeSub({ id: 'spotify', service: 'Spotify', amountMinor: 1199, currency: 'USD', billingAnchor: '2026-11-30' }),
  makeSub({ id: 'domain', service: 'Domene', amountMinor: 20000, period: 'P1Y', billingAnchor: '2027-03-01' }),
  makeSub({ id: 'gone', service: 'Gone', status: 'cancelled', billingAnchor: '2026-01-20' }),
];

function monthSection(name: string): HTMLElement {
  return screen.getByRole('heading', { level: 3, name }).closest('section') as HTMLElement;
}

describe('CalendarView', () => {
  it('has a section per month with its name, projected total in base currency and renewals', () => {
    render(
      <CalendarView
        buckets={renewalCalendar(subs, ctx)}
        base="NOK"
        t={createTranslator('en')}
        locale="en-GB"
        onOpen={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Renewal calendar');
    const months = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('November 2026');
    expect(months[11]).toBe('October 2027');

    // November: only Spotify (Netflix renewed on the 14th, before today). 11.99 USD = 119.90 NOK.
    const nov = monthSection('November 2026');
    expect(within(nov).getAllByRole('listitem')).toHaveLength(1);
    expect(textOf(nov)).toContain('Total: NOK 119.90');
    expect(textOf(nov)).toContain('US$11.99');

    // December: Netflix 159.00 NOK + Spotify 119.90 NOK.
    const dec = monthSection('December 2026');
    const items = within(dec).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('button').textContent)).toEqual(['Netflix', 'Spotify']);
    expect(items[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2026-12-14');
    expect(textOf(items[0])).toContain('NOK 159.00');
    expect(textOf(dec)).toContain('Total: NOK 278.90');

    // March 2027 also has the yearly renewal: 159.00 + 119.90 + 200.00.
    const mar = monthSection('March 2027');
    expect(within(mar).getAllByRole('listitem')).toHaveLength(3);
    expect(textOf(mar)).toContain('Total: NOK 478.90');

    // Cancelled subscriptions never appear.
    expect(screen.queryByText('Gone')).toBeNull();
  });

  it('opens a subscription from its renewal', () => {
    const onOpen = vi.fn();
    render(
      <CalendarView
        buckets={renewalCalendar(subs, ctx)}
        base="NOK"
        t={createTranslator('en')}
        locale="en-GB"
        onOpen={onOpen}
      />,
    );
    fireEvent.click(within(monthSection('March 2027')).getByRole('button', { name: 'Domene' }));
    expect(onOpen).toHaveBeenCalledWith('domain');
  });

  it('uses the locale for month names and money, and the language for text', () => {
    render(
      <CalendarView
        buckets={renewalCalendar(subs, ctx)}
        base="NOK"
        t={createTranslator('nb')}
        locale="nb-NO"
        onOpen={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Fornyelseskalender');
    const dec = monthSection('desember 2026');
    expect(textOf(dec)).toContain('Totalt: 278,90 kr');
  });

  it('says so when nothing renews', () => {
    render(
      <CalendarView
        buckets={renewalCalendar([subs[3]!], ctx)}
        base="NOK"
        t={createTranslator('en')}
        locale="en-GB"
        onOpen={vi.fn()}
      />,
    );
    expect(screen.getByText('No renewals in the coming months.')).toBeTruthy();
    expect(screen.queryAllByRole('heading', { level: 3 })).toHaveLength(0);
  });

  it('marks trials in words, not only by colour', () => {
    const trial = makeSub({ id: 'trial', service: 'Storytel', status: 'trial', billingAnchor: '2026-12-05' });
    render(
      <CalendarView
        buckets={renewalCalendar([trial], ctx)}
        base="NOK"
        t={createTranslator('en')}
        locale="en-GB"
        onOpen={vi.fn()}
      />,
    );
    const item = within(monthSection('December 2026')).getByRole('listitem');
    expect(item.textContent).toContain('Free trial');
  });
});
