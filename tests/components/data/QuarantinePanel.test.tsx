import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuarantinePanel } from '../../../components/data/QuarantinePanel';
import { createTranslator, LANGUAGES } from '../../../lib/i18n';

afterEach(cleanup);

const entries = [
  {
    id: 1,
    table: 'subscriptions',
    record: { id: 's-bad', service: '<b>Broken</b>', amountMinor: -5 },
    reason: 'amountMinor: amount cannot be negative',
    version: 2,
    at: '2026-06-01T08:00:00.000Z',
  },
  {
    id: 2,
    table: 'subscriptions',
    record: { id: 's-evil', service: 'Evil Calendar' },
    reason: 'links.cancel.url: a link cannot contain control characters',
    version: 3,
    at: '2026-06-01T08:00:00.000Z',
    kept: true,
    dropped: ['links.cancel'],
  },
];

describe('QuarantinePanel (issue 15, item 6: data the user cannot see is data lost)', () => {
  it('lists what was set aside and what was kept without a part, with why, as text', () => {
    render(
      <QuarantinePanel
        entries={entries}
        t={createTranslator('en')}
        locale="en-GB"
        onDownload={vi.fn()}
        onRemove={vi.fn()}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items[0]?.textContent).toContain('Subscription: <b>Broken</b>');
    expect(items[0]?.textContent).toContain('Set aside');
    expect(items[0]?.textContent).toContain('Why: Price: the amount is negative');
    expect(items[0]?.textContent).toContain('1 Jun 2026, when updating from version 2');
    expect(items[1]?.textContent).toContain('Kept, without: Cancel page');
    expect(items[1]?.textContent).toContain('Why: Cancel page: the link has hidden control characters');
    // Page-made text is never HTML.
    expect(items[0]?.querySelector('b')).toBeNull();
  });

  it('downloads them and removes one when asked', () => {
    const onDownload = vi.fn();
    const onRemove = vi.fn();
    render(
      <QuarantinePanel
        entries={entries}
        t={createTranslator('en')}
        locale="en-GB"
        onDownload={onDownload}
        onRemove={onRemove}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Download them (JSON)' }));
    expect(onDownload).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Remove from this list Evil Calendar' }));
    expect(onRemove).toHaveBeenCalledWith(2);
  });

  it('shows nothing when nothing was set aside', () => {
    const { container } = render(
      <QuarantinePanel
        entries={[]}
        t={createTranslator('en')}
        locale="en-GB"
        onDownload={vi.fn()}
        onRemove={vi.fn()}
      />,
    );
    expect(container.textContent).toBe('');
  });

  for (const lang of LANGUAGES) {
    it(`speaks ${lang}`, () => {
      const t = createTranslator(lang);
      render(<QuarantinePanel entries={entries} t={t} locale="en-GB" onDownload={vi.fn()} onRemove={vi.fn()} />);
      expect(screen.getByRole('heading').textContent).toContain(t('data.quarantine.title'));
      expect(t('data.quarantine.title')).not.toBe('data.quarantine.title');
    });
  }
});
