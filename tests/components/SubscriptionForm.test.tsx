import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SubscriptionForm } from '../../components/SubscriptionForm';
import { EMPTY_FORM } from '../../lib/app/form';
import { createTranslator } from '../../lib/i18n';

afterEach(cleanup);
const t = createTranslator('nb');

describe('SubscriptionForm', () => {
  it('shows messages beside the fields and does not save an invalid form', async () => {
    const onSave = vi.fn(async () => ({ ok: true as const }));
    render(<SubscriptionForm initial={EMPTY_FORM} members={[]} t={t} onSave={onSave} onCancel={() => {}} />);
    fireEvent.input(screen.getByLabelText('Pris'), { target: { value: 'tolv' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(screen.getByText('Skriv et beløp som 129 eller 129,50.')).toBeTruthy());
    expect(screen.getByLabelText('Pris').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Tjeneste').getAttribute('aria-describedby')).toBe('e-service');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves a valid form in minor units and shows errors the store returns', async () => {
    const onSave = vi.fn(async (_input: Record<string, unknown>) => ({
      ok: false as const,
      errors: { service: 'Finnes allerede' },
    }));
    render(
      <SubscriptionForm
        initial={{ ...EMPTY_FORM, nextRenewal: '2026-12-23' }}
        members={[]}
        t={t}
        onSave={onSave}
        onCancel={() => {}}
      />,
    );
    fireEvent.input(screen.getByLabelText('Tjeneste'), { target: { value: 'Viaplay' } });
    fireEvent.input(screen.getByLabelText('Pris'), { target: { value: '129,00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toMatchObject({
      service: 'Viaplay',
      amountMinor: 12900,
      currency: 'NOK',
      period: 'P1M',
    });
    await waitFor(() => expect(screen.getByText('Finnes allerede')).toBeTruthy());
  });
});
