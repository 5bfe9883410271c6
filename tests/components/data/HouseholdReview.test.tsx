import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HouseholdReview } from '../../../components/data/HouseholdReview';
import { createTranslator } from '../../../lib/i18n';
import { serializeBackup } from '../../../lib/io/backup';
import { exportHouseholdFile } from '../../../lib/io/household';
import { Backup } from '../../../lib/model';
import { chooseFiles, readFile, textFile } from './helpers';

afterEach(cleanup);

const RATES = { date: '2026-11-01', perEur: { EUR: 1, NOK: 11.5 } };

function householdText(
  name: string,
  color: string,
  subs: Array<{ id: string; service: string; serviceId?: string; amountMinor: number }>,
) {
  const backup = Backup.parse({
    format: 'subkeeper-backup',
    version: 1,
    exportedAt: '2026-11-23T10:00:00.000Z',
    subscriptions: subs.map((s) => ({
      ...s,
      currency: 'NOK',
      period: 'P1M',
      status: 'active',
      billingAnchor: '2026-01-14',
      source: 'manual',
      createdAt: '2026-01-01T10:00:00.000Z',
      updatedAt: '2026-01-01T10:00:00.000Z',
    })),
  });
  return serializeBackup(exportHouseholdFile(backup, { id: 'me', name, color }));
}

describe('HouseholdReview', () => {
  it('loads several files and shows members, totals and services paid twice', async () => {
    render(
      <HouseholdReview
        t={createTranslator('en')}
        locale="en-GB"
        today="2026-11-23"
        base="NOK"
        rates={RATES}
        readFile={readFile}
      />,
    );
    chooseFiles(screen.getByLabelText('Household files'), [
      textFile(
        'kari.json',
        householdText('Kari', '#cc3366', [{ id: 'n', service: 'Netflix', serviceId: 'netflix', amountMinor: 15900 }]),
      ),
      textFile(
        'ola.json',
        householdText('Ola', '#3366cc', [
          { id: 'n', service: 'Netflix', serviceId: 'netflix', amountMinor: 12900 },
          { id: 's', service: 'Spotify', amountMinor: 11900 },
        ]),
      ),
      textFile('broken.json', '{'),
    ]);
    const kari = await screen.findByRole('rowheader', { name: 'Kari' });
    expect(kari.closest('tr')?.textContent).toContain('159.00');
    expect(screen.getByRole('rowheader', { name: 'Ola' }).closest('tr')?.textContent).toContain('248.00');
    expect(screen.getByText(/Netflix is paid by Kari, Ola: keeping one saves NOK\s?129\.00 a month\./)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('broken.json: the file is not JSON');
    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect(screen.queryByRole('rowheader', { name: 'Kari' })).toBeNull();
  });
});
