import { useEffect, useState } from 'preact/hooks';
import { ChargeProposals } from '../../components/ChargeProposals';
import { BackupPanel } from '../../components/data/BackupPanel';
import { CsvImport } from '../../components/data/CsvImport';
import { HouseholdReview } from '../../components/data/HouseholdReview';
import { MailImport, type ReadMails } from '../../components/data/MailImport';
import { QuarantinePanel } from '../../components/data/QuarantinePanel';
import { StatementImport } from '../../components/data/StatementImport';
import { type ExportKind, ExportPanel } from '../../components/ExportPanel';
import { StatementAfterCancel, type StatementHit } from '../../components/rights/StatementAfterCancel';
import { checkAgainstCharges, countCheckable, proposalKey } from '../../lib/app/charge-check';
import { preferredCurrencies } from '../../lib/app/defaults';
import type { DataSection } from '../../lib/app/route';
import type { Store } from '../../lib/app/store';
import { exportIcs } from '../../lib/calendar/ics';
import { lookupStatement } from '../../lib/directory';
import type { Translate } from '../../lib/i18n';
import {
  decodeText,
  exportBackup,
  exportHouseholdFile,
  restoreBackup,
  serializeBackup,
  seriesToImport,
} from '../../lib/io';
import { exportChargesCsv, exportSubscriptionsCsv } from '../../lib/io/csv';
import type { MailJobProgress, MailJobResult } from '../../lib/io/mail-job';
import { runStatementJob, type StatementJob, type StatementJobMessage } from '../../lib/io/statement-job';
import type { Language } from '../../lib/model';
import { statementAfterCancel, statementMatch } from '../../lib/rights/after-cancel';
import type { MailWorkerMessage } from './mail-worker';
import type { Platform } from './platform';

/** Reads a chosen file as text (UTF-8, or Windows-1252 for older bank exports). */
const readFile = async (file: File) => decodeText(new Uint8Array(await file.arrayBuffer()));

/**
 * Reads a statement in a Web Worker (lib/io/statement-job.ts) so that a large or hostile file never freezes the
 * dashboard; where workers are missing (tests), the same job runs here.
 */
function statementReader(today: string, defaultCurrency: string, remembered: StatementJob['remembered']) {
  return async (
    file: File,
    choice: Pick<StatementJob, 'mapping' | 'currency'>,
    onProgress: (fraction: number) => void,
  ) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const job: StatementJob = { bytes, name: file.name, today, defaultCurrency, ...choice };
    if (remembered) job.remembered = remembered;
    if (typeof Worker === 'undefined') return runStatementJob(job, onProgress);
    const worker = new Worker(new URL('./statement-worker.ts', import.meta.url), { type: 'module' });
    try {
      return await new Promise<Awaited<ReturnType<typeof runStatementJob>>>((resolve, reject) => {
        worker.onmessage = (e: MessageEvent<StatementJobMessage>) => {
          if (e.data.type === 'progress') onProgress(e.data.fraction);
          else resolve(e.data.outcome);
        };
        worker.onerror = () => reject(new Error('worker failed'));
        worker.postMessage(job, [bytes.buffer]);
      });
    } finally {
      worker.terminate();
    }
  };
}

/**
 * Reads mail files in a Web Worker (lib/io/mail-job.ts) so a 500 MB mailbox never freezes the dashboard; stopping
 * terminates the worker. Where workers are missing (tests), the same job runs here and stops at the next chunk.
 */
