import { useState } from 'preact/hooks';
import { money, periodLabel } from '../../lib/app/format';
import { formatDate } from '../../lib/dates';
import type { Translate } from '../../lib/i18n';
import { findRecurring, type RecurringSeries } from '../../lib/io/recurring';
import { MAX_STATEMENT_CHARS, parseStatement, type StatementFormat } from '../../lib/io/statement';
import { codeKey, fileOf, type ReadFile } from './types';

type Decision = 'accepted' | 'dismissed';

const seriesKey = (s: RecurringSeries) => `${s.payee}|${s.amountMinor}|${s.period}|${s.firstDate}`;

/**
 * Finding subscriptions in a bank statement: choose the bank's CSV export, see what was understood of it, then
 * accept or dismiss each recurring payment found. Stopped series are listed after the active ones.
 */
export function StatementImport(props: {
  t: Translate;
  locale: string;
  today: string;
  /** Currency of the statement when the file does not say. */
  defaultCurrency?: string;
  readFile: ReadFile;
  onAccept: (series: RecurringSeries) => void;
  onDismiss?: (series: RecurringSeries) => void;
}) {
  const { t, locale } = props;
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ format: StatementFormat; count: number; series: RecurringSeries[] } | null>(
    null,
  );
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});

  async function choose(e: Event) {
    const file = fileOf(e);
    if (!file) return;
    setError(null);
    setResult(null);
    setDecisions({});
    if (file.size > MAX_STATEMENT_CHARS * 4) return setError(t('data.statement.error.tooLarge'));
    let text: string;
    try {
      text = await props.readFile(file);
    } catch {
      return setError(t('data.fileUnreadable'));
    }
    const parsed = parseStatement(text, props.defaultCurrency ? { defaultCurrency: props.defaultCurrency } : {});
    if (!parsed.ok) return setError(t(`data.statement.error.${codeKey(parsed.code)}`));
    const { series } = findRecurring(parsed.transactions, { today: props.today });
    const ordered = [...series.filter((s) => s.active), ...series.filter((s) => !s.active)];
    setResult({ format: parsed.format, count: parsed.transactions.length, series: ordered });
  }

  function decide(s: RecurringSeries, d: Decision) {
    setDecisions({ ...decisions, [seriesKey(s)]: d });
    if (d === 'accepted') props.onAccept(s);
    else props.onDismiss?.(s);
  }

  const f = result?.format;
  const visible = result?.series.filter((s) => decisions[seriesKey(s)] !== 'dismissed') ?? [];
  return (
    <section class="card" aria-labelledby="statement-h">
      <h2 id="statement-h">{t('data.statement.title')}</h2>
      <p class="muted small">{t('data.statement.hint')}</p>
      <label for="statement-file">{t('data.statement.file')}</label>
      <input id="statement-file" type="file" accept=".csv,.txt,text/csv,text/plain" onChange={choose} />
      {error && <p role="alert">{error}</p>}

      {result && f && (
        <>
          <dl class="statement-format">
            <dt>{t('data.statement.bank')}</dt>
            <dd>{f.bank ?? t('data.statement.unknownBank')}</dd>
            <dt>{t('data.statement.transactions')}</dt>
            <dd>{t('data.statement.rows', { n: result.count, skipped: f.skipped })}</dd>
            <dt>{t('data.statement.dates')}</dt>
            <dd>{t(`data.statement.dateOrder.${f.dateOrder}`)}</dd>
            <dt>{t('data.statement.decimal')}</dt>
            <dd>{f.decimal === ',' ? t('data.statement.decimalComma') : t('data.statement.decimalPoint')}</dd>
            <dt>{t('data.statement.currency')}</dt>
            <dd>
              {f.currency} ({t(`data.statement.currencySource.${f.currencySource}`)})
            </dd>
          </dl>

          <h3>{t('data.statement.found', { n: result.series.length })}</h3>
          {visible.length === 0 && <p class="muted">{t('data.statement.none')}</p>}
          <ul class="proposals">
            {visible.map((s) => {
              const accepted = decisions[seriesKey(s)] === 'accepted';
              return (
                <li key={seriesKey(s)} class={s.active ? 'proposal' : 'proposal inactive'}>
                  <div>
                    <strong>{s.serviceName ?? s.payee}</strong>{' '}
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
                  </div>
                  <div class="row-actions">
                    {accepted ? (
                      <span role="status">{t('data.statement.accepted')}</span>
                    ) : (
                      <>
                        <button type="button" class="primary" onClick={() => decide(s, 'accepted')}>
                          {t('data.statement.accept')}
                          <span class="sr-only"> {s.serviceName ?? s.payee}</span>
                        </button>
                        <button type="button" onClick={() => decide(s, 'dismissed')}>
                          {t('data.statement.dismiss')}
                          <span class="sr-only"> {s.serviceName ?? s.payee}</span>
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
