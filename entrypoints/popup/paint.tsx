import { render } from 'preact';
import { PopupView } from '../../components/PopupView';
import { type ActiveTab, paintSettings, popupSummary, siteFor } from '../../lib/app/popup';
import type { Snapshot } from '../../lib/app/snapshot';
import { todayFromInstant } from '../../lib/dates/today';
import { createCommonTranslator } from '../../lib/i18n/common';
import { LOCALES, resolveLanguage } from '../../lib/i18n/translate';
import { bundledRates } from '../../lib/money/rates';

type Full = typeof import('./full');
type Actions = Awaited<ReturnType<Full['start']>>;

function markReady() {
  // For the benchmark: when the popup first shows real data.
  if (performance.getEntriesByName('subkeeper:ready').length === 0) performance.mark('subkeeper:ready');
}

/**
 * The first frame, from the plain database read: only what it needs is loaded here (no Dexie, no schema, only
 * the `common` texts). Right after that frame, ./full loads the store and renders again from it (the same
 * data), with the quick-add form and every action; an action taken before then waits for it. When the plain
 * read cannot be done (no database yet, an upgrade pending, odd settings), ./full draws the first frame.
 */
export async function paint(
  root: HTMLElement,
  snapshot: Promise<Snapshot | null>,
  tab: Promise<ActiveTab | undefined>,
) {
  let app: Promise<Actions> | undefined;
  const startFull = () => {
    app ??= import('./full').then((m) => m.start(root, markReady));
    return app;
  };
  const drawn = await Promise.all([snapshot, tab])
    .then(([snap, t]) => snap !== null && drawFirst(root, snap, t, startFull))
    .catch(() => false);
  if (drawn) {
    markReady();
    // After this frame is painted, load the rest and take over.
    requestAnimationFrame(() => setTimeout(startFull, 0));
  } else {
    await startFull();
  }
}

function drawFirst(
  root: HTMLElement,
  snap: Snapshot,
  tab: ActiveTab | undefined,
  startFull: () => Promise<Actions>,
): boolean {
  const settings = paintSettings(snap.settings, navigator.languages);
  if (!settings) return false;
  const lang = resolveLanguage(settings.language, navigator.languages);
  const ctx = {
    today: todayFromInstant(new Date()),
    base: settings.baseCurrency,
    rates: settings.exchangeRates ?? bundledRates,
  };
  const later =
    <A extends unknown[]>(pick: (a: Actions) => (...args: A) => unknown) =>
    (...args: A) =>
      void startFull().then((a) => pick(a)(...args));
  document.documentElement.lang = LOCALES[lang];
  render(
    <PopupView
      site={siteFor(tab, snap.detections, snap.subscriptions)}
      {...popupSummary(snap.subscriptions, ctx)}
      subscriptionCount={snap.subscriptions.length}
      base={ctx.base}
      today={ctx.today}
      members={[]}
      locale={LOCALES[lang]}
      t={createCommonTranslator(lang)}
      onTrack={later((a) => a.onTrack)}
      onEdit={later((a) => a.onEdit)}
      onIgnore={later((a) => a.onIgnore)}
      onAdd={async (input) => (await startFull()).onAdd(input)}
      onOpenDashboard={later((a) => a.onOpenDashboard)}
      onGettingStarted={later((a) => a.onGettingStarted)}
    />,
    root,
  );
  return true;
}
