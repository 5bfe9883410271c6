import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseError } from '../../components/DatabaseError';
import { createTranslator, LANGUAGES } from '../../lib/i18n';

afterEach(cleanup);

describe('DatabaseError (issue 15, item 6: a failed open shows an error, not "…" forever)', () => {
  it('says what happened and offers the raw data and another try', async () => {
    const onDownload = vi.fn();
    const onRetry = vi.fn();
    render(
      <DatabaseError
        t={createTranslator('en')}
        kind="failed"
        detail="UpgradeError: disk full"
        onDownload={onDownload}
        onRetry={onRetry}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('nothing was changed');
    expect(screen.getByText('Details: UpgradeError: disk full')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download the raw data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onDownload).toHaveBeenCalledTimes(1);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('says so when even the raw data cannot be read', async () => {
    render(
      <DatabaseError
        t={createTranslator('en')}
        kind="newer"
        detail="x"
        onDownload={() => Promise.reject(new Error('no'))}
        onRetry={vi.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('newer version of Subkeeper');
    fireEvent.click(screen.getByRole('button', { name: 'Download the raw data' }));
    await waitFor(() => expect(screen.getByText('The raw data could not be read either.')).toBeTruthy());
  });

  for (const lang of LANGUAGES) {
    it(`speaks ${lang}`, () => {
      const t = createTranslator(lang);
      render(<DatabaseError t={t} kind="failed" detail="x" onDownload={vi.fn()} onRetry={vi.fn()} />);
      expect(screen.getByRole('heading').textContent).toBe(t('common.dbError.title'));
      expect(t('common.dbError.title')).not.toBe('common.dbError.title');
    });
  }
});
