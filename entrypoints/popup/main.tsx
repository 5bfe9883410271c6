import { render } from 'preact';
import { browser } from 'wxt/browser';
import { type CurrentSite, PopupView } from '../../components/PopupView';
import { createStore } from '../../lib/app/store';
import { getDb } from '../../lib/db';
import { createTranslator, LOCALES, resolveLanguage } from '../../lib/i18n';
import { forHost, siteOf } from '../../lib/ingest';
import { endingSoon, totals, upcomingRenewals } from '../../lib/summary';
import '../../components/styles.css';

// For the benchmark: when Subkeeper's own code starts (after the browser loaded the page and its modules).
performance.mark('subkeeper:start');
const db = getDb();
const notifyChanged = () => void browser.runtime.sendMessage({ type: 'data-changed' }).catch(() => {});
const store = createStore({ db, now: () => new Date(), notifyChanged });

/** What Subkeeper knows about the active tab: a new detection there, or a tracked subscription. */
async function currentSite(): Promise<CurrentSite | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id) return null;
  const detection = store.detections.value.find((d) => d.tabId === tab.id);
  let hostname = detection?.hostname;
  if (!hostname && tab.url && /^https?:/.test(tab.url)) hostname = siteOf(tab.url);
  if (!hostname) return null;
  const subscription = forHost(store.subscriptions.value, hostname);
  if (detection) void browser.runtime.sendMessage({ type: 'detection-seen', tabId: tab.id }).catch(() => {});
  return { hostname, ...(detection ? { detection } : {}), ...(subscription ? { subscription } : {}) };
}

function openDashboard(path = '') {
  void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}${path}` });
  window.close();
}

async function main() {
  await store.load();
  const site = await currentSite().catch(() => null);
  const draw = (s: CurrentSite | null) => {
    const lang = resolveLanguage(store.settings.value.language, navigator.languages);
    const t = createTranslator(lang);
    const ctx = store.ctx.value;
    const subs = store.subscriptions.value;
    document.documentElement.lang = LOCALES[lang];
    render(
      <PopupView
        site={s}
        totals={totals(subs, ctx)}
        base={ctx.base}
        today={ctx.today}
        renewals={upcomingRenewals(subs, ctx.today, 30).slice(0, 5)}
        ending={endingSoon(subs, ctx.today, 14)}
        members={store.members.value}
        locale={LOCALES[lang]}
        t={t}
        onTrack={async (d) => {
          await (d.subscriptionId ? store.acceptDetection(d) : store.trackDetection(d));
          draw(await currentSite());
        }}
        onEdit={(d) => openDashboard(d.subscriptionId ? `#/edit/${d.subscriptionId}` : '#/overview')}
        onIgnore={async (d) => {
          await store.dismissDetection(d);
          draw(await currentSite());
        }}
        onAdd={async (input) => {
          const r = await store.save(input);
          draw(s);
          return r.ok ? { ok: true } : r;
        }}
        onOpenDashboard={openDashboard}
      />,
      document.getElementById('root')!,
    );
  };
  draw(site);
  // For the benchmark: when the popup first shows real data.
  performance.mark('subkeeper:ready');
}

void main();
