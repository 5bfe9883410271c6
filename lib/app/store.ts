import { computed, signal } from '@preact/signals';
import { todayFromInstant } from '../dates';
import {
  addCharges,
  type DeletedBundle,
  deleteMember,
  deleteSubscription,
  getSettings,
  getState,
  hasSettings,
  listMembers,
  listPendingDetections,
  newId,
  type QuarantineRow,
  recordPriceEdit,
  relabelCurrency,
  restoreSubscription,
  type SubkeeperDb,
  saveMember,
  saveSettings,
  saveSubscription,
  setDetectionStatus,
  setState,
} from '../db';
import type { FoundMail, MailImportSummary } from '../ingest-mail';
import type { ImportCounts, ImportOptions } from '../io/import';
import type { RememberedLayout } from '../io/statement-job';
import type { Charge, Detection, ExchangeRates, Links, Member, PriceChange, Status, Subscription } from '../model';
import { Settings } from '../model';
import { bundledRates } from '../money';
import { proposalOf } from '../proposal';
import { acceptProposal } from '../proposal/accept';
import {
  type FiredLog,
  type HistoryEntry,
  readFiredLog,
  readHistory,
  readSnoozeLog,
  type SnoozeLog,
} from '../reminders';
import { isTracked } from '../reminders/renewals';
import type { Ctx } from '../summary';
import { localeSettings } from './defaults';
import { type Follower, follow, type LivePart } from './live';
import type { DashboardSnapshot, Snapshot } from './snapshot';

/**
 * The state the dashboard and the popup show, and every action they take, over the database. Views get
 * plain values and callbacks from here; they never touch the database themselves.
 */
const STATEMENT_LAYOUTS = 'statement.layouts';
const STATEMENT_DISMISSED = 'statement.dismissedSeries';

export interface StoreDeps {
  db: SubkeeperDb;
  /** The clock, passed in. */
  now: () => Date;
  /** Tells the background the data changed (reminders, badge). */
  notifyChanged?: () => void;
  /** The browser's preferred languages: a new user's currency defaults come from them. */
  languages?: readonly string[];
  /**
   * Asks the background to snooze or skip a reminder (it owns the reminder logs and runs one change at a time).
   * Absent where nothing shows reminders (the static web app): the reminders view is then read-only.
   */
  remindersAction?: (message: ReminderMessage) => Promise<unknown>;
}

/** What the reminders view asks of the background (parsed there by lib/messages). */
export type ReminderMessage =
  | { type: 'reminder-snooze'; id: string; days: number }
  | { type: 'reminder-skip'; id: string; eventDate: string };

/** The reminder logs the background keeps, as the reminders view reads them. */
export interface ReminderLogs {
  fired: FiredLog;
  snoozed: SnoozeLog;
  history: HistoryEntry[];
}

