import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupView } from '../../components/PopupView';
import { QuickAdd } from '../../components/QuickAdd';
import { kroneOf } from '../../lib/app/defaults';
import { type CurrentSite, popupSummary, siteFor } from '../../lib/app/popup';
import { createStore } from '../../lib/app/store';
import { getDb } from '../../lib/db';
import { createTranslator, LOCALES, resolveLanguage } from '../../lib/i18n';
import type { Detection } from '../../lib/model';

/** The popup after its first paint: the store over the database, every action, and the quick-add form. */
export async function start(root: HTMLElement, painted: () => void) {
  const db = getDb();
  const notifyChanged = () => void browser.runtime.sendMessage({ type: 'data-changed' }).catch(() => {});
  const store = createStore({ db, now: () => new Date(), notifyChanged, languages: navigator.languages });

  async function currentSite(): Promise<CurrentSite | null> {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
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
    onGettingStarted: () => {
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
      window.close();
    },
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
        subscriptionCount={store.subscriptions.value.length}
        base={ctx.base}
        krone={kroneOf(store.settings.value, navigator.languages)}
        today={ctx.today}
        members={store.members.value}
        locale={LOCALES[lang]}
        t={createTranslator(lang)}
        {...actions}
        QuickAdd={QuickAdd}
      />,
      root,
    );
  };

  await store.load();
  draw(await currentSite().catch(() => null));
  painted();
  return actions;
}
