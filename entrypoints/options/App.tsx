import { useComputed, useSignal, useSignalEffect } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { DatabaseError } from '../../components/DatabaseError';
import { Overview } from '../../components/Overview';
import { SubscriptionForm } from '../../components/SubscriptionForm';
import { SubscriptionTable } from '../../components/SubscriptionTable';
import { UndoBar } from '../../components/UndoBar';
import { preferredCurrencies } from '../../lib/app/defaults';
import { valuesForNew, valuesFrom } from '../../lib/app/form';
import { inboxItems } from '../../lib/app/inbox';
import { NAV, parseRoute, type Route, routeHash } from '../../lib/app/route';
import type { Store } from '../../lib/app/store';
import { buildRows, DEFAULT_QUERY, distinct, queryRows, type TableQuery } from '../../lib/app/table';
import type { DeletedBundle } from '../../lib/db';
import { errorText, openFailureKind } from '../../lib/db/raw';
import { createTranslator, LOCALES, resolveLanguage } from '../../lib/i18n';
import type { Detection } from '../../lib/model';
import { proposalOf } from '../../lib/proposal';
import { endingSoon, recentIncreases, sumInBase, totals, upcomingRenewals } from '../../lib/summary';
import type { Platform } from './platform';
import { RightsOverview } from './rights-overview';

type MoreViewsModule = typeof import('./MoreViews');
// The other views and the service directory are loaded when needed (or once the first view is painted), so
// that the dashboard's first paint does not wait for them.
let moreViews: MoreViewsModule | undefined;
const loadMoreViews = () =>
  import('./MoreViews').then((m) => {
    moreViews = m;
    return m;
  });
let names: string[] | undefined;
const loadServiceNames = () =>
  import('../../lib/directory').then((d) => {
    names ??= d
      .allServices()
      .map((e) => e.name)
      .sort();
    return names;
  });

