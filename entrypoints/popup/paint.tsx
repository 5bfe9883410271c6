import { render } from 'preact';
import { PopupView } from '../../components/PopupView';
import { type PaintSummary, popupSite, usableSummary } from '../../lib/app/paint-summary';
import { type ActiveTab, paintSettings, popupSummary, siteFor } from '../../lib/app/popup';
import type { Snapshot } from '../../lib/app/snapshot';
import { todayFromInstant } from '../../lib/dates/today';
import { createCommonTranslator } from '../../lib/i18n/common';
import { LOCALES, resolveLanguage } from '../../lib/i18n/translate';
import { bundledRates } from '../../lib/money/rates';

type Full = typeof import('./full');
type Actions = Awaited<ReturnType<Full['start']>>;

/** For the benchmark: the first frame with data (from the summary or from the database). */
function markFirst() {
  if (performance.getEntriesByName('subkeeper:first').length === 0) performance.mark('subkeeper:first');
}
/** For the benchmark and the tests: when the popup shows the database's data. */
function markLive() {
  markFirst();
  if (performance.getEntriesByName('subkeeper:ready').length === 0) performance.mark('subkeeper:ready');
}

/**
 * The first frame, from the summary kept in storage.local when it answers first and can be painted (the current
 * stamp, today's: lib/app/paint-summary), else from the plain database read: only what it needs is loaded here (no
 * Dexie, no schema, only the `common` texts). The database's data always replaces the summary's as soon as it is
 * read. Right after that frame, ./full loads the store and renders again from it (the same data), with the
 * quick-add form and every action; an action taken before then waits for it. When the plain read cannot be done
 * (no database yet, an upgrade pending, odd settings), ./full draws the frame.
 */
export async function paint(
  root: HTMLElement,
  snapshot: Promise<Snapshot | null>,
  tab: Promise<ActiveTab | undefined>,
  stored: Promise<Record<string, unknown> | undefined> = Promise.resolve(undefined),
) {
  /** Set the moment the database's data is drawn: the summary never draws over it. */
  let live = false;
  const drewLive = () => {
    live = true;
    markLive();
  };
  let app: Promise<Actions> | undefined;
  const startFull = () => {
    app ??= import('./full').then((m) => m.start(root, drewLive));
    return app;
  };
  void Promise.all([stored, tab])
    .then(([s, t]) => {
      const summary = usableSummary(s, todayFromInstant(new Date()));
      if (!live && summary && drawSummary(root, summary, t, startFull)) markFirst();
    })
    .catch(() => {});
  const drawn = await Promise.all([snapshot, tab])
    .then(([snap, t]) => {
      const ok = snap !== null && drawFirst(root, snap, t, startFull);
      if (ok) drewLive();
      return ok;
    })
    .catch(() => false);
  if (drawn) {
    // After this frame is painted, load the rest and take over.
    requestAnimationFrame(() => setTimeout(startFull, 0));
  } else {
    await startFull();
  }
}

/** Actions that wait for ./full (it loads at once when one is used before it is there). */
function deferred(startFull: () => Promise<Actions>) {
  const later =
    <A extends unknown[]>(pick: (a: Actions) => (...args: A) => unknown) =>
    (...args: A) =>
      void startFull().then((a) => pick(a)(...args));
  return {
    onTrack: later((a) => a.onTrack),
    onEdit: later((a) => a.onEdit),
    onIgnore: later((a) => a.onIgnore),
    onAdd: async (input: Record<string, unknown>) => (await startFull()).onAdd(input),
    onOpenDashboard: later((a) => a.onOpenDashboard),
  };
}

/** The frame from the summary; false when it cannot tell this tab's site card exactly (see popupSite). */
function drawSummary(
  root: HTMLElement,
  summary: PaintSummary,
  tab: ActiveTab | undefined,
  startFull: () => Promise<Actions>,
): boolean {
  const here = popupSite(summary, tab);
  if (!here) return false;
  const lang = resolveLanguage(summary.settings.language, navigator.languages);
  document.documentElement.lang = LOCALES[lang];
  render(
    <PopupView
      site={here.site}
      {...summary.popup}
      base={summary.settings.baseCurrency}
      today={summary.today}
      members={[]}
      locale={LOCALES[lang]}
      t={createCommonTranslator(lang)}
      {...deferred(startFull)}
    />,
    root,
  );
  return true;
}

function drawFirst(
  root: HTMLElement,
  snap: Snapshot,
  tab: ActiveTab | undefined,
  startFull: () => Promise<Actions>,
): boolean {
  const settings = paintSettings(snap.settings);
  if (!settings) return false;
  const lang = resolveLanguage(settings.language, navigator.languages);
  const ctx = {
    today: todayFromInstant(new Date()),
    base: settings.baseCurrency,
    rates: settings.exchangeRates ?? bundledRates,
  };
  document.documentElement.lang = LOCALES[lang];
  render(
    <PopupView
      site={siteFor(tab, snap.detections, snap.subscriptions)}
      {...popupSummary(snap.subscriptions, ctx)}
      base={ctx.base}
      today={ctx.today}
      members={[]}
      locale={LOCALES[lang]}
      t={createCommonTranslator(lang)}
      {...deferred(startFull)}
    />,
    root,
  );
  return true;
}