function mailReader(today: string, prefer: readonly string[]): ReadMails {
  return (files, onProgress, onFound) => {
    const empty = (p?: MailJobProgress) => ({
      bytesRead: p?.bytesRead ?? 0,
      bytesTotal: p?.bytesTotal ?? files.reduce((n, f) => n + f.size, 0),
      messages: p?.messages ?? 0,
      read: p?.read ?? 0,
      found: p?.found ?? 0,
      malformed: p?.malformed ?? 0,
      truncated: p?.truncated ?? 0,
      cancelled: true,
    });
    if (typeof Worker === 'undefined') {
      const signal = { aborted: false };
      return {
        // Loaded only here: the engine and the MIME parser stay out of the dashboard's own code.
        done: import('../../lib/io/mail-job').then(({ runMailJob }) =>
          runMailJob(files, { today, onProgress, onFound, signal, preferCurrencies: prefer }),
        ),
        cancel: () => {
          signal.aborted = true;
        },
      };
    }
    const worker = new Worker(new URL('./mail-worker.ts', import.meta.url), { type: 'module' });
    let last: MailJobProgress | undefined;
    let settle: (r: MailJobResult) => void = () => {};
    let fail: (e: Error) => void = () => {};
    const done = new Promise<MailJobResult>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    worker.onmessage = (e: MessageEvent<MailWorkerMessage>) => {
      const m = e.data;
      if (m.type === 'progress') {
        last = m.progress;
        onProgress(m.progress);
      } else if (m.type === 'found') onFound(m.found);
      else if (m.type === 'done') {
        worker.terminate();
        settle(m.result);
      } else {
        worker.terminate();
        fail(new Error('mail import failed'));
      }
    };
    worker.onerror = () => {
      worker.terminate();
      fail(new Error('worker failed'));
    };
    worker.postMessage({ files, today, prefer: [...prefer] });
    return {
      done,
      cancel: () => {
        worker.terminate();
        settle(empty(last));
      },
    };
  };
}

