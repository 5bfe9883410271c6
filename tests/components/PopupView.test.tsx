import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView } from '../../components/PopupView';
import { QuickAdd } from '../../components/QuickAdd';
import { createTranslator, LANGUAGES } from '../../lib/i18n';
import { totals, upcomingRenewals } from '../../lib/summary';
import { detection as makeDetection, sub } from '../helpers';

afterEach(cleanup);
const rates = { date: '2026-11-20', perEur: { EUR: 1, NOK: 11.5 } };
const ctx = { today: '2026-11-23', base: 'NOK', rates };
const subs = [sub({ service: 'Netflix', amountMinor: 17900, billingAnchor: '2026-11-26' })];
const detection = makeDetection({
  result: {
    kind: 'confirmation',
    service: { name: 'Viaplay <b>', domain: 'viaplay.no' },
    subscription: { amountMinor: 12900, currency: 'NOK', period: 'P1M' },
    charges: [],
    links: {},
  },
});

function renderPopup(over: Partial<Parameters<typeof PopupView>[0]> = {}) {
  const props = {
    site: { hostname: 'viaplay.no', detection },
    totals: totals(subs, ctx),
    base: 'NOK',
    today: ctx.today,
    renewals: upcomingRenewals(subs, ctx.today, 30),
    ending: [],
    members: [],
    locale: 'nb-NO',
    t: createTranslator('nb'),
    onTrack: vi.fn(),
    onEdit: vi.fn(),
    onIgnore: vi.fn(),
    onAdd: vi.fn(async () => ({ ok: true as const })),
    onOpenDashboard: vi.fn(),
    QuickAdd,
    ...over,
  };
  render(<PopupView {...props} />);
  return props;
}

describe('PopupView', () => {
  it('offers Add / Edit / Ignore for a detection here, showing page text as text', () => {
    const p = renderPopup();
    expect(screen.getByTestId('site-detected').textContent).toContain('Viaplay <b>');
    expect(document.querySelector('b')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Legg til' }));
    expect(p.onTrack).toHaveBeenCalledWith(detection);
    fireEvent.click(screen.getByRole('button', { name: 'Ignorer' }));
    expect(p.onIgnore).toHaveBeenCalledWith(detection);
  });

  it('for changes to a subscription the user has, says so and offers Review (the inbox) or Ignore, in every language', () => {
    const changes = makeDetection({ subscriptionId: 'n', hostname: 'netflix.com' });
    const review = { en: 'Review', nb: 'Se gjennom', sv: 'Granska', da: 'Gennemse' } as const;
    for (const lang of LANGUAGES) {
      const p = renderPopup({
        site: { hostname: 'netflix.com', detection: changes, subscription: subs[0]! },
        t: createTranslator(lang),
      });
      const card = screen.getByTestId('site-changes');
      expect(card.textContent).toContain(createTranslator(lang)('common.changesHere', { name: 'Netflix' }));
      expect(screen.queryByTestId('site-detected')).toBeNull();
      fireEvent.click(screen.getByRole('button', { name: review[lang] }));
      expect(p.onOpenDashboard).toHaveBeenCalledWith('#/overview');
      expect(p.onTrack).not.toHaveBeenCalled();
      fireEvent.click(screen.getByRole('button', { name: createTranslator(lang)('common.ignore') }));
      expect(p.onIgnore).toHaveBeenCalledWith(changes);
      cleanup();
    }
  });

  it('shows this month’s total and the next renewal with days left', () => {
    renderPopup({ site: null });
    expect(screen.getByTestId('popup-monthly-total').textContent?.replace(/\s/g, ' ')).toMatch(/179,00/);
    expect(screen.getByText('om 3 dager', { exact: false })).toBeTruthy();
  });

  it('opens the quick add form', () => {
    renderPopup({ site: null });
    fireEvent.click(screen.getByRole('button', { name: 'Legg til manuelt' }));
    expect(screen.getByRole('heading', { name: 'Legg til et abonnement' })).toBeTruthy();
  });

  it('shows a placeholder for the form until it is passed in, then the form', () => {
    const p = renderPopup({ site: null, QuickAdd: undefined });
    fireEvent.click(screen.getByRole('button', { name: 'Legg til manuelt' }));
    expect(document.querySelector('[aria-busy="true"]')).not.toBeNull();
    cleanup();
    render(<PopupView {...p} QuickAdd={QuickAdd} />);
    fireEvent.click(screen.getByRole('button', { name: 'Legg til manuelt' }));
    expect(screen.getByRole('heading', { name: 'Legg til et abonnement' })).toBeTruthy();
  });
});
