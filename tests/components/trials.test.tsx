import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView } from '../../components/PopupView';
import { QuickAdd } from '../../components/QuickAdd';
import { SubscriptionForm } from '../../components/SubscriptionForm';
import { TotalsCard } from '../../components/TotalsCard';
import { EMPTY_FORM } from '../../lib/app/form';
import { createTranslator } from '../../lib/i18n';
import { endingSoon, totals } from '../../lib/summary';
import { sub } from '../helpers';

/** Issue 13 item 7: a trial in one step, and what it will cost after. */
afterEach(cleanup);
const today = '2026-11-23';
const ctx = { today, base: 'GBP', rates: { date: '2026-11-20', perEur: { EUR: 1, GBP: 0.85, NOK: 11.5 } } };
const audible = sub({
  id: 'aud',
  service: 'Audible',
  amountMinor: 799,
  currency: 'GBP',
  status: 'trial',
  trialEnd: '2026-11-25',
  billingAnchor: '2026-11-25',
});

describe('"Free trial until DATE, then PRICE per PERIOD"', () => {
  it('is one step of the form: tick, pick the end, give the price after', async () => {
    const onSave = vi.fn(async (_i: Record<string, unknown>) => ({ ok: true as const }));
    render(
      <SubscriptionForm
        initial={{ ...EMPTY_FORM, currency: 'GBP', nextRenewal: today }}
        members={[]}
        today={today}
        t={createTranslator('en')}
        onSave={onSave}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByLabelText('Next renewal')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Starts with a free trial'));
    // The trial's end replaces the renewal; the price is the one after the trial.
    expect(screen.queryByLabelText('Next renewal')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '2 weeks' }));
    expect((screen.getByLabelText('Free trial until') as HTMLInputElement).value).toBe('2026-12-07');
    fireEvent.input(screen.getByLabelText('Service'), { target: { value: 'Audible' } });
    fireEvent.input(screen.getByLabelText('Price after the trial'), { target: { value: '7.99' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toMatchObject({
      service: 'Audible',
      status: 'trial',
      trialEnd: '2026-12-07',
      billingAnchor: '2026-12-07',
      amountMinor: 799,
      currency: 'GBP',
      period: 'P1M',
    });
  });

  it('the popup’s quick add has it too, and fits one column', () => {
    render(
      <QuickAdd
        base="NOK"
        krone="NOK"
        locale="nb-NO"
        today={today}
        members={[]}
        t={createTranslator('nb')}
        onSave={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    expect(document.querySelector('form.sub-form.compact')).not.toBeNull();
    fireEvent.click(screen.getByLabelText('Starter med en gratis prøveperiode'));
    fireEvent.click(screen.getByRole('button', { name: '1 måned' }));
    expect((screen.getByLabelText('Prøveperiode til') as HTMLInputElement).value).toBe('2026-12-23');
    expect(screen.getByLabelText('Pris etter prøveperioden')).toBeTruthy();
  });

  it('a price typed with "kr" takes the user’s krone', () => {
    render(
      <QuickAdd
        base="GBP"
        krone="SEK"
        locale="en-GB"
        today={today}
        members={[]}
        t={createTranslator('en')}
        onSave={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    const price = screen.getByLabelText('Price') as HTMLInputElement;
    fireEvent.input(price, { target: { value: '149 kr' } });
    fireEvent.blur(price);
    expect((screen.getByLabelText('Currency') as HTMLSelectElement).value).toBe('SEK');
    expect(price.value).toBe('149');
  });

  it('the popup’s trial card says what you will pay after, and the month total keeps the trial apart', () => {
    const paying = sub({ id: 'p', amountMinor: 1000, currency: 'GBP' });
    render(
      <PopupView
        site={null}
        totals={totals([audible, paying], ctx)}
        base="GBP"
        today={today}
        renewals={[]}
        ending={endingSoon([audible], today, 14)}
        members={[]}
        locale="en-GB"
        t={createTranslator('en')}
        subscriptionCount={2}
        onTrack={vi.fn()}
        onEdit={vi.fn()}
        onIgnore={vi.fn()}
        onAdd={vi.fn(async () => ({ ok: true as const }))}
        onOpenDashboard={vi.fn()}
      />,
    );
    expect(screen.getByTestId('popup-monthly-total').textContent).toBe('£10.00');
    expect(screen.getByTestId('popup-after-trials').textContent).toBe('+ £7.99 per month when the free trial ends');
    const card = screen.getByRole('heading', { name: 'Trials ending soon' }).closest('section')!;
    expect(card.textContent).toContain('free trial ends, then £7.99 per month');
    expect(card.textContent).toContain('in 2 days');
  });

  it('the overview’s totals say what the trials will add', () => {
    render(
      <TotalsCard
        totals={totals([audible], ctx)}
        base="GBP"
        ratesDate="2026-11-20"
        locale="en-GB"
        t={createTranslator('en')}
      />,
    );
    expect(screen.getByTestId('monthly-total').textContent).toBe('£0.00');
    expect(screen.getByTestId('after-trials').textContent).toBe('+ £7.99 per month when the free trial ends');
  });
});
