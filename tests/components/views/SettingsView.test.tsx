import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type SaveResult, SettingsView, type SettingsViewProps } from '../../../components/views/SettingsView';
import { createTranslator } from '../../../lib/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/model';
import { makeMember, makeSub, RATES, textOf } from './helpers';

afterEach(cleanup);

function renderSettings(over: Partial<SettingsViewProps> = {}) {
  const onSave = vi.fn(async (_: Settings): Promise<SaveResult> => ({ ok: true }));
  const onSaveMember = vi.fn();
  const onDeleteMember = vi.fn();
  const props: SettingsViewProps = {
    settings: DEFAULT_SETTINGS,
    members: [makeMember('m1', 'Kari', '#aa3300')],
    bundledRates: RATES,
    t: createTranslator('en'),
    locale: 'en-GB',
    onSave,
    onSaveMember,
    onDeleteMember,
    newId: () => 'new-member',
    ...over,
  };
  render(<SettingsView {...props} />);
  // The default mocks (tests that pass their own callbacks keep their own references).
  return { onSave, onSaveMember, onDeleteMember };
}

function type(label: string | RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

/** The error text linked to an input by aria-describedby. */
function errorFor(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids
    .map((id) => document.getElementById(id))
    .filter((el) => el?.classList.contains('field-error'))
    .map((el) => el!.textContent)
    .join(' ');
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
const status = () => screen.getByRole('status').textContent;

describe('SettingsView validation', () => {
  it('shows a wrong number of days beside its field, focuses it and saves nothing', async () => {
    const p = renderSettings();
    type('Days before a renewal', '120');
    type('Days before a trial ends', '3, x');
    save();
    const days = screen.getByLabelText('Days before a renewal');
    await waitFor(() => expect(days.getAttribute('aria-invalid')).toBe('true'));
    expect(errorFor(days)).toBe('Enter a whole number of days from 0 to 90.');
    expect(days.closest('.field')!.textContent).toContain('Enter a whole number of days from 0 to 90.');
    expect(errorFor(screen.getByLabelText('Days before a trial ends'))).toContain('Use whole numbers from 0 to 30');
    expect(screen.getByLabelText('Days before a yearly renewal').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(days);
    expect(status()).toBe('Nothing was saved. Fix the marked fields and try again.');
    expect(p.onSave).not.toHaveBeenCalled();
  });

  it('rejects a bad exchange rate beside that currency', async () => {
    const p = renderSettings();
    type('NOK per 1 EUR', 'abc');
    type('SEK per 1 EUR', '0');
    save();
    await waitFor(() => expect(errorFor(screen.getByLabelText('NOK per 1 EUR'))).toContain('Enter a number above 0'));
    expect(errorFor(screen.getByLabelText('SEK per 1 EUR'))).toContain('Enter a number above 0');
    expect(screen.getByLabelText('USD per 1 EUR').getAttribute('aria-invalid')).toBeNull();
    expect(p.onSave).not.toHaveBeenCalled();
  });

  it('shows errors returned by onSave beside the field their path names', async () => {
    const onSave = vi.fn(
      async (): Promise<SaveResult> => ({
        ok: false,
        errors: { 'reminders.trialDays.0': 'Too many', 'somethingElse.x': 'Storage is full' },
      }),
    );
    renderSettings({ onSave });
    save();
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const trial = screen.getByLabelText('Days before a trial ends');
    await waitFor(() => expect(errorFor(trial)).toBe('Too many'));
    expect(screen.getByRole('alert').textContent).toContain('Storage is full');
    expect(status()).toContain('Nothing was saved');
  });
});

describe('SettingsView saving', () => {
  it('saves what was entered and says so', async () => {
    const p = renderSettings();
    fireEvent.change(screen.getByLabelText('Main currency'), { target: { value: 'SEK' } });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'nb' } });
    type('Days before a renewal', '5');
    type('Days before a yearly renewal', '30');
    type('Days before a trial ends', '1; 7 3');
    fireEvent.click(screen.getByLabelText('Weekly summary'));
    fireEvent.click(screen.getByLabelText('Only known services'));
    save();
    await waitFor(() => expect(status()).toBe('Settings saved.'));
    expect(p.onSave).toHaveBeenCalledTimes(1);
    const saved = p.onSave.mock.calls[0]![0];
    expect(saved.baseCurrency).toBe('SEK');
    expect(saved.language).toBe('nb');
    expect(saved.reminders).toEqual({
      renewalDays: 5,
      yearlyRenewalDays: 30,
      trialDays: [7, 3, 1],
      introEnd: true,
      priceIncrease: true,
      weeklyDigest: true,
      enabled: true,
    });
    expect(saved.detection.onlyKnownServices).toBe(true);
    expect(saved.exchangeRates).toBeUndefined();
  });

  it('keeps edited exchange rates with their date, and resets to the bundled ones', async () => {
    const p = renderSettings();
    expect(screen.getByText(/Using the rates that come with Subkeeper, from 20 Nov 2026/)).toBeTruthy();
    type('NOK per 1 EUR', '11,75');
    type('Date of the rates', '2026-11-22');
    expect((screen.getByLabelText('EUR per 1 EUR') as HTMLInputElement).readOnly).toBe(true);
    save();
    await waitFor(() => expect(p.onSave).toHaveBeenCalledTimes(1));
    expect(p.onSave.mock.calls[0]![0].exchangeRates).toEqual({
      date: '2026-11-22',
      perEur: { EUR: 1, NOK: 11.75, SEK: 11, USD: 1.15 },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Reset to the bundled rates' }));
    expect((screen.getByLabelText('NOK per 1 EUR') as HTMLInputElement).value).toBe('11.5');
    save();
    await waitFor(() => expect(p.onSave).toHaveBeenCalledTimes(2));
    expect(p.onSave.mock.calls[1]![0].exchangeRates).toBeUndefined();
  });

  it('adds and removes sites to ignore, validating hostnames', async () => {
    const p = renderSettings({
      settings: { ...DEFAULT_SETTINGS, detection: { ...DEFAULT_SETTINGS.detection, neverSites: ['bank.no'] } },
    });
    const input = screen.getByLabelText(/Site to ignore/);
    type(/Site to ignore/, 'not a site!');
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(errorFor(input)).toBe('Enter a site name such as example.com.');

    type(/Site to ignore/, 'https://www.Example.com/account?x=1');
    fireEvent.keyDown(input, { key: 'Enter' });
    const list = screen.getByRole('list', { name: 'Sites to ignore' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.site-name')!.textContent),
    ).toEqual(['bank.no', 'www.example.com']);
    type(/Site to ignore/, 'bank.no');
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(errorFor(input)).toBe('bank.no is already on the list.');

    fireEvent.click(screen.getByRole('button', { name: 'Remove bank.no' }));
    save();
    await waitFor(() => expect(p.onSave).toHaveBeenCalledTimes(1));
    expect(p.onSave.mock.calls[0]![0].detection.neverSites).toEqual(['www.example.com']);
  });

  it('says when saving failed', async () => {
    renderSettings({ onSave: vi.fn(async () => Promise.reject(new Error('quota'))) });
    save();
    await waitFor(() => expect(status()).toBe('The settings could not be saved. Try again.'));
  });
});

describe('SettingsView members and languages', () => {
  it('adds, renames and removes household members through their callbacks', () => {
    const p = renderSettings();
    fireEvent.click(screen.getByRole('button', { name: 'Add member' }));
    expect(errorFor(screen.getByLabelText('Name'))).toBe('Enter a name (up to 60 characters).');
    expect(p.onSaveMember).not.toHaveBeenCalled();

    type('Name', '  Ola ');
    fireEvent.input(screen.getByLabelText('Colour'), { target: { value: '#3366CC' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add member' }));
    expect(p.onSaveMember).toHaveBeenCalledWith({ id: 'new-member', name: 'Ola', color: '#3366cc' });

    type('Name of Kari', 'Kari N.');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(p.onSaveMember).toHaveBeenLastCalledWith({ id: 'm1', name: 'Kari N.', color: '#aa3300' });

    fireEvent.click(screen.getByRole('button', { name: 'Remove Kari' }));
    expect(p.onDeleteMember).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(p.onDeleteMember).toHaveBeenCalledWith('m1');
  });

  it('names each language in that language, whatever the UI language', () => {
    renderSettings({ t: createTranslator('sv'), locale: 'sv-SE' });
    const select = screen.getByLabelText('Språk') as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.textContent, o.getAttribute('lang')])).toEqual([
      ['auto', 'Automatiskt (webbläsarens språk)', null],
      ['en', 'English', 'en'],
      ['nb', 'Norsk bokmål', 'nb'],
      ['sv', 'Svenska', 'sv'],
      ['da', 'Dansk', 'da'],
    ]);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Inställningar');
  });

  it('offers the currencies of the rates table as base currency', () => {
    renderSettings();
    const select = screen.getByLabelText('Main currency') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['EUR', 'NOK', 'SEK', 'USD']);
    expect(select.value).toBe('NOK');
  });
});

describe('changing the main currency (issue 13 item 1)', () => {
  const subs = [
    makeSub({ id: 'a', service: 'Aftonbladet', currency: 'NOK' }),
    makeSub({ id: 'b', service: 'Netflix', currency: 'NOK' }),
    makeSub({ id: 'c', service: 'Spotify', currency: 'USD' }),
  ];

  it('says what it means for the subscriptions, and changes none of them unless asked', async () => {
    const onRelabel = vi.fn(async () => 0);
    const { onSave } = renderSettings({ subscriptions: subs, onRelabel });
    expect(screen.queryByTestId('base-change')).toBeNull();
    fireEvent.change(screen.getByLabelText('Main currency'), { target: { value: 'SEK' } });
    expect(textOf(screen.getByTestId('base-change'))).toContain(
      'Totals and charts will be shown in SEK. Each subscription keeps the currency it is charged in: 2 subscriptions in NOK will be converted for the totals.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0].baseCurrency).toBe('SEK');
    expect(onRelabel).not.toHaveBeenCalled();
  });

  it('moves the ones ticked as saved in the wrong currency, amounts kept', async () => {
    const onRelabel = vi.fn(async (ids: string[]) => ids.length);
    renderSettings({ subscriptions: subs, onRelabel });
    fireEvent.change(screen.getByLabelText('Main currency'), { target: { value: 'SEK' } });
    fireEvent.click(screen.getByLabelText('Aftonbladet'));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(onRelabel).toHaveBeenCalledWith(['a'], 'NOK', 'SEK'));
    expect(await screen.findByText('Settings saved. 1 subscription changed to SEK.')).toBeTruthy();
  });

  it('sets what a bare "kr" means, or leaves it to the browser', async () => {
    const { onSave } = renderSettings({ browserKrone: 'DKK' });
    const select = screen.getByLabelText('“kr” means') as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(select.options[0]!.textContent).toBe('From the browser’s language (DKK)');
    fireEvent.change(select, { target: { value: 'SEK' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0].krone).toBe('SEK');
  });

  it('keeps the long rate table folded unless own rates are in use', () => {
    renderSettings();
    expect((document.querySelector('details.rates-details') as HTMLDetailsElement).open).toBe(false);
    cleanup();
    renderSettings({ settings: { ...DEFAULT_SETTINGS, exchangeRates: RATES } });
    expect((document.querySelector('details.rates-details') as HTMLDetailsElement).open).toBe(true);
  });
});