/** The dashboard: wires the store (lib/app/store) to the views (components/). */
export function App({ store, platform }: { store: Store; platform: Platform }) {
  const route = useSignal<Route>(parseRoute(location.hash));
  const [query, setQuery] = useState<TableQuery>(DEFAULT_QUERY);
  const [undo, setUndo] = useState<DeletedBundle | null>(null);
  const [editDetection, setEditDetection] = useState<Detection | null>(null);

  useEffect(() => {
    const onHash = () => {
      route.value = parseRoute(location.hash);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const lang = resolveLanguage(store.settings.value.language, platform.languages);
  const t = useMemo(() => createTranslator(lang), [lang]);
  const locale = LOCALES[lang];
  useSignalEffect(() => {
    document.documentElement.lang = LOCALES[resolveLanguage(store.settings.value.language, platform.languages)];
  });

  const ctx = store.ctx.value;
  const subs = store.subscriptions.value;
  const rows = useComputed(() => buildRows(store.subscriptions.value, store.ctx.value));
  // What pages found, shown once, in the overview's inbox; nothing of it is in `subs` (the user's subscriptions).
  const inbox = useComputed(() => inboxItems(store.detections.value, store.subscriptions.value));
  const onSubscriptions = route.value.view === 'subscriptions';
  // Filtering and sorting run when the rows or the query change, not on every render.
  const shown = useMemo(
    () => (onSubscriptions ? queryRows(rows.value, query) : []),
    [onSubscriptions, rows.value, query],
  );
  const menus = useMemo(
    () => ({ payments: distinct(subs, (s) => s.paymentMethod), currencies: distinct(subs, (s) => s.currency) }),
    [subs],
  );
  const go = (r: Route) => {
    location.hash = routeHash(r);
  };

  useEffect(() => {
    // For the benchmark: when the dashboard first shows real data.
    if (store.loaded.value && performance.getEntriesByName('subkeeper:ready').length === 0) {
      performance.mark('subkeeper:ready');
    }
  }, [store.loaded.value]);

  const view = route.value.view;
  const [More, setMore] = useState<MoreViewsModule['MoreViews'] | undefined>(() => moreViews?.MoreViews);
  const needsMore = !(view === 'overview' || view === 'subscriptions' || view === 'add' || view === 'edit');
  useEffect(() => {
    if (More || !(needsMore || store.loaded.value)) return;
    const load = () => void loadMoreViews().then((m) => setMore(() => m.MoreViews));
    // Needed now, or fetched once the first view is painted.
    if (needsMore) load();
    else requestAnimationFrame(() => setTimeout(load, 0));
  }, [needsMore, store.loaded.value]);
  const [suggestions, setSuggestions] = useState<string[] | undefined>(names);
  useEffect(() => {
    if ((view === 'add' || view === 'edit') && !suggestions) void loadServiceNames().then(setSuggestions);
  }, [view]);

  if (!store.loaded.value) {
    const failure = store.failure.value;
    if (!failure) return <p class="loading">…</p>;
    // The database would not open: say so, and offer its raw data (nothing was changed).
    return (
      <main id="main" class="app">
        <DatabaseError
          t={t}
          kind={openFailureKind(failure)}
          detail={errorText(failure)}
          onDownload={async () => {
            const text = await platform.exportRaw?.();
            if (text) platform.download(`subkeeper-raw-${ctx.today}.json`, 'application/json', text);
          }}
          onRetry={() => location.reload()}
        />
      </main>
    );
  }

  const r = route.value;
  let body: preact.JSX.Element;
  if (r.view === 'overview') {
    const renewals = upcomingRenewals(subs, ctx.today, 30);
    body = (
      <Overview
        totals={totals(subs, ctx)}
        base={ctx.base}
        ratesDate={ctx.rates.date}
        renewals={renewals}
        renewalsTotalMinor={sumInBase(renewals, ctx)}
        ending={endingSoon(subs, ctx.today, 14)}
        increases={recentIncreases(store.priceChanges.value, ctx.today, 90)}
        subscriptions={subs}
        inbox={inbox.value}
        locale={locale}
        t={t}
        onOpen={(id) => go({ view: 'subscription', id })}
        onAccept={(d) => void store.acceptDetection(d)}
        onEditDetection={(d) => {
          setEditDetection(d);
          go(d.subscriptionId ? { view: 'edit', id: d.subscriptionId } : { view: 'add' });
        }}
        onDismiss={(d) => store.dismissDetection(d)}
        extra={
          <RightsOverview
            part="warnings"
            store={store}
            t={t}
            locale={locale}
            onOpen={(id) => go({ view: 'subscription', id })}
          />
        }
        extraEnd={
          <RightsOverview
            part="usage"
            store={store}
            t={t}
            locale={locale}
            onOpen={(id) => go({ view: 'subscription', id })}
          />
        }
      />
    );
  } else if (r.view === 'subscriptions') {
    body = (
      <SubscriptionTable
        rows={shown}
        query={query}
        members={store.members.value}
        payments={menus.payments}
        currencies={menus.currencies}
        total={subs.length}
        base={ctx.base}
        locale={locale}
        t={t}
        onQuery={setQuery}
        onOpen={(id) => go({ view: 'subscription', id })}
        onEdit={(id) => go({ view: 'edit', id })}
        onDelete={async (id) => setUndo((await store.remove(id)) ?? null)}
      />
    );
  } else if (r.view === 'add' || r.view === 'edit') {
    const existing = r.view === 'edit' ? subs.find((s) => s.id === r.id) : undefined;
    const proposed = !existing && editDetection ? proposalOf(editDetection) : undefined;
    const initial = existing
      ? valuesFrom(existing, ctx.today)
      : proposed?.type === 'new'
        ? valuesFrom(proposed.subscription)
        : valuesForNew(editDetection?.result, ctx.base, ctx.today);
    body = (
      <SubscriptionForm
        key={r.view === 'edit' ? `edit-${r.id}` : 'new'}
        initial={initial}
        existing={existing}
        members={store.members.value}
        suggestions={suggestions}
        today={ctx.today}
        priceContext={{ lang: locale, prefer: preferredCurrencies(store.settings.value, platform.languages) }}
        t={t}
        onSave={async (input, base) => {
          const saved = await store.save(input, { base });
          if (!saved.ok) return saved;
          if (editDetection) {
            // The user's form is what counts; the proposal is done (its charges go to the saved subscription).
            await store.resolveDetection(editDetection, saved.value.id);
            setEditDetection(null);
          }
          go({ view: 'subscription', id: saved.value.id });
          return { ok: true };
        }}
        onCancel={() => history.back()}
      />
    );
  } else if (!More) {
    body = (
      <p class="loading" aria-busy="true">
        …
      </p>
    );
  } else {
    body = (
      <More route={r} store={store} platform={platform} t={t} lang={lang} locale={locale} go={go} onDeleted={setUndo} />
    );
  }

  return (
    <div class="app">
      <a class="skip" href="#main">
        {t('dashboard.skip')}
      </a>
      <header class="top">
        <h1>Subkeeper</h1>
        <nav aria-label={t('dashboard.navLabel')}>
          <ul>
            {NAV.map((v) => (
              <li key={v}>
                <a href={`#/${v}`} aria-current={r.view === v ? 'page' : undefined}>
                  {t(`dashboard.nav.${v}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <a class="button primary" href="#/add">
          {t('common.addManually')}
        </a>
      </header>
      <main id="main" tabIndex={-1}>
        {!store.settingsSaved.value && r.view !== 'settings' && (
          <aside class="card first-run" aria-label={t('dashboard.firstRunAction')}>
            <p>{t('dashboard.firstRun', { currency: ctx.base })}</p>
            <a class="button" href={platform.welcomeUrl ?? '#/settings'}>
              {t('dashboard.firstRunAction')}
            </a>
          </aside>
        )}
        {body}
        {r.view === 'subscriptions' && inbox.value.length > 0 && (
          <p class="card small" data-testid="inbox-waiting">
            {t('dashboard.inbox')}: {inbox.value.length} · <a href="#/overview">{t('inbox.review')}</a>
          </p>
        )}
      </main>
      {undo && (
        <UndoBar
          message={t('dashboard.deleted', { name: undo.subscription.service })}
          undoLabel={t('common.undo')}
          closeLabel={t('common.close')}
          onUndo={async () => {
            await store.undoRemove(undo);
            setUndo(null);
          }}
          onClose={() => setUndo(null)}
        />
      )}
    </div>
  );
}
