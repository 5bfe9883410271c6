import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RemindersView, type RemindersViewProps } from '../../../components/views/RemindersView';
import { createTranslator } from '../../../lib/i18n';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { comingReminders } from '../../../lib/reminders';
import { makeSub, textOf } from './helpers';

afterEach(cleanup);
const today = '2026-11-23';
const t = createTranslator('en');
const netflix = makeSub({ id: 'n', service: 'Netflix', amountMinor: 17900, billingAnchor: '2026-11-24' });
const trial = makeSub({
  id: 'tr',
  service: 'Storytel',
  amountMinor: 22900,
  status: 'trial',
  trialEnd: '2026-11-30',
  billingAnchor: '2026-11-30',
});
const coming = comingReminders({
  subscriptions: [netflix, trial],
  priceChanges: [],
  settings: DEFAULT_SETTINGS,
  today,
  fired: {},
  snoozed: {},
  t,
  locale: 'en-GB',
});

function renderView(over: Partial<RemindersViewProps> = {}) {
  const props: RemindersViewProps = {
    coming,
    days: 30,
    history: [
      {
        id: 'renewal:x:2026-11-10:3',
        on: '2026-11-07',
        title: 'Viaplay renews in 3 days',
        message: 'NOK 449.00 …',
        subscriptionId: 'v',
      },
    ],
    off: [],
    enabled: true,
    canAct: true,
    today,
    t,
    locale: 'en-GB',
    onSnooze: vi.fn(),
    onSkip: vi.fn(),
    onTurnOff: vi.fn(),
    onTurnOn: vi.fn(),
    onOpen: vi.fn(),
    ...over,
  };
  render(<RemindersView {...props} />);
  return props;
}

describe('RemindersView (issue 13 item 6)', () => {
  it('lists what fires when, for which subscription, grouped by day', () => {
    renderView();
    const days = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    // Netflix renews tomorrow (3 days’ lead: due already, shown today); the trial reminders come 3 and 1 days ahead.
    expect(days.slice(0, 3)).toEqual(['Shows today', 'Shows 27 Nov 2026', 'Shows 29 Nov 2026']);
    const todays = screen.getByRole('heading', { name: 'Shows today' }).closest('section')!;
    expect(textOf(todays)).toContain('Netflix renews tomorrow');
    expect(textOf(todays)).toContain('NOK 179.00 will be charged on 24 Nov 2026.');
    const trialDay = screen.getByRole('heading', { name: 'Shows 27 Nov 2026' }).closest('section')!;
    expect(textOf(trialDay)).toContain('Free trial of Storytel ends in 3 days');
  });

  it('snoozes, skips and turns off from each row, and opens the subscription', () => {
    const p = renderView();
    const row = screen.getByText('Netflix renews tomorrow').closest('li')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Snooze 1 week' }));
    expect(p.onSnooze).toHaveBeenCalledWith(coming[0]!.reminder.id, 7);
    fireEvent.click(within(row).getByRole('button', { name: 'Snooze 1 day' }));
    expect(p.onSnooze).toHaveBeenLastCalledWith(coming[0]!.reminder.id, 1);
    fireEvent.click(within(row).getByRole('button', { name: 'Skip this reminder' }));
    expect(p.onSkip).toHaveBeenCalledWith(coming[0]);
    fireEvent.click(within(row).getByRole('button', { name: 'No reminders for Netflix' }));
    expect(p.onTurnOff).toHaveBeenCalledWith('n');
    fireEvent.click(within(row).getByRole('button', { name: 'Netflix renews tomorrow' }));
    expect(p.onOpen).toHaveBeenCalledWith('n');
  });

  it('shows the history of what was shown, and what is turned off', () => {
    const p = renderView({ off: [makeSub({ id: 'off', service: 'Tibber' })] });
    const history = screen.getByRole('heading', { name: 'Shown before' }).closest('section')!;
    expect(textOf(history)).toContain('7 Nov 2026');
    expect(textOf(history)).toContain('Viaplay renews in 3 days');
    fireEvent.click(screen.getByRole('button', { name: 'Turn reminders on again for Tibber' }));
    expect(p.onTurnOn).toHaveBeenCalledWith('off');
  });

  it('says when reminders are off, when there are none, and offers no actions where none can be taken', () => {
    renderView({ enabled: false, coming: [], canAct: false, history: [] });
    expect(screen.getByText('Reminders are turned off in the settings.', { exact: false })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Snooze/ })).toBeNull();
    expect(screen.getByText('Nothing has been shown yet.')).toBeTruthy();
    cleanup();
    renderView({ coming: [] });
    expect(screen.getByText(/No reminders in the next 30 days/)).toBeTruthy();
  });
});
