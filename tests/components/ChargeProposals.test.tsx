import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChargeProposals } from '../../components/ChargeProposals';
import type { ChargeProposal } from '../../lib/app/charge-check';
import { createTranslator } from '../../lib/i18n';

afterEach(cleanup);

const p: ChargeProposal = {
  subscriptionId: 'a',
  service: 'Viaplay',
  period: 'P1M',
  amountMinor: 14900,
  currency: 'NOK',
  billingAnchor: '2026-11-15',
  count: 7,
  current: { period: 'P1M', amountMinor: 12900 },
};

describe('ChargeProposals', () => {
  it('says what the charges show and reports apply and dismiss', () => {
    const onApply = vi.fn();
    const onDismiss = vi.fn();
    render(
      <ChargeProposals
        proposals={[p]}
        checked={1}
        locale="nb-NO"
        t={createTranslator('nb')}
        onApply={onApply}
        onDismiss={onDismiss}
      />,
    );
    expect(document.body.textContent?.replace(/\s/g, ' ')).toContain('de siste 7 trekkene viser');
    expect(document.body.textContent?.replace(/\s/g, ' ')).toMatch(/149,00 kr per måned/);
    fireEvent.click(screen.getByRole('button', { name: 'Oppdater Viaplay' }));
    expect(onApply).toHaveBeenCalledWith(p);
    fireEvent.click(screen.getByRole('button', { name: 'Ignorer Viaplay' }));
    expect(onDismiss).toHaveBeenCalledWith(p);
  });

  it('says so when the charges agree', () => {
    render(
      <ChargeProposals
        proposals={[]}
        checked={1}
        locale="en-GB"
        t={createTranslator('en')}
        onApply={() => {}}
        onDismiss={() => {}}
      />,
    );
    expect(screen.getByText('Your charges agree with your subscriptions.')).toBeTruthy();
  });
});

describe('ChargeProposals with nothing recorded', () => {
  it('does not claim the charges agree when there are none to check', () => {
    render(
      <ChargeProposals
        proposals={[]}
        checked={0}
        locale="en-GB"
        t={createTranslator('en')}
        onApply={() => {}}
        onDismiss={() => {}}
      />,
    );
    expect(screen.queryByText(/agree with your subscriptions/)).toBeNull();
    expect(screen.getByText(/Once Subkeeper has recorded charges/)).toBeTruthy();
    cleanup();
  });
});
