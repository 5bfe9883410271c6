import { useState } from 'preact/hooks';
import { money, periodLabel } from '../../lib/app/format';
import { formatDate } from '../../lib/dates';
import type { Translate } from '../../lib/i18n';
import { payeeKey } from '../../lib/io/payee';
import type { RecurringSeries } from '../../lib/io/recurring';
import type { ColumnMapping, StatementFormat, Transaction } from '../../lib/io/statement';
import { MAX_STATEMENT_BYTES } from '../../lib/io/statement-file';
import type { RememberedLayout, StatementJobOutcome } from '../../lib/io/statement-job';
import { codeKey, fileOf } from './types';

/** Reads a statement file off the main thread (the page passes a Web Worker behind this). */
export type ReadStatement = (
  file: File,
  choice: { mapping?: ColumnMapping; currency?: string },
  onProgress: (fraction: number) => void,
) => Promise<StatementJobOutcome>;

/** The key a dismissed series is remembered by: the service or payee, the currency and the period. */
export const seriesKey = (s: RecurringSeries) => `${s.serviceId ?? payeeKey(s.payee)}|${s.currency}|${s.period}`;

const CURRENCIES = ['NOK', 'SEK', 'DKK', 'EUR', 'USD', 'GBP'];

interface Loaded {
  file: File;
  format: StatementFormat;
  transactions: Transaction[];
  series: RecurringSeries[];
  rememberedUsed: boolean;
}

/**
 * Finding subscriptions in a bank statement: choose the bank's export (CSV, text or spreadsheet), watch it being
 * read, check the columns when the reader is unsure (prefilled with its best guess; remembered for that bank's
 * layout), then accept each recurring payment found or dismiss it for good. Each series shows the charges it was
 * found from.
 */
