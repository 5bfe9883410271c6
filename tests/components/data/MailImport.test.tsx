import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MailImport, type ReadMails } from '../../../components/data/MailImport';
import { createTranslator } from '../../../lib/i18n';
import type { FoundMail } from '../../../lib/ingest-mail';
import { runMailJob } from '../../../lib/io/mail-job';
import { chooseFiles } from './helpers';

afterEach(cleanup);

const MAILS = join(process.cwd(), 'tests', 'fixtures', 'mails');
const t = createTranslator('en');

function emlFile(name: string): File {
  return new File([readFileSync(join(MAILS, `${name}.eml`))], `${name}.eml`, { type: 'message/rfc822' });
}

/** The real job, in the page (what the dashboard runs in a worker). */
const read: ReadMails = (files, onProgress, onFound) => {
  const signal = { aborted: false };
  return {
    done: runMailJob(files, { today: '2026-11-23', onProgress, onFound, signal }),
    cancel: () => {
      signal.aborted = true;
    },
  };
};

describe('MailImport', () => {
  it('reads chosen mail files and hands what they said to the proposal path, then says what happened', async () => {
    const onFound = vi.fn(async (found: FoundMail[]) => ({ proposed: found.length, recorded: 0, skipped: 0 }));
    const onShowInbox = vi.fn();
    render(<MailImport t={t} locale="en" readMails={read} onFound={onFound} onShowInbox={onShowInbox} />);
    chooseFiles(screen.getByLabelText('or choose files'), [
      emlFile('en-notewell-receipt-monthly'),
      emlFile('nb-strommen-kvittering'),
      emlFile('en-substack-new-paid-subscriber'),
    ]);
    await waitFor(() => expect(screen.getByText('Done.')).toBeTruthy(), { timeout: 20_000 });
    expect(onFound).toHaveBeenCalledTimes(1);
    const found = onFound.mock.calls[0]![0];
    expect(found.map((f) => f.result.service?.name).sort()).toEqual(['Notewell', 'Strømmen']);
    expect(found.every((f) => f.mail.via === 'file')).toBe(true);
    expect(screen.getByText(/3 messages, 3 read, 2 about a subscription/)).toBeTruthy();
    expect(screen.getByText('2 services are waiting for you in Found for you')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show what was found' }));
    expect(onShowInbox).toHaveBeenCalled();
  });

  it('can be stopped while reading, and then adds nothing', async () => {
    let cancel = () => {};
    const slow: ReadMails = (_files, onProgress) => {
      onProgress({ bytesRead: 5, bytesTotal: 10, messages: 1, read: 1, found: 0, malformed: 0, truncated: 0 });
      return {
        done: new Promise((resolve) => {
          cancel = () =>
            resolve({
              bytesRead: 5,
              bytesTotal: 10,
              messages: 1,
              read: 1,
              found: 0,
              malformed: 0,
              truncated: 0,
              cancelled: true,
            });
        }),
        cancel: () => cancel(),
      };
    };
    const onFound = vi.fn();
    render(<MailImport t={t} locale="en" readMails={slow} onFound={onFound} />);
    chooseFiles(screen.getByLabelText('or choose files'), [emlFile('en-notewell-receipt-monthly')]);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy());
    expect((screen.getByLabelText(/Reading:/) as HTMLProgressElement).value).toBe(5);
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(screen.getByText('Stopped. Nothing was added.')).toBeTruthy());
    expect(onFound).not.toHaveBeenCalled();
  });

  it('counts mails that could not be read', async () => {
    const broken = new File(
      [
        `From: Netflix <info@account.netflix.com>\r\nSubject: Your receipt\r\nContent-Type: multipart/mixed; boundary="b0"\r\n\r\n${Array.from(
          { length: 60 },
          (_, i) => `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n`,
        ).join('')}`,
      ],
      'broken.eml',
    );
    render(
      <MailImport
        t={t}
        locale="en"
        readMails={read}
        onFound={async () => ({ proposed: 0, recorded: 0, skipped: 0 })}
      />,
    );
    chooseFiles(screen.getByLabelText('or choose files'), [broken]);
    await waitFor(() => expect(screen.getByText('Done.')).toBeTruthy(), { timeout: 20_000 });
    expect(screen.getByText(/1 could not be read \(skipped\)/)).toBeTruthy();
  });
});
