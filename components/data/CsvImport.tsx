import { useMemo, useState } from 'preact/hooks';
import { money, periodLabel } from '../../lib/app/format';
import { formatDate } from '../../lib/dates';
import type { Translate } from '../../lib/i18n';
import {
  CSV_FIELDS,
  type CsvField,
  type CsvSubscriptionInput,
  guessMapping,
  MAX_CSV_CHARS,
  type Mapping,
  previewSubscriptions,
  readCsv,
} from '../../lib/io/csv';
import { duplicateRows, type ImportCounts } from '../../lib/io/import';
import type { Language, Subscription } from '../../lib/model';
import { fileOf, type ReadFile } from './types';

/** A row problem in the UI language when the catalog has it (`data.problem.<message>`), else as written. */
function problemText(t: Translate, message: string): string {
  const key = `data.problem.${message}`;
  const text = t(key);
  return text === key ? message : text;
}

interface Table {
  fileName: string;
  headers: string[];
  rows: string[][];
}

/** Most preview rows drawn (rows with problems and duplicates first): a 10,000-row table would freeze the page. */
export const PREVIEW_ROWS = 100;

/**
 * Importing subscriptions from a spreadsheet: choose a CSV file, check which column holds which field (guessed
 * from the titles, one select per field), look at the preview with each row's problems and the rows that look
 * like subscriptions already there, and import the rows that are fine, all at once, with a progress bar.
 */
