import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CsvImport } from '../../../components/data/CsvImport';
import { createTranslator } from '../../../lib/i18n';
import { chooseFiles, readFile, textFile } from './helpers';

afterEach(cleanup);

const CSV =
  'Tjeneste;Beløp;Intervall;Neste fornyelse\nMin avis;299,00;månedlig;14.01.2027\nRar;abc;sometimes;01.01.2027\n';

function setup(onImport = vi.fn().mockResolvedValue(1), lang: 'en' | 'nb' = 'en') {
  render(
    <CsvImport
      t={createTranslator(lang)}
      locale="en-GB"
      lang="nb"
      today="2026-11-23"
      defaultCurrency="NOK"
      readFile={readFile}
      onImport={onImport}
    />,
  );
  return onImport;
}

describe('CsvImport', () => {
  it('guesses the columns, previews the rows with their problems, and imports the good ones', async () => {
    const onImport = setup();
    chooseFiles(screen.getByLabelText('CSV file'), [textFile('subs.csv', CSV)]);
    const price = (await screen.findByLabelText('Price')) as HTMLSelectElement;
    expect(price.value).toBe('1');
    expect((screen.getByLabelText('Name') as HTMLSelectElement).value).toBe('0');
    expect((screen.getByLabelText('Currency') as HTMLSelectElement).value).toBe('');
    expect(screen.getByText('1 row can be imported, 1 with problems.')).toBeTruthy();
    const rows = screen.getAllByRole('row');
    expect(within(rows[1] as HTMLElement).getByText('Min avis')).toBeTruthy();
    expect(rows[2]?.textContent).toContain('Price: not an amount');
    expect(rows[2]?.textContent).toContain('Period: unknown period');
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 subscription' }));
    expect(await screen.findByText('1 subscription imported.')).toBeTruthy();
    expect(onImport).toHaveBeenCalledTimes(1);
    const [values] = onImport.mock.calls[0] as [Array<Record<string, unknown>>];
    expect(values).toHaveLength(1);
    expect(values[0]).toMatchObject({
      service: 'Min avis',
      amountMinor: 29900,
      currency: 'NOK',
      period: 'P1M',
      billingAnchor: '2027-01-14',
    });
  });

  it('updates the preview when a column is changed', async () => {
    setup();
    chooseFiles(screen.getByLabelText('CSV file'), [textFile('subs.csv', CSV)]);
    const period = (await screen.findByLabelText('Period')) as HTMLSelectElement;
    fireEvent.change(period, { target: { value: '' } });
    // Without the period column every row is monthly; the bad row still has a bad price.
    expect(screen.getByText('1 row can be imported, 1 with problems.')).toBeTruthy();
    const price = screen.getByLabelText('Price') as HTMLSelectElement;
    fireEvent.change(price, { target: { value: '' } });
    expect(screen.getByText('0 rows can be imported, 2 with problems.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import 0 subscriptions' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('speaks the UI language', async () => {
    setup(vi.fn(), 'nb');
    chooseFiles(screen.getByLabelText('CSV-fil'), [textFile('subs.csv', CSV)]);
    expect(await screen.findByText('1 rad kan importeres, 1 har problemer.')).toBeTruthy();
    expect(screen.getAllByRole('row')[2]?.textContent).toContain('Pris: ikke et beløp');
  });

  it('says when the file is not CSV', async () => {
    setup();
    chooseFiles(screen.getByLabelText('CSV file'), [textFile('empty.csv', '')]);
    expect((await screen.findByRole('alert')).textContent).toBe('The file could not be read as CSV.');
  });
});
