import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupView } from '../../components/PopupView';
import { QuickAdd } from '../../components/QuickAdd';
import { PopupRights } from '../../components/rights/PopupRights';
import { type CurrentSite, popupSummary, siteFor } from '../../lib/app/popup';
import { createRights } from '../../lib/app/rights';
import { createStore } from '../../lib/app/store';
import { getDb } from '../../lib/db';
import { createTranslator, LOCALES, resolveLanguage } from '../../lib/i18n';
import type { Detection, Language, Subscription } from '../../lib/model';
import { countryOf } from '../../lib/rights/country';
import { withdrawalOf } from '../../lib/rights/deadlines';

/** The popup after its first paint: the store over the database, every action, and the quick-add form. */
export async function start(root: HTMLElement, painted: () => void) {
  const db = getDb();
  const notifyChanged = () => void browser.runtime.sendMessage({ type: 'data-changed' }).catch(() => {});
  const store = createStore({ db, now: () => new Date(), notifyChanged });
  const rights = createRights({ db, now: () => new Date() });

  async function currentSite(): Promise<CurrentSite | null> {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // Before you pay twice: the background marked this tab's sign-up page (issue 14).
    await rights.loadTab(tab?.id, tab?.url).catch(() => {});
    const site = siteFor(tab, store.detections.value, store.subscriptions.value);
    if (tab?.id && site?.detection) {
      void browser.runtime.sendMessage({ type: 'detection-seen', tabId: tab.id }).catch(() => {});
    }
    return site;
  }

  function openDashboard(path = '') {
    void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}${path}` });
    window.close();
  }

  const actions = {
    onOpenDashboard: openDashboard,
    onTrack: async (d: Detection) => {
      await store.acceptDetection(d);
      draw(await currentSite());
    },
    onEdit: (d: Detection) => openDashboard(d.subscriptionId ? `#/subscription/${d.subscriptionId}` : '#/overview'),
    onIgnore: async (d: Detection) => {
      await store.dismissDetection(d);
      draw(await currentSite());
    },
    onAdd: async (input: Record<string, unknown>) => {
      const r = await store.save(input);
      draw(site);
      return r.ok ? ({ ok: true } as const) : r;
    },
  };

  let site: CurrentSite | null = null;
  const draw = (s: CurrentSite | null) => {
    site = s;
    const lang = resolveLanguage(store.settings.value.language, navigator.languages);
    const ctx = store.ctx.value;
    document.documentElement.lang = LOCALES[lang];
    render(
      <PopupView
        site={s}
        {...popupSummary(store.subscriptions.value, ctx)}
        base={ctx.base}
        today={ctx.today}
        members={store.members.value}
        locale={LOCALES[lang]}
        t={createTranslator(lang)}
        {...actions}
        QuickAdd={QuickAdd}
        extra={rightsCards(lang)}
      />,
      root,
    );
  };

  /** The rights cards (issue 14): paying twice on this tab, charges after cancelling, withdrawal periods. */
  function rightsCards(lang: Language) {
    const subs = store.subscriptions.value;
    const s = store.settings.value;
    const country = countryOf(s.rights, s.baseCurrency, lang);
    const today = store.ctx.value.today;
    const withdrawals = subs
      .map((subscription) => ({ subscription, w: withdrawalOf(subscription, country, today) }))
      .flatMap(({ subscription, w }) => (w.state === 'open' ? [{ subscription, daysLeft: w.daysLeft }] : []))
      .sort((a, b) => a.daysLeft - b.daysLeft);
    const tab = rights.tab.value;
    const tabSubscription = tab ? subs.find((x) => x.id === tab.subscriptionId) : undefined;
    const afterCancel: Subscription[] = rights.afterCancel.value.map((a) => a.subscription);
    return (
      <PopupRights
        {...(tab ? { tab } : {})}
        {...(tabSubscription ? { tabSubscription } : {})}
        afterCancel={afterCancel}
        withdrawals={withdrawals}
        t={createTranslator(lang)}
        onOpen={(id) => openDashboard(`#/subscription/${encodeURIComponent(id)}`)}
      />
    );
  }

  await store.load();
  await rights.loadAfterCancel(store.subscriptions.value).catch(() => {});
  draw(await currentSite().catch(() => null));
  painted();
  return actions;
}
