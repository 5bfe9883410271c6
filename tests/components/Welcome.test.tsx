import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Welcome } from '../../components/Welcome';
import { localeSettings } from '../../lib/app/defaults';
import { createTranslator } from '../../lib/i18n';
import type { Settings } from '../../lib/model';
import { bundledRates } from '../../lib/money';

afterEach(cleanup);

const links = {
  add: 'o#/add',
  statement: 'o#/data/statement',
  mail: 'o#/data/mail',
  backup: 'o#/data/backup',
  dashboard: 'o',
};

function renderWelcome(languages: string[], over: Partial<Parameters<typeof Welcome>[0]> = {}) {
  const onSave = vi.fn(async (_settings: Settings) => ({ ok: true }));
  render(
    <Welcome
      settings={localeSettings(languages)}
      saved={false}
      browserLanguages={languages}
      currencies={Object.keys(bundledRates.perEur)}
      translator={createTranslator}
      onSave={onSave}
      links={links}
      {...over}
    />,
  );
  return onSave;
}

describe('Welcome (the first-run page)', () => {
  it.each([
    [['sv-SE'], 'Välkommen till Subkeeper', 'SEK', 'SEK'],
    [['nb-NO'], 'Velkommen til Subkeeper', 'NOK', 'NOK'],
    [['da-DK'], 'Velkommen til Subkeeper', 'DKK', 'DKK'],
    [['en-GB'], 'Welcome to Subkeeper', 'GBP', 'NOK'],
  ])('%j: in the browser’s language, with its currency and its "kr" proposed', (languages, title, base, krone) => {
    renderWelcome(languages);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(title);
    expect((document.getElementById('w-currency') as HTMLSelectElement).value).toBe(base);
    expect((document.getElementById('w-krone') as HTMLSelectElement).value).toBe(krone);
  });

  it('says what is found where, and links the four ways to start', () => {
    renderWelcome(['en-GB']);
    for (const term of ['Sites you visit', 'Webmail', 'Mail files', 'Bank statements']) {
      expect(screen.getByText(term)).toBeTruthy();
    }
    const link = (name: string) => screen.getByRole('link', { name: new RegExp(name) }).getAttribute('href');
    expect(link('Add your first subscription')).toBe('o#/add');
    expect(link('Import a bank statement')).toBe('o#/data/statement');
    expect(link('Import mail receipts')).toBe('o#/data/mail');
    expect(link('Restore a backup')).toBe('o#/data/backup');
    expect(link('Open the dashboard')).toBe('o');
  });

  it('saves what the user confirmed: language, main currency, "kr", reminders', async () => {
    const onSave = renderWelcome(['en-GB']);
    fireEvent.change(screen.getByLabelText('Main currency'), { target: { value: 'SEK' } });
    fireEvent.change(screen.getByLabelText('“kr” means'), { target: { value: 'SEK' } });
    fireEvent.input(screen.getByLabelText('Days before a renewal'), { target: { value: '5' } });
    fireEvent.input(screen.getByLabelText('Days before a trial ends'), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'sv' } });
    // The page follows the language chosen at once.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Välkommen till Subkeeper');
    fireEvent.click(screen.getByRole('button', { name: 'Spara och fortsätt' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toMatchObject({
      language: 'sv',
      baseCurrency: 'SEK',
      krone: 'SEK',
      reminders: { enabled: true, renewalDays: 5, trialDays: [7, 3, 1] },
    });
    expect(await screen.findByText(/Sparat\./)).toBeTruthy();
  });

  it('is "getting started" once settings were saved', () => {
    renderWelcome(['nb-NO'], { saved: true });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Kom i gang med Subkeeper');
  });
});
