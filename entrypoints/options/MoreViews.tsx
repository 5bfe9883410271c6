import { useEffect } from 'preact/hooks';
import { AboutCard } from '../../components/AboutCard';
import { CalendarView } from '../../components/views/CalendarView';
import { ChartsView } from '../../components/views/ChartsView';
import { SettingsView } from '../../components/views/SettingsView';
import { SubscriptionDetail } from '../../components/views/SubscriptionDetail';
import { kroneOf } from '../../lib/app/defaults';
import { effectiveLinks } from '../../lib/app/links';
import type { Route } from '../../lib/app/route';
import type { Store } from '../../lib/app/store';
import type { DeletedBundle } from '../../lib/db';
import { getService, lookupHost, serviceLinks, serviceNote } from '../../lib/directory';
import type { Translate } from '../../lib/i18n';
import type { Language } from '../../lib/model';
import { bundledRates } from '../../lib/money';
import { byCategory, byMember, chargesByMonth, renewalCalendar, spendBy } from '../../lib/summary';
import { DataPanel } from './DataPanel';
import { HouseholdRoute, HouseholdSettings } from './Household';
import type { Platform } from './platform';
import { Reminders } from './Reminders';
import { RightsDetail, RightsSettingsSection } from './rights';

/** The detail, calendar, charts, data and settings views, wired to the store. */
export function MoreViews(props: {
  route: Route;
  store: Store;
  platform: Platform;
  t: Translate;
  lang: Language;
  locale: string;
  go: (r: Route) => void;
  onDeleted: (b: DeletedBundle | null) => void;
}) {
  const { route, store, t, locale, go } = props;
  const needsCharges = route.view === 'subscription' || route.view === 'charts';
  useEffect(() => {
    if (needsCharges && store.charges.value === null) void store.loadCharges();
  }, [needsCharges]);
  const ctx = store.ctx.value;

  if (route.view === 'subscription') {
    const sub = store.subscriptions.value.find((s) => s.id === route.id);
    if (!sub) return <p class="card">{t('dashboard.notFound')}</p>;
    const entry = sub.serviceId ? getService(sub.serviceId) : sub.domain ? lookupHost(sub.domain) : undefined;
    const seen = store.seenLinks.value.get(sub.serviceId ?? sub.domain ?? '') ?? {};
    const site = [...(sub.domain ? [sub.domain] : []), ...(entry?.domains ?? [])];
    const shown = { ...sub, links: effectiveLinks(sub.links, seen, entry ? serviceLinks(entry) : undefined, site) };
    return (
      <SubscriptionDetail
        subscription={shown}
        charges={(store.charges.value ?? []).filter((c) => c.subscriptionId === sub.id)}
        priceChanges={store.priceChanges.value.filter((c) => c.subscriptionId === sub.id)}
        members={store.members.value}
        serviceNote={entry ? serviceNote(entry, props.lang) : undefined}
        t={t}
        locale={locale}
        today={ctx.today}
        onStatus={(status, date) => void store.setStatus(sub.id, status, date)}
        onEdit={() => go({ view: 'edit', id: sub.id })}
        onEditLinks={() => go({ view: 'edit', id: sub.id })}
        onDelete={async () => {
          props.onDeleted((await store.remove(sub.id)) ?? null);
          go({ view: 'subscriptions' });
        }}
        onClose={() => go({ view: 'subscriptions' })}
        rights={
          <RightsDetail
            store={store}
            platform={props.platform}
            subscription={sub}
            t={t}
            lang={props.lang}
            locale={locale}
          />
        }
      />
    );
  }
  if (route.view === 'calendar') {
    return (
      <CalendarView
        buckets={renewalCalendar(store.subscriptions.value, ctx, 12)}
        base={ctx.base}
        t={t}
        locale={locale}
        onOpen={(id) => go({ view: 'subscription', id })}
      />
    );
  }
  if (route.view === 'reminders') return <Reminders store={store} t={t} locale={locale} go={go} />;
  if (route.view === 'charts') {
    const subs = store.subscriptions.value;
    const members = new Map(store.members.value.map((m) => [m.id, m]));
    return (
      <ChartsView
        byCategory={spendBy(subs, ctx, byCategory)}
        pastMonths={chargesByMonth(store.charges.value ?? [], ctx, 12)}
        projectedMonths={renewalCalendar(subs, ctx, 12).map((b) => ({ month: b.month, totalMinor: b.totalMinor }))}
        byMember={spendBy(subs, ctx, byMember).map((r) => {
          const m = members.get(r.key);
          return {
            key: r.key,
            name: m?.name ?? t('dashboard.noOwner'),
            monthlyMinor: r.monthlyMinor,
            ...(m ? { color: m.color } : {}),
          };
        })}
        base={ctx.base}
        t={t}
        locale={locale}
      />
    );
  }
  if (route.view === 'settings') {
    const about = props.platform.about;
    return (
      <>
        <SettingsView
          settings={store.settings.value}
          members={store.members.value}
          bundledRates={bundledRates}
          t={t}
          locale={locale}
          onSave={async (s) => {
            const r = await store.updateSettings(s);
            return r.ok ? { ok: true } : r;
          }}
          subscriptions={store.subscriptions.value}
          browserKrone={kroneOf({}, props.platform.languages)}
          onRelabel={(ids, from, to) => store.relabel(ids, from, to)}
          onSaveMember={(m) => store.upsertMember(m)}
          onDeleteMember={(id) => store.removeMember(id)}
          extra={<HouseholdSettings store={store} t={t} locale={locale} />}
        />
        <RightsSettingsSection store={store} t={t} lang={props.lang} />
        {about && <AboutCard t={t} version={about.version} privacyUrl={about.privacyUrl(props.lang)} />}
      </>
    );
  }
  if (route.view === 'household') {
    return (
      <HouseholdRoute
        store={store}
        t={t}
        locale={locale}
        onOpen={(id) => go({ view: 'subscription', id })}
        onSetUp={() => go({ view: 'settings' })}
      />
    );
  }
  return (
    <DataPanel
      store={store}
      platform={props.platform}
      t={t}
      lang={props.lang}
      locale={locale}
      section={route.view === 'data' ? route.section : undefined}
      onShowInbox={() => go({ view: 'overview' })}
    />
  );
}
