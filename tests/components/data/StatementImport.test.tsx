import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatementImport } from '../../../components/data/StatementImport';
import { createTranslator } from '../../../lib/i18n';
import { addPeriods } from '../../../lib/schedule';
import { chooseFiles, readFile, textFile } from './helpers';

afterEach(cleanup);

function statement(): string {
  const lines = ['Dato;Forklaring;Rentedato;Ut fra konto;Inn på konto'];
  const row = (d: string, text: string, out: string) => {
    const [y, m, day] = d.split('-');
    lines.push(`${day}.${m}.${y};${text};${day}.${m}.${y};${out};`);
  };
  for (let k = 0; k < 8; k++) row(addPeriods('2026-04-14', 'P1M', k), 'NETFLIX.COM', '159,00');
  for (let k = 0; k < 5; k++) row(addPeriods('2025-09-03', 'P1M', k), 'KLATREKLUBBEN', '350,00');
  row('2026-06-01', 'IKEA FURUSET', '2345,50');
  return `${lines.join('\n')}\n`;
}

describe('StatementImport', () => {
  it('shows the detected format and the series found, with accept and dismiss', async () => {
    const onAccept = vi.fn();
    const onDismiss = vi.fn();
    render(
      <StatementImport
        t={createTranslator('en')}
        locale="en-GB"
        today="2026-11-23"
        readFile={readFile}
        onAccept={onAccept}
        onDismiss={onDismiss}
      />,
    );
    chooseFiles(screen.getByLabelText('Statement file (CSV)'), [textFile('dnb.csv', statement())]);
    expect(await screen.findByText('DNB')).toBeTruthy();
    expect(screen.getByText('14 read, 0 lines skipped')).toBeTruthy();
    expect(screen.getByText('day.month.year')).toBeTruthy();
    expect(screen.getByText("NOK (guessed from the bank's language)")).toBeTruthy();
    expect(screen.getByText('Recurring payments found: 2')).toBeTruthy();

    const items = screen.getAllByRole('listitem');
    // Active series first; the climbing club stopped in January.
    expect(items[0]?.textContent).toContain('Netflix');
    expect(items[0]?.textContent).toContain('next expected 14 Dec 2026');
    expect(items[1]?.textContent).toContain('KLATREKLUBBEN');
    expect(items[1]?.textContent).toContain('seems to have stopped');

    fireEvent.click(screen.getByRole('button', { name: 'Add Netflix' }));
    expect(onAccept).toHaveBeenCalledWith(
      expect.objectContaining({ serviceId: 'netflix', amountMinor: 15900, period: 'P1M' }),
    );
    expect(screen.getByText('Added')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Not a subscription KLATREKLUBBEN' }));
    expect(onDismiss).toHaveBeenCalledWith(expect.objectContaining({ payee: 'KLATREKLUBBEN' }));
    expect(screen.queryByText(/KLATREKLUBBEN/)).toBeNull();
  });

  it('says what is wrong with a file that is not a statement', async () => {
    render(
      <StatementImport
        t={createTranslator('en')}
        locale="en-GB"
        today="2026-11-23"
        readFile={readFile}
        onAccept={vi.fn()}
      />,
    );
    chooseFiles(screen.getByLabelText('Statement file (CSV)'), [textFile('x.csv', 'hello\nworld\n')]);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'No date and amount columns were found. Is this a bank statement?',
    );
  });
});