export function CsvImport(props: {
  t: Translate;
  locale: string;
  lang: Language;
  today: string;
  defaultCurrency: string;
  readFile: ReadFile;
  /** What is stored now, to warn about rows that are already there. */
  existing: readonly Subscription[];
  /** Saves the rows in one go (all or nothing), reporting progress; resolves to what it did. */
  onImport: (
    values: CsvSubscriptionInput[],
    opts: { includeDuplicates: boolean; onProgress: (done: number, total: number) => void },
  ) => Promise<ImportCounts>;
}) {
  const { t, locale } = props;
  const [table, setTable] = useState<Table | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportCounts | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [includeDuplicates, setIncludeDuplicates] = useState(false);

  async function choose(e: Event) {
    const file = fileOf(e);
    if (!file) return;
    setImported(null);
    setError(null);
    if (file.size > MAX_CSV_CHARS * 4) return setError(t('data.csv.tooLarge'));
    let text: string;
    try {
      text = await props.readFile(file);
    } catch {
      return setError(t('data.fileUnreadable'));
    }
    const csv = readCsv(text);
    if (!csv.ok) {
      setTable(null);
      return setError(t('data.csv.unreadable'));
    }
    setTable({ fileName: file.name, headers: csv.headers, rows: csv.rows });
    setMapping(guessMapping(csv.headers));
  }

  const preview = useMemo(
    () =>
      table
        ? previewSubscriptions(table.rows, mapping, {
            today: props.today,
            defaultCurrency: props.defaultCurrency,
            lang: props.lang,
          })
        : [],
    [table, mapping, props.today, props.defaultCurrency, props.lang],
  );
  const good = preview.flatMap((p) => (p.ok ? [p.value] : []));
  const duplicate = useMemo(() => {
    const marks = duplicateRows(good, props.existing);
    return new Set(good.filter((_, i) => marks[i]));
  }, [preview, props.existing]);
  const toImport = includeDuplicates ? good : good.filter((v) => !duplicate.has(v));
  // Rows with problems first, then the ones already there, then the rest, up to PREVIEW_ROWS.
  const shown = useMemo(() => {
    const rank = (p: (typeof preview)[number]) => (!p.ok ? 0 : duplicate.has(p.value) ? 1 : 2);
    return [...preview].sort((a, b) => rank(a) - rank(b) || a.row - b.row).slice(0, PREVIEW_ROWS);
  }, [preview, duplicate]);

  function setColumn(field: CsvField, value: string) {
    const next: Mapping = { ...mapping };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    setMapping(next);
  }

  async function doImport() {
    setBusy(true);
    setError(null);
    setProgress({ done: 0, total: toImport.length });
    try {
      setImported(
        await props.onImport(toImport, {
          includeDuplicates,
          onProgress: (done, total) => setProgress({ done, total }),
        }),
      );
      setTable(null);
    } catch {
      setError(t('data.csv.importFailed'));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  return (
    <section class="card" aria-labelledby="csv-h">
      <h2 id="csv-h">{t('data.csv.title')}</h2>
      <label for="csv-file">{t('data.csv.file')}</label>
      <input id="csv-file" type="file" accept=".csv,text/csv,text/plain" onChange={choose} />
      {error && <p role="alert">{error}</p>}

      {table && (
        <>
          <fieldset>
            <legend>{t('data.csv.mapping')}</legend>
            {CSV_FIELDS.map((field) => (
              <div key={field} class="field">
                <label for={`csv-map-${field}`}>{t(`data.field.${field}`)}</label>
                <select
                  id={`csv-map-${field}`}
                  value={mapping[field] === undefined ? '' : String(mapping[field])}
                  onChange={(e) => setColumn(field, (e.currentTarget as HTMLSelectElement).value)}
                >
                  <option value="">{t('data.csv.notInFile')}</option>
                  {table.headers.map((h, i) => (
                    <option key={`${i}-${h}`} value={String(i)}>
                      {h || t('data.csv.column', { n: i + 1 })}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </fieldset>

          <h3>{t('data.csv.preview')}</h3>
          <p>{t('data.csv.summary', { ok: good.length, bad: preview.length - good.length })}</p>
          {duplicate.size > 0 && (
            <div class="csv-duplicates" role="note">
              <p class="warning">{t('data.csv.duplicates', { n: duplicate.size })}</p>
              <input
                type="checkbox"
                id="csv-include-duplicates"
                checked={includeDuplicates}
                onChange={(e) => setIncludeDuplicates((e.currentTarget as HTMLInputElement).checked)}
              />{' '}
              <label for="csv-include-duplicates">{t('data.csv.includeDuplicates')}</label>
            </div>
          )}
          <table>
            <thead>
              <tr>
                <th scope="col">{t('data.csv.line')}</th>
                <th scope="col">{t('data.field.service')}</th>
                <th scope="col">{t('data.field.amount')}</th>
                <th scope="col">{t('data.field.period')}</th>
                <th scope="col">{t('data.field.nextRenewal')}</th>
                <th scope="col">{t('data.csv.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.row} class={!p.ok ? 'row-error' : duplicate.has(p.value) ? 'row-duplicate' : undefined}>
                  <td>{p.row}</td>
                  {p.ok ? (
                    <>
                      <td>{p.value.service}</td>
                      <td>{money(p.value.amountMinor, p.value.currency, locale)}</td>
                      <td>{periodLabel(p.value.period, t)}</td>
                      <td>{formatDate(p.value.billingAnchor, locale)}</td>
                      <td>{duplicate.has(p.value) ? t('data.csv.rowDuplicate') : t('data.csv.rowOk')}</td>
                    </>
                  ) : (
                    <>
                      <td colSpan={4}>{table.rows[p.row - 2]?.join(' · ')}</td>
                      <td>
                        <ul>
                          {Object.entries(p.errors).map(([field, message]) => (
                            <li key={field}>
                              {t(`data.field.${field}`)}: {problemText(t, message)}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {preview.length > shown.length && (
            <p class="muted small">{t('data.csv.moreRows', { n: preview.length - shown.length })}</p>
          )}
          <button type="button" class="primary" onClick={doImport} disabled={busy || toImport.length === 0}>
            {t('data.csv.import', { n: toImport.length })}
          </button>
          {progress && (
            <p>
              <label for="csv-progress">{t('data.csv.importing', progress)}</label>{' '}
              <progress id="csv-progress" max={Math.max(progress.total, 1)} value={progress.done} />
            </p>
          )}
        </>
      )}
      <div role="status" aria-live="polite">
        {imported !== null && (
          <p>
            {t('data.csv.imported', { n: imported.added })}
            {imported.duplicates > 0 && ` ${t('data.csv.skipped', { n: imported.duplicates })}`}
          </p>
        )}
      </div>
    </section>
  );
}
