import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CsvImport, PREVIEW_ROWS } from '../../../components/data/CsvImport';
import { createTranslator } from '../../../lib/i18n';
import type { Subscription } from '../../../lib/model';
import { sub } from '../../helpers';
import { chooseFiles, readFile, textFile } from './helpers';

afterEach(cleanup);

const CSV =
  'Tjeneste;Beløp;Intervall;Neste fornyelse\nMin avis;299,00;månedlig;14.01.2027\nRar;abc;sometimes;01.01.2027\n';

const counts = (added: number, duplicates = 0) => ({ added, duplicates, invalid: 0 });

function setup(
  onImport = vi.fn().mockResolvedValue(counts(1)),
  lang: 'en' | 'nb' = 'en',
  existing: Subscription[] = [],
) {
  render(
    <CsvImport
      t={createTranslator(lang)}
      locale="en-GB"
      lang="nb"
      today="2026-11-23"
      defaultCurrency="NOK"
      readFile={readFile}
      existing={existing}
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
    // Rows with problems come first.
    const rows = screen.getAllByRole('row');
    expect(rows[1]?.textContent).toContain('Price: not an amount');
    expect(rows[1]?.textContent).toContain('Period: unknown period');
    expect(within(rows[2] as HTMLElement).getByText('Min avis')).toBeTruthy();
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
    expect(screen.getAllByRole('row')[1]?.textContent).toContain('Pris: ikke et beløp');
  });

  it('says when the file is not CSV', async () => {
    setup();
    chooseFiles(screen.getByLabelText('CSV file'), [textFile('empty.csv', '')]);
    expect((await screen.findByRole('alert')).textContent).toBe('The file could not be read as CSV.');
  });

  it('warns about rows already there, skips them unless asked, and says so after', async () => {
    const mine = sub({ service: 'Min avis', amountMinor: 29900, currency: 'NOK', period: 'P1M' });
    const onImport = setup(vi.fn().mockResolvedValue(counts(1, 0)), 'en', [mine]);
    const file = `${CSV}Ny avis;99,00;månedlig;01.02.2027\n`;
    chooseFiles(screen.getByLabelText('CSV file'), [textFile('subs.csv', file)]);
    expect(await screen.findByText(/1 of them looks like a subscription you already have/)).toBeTruthy();
    expect(screen.getAllByRole('row').some((r) => /Min avis.*Already there/.test(r.textContent ?? ''))).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 subscription' }));
    await screen.findByText('1 subscription imported.');
    const [values, opts] = onImport.mock.calls[0] as [Array<{ service: string }>, { includeDuplicates: boolean }];
    expect(values.map((v) => v.service)).toEqual(['Ny avis']);
    expect(opts.includeDuplicates).toBe(false);
  });

  it('imports the duplicates too when the box is ticked', async () => {
    const mine = sub({ service: 'Min avis', amountMinor: 29900, currency: 'NOK', period: 'P1M' });
    const onImport = setup(vi.fn().mockResolvedValue(counts(1)), 'en', [mine]);
    chooseFiles(screen.getByLabelText('CSV file'), [textFile('subs.csv', CSV)]);
    expect((await screen.findByRole('button', { name: 'Import 0 subscriptions' })) as HTMLButtonElement).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Import those too'));
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 subscription' }));
    await screen.findByText('1 subscription imported.');
    expect((onImport.mock.calls[0] as [unknown, { includeDuplicates: boolean }])[1].includeDuplicates).toBe(true);
  });

  it('shows a progress bar while importing, and what was skipped', async () => {
    let finish: (c: ReturnType<typeof counts>) => void = () => {};
    const onImport = vi.fn(
      (_values: unknown, opts: { onProgress: (done: number, total: number) => void }) =>
        new Promise<ReturnType<typeof counts>>((resolve) => {
          opts.onProgress(500, 1000);
          finish = resolve;
        }),
    );
    setup(onImport);
    chooseFiles(screen.getByLabelText('CSV file'), [textFile('subs.csv', CSV)]);
    fireEvent.click(await screen.findByRole('button', { name: 'Import 1 subscription' }));
    const bar = (await screen.findByLabelText('Importing: 500 of 1000')) as HTMLProgressElement;
    expect(bar.value).toBe(500);
    expect(bar.max).toBe(1000);
    finish(counts(3, 2));
    expect(await screen.findByText('3 subscriptions imported. 2 already there were skipped.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('draws at most PREVIEW_ROWS rows of a large file, problems first', async () => {
    setup();
    const lines = Array.from({ length: 400 }, (_, i) => `Avis ${i};${i + 1},00;månedlig;14.01.2027`);
    const file = `Tjeneste;Beløp;Intervall;Neste fornyelse\n${lines.join('\n')}\nRar;abc;månedlig;01.01.2027\n`;
    chooseFiles(screen.getByLabelText('CSV file'), [textFile('subs.csv', file)]);
    expect(await screen.findByText('400 rows can be imported, 1 with problems.')).toBeTruthy();
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(PREVIEW_ROWS + 1);
    expect(rows[1]?.textContent).toContain('not an amount');
    expect(screen.getByText('… and 301 more rows.')).toBeTruthy();
  });
});
