import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SubscriptionTable } from '../../components/SubscriptionTable';
import { buildRows, DEFAULT_QUERY } from '../../lib/app/table';
import { createTranslator } from '../../lib/i18n';
import { bundledRates } from '../../lib/money';
import { sub } from '../helpers';

afterEach(cleanup);
const ctx = { today: '2026-11-23', base: 'NOK', rates: bundledRates };

describe('SubscriptionTable', () => {
  it('renders rows and reports sort, filter and delete actions', () => {
    const onQuery = vi.fn();
    const onDelete = vi.fn();
    const rows = buildRows([sub({ id: 'a', service: 'Netflix' }), sub({ id: 'b', service: 'Spotify' })], ctx);
    render(
      <SubscriptionTable
        rows={rows}
        query={DEFAULT_QUERY}
        members={[]}
        payments={[]}
        currencies={['NOK']}
        total={2}
        locale="en-GB"
        t={createTranslator('en')}
        onQuery={onQuery}
        onOpen={() => {}}
        onEdit={() => {}}
        onDelete={onDelete}
      />,
    );
    expect(screen.getAllByRole('row')).toHaveLength(3);
    // Finds are not rows: they wait in the inbox (issue 13, item 4), so no row carries a 'not confirmed' tag.
    expect(document.querySelector('.tag')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Per month/ }));
    expect(onQuery).toHaveBeenLastCalledWith({ ...DEFAULT_QUERY, sort: 'monthly', desc: false });
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'spo' } });
    expect(onQuery).toHaveBeenLastCalledWith({ ...DEFAULT_QUERY, search: 'spo' });
    fireEvent.click(screen.getByRole('button', { name: 'Delete Spotify' }));
    expect(onDelete).toHaveBeenCalledWith('b');
  });

  it('renders long lists a page at a time', () => {
    const many = buildRows(
      Array.from({ length: 150 }, (_, i) => sub({ id: `s${i}`, service: `Service ${String(i).padStart(3, '0')}` })),
      ctx,
    );
    render(
      <SubscriptionTable
        rows={many}
        query={DEFAULT_QUERY}
        members={[]}
        payments={[]}
        currencies={['NOK']}
        total={150}
        locale="en-GB"
        t={createTranslator('en')}
        onQuery={() => {}}
        onOpen={() => {}}
        onEdit={() => {}}
        onDelete={() => {}}
      />,
    );
    expect(screen.getAllByRole('row')).toHaveLength(51);
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(screen.getAllByRole('row')).toHaveLength(101);
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(screen.getAllByRole('row')).toHaveLength(151);
    expect(screen.queryByRole('button', { name: /Show \d+ more/ })).toBeNull();
  });
});

describe('SubscriptionTable layout (issue 13 item 10)', () => {
  const long = 'Det Norske Veritas Premium Familieabonnement med Ekstra Lagring og Alt Inkludert';
  function renderTable() {
    const rows = buildRows(
      [sub({ id: 'a', service: long, currency: 'SEK', amountMinor: 11000 }), sub({ id: 'b', service: 'Netflix' })],
      ctx,
    );
    render(
      <SubscriptionTable
        rows={rows}
        query={DEFAULT_QUERY}
        members={[]}
        payments={[]}
        currencies={['NOK', 'SEK']}
        total={2}
        base="NOK"
        locale="nb-NO"
        t={createTranslator('nb')}
        onQuery={() => {}}
        onOpen={() => {}}
        onEdit={() => {}}
        onDelete={() => {}}
      />,
    );
  }

  it('shows the per-month amount in the main currency beside the own one (what the column sorts by)', () => {
    renderTable();
    const row = screen.getByRole('rowheader', { name: long }).closest('tr')!;
    const perMonth = row.querySelectorAll('td')[1]!;
    expect(perMonth.textContent?.replace(/\s/g, ' ')).toMatch(/^110,00 SEK≈ \d+,\d\d kr$/);
    const nok = screen.getByRole('rowheader', { name: 'Netflix' }).closest('tr')!;
    expect(nok.querySelector('.in-base')).toBeNull();
  });

  it('a long name ends in an ellipsis with the full name in its title; actions sit in one quiet menu per row', () => {
    renderTable();
    const name = screen.getByRole('button', { name: long });
    expect(name.classList.contains('service-name')).toBe(true);
    expect(name.getAttribute('title')).toBe(long);
    expect(document.querySelectorAll('details.row-menu')).toHaveLength(2);
    // No delete button is out in the rows: each is inside its row's closed menu.
    for (const b of screen.getAllByRole('button', { name: /^Slett/ }))
      expect(b.closest('details.row-menu')).not.toBeNull();
    const summaries = [...document.querySelectorAll('details.row-menu > summary')];
    expect(summaries.map((x) => x.getAttribute('aria-label'))).toEqual([
      `Handlinger for ${long}`,
      'Handlinger for Netflix',
    ]);
  });
});
