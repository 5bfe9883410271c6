import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ReadStatement, StatementImport } from '../../../components/data/StatementImport';
import { createTranslator } from '../../../lib/i18n';
import { type RememberedLayout, runStatementJob } from '../../../lib/io/statement-job';
import { addPeriods } from '../../../lib/schedule';
import { chooseFiles, textFile } from './helpers';

afterEach(cleanup);

const TODAY = '2026-11-23';

function dnb(): string {
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

/** A savings bank's export without a header row: text;date;date;amount;balance. */
function headerless(): string {
  const lines: string[] = [];
  for (let k = 0; k < 8; k++) {
    const d = addPeriods('2026-03-03', 'P1M', k);
    lines.push(`Köp SPOTIFY;${d};${d};-129,00;10 000,00`);
    lines.push(`Köp ICA MAXI;${d};${d};-${300 + k * 17},50;9 000,00`);
  }
  return `${lines.join('\n')}\n`;
}

const read: ReadStatement = async (file, choice, onProgress) =>
  runStatementJob(
    {
      bytes: new Uint8Array(await file.arrayBuffer()),
      name: file.name,
      today: TODAY,
      defaultCurrency: 'SEK',
      ...choice,
    },
    onProgress,
  );

function Harness(props: {
  layouts?: Record<string, RememberedLayout>;
  onRemember?: (s: string, l: RememberedLayout) => void;
  onAccept?: () => void;
  onDismiss?: (key: string) => void;
  defaultCurrency?: string;
}) {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const layouts = props.layouts ?? {};
  const readWith: ReadStatement = async (file, choice, onProgress) =>
    runStatementJob(
      {
        bytes: new Uint8Array(await file.arrayBuffer()),
        name: file.name,
        today: TODAY,
        defaultCurrency: props.defaultCurrency ?? 'SEK',
        remembered: layouts,
        ...choice,
      },
      onProgress,
    );
  return (
    <StatementImport
      t={createTranslator('en')}
      locale="en-GB"
      defaultCurrency={props.defaultCurrency ?? 'SEK'}
      readStatement={readWith}
      layouts={layouts}
      dismissed={dismissed}
      onRemember={props.onRemember ?? vi.fn()}
      onAccept={props.onAccept ?? vi.fn()}
      onDismiss={(key) => {
        props.onDismiss?.(key);
        setDismissed(new Set(dismissed).add(key));
      }}
    />
  );
}

describe('StatementImport', () => {
  it('goes straight to the series for a file it is sure of, shows why each was found, accepts and dismisses for good', async () => {
    const onAccept = vi.fn();
    const onDismiss = vi.fn();
    render(<Harness defaultCurrency="NOK" onAccept={onAccept} onDismiss={onDismiss} />);
    chooseFiles(screen.getByLabelText('Statement file (CSV or .xlsx)'), [textFile('dnb.csv', dnb())]);
    expect(await screen.findByText('DNB')).toBeTruthy();
    expect(screen.getByText("NOK (your account's currency)")).toBeTruthy();
    expect(screen.getByText('Recurring payments found: 2')).toBeTruthy();
    expect(screen.queryByText('Check the columns')).toBeNull();
    // Why: the charges behind the series.
    expect(screen.getByText('Found from 8 charges')).toBeTruthy();
    expect(screen.getByText('14 Apr 2026 — NOK 159.00')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add Netflix' }));
    expect(onAccept).toHaveBeenCalledWith(expect.objectContaining({ serviceId: 'netflix', amountMinor: 15900 }));
    fireEvent.click(screen.getByRole('button', { name: "Not a subscription (don't ask again) KLATREKLUBBEN" }));
    expect(onDismiss).toHaveBeenCalledWith('KLATREKLUBBEN|NOK|P1M');
    expect(screen.queryByText(/KLATREKLUBBEN/)).toBeNull();
  });

  it('asks to check the columns when unsure, prefilled with its guess, and remembers the choice', async () => {
    const onRemember = vi.fn();
    render(<Harness onRemember={onRemember} />);
    chooseFiles(screen.getByLabelText('Statement file (CSV or .xlsx)'), [textFile('export.csv', headerless())]);
    expect(await screen.findByText('Check the columns')).toBeTruthy();
    // Best guesses: the second column for dates, the fourth for amounts, the payee from the first.
    expect((screen.getByLabelText('Date') as HTMLSelectElement).value).toBe('1');
    expect((screen.getByLabelText('Amount') as HTMLSelectElement).value).toBe('3');
    expect((screen.getByLabelText('Payee') as HTMLSelectElement).value).toBe('0');
    expect(screen.getAllByText('Köp SPOTIFY').length).toBeGreaterThan(0);
    fireEvent.change(screen.getByLabelText('Currency'), { target: { value: 'SEK' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use these columns' }));
    expect(await screen.findByText('Recurring payments found: 1')).toBeTruthy();
    expect(onRemember).toHaveBeenCalledWith(
      expect.stringMatching(/^n5-/),
      expect.objectContaining({ currency: 'SEK', mapping: expect.objectContaining({ date: 1, amount: 3 }) }),
    );
    expect(screen.getByRole('button', { name: 'Add Spotify' })).toBeTruthy();
  });

  it('reads the next file from a remembered layout straight through', async () => {
    const first = await runStatementJob({
      bytes: new TextEncoder().encode(headerless()),
      name: 'a.csv',
      today: TODAY,
    });
    if (!first.ok) throw new Error(first.error);
    const layouts = { [first.format.signature]: { mapping: first.format.mapping, currency: 'SEK' } };
    render(<Harness layouts={layouts} />);
    chooseFiles(screen.getByLabelText('Statement file (CSV or .xlsx)'), [textFile('b.csv', headerless())]);
    expect(await screen.findByText('Read with the columns you chose for this bank before.')).toBeTruthy();
    expect(screen.queryByText('Check the columns')).toBeNull();
  });

  it('says what is wrong with a file that is not a statement, and never shows a partial import', async () => {
    render(<Harness />);
    chooseFiles(screen.getByLabelText('Statement file (CSV or .xlsx)'), [textFile('x.csv', '%PDF-1.7\n1 0 obj\n')]);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This is a PDF. Export the transactions as CSV or Excel from your online bank instead.',
    );
    expect(screen.queryByText(/Recurring payments found/)).toBeNull();
  });

  it('refuses a file over the limit before reading it', async () => {
    const spy = vi.fn(read);
    render(
      <StatementImport
        t={createTranslator('en')}
        locale="en-GB"
        readStatement={spy}
        layouts={{}}
        dismissed={new Set()}
        onRemember={vi.fn()}
        onAccept={vi.fn()}
        onDismiss={vi.fn()}
      />,
    );
    const big = textFile('big.csv', 'x');
    Object.defineProperty(big, 'size', { value: 50 * 1024 * 1024 });
    chooseFiles(screen.getByLabelText('Statement file (CSV or .xlsx)'), [big]);
    expect((await screen.findByRole('alert')).textContent).toContain('too large (50 MB)');
    expect(spy).not.toHaveBeenCalled();
  });
});
