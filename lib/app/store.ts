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
import type { Charge, Detection, ExchangeRates, Links, Member, PriceChange, Status, Subscription } from '../model';
import { Settings } from '../model';
import { bundledRates } from '../money';
import type { Ctx } from '../summary';
import { localeSettings } from './defaults';
import type { DashboardSnapshot, Snapshot } from './snapshot';

/**
 * The state the dashboard and the popup show, and every action they take, over the database. Views get
 * plain values and callbacks from here; they never touch the database themselves.
 */
export interface StoreDeps {
  db: SubkeeperDb;
  /** The clock, passed in. */
  now: () => Date;
  /** Tells the background the data changed (reminders, badge). */
  notifyChanged?: () => void;
  /** The browser's preferred languages: a new user's currency defaults come from them. */
  languages?: readonly string[];
}

export function createStore({ db, now, notifyChanged, languages = [] }: StoreDeps) {
  const subscriptions = signal<Subscription[]>([]);
  const priceChanges = signal<PriceChange[]>([]);
  const detections = signal<Detection[]>([]);
  const members = signal<Member[]>([]);
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

  async function load() {
    today.value = todayFromInstant(now());
    const [s, saved, subs, pcs, dets, mem, links] = await Promise.all([
      getSettings(db, fallbackSettings),
      hasSettings(db),
      db.subscriptions.toArray(),
      db.priceChanges.toArray(),
      listPendingDetections(db),
      listMembers(db),
      db.serviceLinks.toArray(),
    ]);
    seenLinks.value = new Map(links.map((l) => [l.key, l.links]));
    dismissedProposals.value = new Set(await getState<string[]>(db, 'proposals.dismissed', []));
    settings.value = s;
    settingsSaved.value = saved;
    subscriptions.value = subs;
    priceChanges.value = pcs;
    detections.value = dets;
    members.value = mem;
    loaded.value = true;
  }

  /**
   * The same as `load`, from a plain read of the same tables that the page started before its modules loaded
   * (lib/app/snapshot). Settings are validated here as `getSettings` does.
   */
  function hydrate(snap: Snapshot & { dashboard: DashboardSnapshot }) {
    today.value = todayFromInstant(now());
    const parsed = snap.settings === undefined ? null : Settings.safeParse(snap.settings);
    const d = snap.dashboard;
    seenLinks.value = new Map(d.serviceLinks.map((l) => [l.key, l.links]));
    dismissedProposals.value = new Set(Array.isArray(d.dismissedProposals) ? (d.dismissedProposals as string[]) : []);
    settings.value = parsed?.success ? parsed.data : fallbackSettings;
    settingsSaved.value = snap.settings !== undefined;
    subscriptions.value = snap.subscriptions;
    priceChanges.value = d.priceChanges;
    detections.value = snap.detections;
    members.value = d.members;
    loaded.value = true;
  }

  /** Charges are many; they load only when a view needs them. */
  async function loadCharges() {
    charges.value = await db.charges.toArray();
    return charges.value;
  }

  async function refreshSubscriptions() {
    subscriptions.value = await db.subscriptions.toArray();
  }

  async function save(input: Record<string, unknown>) {
    // The directory is loaded only when a new subscription is saved, so the popup opens without it.
    const facts = input.id ? input : (await import('./match')).withDirectoryFacts(input);
    const before = typeof input.id === 'string' ? await db.subscriptions.get(input.id) : undefined;
    const result = await saveSubscription(db, facts, stamp());
    if (result.ok) {
      // Every price edit goes into the price history (and "price increases" when it went up).
      if (before && (await recordPriceEdit(db, before, result.value, todayFromInstant(now())))) {
        priceChanges.value = await db.priceChanges.toArray();
      }
      await refreshSubscriptions();
      changed();
    }
    return result;
  }

  async function remove(id: string): Promise<DeletedBundle | undefined> {
    const bundle = await deleteSubscription(db, id);
    await refreshSubscriptions();
    if (charges.value) await loadCharges();
    changed();
    return bundle;
  }

  async function undoRemove(bundle: DeletedBundle) {
    await restoreSubscription(db, bundle);
    await refreshSubscriptions();
    if (charges.value) await loadCharges();
    changed();
  }

  /** Pause, resume or cancel, keeping the change and its date in the history. */
  async function setStatus(id: string, status: Status, date: string, note?: string) {
    const sub = subscriptions.value.find((s) => s.id === id);
    if (!sub) return;
    const patch: Record<string, unknown> = {
      id,
      status,
      statusHistory: [...sub.statusHistory, { status, date, ...(note ? { note } : {}) }],
    };
    if (status === 'cancelled') patch.cancelledOn = date;
    if (status === 'active') {
      patch.cancelledOn = undefined;
      patch.pausedUntil = undefined;
    }
    return save(patch);
  }

  async function acceptDetection(d: Detection) {
    if (d.subscriptionId) await save({ id: d.subscriptionId, confirmed: true });
    await setDetectionStatus(db, d.id, 'accepted', d.subscriptionId);
    detections.value = await listPendingDetections(db);
  }

  async function dismissDetection(d: Detection) {
    const sub = d.subscriptionId ? subscriptions.value.find((s) => s.id === d.subscriptionId) : undefined;
    if (sub && !sub.confirmed) await deleteSubscription(db, sub.id);
    await setDetectionStatus(db, d.id, 'dismissed');
    detections.value = await listPendingDetections(db);
    await refreshSubscriptions();
    changed();
  }

  /** Tracks a pending detection that has no subscription yet (a sign-up page): creates it confirmed. */
  async function trackDetection(d: Detection) {
    const r = d.result;
    if (!r.subscription || !r.service) return undefined;
    const result = await save({
      service: r.service.name,
      serviceId: r.service.serviceId,
      domain: r.service.domain,
      amountMinor: r.subscription.amountMinor,
      currency: r.subscription.currency,
      period: r.subscription.period ?? 'P1M',
      status: 'active',
      statusHistory: [{ status: 'active', date: today.value }],
      billingAnchor: r.subscription.nextRenewal ?? today.value,
      source: 'detected',
      confirmed: true,
    });
    if (result.ok) {
      await setDetectionStatus(db, d.id, 'accepted', result.value.id);
      detections.value = await listPendingDetections(db);
    }
    return result;
  }

  /** Subscriptions saved in the wrong currency: `from` → `to`, amounts kept (see lib/db `relabelCurrency`). */
  async function relabel(ids: readonly string[], from: string, to: string) {
    const n = await relabelCurrency(db, ids, from, to, stamp());
    await refreshSubscriptions();
    priceChanges.value = await db.priceChanges.toArray();
    if (charges.value) await loadCharges();
    changed();
    return n;
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
    if (result.ok) members.value = await listMembers(db);
    return result;
  }

  async function removeMember(id: string) {
    await deleteMember(db, id);
    members.value = await listMembers(db);
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

  /** Imports several at once; returns how many were saved. */
  async function importMany(inputs: ReadonlyArray<Record<string, unknown>>) {
    let saved = 0;
    for (const input of inputs) if ((await importSubscription(input)).ok) saved++;
    await refreshSubscriptions();
    if (charges.value) await loadCharges();
    changed();
    return saved;
  }

  async function dismissProposal(key: string) {
    const next = new Set(dismissedProposals.value).add(key);
    dismissedProposals.value = next;
    await setState(db, 'proposals.dismissed', [...next]);
  }

  async function addManualCharge(charge: Charge) {
    await addCharges(db, [charge]);
    // A payment moves the subscription's next renewal past its day (lastPaid).
    await refreshSubscriptions();
    if (charges.value) await loadCharges();
    changed();
  }

  return {
    db,
    subscriptions,
    priceChanges,
    detections,
    members,
    settings,
    settingsSaved,
    charges,
    seenLinks,
    dismissedProposals,
    dismissProposal,
    loaded,
    today,
    rates,
    ctx,
    load,
    hydrate,
    loadCharges,
    save,
    remove,
    undoRemove,
    setStatus,
    acceptDetection,
    dismissDetection,
    trackDetection,
    updateSettings,
    relabel,
    upsertMember,
    removeMember,
    addManualCharge,
    importSubscription,
    importMany,
  };
}

export type Store = ReturnType<typeof createStore>;