export function StatementImport(props: {
  t: Translate;
  locale: string;
  /** The account's currency when the file does not say. */
  defaultCurrency?: string;
  readStatement: ReadStatement;
  layouts: Readonly<Record<string, RememberedLayout>>;
  dismissed: ReadonlySet<string>;
  onRemember: (signature: string, layout: RememberedLayout) => void;
  onAccept: (series: RecurringSeries) => void;
  onDismiss: (key: string) => void;
}) {
  const { t, locale } = props;
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [currency, setCurrency] = useState<string>(props.defaultCurrency ?? 'EUR');
  const [confirmed, setConfirmed] = useState(false);
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());

  async function read(file: File, choice: { mapping?: ColumnMapping; currency?: string }) {
    setError(null);
    setProgress(0);
    try {
      const out = await props.readStatement(file, choice, setProgress);
      if (!out.ok) {
        setLoaded(null);
        setError(t(`data.statement.error.${codeKey(out.code)}`));
        return null;
      }
      const next: Loaded = {
        file,
        format: out.format,
        transactions: out.transactions,
        series: out.series ?? [],
        rememberedUsed: Boolean(out.rememberedUsed),
      };
      setLoaded(next);
      setMapping(out.format.mapping);
      setCurrency(out.format.currency);
      return next;
    } catch {
      setError(t('data.fileUnreadable'));
      return null;
    } finally {
      setProgress(null);
    }
  }

  async function choose(e: Event) {
    const file = fileOf(e);
    if (!file) return;
    setLoaded(null);
    setConfirmed(false);
    setAccepted(new Set());
    if (file.size > MAX_STATEMENT_BYTES) {
      setError(t('data.statement.error.tooLarge', { mb: Math.round(file.size / 1048576) }));
      return;
    }
    const next = await read(file, {});
    // A layout the user confirmed before, or a file the reader is sure of, goes straight to the proposals.
    if (next && (next.rememberedUsed || next.format.doubts.length === 0)) setConfirmed(true);
  }

  async function useColumns() {
    if (!loaded || !mapping) return;
    const next = await read(loaded.file, { mapping, currency });
    if (!next) return;
    props.onRemember(next.format.signature, { mapping, currency });
    setConfirmed(true);
  }

  function accept(s: RecurringSeries) {
    setAccepted(new Set(accepted).add(seriesKey(s)));
    props.onAccept(s);
  }

  const f = loaded?.format;
  const visible = (loaded?.series ?? []).filter((s) => !props.dismissed.has(seriesKey(s)));
  const ordered = [...visible.filter((s) => s.active), ...visible.filter((s) => !s.active)];
  const columnSelect = (field: 'date' | 'amount' | 'out' | 'in' | 'currency', optional: boolean) => {
    if (!f || !mapping) return null;
    const value = mapping[field];
    return (
      <div class="field">
        <label for={`statement-map-${field}`}>{t(`data.statement.column.${field}`)}</label>
        <select
          id={`statement-map-${field}`}
          value={value === undefined ? '' : String(value)}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            const next: ColumnMapping = { ...mapping };
            if (v === '') delete next[field as 'amount'];
            else next[field] = Number(v);
            setMapping(next);
          }}
        >
          {optional && <option value="">{t('data.csv.notInFile')}</option>}
          {f.headers.map((h, i) => (
            <option key={`${i}-${h}`} value={String(i)}>
              {h}
            </option>
          ))}
        </select>
      </div>
    );
  };

  return (
    <section class="card" aria-labelledby="statement-h">
      <h2 id="statement-h">{t('data.statement.title')}</h2>
      <p class="muted small">{t('data.statement.hint')}</p>
      <label for="statement-file">{t('data.statement.file')}</label>
      <input
        id="statement-file"
        type="file"
        accept=".csv,.txt,.xlsx,.xls,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={choose}
        disabled={progress !== null}
      />
      {progress !== null && (
        <div role="status" aria-live="polite">
          <label for="statement-progress">{t('data.statement.reading')}</label>{' '}
          <progress id="statement-progress" max={100} value={Math.round(progress * 100)} />
        </div>
      )}
      {error && <p role="alert">{error}</p>}

      {loaded && f && mapping && !confirmed && (
        <fieldset class="statement-mapping">
          <legend>{t('data.statement.check')}</legend>
          <p class="small">
            {f.doubts.map((d) => t(`data.statement.doubt.${d}`)).join(' ')} {t('data.statement.checkHint')}
          </p>
          {columnSelect('date', false)}
          <div class="field">
            <label for="statement-map-payee">{t('data.statement.column.payee')}</label>
            <select
              id="statement-map-payee"
              value={mapping.payee[0] === undefined ? '' : String(mapping.payee[0])}
              onChange={(e) => {
                const v = Number((e.currentTarget as HTMLSelectElement).value);
                setMapping({ ...mapping, payee: [v, ...mapping.payee.filter((c) => c !== v)] });
              }}
            >
              {f.headers.map((h, i) => (
                <option key={`${i}-${h}`} value={String(i)}>
                  {h}
                </option>
              ))}
            </select>
          </div>
          {columnSelect('amount', true)}
          {columnSelect('out', true)}
          {columnSelect('in', true)}
          <div class="field">
            <label for="statement-map-sign">{t('data.statement.column.sign')}</label>
            <select
              id="statement-map-sign"
              value={mapping.sign}
              onChange={(e) =>
                setMapping({ ...mapping, sign: (e.currentTarget as HTMLSelectElement).value as ColumnMapping['sign'] })
              }
            >
              <option value="negative-out">{t('data.statement.sign.negativeOut')}</option>
              <option value="positive-out">{t('data.statement.sign.positiveOut')}</option>
            </select>
          </div>
          <div class="field">
            <label for="statement-currency">{t('data.statement.currency')}</label>
            <select
              id="statement-currency"
              value={currency}
              onChange={(e) => setCurrency((e.currentTarget as HTMLSelectElement).value)}
            >
              {[...new Set([currency, ...CURRENCIES])].map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <h3>{t('data.statement.preview')}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('data.statement.column.date')}</th>
                <th scope="col">{t('data.statement.column.payee')}</th>
                <th scope="col">{t('data.statement.column.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.transactions.slice(0, 8).map((tx, i) => (
                <tr key={`${i}-${tx.date}`}>
                  <td>{formatDate(tx.date, locale)}</td>
                  <td>
                    {tx.description}
                    {tx.pending && <span class="muted small"> ({t('data.statement.pendingRow')})</span>}
                  </td>
                  <td class="amount">
                    {money(-tx.amountMinor, mapping.currency === undefined ? currency : tx.currency, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" class="primary" onClick={useColumns} disabled={progress !== null}>
            {t('data.statement.useColumns')}
          </button>
        </fieldset>
      )}

      {loaded && f && confirmed && (
        <>
          <dl class="statement-format">
            <dt>{t('data.statement.bank')}</dt>
            <dd>{f.bank ?? t('data.statement.unknownBank')}</dd>
            <dt>{t('data.statement.transactions')}</dt>
            <dd>
              {t('data.statement.rows', { n: loaded.transactions.length, skipped: f.skipped })}
              {f.pending > 0 && ` · ${t('data.statement.pendingCount', { n: f.pending })}`}
              {f.balances > 0 && ` · ${t('data.statement.balanceRows', { n: f.balances })}`}
            </dd>
            <dt>{t('data.statement.currency')}</dt>
            <dd>
              {f.currency} ({t(`data.statement.currencySource.${f.currencySource}`)})
            </dd>
          </dl>
          {loaded.rememberedUsed && <p class="muted small">{t('data.statement.remembered')}</p>}

          <h3>{t('data.statement.found', { n: ordered.length })}</h3>
          {ordered.length === 0 && <p class="muted">{t('data.statement.none')}</p>}
          <ul class="proposals">
            {ordered.map((s) => {
              const key = seriesKey(s);
              const name = s.serviceName ?? s.payee;
              return (
                <li key={key} class={s.active ? 'proposal' : 'proposal inactive'}>
                  <div>
                    <strong>{name}</strong>{' '}
                    <span class="amount">
                      {money(s.amountMinor, s.currency, locale)} {periodLabel(s.period, t)}
                    </span>
                    <div class="muted small">
                      {t('data.statement.seen', {
                        n: s.count,
                        first: formatDate(s.firstDate, locale),
                        last: formatDate(s.lastDate, locale),
                      })}
                      {' · '}
                      {s.active
                        ? t('data.statement.next', { date: formatDate(s.nextDate, locale) })
                        : t('data.statement.stopped')}
                      {s.introAmountMinor !== undefined &&
                        ` · ${t('data.statement.intro', { amount: money(s.introAmountMinor, s.currency, locale) })}`}
                      {s.amountChanged && ` · ${t('data.statement.changed')}`}
                    </div>
                    <details>
                      <summary>{t('data.statement.why', { n: s.count })}</summary>
                      <ul class="small">
                        {s.charges.map((c) => (
                          <li key={c.date}>
                            {formatDate(c.date, locale)} — {money(c.amountMinor, s.currency, locale)}
                          </li>
                        ))}
                      </ul>
                    </details>
                  </div>
                  <div class="row-actions">
                    {accepted.has(key) ? (
                      <span role="status">{t('data.statement.accepted')}</span>
                    ) : (
                      <>
                        <button type="button" class="primary" onClick={() => accept(s)}>
                          {t('data.statement.accept')}
                          <span class="sr-only"> {name}</span>
                        </button>
                        <button type="button" onClick={() => props.onDismiss(key)}>
                          {t('data.statement.dismiss')}
                          <span class="sr-only"> {name}</span>
                        </button>
                      </>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
