import { effect, signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { DatabaseError } from '../../components/DatabaseError';
import { PopupView } from '../../components/PopupView';
import { QuickAdd } from '../../components/QuickAdd';
import { PopupRights } from '../../components/rights/PopupRights';
import { SyncStatusLine } from '../../components/sync/SyncStatusLine';
import { kroneOf } from '../../lib/app/defaults';
import { downloadText } from '../../lib/app/download';
import { keepPaintSummary } from '../../lib/app/paint-summary';
import { type ActiveTab, popupSummary, siteFor } from '../../lib/app/popup';
import { createRights } from '../../lib/app/rights';
import { createStore } from '../../lib/app/store';
import { followStatus, holdLivePort } from '../../lib/app/sync-live';
import { DB_NAME, getDb } from '../../lib/db';
import { errorText, exportRaw, openFailureKind } from '../../lib/db/raw';
import { createTranslator, LOCALES, resolveLanguage, type Translate } from '../../lib/i18n';
import { send } from '../../lib/messages/send';
import type { Detection, Language, Subscription } from '../../lib/model';
import { countryOf } from '../../lib/rights/country';
import { withdrawalOf } from '../../lib/rights/deadlines';
import { OFF, type SyncStatus } from '../../lib/sync/status';

/**
 * The popup after its first paint: the store over the database, every action, and the quick-add form. The store
 * follows the database live, so the popup redraws when the background stores a new find or another page changes
 * something while it is open.
 */
export async function start(root: HTMLElement, painted: () => void) {
  const db = getDb();
  keepPaintSummary(db, browser.storage.local, { ensureAfterMs: 300 });
  const notifyChanged = () => void send(browser.runtime, { type: 'data-changed' }).catch(() => {});
  const store = createStore({ db, now: () => new Date(), notifyChanged, languages: navigator.languages });
  const rights = createRights({ db, now: () => new Date() });
  const tab: ActiveTab | undefined = await browser.tabs
    .query({ active: true, currentWindow: true })
    .then(([t]) => t)
    .catch(() => undefined);
  let seenSent = false;
  /** The household sync status (storage.local), shown at the bottom once the popup is up. */
  const sync = signal<SyncStatus>(OFF);

  function openDashboard(path = '') {
    void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}${path}` });
    window.close();
  }

  const actions = {
    onOpenDashboard: openDashboard,
    onGettingStarted: () => {
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
      window.close();
    },
    onTrack: async (d: Detection) => {
      await store.acceptDetection(d);
    },
    onEdit: (d: Detection) => openDashboard(d.subscriptionId ? `#/subscription/${d.subscriptionId}` : '#/overview'),
    onIgnore: async (d: Detection) => {
      await store.dismissDetection(d);
    },
    onAdd: async (input: Record<string, unknown>) => {
      const r = await store.save(input);
      return r.ok ? ({ ok: true } as const) : r;
    },
  };

  const draw = () => {
    const site = siteFor(tab, store.detections.value, store.subscriptions.value);
    if (tab?.id && site?.detection && !seenSent) {
      seenSent = true;
      void send(browser.runtime, { type: 'detection-seen', tabId: tab.id }).catch(() => {});
    }
    const lang = resolveLanguage(store.settings.value.language, navigator.languages);
    const ctx = store.ctx.value;
    const t = createTranslator(lang);
    const status = sync.value;
    document.documentElement.lang = LOCALES[lang];
    render(
      <PopupView
        site={site}
        {...popupSummary(store.subscriptions.value, ctx)}
        subscriptionCount={store.subscriptions.value.length}
        base={ctx.base}
        krone={kroneOf(store.settings.value, navigator.languages)}
        today={ctx.today}
        members={store.members.value}
        locale={LOCALES[lang]}
        t={t}
        {...actions}
        QuickAdd={QuickAdd}
        extra={rightsCards(lang, t)}
        footer={
          status.state !== 'off' && (
            <footer class="popup-sync">
              <SyncStatusLine status={status} t={t} locale={LOCALES[lang]} nowMs={Date.now()} compact />
              <button type="button" class="linkish" onClick={() => openDashboard('#/household')}>
                {t('sync.status.household')}
              </button>
            </footer>
          )
        }
      />,
      root,
    );
  };

  /** The rights cards (issue 14): paying twice on this tab, charges after cancelling, withdrawal periods. */
  function rightsCards(lang: Language, t: Translate) {
    const subs = store.subscriptions.value;
    const s = store.settings.value;
    const country = countryOf(s.rights, s.baseCurrency, lang);
    const today = store.ctx.value.today;
    const withdrawals = subs
      .map((subscription) => ({ subscription, w: withdrawalOf(subscription, country, today) }))
      .flatMap(({ subscription, w }) =>
        w.state === 'open' ? [{ subscription, daysLeft: w.daysLeft, ...(w.url ? { url: w.url } : {}) }] : [],
      )
      .sort((a, b) => a.daysLeft - b.daysLeft);
    const warning = rights.tab.value;
    const tabSubscription = warning ? subs.find((x) => x.id === warning.subscriptionId) : undefined;
    const afterCancel: Subscription[] = rights.afterCancel.value.map((a) => a.subscription);
    return (
      <PopupRights
        {...(warning ? { tab: warning } : {})}
        {...(tabSubscription ? { tabSubscription } : {})}
        afterCancel={afterCancel}
        withdrawals={withdrawals}
        t={t}
        onOpen={(id) => openDashboard(`#/subscription/${encodeURIComponent(id)}`)}
      />
    );
  }

  try {
    await store.live();
    // Before you pay twice: the background marked this tab's sign-up page (issue 14); and charges after cancelling.
    await Promise.all([
      rights.loadTab(tab?.id, tab?.url).catch(() => {}),
      rights.loadAfterCancel(store.subscriptions.value).catch(() => {}),
    ]);
  } catch (error) {
    // The database would not open: say so instead of a blank popup, with its raw data to take away.
    const lang = resolveLanguage('auto', navigator.languages);
    document.documentElement.lang = LOCALES[lang];
    render(
      <DatabaseError
        t={createTranslator(lang)}
        kind={openFailureKind(error)}
        detail={errorText(error)}
        onDownload={async () => {
          const raw = await exportRaw(indexedDB, DB_NAME, new Date().toISOString());
          downloadText(
            `subkeeper-raw-${raw.exportedAt.slice(0, 10)}.json`,
            'application/json',
            JSON.stringify(raw, null, 1),
          );
        }}
        onRetry={() => location.reload()}
      />,
      root,
    );
    painted();
    return actions;
  }
  // Drawn now, and again whenever what it shows changes (here, in the background or in another tab).
  effect(draw);
  painted();
  // After the first paint: the household sync status, and live sync while the popup is open (the store follows
  // the database, so what sync applies shows by itself).
  followStatus(browser.storage as never, (status) => {
    sync.value = status;
  });
  holdLivePort(browser.runtime as never, () => undefined);
  return actions;
}
