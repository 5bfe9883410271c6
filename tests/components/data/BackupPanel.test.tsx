import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupPanel } from '../../../components/data/BackupPanel';
import { createTranslator } from '../../../lib/i18n';
import { serializeBackup } from '../../../lib/io/backup';
import { Backup } from '../../../lib/model';
import { chooseFiles, readFile, textFile } from './helpers';

afterEach(cleanup);

const t = createTranslator('en');
const backup = Backup.parse({
  format: 'subkeeper-backup',
  version: 1,
  exportedAt: '2026-11-23T10:00:00.000Z',
  subscriptions: [
    {
      id: 'a',
      service: 'Netflix',
      amountMinor: 15900,
      currency: 'NOK',
      period: 'P1M',
      status: 'active',
      billingAnchor: '2026-01-14',
      source: 'manual',
      createdAt: '2026-01-01T10:00:00.000Z',
      updatedAt: '2026-01-01T10:00:00.000Z',
    },
  ],
});
const counts = (added: number, updated: number, skipped: number) => ({ added, updated, skipped });
const result = {
  added: 46,
  updated: 1,
  skipped: 13,
  tables: {
    subscriptions: counts(3, 1, 2),
    charges: counts(40, 0, 10),
    members: counts(1, 0, 1),
    priceChanges: counts(2, 0, 0),
    detections: counts(0, 0, 0),
  },
};

describe('BackupPanel', () => {
  it('calls back to export', () => {
    const onExport = vi.fn();
    render(<BackupPanel t={t} readFile={readFile} onExport={onExport} onRestore={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download backup' }));
    expect(onExport).toHaveBeenCalledTimes(1);
  });

  it('reads a backup, restores it in the chosen mode and shows the counts', async () => {
    const onRestore = vi.fn().mockResolvedValue(result);
    render(<BackupPanel t={t} readFile={readFile} onExport={vi.fn()} onRestore={onRestore} />);
    chooseFiles(screen.getByLabelText('Backup file'), [textFile('b.json', serializeBackup(backup))]);
    expect(await screen.findByText('b.json: 1 subscription, 0 charges, 0 members.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Replace everything with the backup'));
    expect(screen.getByRole('note').textContent).toContain('will be replaced');
    fireEvent.click(screen.getByRole('button', { name: 'Replace with backup' }));
    // Subscriptions and charges are reported apart (issue 13, item 11).
    expect(await screen.findByText('Subscriptions: 3 added, 1 updated, 2 already there.')).toBeTruthy();
    expect(screen.getByText('Charges: 40 added, 10 already there.')).toBeTruthy();
    expect(screen.getByText('Members, price changes and finds: 3 added, 1 already there.')).toBeTruthy();
    expect(onRestore).toHaveBeenCalledWith(backup, 'replace');
  });

  it('merges by default', async () => {
    const onRestore = vi.fn().mockResolvedValue(result);
    render(<BackupPanel t={t} readFile={readFile} onExport={vi.fn()} onRestore={onRestore} />);
    chooseFiles(screen.getByLabelText('Backup file'), [textFile('b.json', serializeBackup(backup))]);
    fireEvent.click(await screen.findByRole('button', { name: 'Add from backup' }));
    await screen.findByRole('status');
    expect(onRestore).toHaveBeenCalledWith(backup, 'merge');
  });

  it('shows what is wrong with an invalid file, naming the entry and field, and restores nothing', async () => {
    const onRestore = vi.fn();
    const bad = JSON.parse(serializeBackup(backup));
    bad.subscriptions[0].amountMinor = 1.5;
    render(<BackupPanel t={t} readFile={readFile} onExport={vi.fn()} onRestore={onRestore} />);
    chooseFiles(screen.getByLabelText('Backup file'), [textFile('bad.json', JSON.stringify(bad))]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The backup has entries that are not valid');
    expect(alert.textContent).toContain('subscriptions[0].amountMinor: amount must be whole minor units');
    expect(screen.queryByRole('button', { name: /from backup|with backup/ })).toBeNull();
    expect(onRestore).not.toHaveBeenCalled();
  });

  it('says so when the restore fails', async () => {
    const onRestore = vi.fn().mockRejectedValue(new Error('disk full'));
    render(<BackupPanel t={t} readFile={readFile} onExport={vi.fn()} onRestore={onRestore} />);
    chooseFiles(screen.getByLabelText('Backup file'), [textFile('b.json', serializeBackup(backup))]);
    fireEvent.click(await screen.findByRole('button', { name: 'Add from backup' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nothing was changed');
    expect(alert.textContent).toContain('disk full');
  });
});