/** Import and export: wires lib/io and lib/calendar to the data views. */
export function DataPanel(props: {
  store: Store;
  platform: Platform;
  t: Translate;
  lang: Language;
  locale: string;
  /** A part to bring into view (`#/data/statement`, `#/data/mail`, …). */
  section?: DataSection;
  onShowInbox?: () => void;
}) {
  const { store, platform, t, locale, lang } = props;
  useEffect(() => {
    if (!props.section) return;
    const el = document.getElementById(`data-${props.section}`);
    el?.scrollIntoView({ block: 'start' });
    el?.querySelector<HTMLElement>('h2, h3')?.focus({ preventScroll: true });
  }, [props.section]);
  const today = store.today.value;
  const ctx = store.ctx.value;
  const backup = () => exportBackup(store.db, new Date().toISOString());
  useEffect(() => {
    if (store.charges.value === null) void store.loadCharges();
    void store.loadStatementPrefs();
  }, []);
  const prefs = store.statementPrefs.value;
  // Payments to services the user cancelled, after they ended (issue 14): found while a statement is read.
  const [afterCancel, setAfterCancel] = useState<StatementHit[]>([]);
  const reader = statementReader(today, ctx.base, prefs.layouts);
  const proposals = store.charges.value
    ? checkAgainstCharges(store.subscriptions.value, store.charges.value, today, store.dismissedProposals.value)
    : [];
  // Whether any subscription has charges enough to check (else there is nothing to agree or disagree with).
  const checkable = countCheckable(store.subscriptions.value, store.charges.value ?? []);

  async function onExport(kind: ExportKind, memberId?: string) {
    const now = new Date().toISOString();
    if (kind === 'backup') {
      platform.download(`subkeeper-${today}.json`, 'application/json', serializeBackup(await backup()));
    } else if (kind === 'household') {
      const member = store.members.value.find((m) => m.id === memberId);
      if (!member) return;
      const file = exportHouseholdFile(await backup(), member);
      platform.download(
        `subkeeper-household-${member.name}-${today}.json`,
        'application/json',
        JSON.stringify(file, null, 1),
      );
    } else if (kind === 'subscriptions-csv') {
      platform.download(
        `subkeeper-subscriptions-${today}.csv`,
        'text/csv;charset=utf-8',
        exportSubscriptionsCsv(store.subscriptions.value, { today, lang }),
      );
    } else if (kind === 'charges-csv') {
      const charges = await store.loadCharges();
      platform.download(
        `subkeeper-charges-${today}.csv`,
        'text/csv;charset=utf-8',
        exportChargesCsv(charges, store.subscriptions.value, { lang }),
      );
    } else {
      const ics = exportIcs(store.subscriptions.value, { now, lang, reminders: store.settings.value.reminders });
      platform.download(`subkeeper-renewals-${today}.ics`, 'text/calendar', ics);
    }
  }

  return (
    <div class="data-views">
      <ExportPanel t={t} members={store.members.value} onExport={onExport} />
      <ChargeProposals
        proposals={proposals}
        checked={checkable}
        locale={locale}
        t={t}
        onApply={(p) =>
          void store.save({
            id: p.subscriptionId,
            period: p.period,
            amountMinor: p.amountMinor,
            billingAnchor: p.billingAnchor,
          })
        }
        onDismiss={(p) => void store.dismissProposal(proposalKey(p))}
      />
      <div id="data-backup">
        <BackupPanel
          t={t}
          readFile={readFile}
          onExport={() => void onExport('backup')}
          onRestore={async (b, mode) => {
            const r = await restoreBackup(store.db, b, mode);
            await store.load();
            return r;
          }}
        />
      </div>
      <div id="data-mail">
        <MailImport
          t={t}
          locale={locale}
          readMails={mailReader(today, preferredCurrencies(store.settings.value, platform.languages))}
          onFound={(found) => store.importMailFinds(found)}
          {...(props.onShowInbox ? { onShowInbox: props.onShowInbox } : {})}
        />
      </div>
      <QuarantinePanel
        entries={store.quarantine.value}
        t={t}
        locale={locale}
        onDownload={() =>
          platform.download(
            `subkeeper-set-aside-${today}.json`,
            'application/json',
            JSON.stringify(store.quarantine.value, null, 1),
          )
        }
        onRemove={(id) => void store.removeQuarantined(id)}
      />
      <StatementAfterCancel
        hits={afterCancel}
        t={t}
        locale={locale}
        onRecord={async (hits) => {
          for (const h of hits) {
            await store.addManualCharge({
              id: crypto.randomUUID(),
              subscriptionId: h.subscription.id,
              date: h.row.date,
              amountMinor: h.row.amountMinor,
              currency: h.row.currency,
              source: 'import',
            });
          }
        }}
      />
      <div id="data-statement">
        <StatementImport
          t={t}
          locale={locale}
          defaultCurrency={ctx.base}
          readStatement={async (file, choice, onProgress) => {
            const out = await reader(file, choice, onProgress);
            // Payments to services the user cancelled, dated after they ended (issue 14): listed above.
            if (out.ok) {
              const paid = out.transactions.filter((r) => r.amountMinor > 0 && !r.pending);
              const hits = statementAfterCancel(store.subscriptions.value, paid, (row, cancelled) =>
                statementMatch(row.description, cancelled, (text) => lookupStatement(text)),
              );
              setAfterCancel(hits.map((h) => ({ subscription: h.subscription, row: h.row })));
            }
            return out;
          }}
          layouts={prefs.layouts}
          dismissed={prefs.dismissed}
          onRemember={(signature, layout) => void store.rememberStatementLayout(signature, layout)}
          onDismiss={(key) => void store.dismissSeriesForGood(key)}
          onAccept={async (series) => {
            const { subscription, charges } = seriesToImport(series);
            await store.importSubscription(subscription, charges);
            await store.load();
          }}
        />
      </div>
      <div id="data-csv">
        <CsvImport
          t={t}
          locale={locale}
          lang={lang}
          today={today}
          defaultCurrency={ctx.base}
          readFile={readFile}
          existing={store.subscriptions.value}
          onImport={(values, opts) => store.importMany(values, opts)}
        />
      </div>
      <HouseholdReview t={t} locale={locale} today={today} base={ctx.base} rates={ctx.rates} readFile={readFile} />
    </div>
  );
}
