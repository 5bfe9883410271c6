import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CalendarView, monthWeeks } from '../../../components/views/CalendarView';
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

const renderCalendar = (over: Partial<Parameters<typeof CalendarView>[0]> = {}) =>
  render(
    <CalendarView
      buckets={renewalCalendar(subs, ctx)}
      base="NOK"
      t={createTranslator('en')}
      locale="en-GB"
      onOpen={vi.fn()}
      {...over}
    />,
  );

/** The picked month's section (its heading is the month's long name). */
const month = () => screen.getByRole('heading', { level: 3 }).closest('section') as HTMLElement;
const pick = (short: string) => fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${short}`) }));

describe('CalendarView', () => {
  it('has a strip of the 12 months with each month’s total, and the picked month as a grid and a list', () => {
    renderCalendar();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Renewal calendar');
    const strip = screen.getByRole('list', { name: 'The next 12 months and their totals' });
    const months = within(strip).getAllByRole('button');
    expect(months).toHaveLength(12);
    expect(textOf(months[0])).toBe('Nov 26NOK 119.90');
    expect(textOf(months[1])).toBe('Dec 26NOK 278.90');
    expect(textOf(months[4])).toBe('Mar 27NOK 478.90');

    // November (picked first: the first month with a renewal): only Spotify. 11.99 USD = 119.90 NOK.
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('November 2026');
    expect(months[0]!.getAttribute('aria-pressed')).toBe('true');
    expect(within(month()).getAllByRole('listitem')).toHaveLength(1);
    expect(textOf(month())).toContain('Total: NOK 119.90');
    expect(textOf(month())).toContain('US$11.99');

    // December: Netflix 159.00 NOK + Spotify 119.90 NOK, each on its day of the grid.
    pick('Dec 26');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('December 2026');
    const items = within(month()).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('button').textContent)).toEqual(['Netflix', 'Spotify']);
    expect(items[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2026-12-14');
    expect(textOf(items[0])).toContain('NOK 159.00');
    expect(textOf(month())).toContain('Total: NOK 278.90');
    const cells = [...month().querySelectorAll('.month-grid td')];
    const day14 = cells.find((c) => c.querySelector('.cal-day')?.textContent === '14')!;
    expect(textOf(day14)).toContain('Netflix');
    expect(day14.querySelector('.cal-name')!.textContent).toBe('Netflix');

    // March 2027 also has the yearly renewal: 159.00 + 119.90 + 200.00.
    pick('Mar 27');
    expect(within(month()).getAllByRole('listitem')).toHaveLength(3);
    expect(textOf(month())).toContain('Total: NOK 478.90');

    // Cancelled subscriptions never appear.
    expect(screen.queryByText('Gone')).toBeNull();
  });

  it('steps to the next and previous month', () => {
    renderCalendar();
    fireEvent.click(screen.getByRole('button', { name: 'Next month' }));
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('December 2026');
    fireEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('November 2026');
    expect((screen.getByRole('button', { name: 'Previous month' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('lays a month out Monday first, whole weeks', () => {
    // December 2026 starts on a Tuesday and has 31 days.
    const weeks = monthWeeks('2026-12');
    expect(weeks[0]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(weeks.at(-1)).toEqual([28, 29, 30, 31, 0, 0, 0]);
    expect(weeks.flat().filter((d) => d > 0)).toHaveLength(31);
    expect(
      monthWeeks('2027-02')
        .flat()
        .filter((d) => d > 0),
    ).toHaveLength(28);
  });

  it('opens a subscription from its renewal', () => {
    const onOpen = vi.fn();
    renderCalendar({ onOpen });
    pick('Mar 27');
    fireEvent.click(within(month()).getByRole('button', { name: 'Domene' }));
    expect(onOpen).toHaveBeenCalledWith('domain');
  });

  it('uses the locale for month names and money, and the language for text', () => {
    renderCalendar({ t: createTranslator('nb'), locale: 'nb-NO' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Fornyelseskalender');
    fireEvent.click(screen.getByRole('button', { name: 'Neste måned' }));
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('desember 2026');
    expect(textOf(month())).toContain('Totalt: 278,90 kr');
    expect(textOf(month().querySelector('.month-grid thead'))).toMatch(/^man\.?tir\.?/);
  });

  it('says what to do when nothing renews', () => {
    renderCalendar({ buckets: renewalCalendar([subs[3]!], ctx) });
    expect(screen.getByText('No renewals in the coming months.', { exact: false })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Add a subscription' }).getAttribute('href')).toBe('#/add');
    expect(screen.queryAllByRole('heading', { level: 3 })).toHaveLength(0);
  });

  it('marks trials in words, not only by colour', () => {
    const trial = makeSub({ id: 'trial', service: 'Storytel', status: 'trial', billingAnchor: '2026-12-05' });
    renderCalendar({ buckets: renewalCalendar([trial], ctx) });
    const item = within(month()).getByRole('listitem');
    expect(item.textContent).toContain('Free trial');
  });
});
