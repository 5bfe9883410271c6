import { signal } from '@preact/signals';
import { todayFromInstant } from '../dates';
import { listChargesOf, type SubkeeperDb } from '../db';
import type { Charge, Proof, Subscription } from '../model';
import { type AfterCancel, chargesAfterCancel } from '../rights/after-cancel';
import {
  deleteProof,
  dismissAfterCancel,
  dismissedAfterCancel,
  proofsOf,
  readUsage,
  setUsageCounting,
  type TabWarning,
  tabWarning,
} from '../rights/db';

/**
 * The rights part of the dashboard's and the popup's state (issue 14), over the database: proofs (read when a
 * subscription is opened), charges after cancelling, days of use, and the popup's "before you pay twice" warning.
 * Kept apart from lib/app/store.ts; views get plain values and callbacks from here.
 */
export interface RightsDeps {
  db: SubkeeperDb;
  now: () => Date;
}

export function createRights({ db, now }: RightsDeps) {
  const proofs = signal<ReadonlyMap<string, Proof[]>>(new Map());
  const afterCancel = signal<AfterCancel[]>([]);
  const usage = signal<{ days: ReadonlyMap<string, string[]>; since?: string }>({ days: new Map() });
  const tab = signal<TabWarning | undefined>(undefined);
  const today = () => todayFromInstant(now());

  /** Charges recorded after a cancellation (read from the charges of cancelled subscriptions only). */
  async function loadAfterCancel(subs: readonly Subscription[]) {
    const ids = subs.filter((s) => s.status === 'cancelled' && s.cancelledOn).map((s) => s.id);
    const charges: Charge[] = await listChargesOf(db, ids);
    afterCancel.value = chargesAfterCancel(subs, charges, await dismissedAfterCancel(db));
  }

  async function loadUsage() {
    usage.value = await readUsage(db);
  }

  async function loadProofs(subscriptionId: string) {
    const list = await proofsOf(db, subscriptionId);
    proofs.value = new Map(proofs.value).set(subscriptionId, list);
    return list;
  }

  async function removeProof(subscriptionId: string, id: string) {
    await deleteProof(db, id);
    await loadProofs(subscriptionId);
  }

  async function dismiss(subs: readonly Subscription[], keys: readonly string[]) {
    await dismissAfterCancel(db, keys);
    await loadAfterCancel(subs);
  }

  /** Turns counting days of use on or off (off forgets what was counted); the settings flag is saved by the caller. */
  async function setCounting(on: boolean) {
    await setUsageCounting(db, on, today());
    await loadUsage();
  }

  /** The popup: the warning for the active tab, if its page is a sign-up page of something the user has. */
  async function loadTab(tabId: number | undefined, url: string | undefined) {
    tab.value = tabId === undefined ? undefined : await tabWarning(db, tabId, url, today());
  }

  return {
    proofs,
    afterCancel,
    usage,
    tab,
    loadAfterCancel,
    loadUsage,
    loadProofs,
    removeProof,
    dismiss,
    setCounting,
    loadTab,
  };
}

export type Rights = ReturnType<typeof createRights>;
