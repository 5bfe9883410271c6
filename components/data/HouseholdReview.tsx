import { useMemo, useState } from 'preact/hooks';
import { money } from '../../lib/app/format';
import type { Translate } from '../../lib/i18n';
import { type HouseholdFile, mergeHousehold, parseHouseholdFile } from '../../lib/io/household';
import type { ExchangeRates } from '../../lib/model';
import { filesOf, type ReadFile } from './types';

interface Loaded {
  name: string;
  file?: HouseholdFile;
  error?: string;
}

/**
 * A household's subscriptions side by side: load everyone's household files to see the members, what each pays
 * per month, and services two members pay for (with what dropping one would save).
 */
export function HouseholdReview(props: {
  t: Translate;
  locale: string;
  today: string;
  base: string;
  rates: ExchangeRates;
  readFile: ReadFile;
}) {
  const { t, locale } = props;
  const [loaded, setLoaded] = useState<Loaded[]>([]);

  async function choose(e: Event) {
    const files = filesOf(e);
    const next: Loaded[] = [];
    for (const f of files) {
      try {
        const parsed = parseHouseholdFile(await props.readFile(f));
        next.push(parsed.ok ? { name: f.name, file: parsed.file } : { name: f.name, error: parsed.error });
      } catch {
        next.push({ name: f.name, error: t('data.fileUnreadable') });
      }
    }
    setLoaded([...loaded, ...next]);
  }

  const good = loaded.flatMap((l) => (l.file ? [l.file] : []));
  const view = useMemo(
    () => (good.length > 0 ? mergeHousehold(good, { today: props.today, base: props.base, rates: props.rates }) : null),
    [loaded, props.today, props.base, props.rates],
  );
  const nameOf = (id: string) => view?.members.find((m) => m.id === id)?.name ?? id;

  return (
    <section class="card" aria-labelledby="household-h">
      <h2 id="household-h">{t('data.household.title')}</h2>
      <p class="muted small">{t('data.household.hint')}</p>
      <label for="household-files">{t('data.household.files')}</label>
      <input id="household-files" type="file" accept=".json,application/json" multiple onChange={choose} />
      {loaded.some((l) => l.error) && (
        <ul role="alert">
          {loaded
            .filter((l) => l.error)
            .map((l) => (
              <li key={l.name}>
                {l.name}: {l.error}
              </li>
            ))}
        </ul>
      )}
      {loaded.length > 0 && (
        <button type="button" onClick={() => setLoaded([])}>
          {t('data.household.clear')}
        </button>
      )}

      {view && (
        <>
          <h3>{t('data.household.members')}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('data.household.member')}</th>
                <th scope="col">{t('data.household.count')}</th>
                <th scope="col">{t('data.household.monthly', { currency: view.base })}</th>
              </tr>
            </thead>
            <tbody>
              {view.members.map((m) => {
                const total = view.totalsPerMember.find((x) => x.memberId === m.id);
                return (
                  <tr key={m.id}>
                    <th scope="row">
                      <span class="swatch" style={{ background: m.color }} aria-hidden="true" /> {m.name}
                    </th>
                    <td>{total?.count ?? 0}</td>
                    <td>
                      {money(total?.monthlyMinor ?? 0, view.base, locale)}
                      {total && total.missingRates.length > 0 && (
                        <span class="muted small">
                          {' '}
                          {t('data.household.missingRates', { currencies: total.missingRates.join(', ') })}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>

          <h3>{t('data.household.duplicates')}</h3>
          {view.duplicates.length === 0 ? (
            <p class="muted">{t('data.household.noDuplicates')}</p>
          ) : (
            <ul>
              {view.duplicates.map((d) => (
                <li key={d.serviceKey}>
                  {t('data.household.duplicate', {
                    service: d.name,
                    members: d.members.map(nameOf).join(', '),
                    saving: money(d.monthlySavingMinor, view.base, locale),
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