export function createStore({ db, now, notifyChanged, languages = [], remindersAction }: StoreDeps) {
  const subscriptions = signal<Subscription[]>([]);
  const priceChanges = signal<PriceChange[]>([]);
  const detections = signal<Detection[]>([]);
  const members = signal<Member[]>([]);
  /** A new user's settings: the currency and "kr" of the browser's languages (nothing stored until saved). */
  const fallbackSettings = localeSettings(languages);
  const settings = signal<Settings>(fallbackSettings);
  /** False until the user saves settings (the first-run page confirms the defaults taken from the browser). */
  const settingsSaved = signal(false);
  const charges = signal<Charge[] | null>(null);
  /** Links seen on services' own pages, by service id or domain. */
  const seenLinks = signal<Map<string, Links>>(new Map());
  /** Keys of charge-check proposals the user dismissed. */
  const dismissedProposals = signal<ReadonlySet<string>>(new Set());
  const loaded = signal(false);
  const today = signal(todayFromInstant(now()));

  const rates = computed<ExchangeRates>(() => settings.value.exchangeRates ?? bundledRates);
  const ctx = computed<Ctx>(() => ({ today: today.value, base: settings.value.baseCurrency, rates: rates.value }));

  const stamp = () => now().toISOString();
  const changed = () => notifyChanged?.();

  /** What upgrades set aside or dropped parts of (lib/db/migrations/settle), shown in the Data view. */
  const quarantine = signal<QuarantineRow[]>([]);
  /** Set when the database cannot be opened or read (a failed upgrade, a newer version, a broken disk). */
  const failure = signal<unknown>(null);

  // Every part of the data the views show, read the same way by `load` (once) and `live` (on every change).
  type Parts = {
    settings: Settings;
    settingsSaved: boolean;
    subscriptions: Subscription[];
    priceChanges: PriceChange[];
    detections: Detection[];
    members: Member[];
    serviceLinks: Array<{ key: string; links: Links }>;
    dismissed: string[];
    quarantine: QuarantineRow[];
  };
  const parts: { [K in keyof Parts]: LivePart<Parts[K]> } = {
    settings: {
      read: () => getSettings(db, fallbackSettings),
      set: (v) => {
        settings.value = v;
      },
    },
    settingsSaved: {
      read: () => hasSettings(db),
      set: (v) => {
        settingsSaved.value = v;
      },
    },
    subscriptions: {
      // Only the user's own: what pages found waits in the inbox as proposals (lib/proposal).
      read: async () => (await db.subscriptions.toArray()).filter(isTracked),
      set: (v) => {
        subscriptions.value = v;
      },
    },
    priceChanges: {
      read: () => db.priceChanges.toArray(),
      set: (v) => {
        priceChanges.value = v;
      },
    },
    detections: {
      read: () => listPendingDetections(db),
      set: (v) => {
        detections.value = v;
      },
    },
    members: {
      read: () => listMembers(db),
      set: (v) => {
        members.value = v;
      },
    },
    serviceLinks: {
      read: () => db.serviceLinks.toArray(),
      set: (v) => {
        seenLinks.value = new Map(v.map((l) => [l.key, l.links]));
      },
    },
    dismissed: {
      read: () => getState<string[]>(db, 'proposals.dismissed', []),
      set: (v) => {
        dismissedProposals.value = new Set(v);
      },
    },
    quarantine: {
      read: () => db.quarantine.toArray(),
      set: (v) => {
        quarantine.value = v;
      },
    },
  };
  const partNames = Object.keys(parts) as Array<keyof Parts>;

  /** Reads everything the views show, once (without following changes; see `live`, after which it does nothing). */
  async function load() {
    today.value = todayFromInstant(now());
    if (followers) return;
    try {
      await db.open();
      const values = await Promise.all(partNames.map((name) => parts[name].read()));
      partNames.forEach((name, i) => {
        (parts[name].set as (v: unknown) => void)(values[i]);
      });
      loaded.value = true;
    } catch (error) {
      failure.value = error;
      throw error;
    }
  }

  // The live queries, while the store follows the database (see `live`).
  let followers: Partial<Record<keyof Parts | 'charges', Follower>> | null = null;
  // What `hydrate` filled in, so the first live read of the same data sets nothing again.
  let hydrated: Partial<Record<keyof Parts, unknown>> = {};

  /**
   * Follows the database: every part of the data is read now and again whenever a write (here, in another tab or
   * in the background) changes it, and only then; an unchanged re-read sets nothing. Resolves when every part
   * has been read once. `stop` ends it (a page that closes needs not call it).
   */
  async function live(): Promise<void> {
    if (followers) return;
    today.value = todayFromInstant(now());
    // Opened first, for its real error: a live query on a database that failed to open waits for it to reopen
    // (forever, here), which would leave the views on "…".
    try {
      await db.open();
    } catch (error) {
      failure.value = error;
      throw error;
    }
    const started: Partial<Record<keyof Parts | 'charges', Follower>> = {};
    followers = started;
    const onError = (error: unknown) => {
      failure.value = error;
    };
    for (const name of partNames) {
      const f = follow(parts[name] as LivePart<unknown>, onError);
      if (name in hydrated) f.seen(hydrated[name]);
      started[name] = f;
    }
    hydrated = {};
    // Charges the page already loaded are followed too.
    if (charges.value !== null) followCharges();
    await Promise.all(partNames.map((n) => started[n]!.first));
    loaded.value = true;
  }

  function stop() {
    for (const f of Object.values(followers ?? {})) f.stop();
    followers = null;
  }

  /**
   * The same as `load`, from a plain read of the same tables that the page started before its modules loaded
   * (lib/app/snapshot). Settings are validated here as `getSettings` does.
   */
  function hydrate(snap: Snapshot & { dashboard: DashboardSnapshot }) {
    today.value = todayFromInstant(now());
    const parsed = snap.settings === undefined ? null : Settings.safeParse(snap.settings);
    const d = snap.dashboard;
    const dismissed = Array.isArray(d.dismissedProposals) ? (d.dismissedProposals as string[]) : [];
    const values: Partial<Parts> = {
      settings: parsed?.success ? parsed.data : fallbackSettings,
      settingsSaved: snap.settings !== undefined,
      subscriptions: snap.subscriptions.filter(isTracked),
      priceChanges: d.priceChanges,
      detections: snap.detections,
      members: d.members,
      serviceLinks: d.serviceLinks,
      dismissed,
    };
    for (const name of partNames) if (name in values) (parts[name].set as (v: unknown) => void)(values[name]);
    hydrated = values;
    loaded.value = true;
  }

  /** Follows the charges (many: only once a view needs them). Resolves with them when first read. */
  function followCharges(): Promise<void> {
    if (!followers) return Promise.resolve();
    if (!followers.charges) {
      followers.charges = follow<Charge[]>(
        {
          read: () => db.charges.toArray(),
          set: (v) => {
            charges.value = v;
          },
        },
        (error) => {
          failure.value = error;
        },
      );
      if (charges.value !== null) followers.charges.seen(charges.value);
    }
    return followers.charges.first;
  }

  /** Charges are many; they load only when a view needs them (and are followed from then on when live). */
  async function loadCharges(): Promise<Charge[]> {
    if (followers) {
      await followCharges();
      return charges.value ?? [];
    }
    charges.value = await db.charges.toArray();
    return charges.value;
  }

  /** After a write: when live, the live queries bring the change; otherwise it is read here. */
  async function refreshSubscriptions() {
    if (!followers) subscriptions.value = (await db.subscriptions.toArray()).filter(isTracked);
  }
  async function refreshCharges() {
    if (!followers && charges.value) await loadCharges();
  }
  async function refreshDetections() {
    if (!followers) detections.value = await listPendingDetections(db);
  }
  async function refreshMembers() {
    if (!followers) members.value = await listMembers(db);
  }

  /** Shows a saved subscription at once (the live query confirms it a moment later, with no second render). */
  function showSaved(s: Subscription) {
    const list = subscriptions.value;
    if (!isTracked(s)) {
      subscriptions.value = list.filter((x) => x.id !== s.id);
      return;
    }
    const i = list.findIndex((x) => x.id === s.id);
    if (i >= 0) {
      subscriptions.value = list.map((x) => (x.id === s.id ? s : x));
      return;
    }
    // Where the database's own order (by id) puts it.
    const at = list.findIndex((x) => x.id > s.id);
    subscriptions.value = at < 0 ? [...list, s] : [...list.slice(0, at), s, ...list.slice(at)];
  }

  /**
   * Creates (no id) or updates (an id: a patch of the fields given) a subscription. `base` is the record as the
   * writer read it (an edit form's starting point): see lib/db `saveSubscription` for what is refused.
   */
  async function save(input: Record<string, unknown>, opts: { base?: Subscription | undefined } = {}) {
    // The directory is loaded only when a new subscription is saved, so the popup opens without it.
    const facts = input.id ? input : (await import('./match')).withDirectoryFacts(input);
    const before = typeof input.id === 'string' ? await db.subscriptions.get(input.id) : undefined;
    const result = await saveSubscription(db, facts, stamp(), {
      today: todayFromInstant(now()),
      ...(opts.base ? { base: opts.base } : {}),
    });
    if (result.ok) {
      showSaved(result.value);
      // Every price edit goes into the price history (and "price increases" when it went up).
      if (before && (await recordPriceEdit(db, before, result.value, todayFromInstant(now())))) {
        if (!followers) priceChanges.value = await db.priceChanges.toArray();
      }
      changed();
    }
    // Also when refused: what another tab or the background wrote is shown.
    await refreshSubscriptions();
    return result;
  }

  async function remove(id: string): Promise<DeletedBundle | undefined> {
    const bundle = await deleteSubscription(db, id);
    subscriptions.value = subscriptions.value.filter((s) => s.id !== id);
    if (charges.value) charges.value = charges.value.filter((c) => c.subscriptionId !== id);
    await refreshSubscriptions();
    await refreshCharges();
    changed();
    return bundle;
  }

  async function undoRemove(bundle: DeletedBundle) {
    await restoreSubscription(db, bundle);
    showSaved(bundle.subscription);
    await refreshSubscriptions();
    await refreshCharges();
    changed();
  }

  /**
   * Pause, resume or cancel, adding the change and its date to the history (the history is append-only in the
   * database, so a change made in another tab meanwhile stays in it).
   */
  async function setStatus(id: string, status: Status, date: string, note?: string) {
    const patch: Record<string, unknown> = {
      id,
      status,
      statusHistory: [{ status, date, ...(note ? { note } : {}) }],
    };
    if (status === 'cancelled') patch.cancelledOn = date;
    if (status === 'active') {
      patch.cancelledOn = undefined;
      patch.pausedUntil = undefined;
    }
    return save(patch);
  }

  /**
   * Accepts what a page proposed (lib/proposal `acceptProposal`, one transaction): adds the subscription, or makes
   * the changes to the user's one with a price-change record, and records the charges it showed.
   */
  async function acceptDetection(d: Detection) {
    const instant = now();
    const result = await acceptProposal(db, d.id, { today: todayFromInstant(instant), stamp: instant.toISOString() });
    detections.value = detections.value.filter((x) => x.id !== d.id);
    if (!followers) {
      const [subs, pcs] = await Promise.all([db.subscriptions.toArray(), db.priceChanges.toArray()]);
      subscriptions.value = subs.filter(isTracked);
      priceChanges.value = pcs;
    }
    await refreshDetections();
    await refreshCharges();
    if (result.ok) changed();
    return result;
  }

  /** Ignores a proposal: nothing of it is applied, and the same proposal is not brought back. */
  async function dismissDetection(d: Detection) {
    await setDetectionStatus(db, d.id, 'dismissed');
    detections.value = detections.value.filter((x) => x.id !== d.id);
    await refreshDetections();
  }

  /**
   * Marks a proposal as handled after the user added or edited the subscription themselves from it (the form
   * they saved is what counts), recording the charges the page showed on that subscription.
   */
  async function resolveDetection(d: Detection, subscriptionId: string) {
    const proposal = proposalOf(d);
    if (proposal && proposal.charges.length > 0) {
      await addCharges(
        db,
        proposal.charges.map((c) => ({ ...c, id: newId(), subscriptionId, sourceUrl: d.url })),
      );
      await refreshCharges();
    }
    await setDetectionStatus(db, d.id, 'accepted', subscriptionId);
    detections.value = detections.value.filter((x) => x.id !== d.id);
    await refreshDetections();
  }

  /** Subscriptions saved in the wrong currency: `from` → `to`, amounts kept (see lib/db `relabelCurrency`). */
  async function relabel(ids: readonly string[], from: string, to: string) {
    const n = await relabelCurrency(db, ids, from, to, stamp());
    await refreshSubscriptions();
    if (!followers) priceChanges.value = await db.priceChanges.toArray();
    await refreshCharges();
    changed();
    return n;
  }

  /** The reminder logs; read when the reminders view opens and after each of its actions. */
  const reminderLogs = signal<ReminderLogs | null>(null);
  async function loadReminderLogs() {
    const [fired, snoozed, history] = await Promise.all([
      getState<unknown>(db, 'reminders.fired', {}),
      getState<unknown>(db, 'reminders.snoozed', {}),
      getState<unknown>(db, 'reminders.history', []),
    ]);
    reminderLogs.value = { fired: readFiredLog(fired), snoozed: readSnoozeLog(snoozed), history: readHistory(history) };
    return reminderLogs.value;
  }
  async function reminderAction(message: ReminderMessage) {
    if (!remindersAction) return;
    await remindersAction(message);
    await loadReminderLogs();
  }
  /** No reminders at all for one subscription (or back on). */
  async function setRemindersOff(id: string, off: boolean) {
    const result = await save({ id, remindersOff: off ? true : undefined });
    await loadReminderLogs();
    return result;
  }

  async function updateSettings(next: Settings) {
    const result = await saveSettings(db, next);
    if (result.ok) {
      settings.value = result.value;
      settingsSaved.value = true;
      changed();
    }
    return result;
  }

  async function upsertMember(input: Record<string, unknown>) {
    const result = await saveMember(db, input);
    if (result.ok) {
      const m = result.value;
      members.value = members.value.some((x) => x.id === m.id)
        ? members.value.map((x) => (x.id === m.id ? m : x))
        : [...members.value, m];
      await refreshMembers();
    }
    return result;
  }

  async function removeMember(id: string) {
    await deleteMember(db, id);
    members.value = members.value.filter((m) => m.id !== id);
    await refreshMembers();
    await refreshSubscriptions();
  }

  /** Saves an imported subscription with the charges seen for it (bank statement, CSV). */
  async function importSubscription(
    input: Record<string, unknown>,
    seen: ReadonlyArray<Omit<Charge, 'id' | 'subscriptionId'>> = [],
  ) {
    const { withDirectoryFacts } = await import('./match');
    const result = await saveSubscription(db, { source: 'imported', ...withDirectoryFacts(input) }, stamp());
    if (result.ok && seen.length > 0) {
      await addCharges(
        db,
        seen.map((c) => ({ ...c, id: newId(), subscriptionId: result.value.id })),
      );
    }
    return result;
  }

  /**
   * Imports many subscriptions (a CSV file's rows, already read through the preview) in one transaction: all or
   * nothing; rows like a subscription already there are skipped unless `includeDuplicates` (lib/io/import).
   */
  async function importMany(
    inputs: ReadonlyArray<Record<string, unknown>>,
    opts: Pick<ImportOptions, 'includeDuplicates' | 'onProgress'> = {},
  ): Promise<ImportCounts> {
    const { importSubscriptions } = await import('../io/import');
    const result = await importSubscriptions(db, inputs, { ...opts, stamp: stamp() });
    await refreshSubscriptions();
    changed();
    return { added: result.added.length, duplicates: result.duplicates, invalid: result.invalid.length };
  }

  /** Removes an entry from the list of what upgrades set aside (the user has looked at it, or downloaded it). */
  async function removeQuarantined(id: number) {
    await db.quarantine.delete(id);
    quarantine.value = quarantine.value.filter((q) => q.id !== id);
  }

  async function dismissProposal(key: string) {
    const next = new Set(dismissedProposals.value).add(key);
    dismissedProposals.value = next;
    await setState(db, 'proposals.dismissed', [...next]);
  }

  /** Bank layouts the user confirmed (columns and currency by signature) and series dismissed for good. */
  const statementPrefs = signal<{ layouts: Record<string, RememberedLayout>; dismissed: ReadonlySet<string> }>({
    layouts: {},
    dismissed: new Set(),
  });

  async function loadStatementPrefs() {
    const layouts = await getState<Record<string, RememberedLayout>>(db, STATEMENT_LAYOUTS, {});
    const dismissed = await getState<string[]>(db, STATEMENT_DISMISSED, []);
    statementPrefs.value = {
      layouts: layouts && typeof layouts === 'object' ? layouts : {},
      dismissed: new Set(Array.isArray(dismissed) ? dismissed : []),
    };
  }

  /** Remembers the columns for one bank layout (the 30 most recent layouts are kept). */
  async function rememberStatementLayout(signature: string, layout: RememberedLayout) {
    const entries = Object.entries(statementPrefs.value.layouts).filter(([k]) => k !== signature);
    const layouts = Object.fromEntries([...entries.slice(-29), [signature, layout]]);
    statementPrefs.value = { ...statementPrefs.value, layouts };
    await setState(db, STATEMENT_LAYOUTS, layouts);
  }

  /** Never proposes this recurring payment again (the 500 most recent are kept). */
  async function dismissSeriesForGood(key: string) {
    const dismissed = [...statementPrefs.value.dismissed, key].slice(-500);
    statementPrefs.value = { ...statementPrefs.value, dismissed: new Set(dismissed) };
    await setState(db, STATEMENT_DISMISSED, dismissed);
  }

  /**
   * Adds what a mail import found, through the proposal path of pages (lib/ingest-mail `importMails`): new services
   * to the inbox, charges at a price the user already has to that subscription.
   */
  async function importMailFinds(found: readonly FoundMail[]): Promise<MailImportSummary> {
    const [{ importMails }, { lookupHost }] = await Promise.all([import('../ingest-mail'), import('../directory')]);
    const instant = now();
    const summary = await importMails(
      db,
      found,
      settings.value,
      { today: todayFromInstant(instant), stamp: instant.toISOString() },
      lookupHost,
    );
    detections.value = await listPendingDetections(db);
    await refreshSubscriptions();
    if (charges.value) await loadCharges();
    changed();
    return summary;
  }

  async function addManualCharge(charge: Charge) {
    await addCharges(db, [charge]);
    // A payment moves the subscription's next renewal past its day (lastPaid).
    await refreshSubscriptions();
    await refreshCharges();
    changed();
  }

  return {
    db,
    settingsSaved,
    relabel,
    reminderLogs,
    loadReminderLogs,
    canActOnReminders: remindersAction !== undefined,
    reminderAction,
    setRemindersOff,
    importMailFinds,
    subscriptions,
    priceChanges,
    detections,
    members,
    settings,
    charges,
    seenLinks,
    dismissedProposals,
    dismissProposal,
    quarantine,
    removeQuarantined,
    loaded,
    today,
    rates,
    ctx,
    failure,
    load,
    live,
    stop,
    hydrate,
    loadCharges,
    save,
    remove,
    undoRemove,
    setStatus,
    acceptDetection,
    dismissDetection,
    resolveDetection,
    updateSettings,
    upsertMember,
    removeMember,
    addManualCharge,
    importSubscription,
    statementPrefs,
    loadStatementPrefs,
    rememberStatementLayout,
    dismissSeriesForGood,
    importMany,
  };
}

export type Store = ReturnType<typeof createStore>;
