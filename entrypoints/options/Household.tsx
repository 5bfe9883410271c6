import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HouseholdReview } from '../../components/data/HouseholdReview';
import { HouseholdView } from '../../components/household/HouseholdView';
import { type ActionResult, HouseholdSync } from '../../components/settings/HouseholdSync';
import { PALETTE } from '../../components/views/chartConfig';
import type { Store } from '../../lib/app/store';
import { followStatus } from '../../lib/app/sync-live';
import type { Translate } from '../../lib/i18n';
import { decodeText } from '../../lib/io';
import { type Attribution, readAttribution } from '../../lib/sync/attribution';
import { originPattern } from '../../lib/sync/couch';
import type { HouseholdOverview } from '../../lib/sync/engine';
import { liveHousehold } from '../../lib/sync/household-view';
import { SyncDb } from '../../lib/sync/local-db';
import type { SyncCommand, SyncReply } from '../../lib/sync/messages';
import { ERROR_KEY } from '../../lib/sync/settings-sync';
import { OFF, type SyncStatus } from '../../lib/sync/status';

/**
 * Wires household sync to the dashboard: the Settings section (components/settings/HouseholdSync) and the
 * household view (components/household/HouseholdView). Commands go to the background, which runs the sync;
 * the status comes from storage.local; who added and changed what comes from the sync bookkeeping database.
 */

async function send<T>(command: SyncCommand): Promise<ActionResult<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(command)) as SyncReply<T> | undefined;
    if (!reply) return { ok: false, error: { code: 'unknown', detail: 'no answer from the background' } };
    return reply.ok ? { ok: true, value: reply.value } : { ok: false, error: reply.error };
  } catch (e) {
    return { ok: false, error: { code: 'unknown', detail: e instanceof Error ? e.message : String(e) } };
  }
}

/**
 * Asks for the host permission of `server`. Must be called from a click, before any await: the browser shows
 * its prompt only for a user gesture.
 */
function askPermission(server: string): Promise<ActionResult> {
  let pattern: string;
  try {
    pattern = originPattern(server.trim());
  } catch {
    return Promise.resolve({ ok: true, value: undefined }); // the engine words the bad address
  }
  return browser.permissions.request({ origins: [pattern] }).then(
    (granted): ActionResult =>
      granted
        ? { ok: true, value: undefined }
        : { ok: false, error: { code: 'permission', detail: new URL(pattern.replace('/*', '/')).host } },
    (e): ActionResult => ({ ok: false, error: { code: 'unknown', detail: String(e) } }),
  );
}

export function useSyncStatus(): SyncStatus {
  const [status, setStatus] = useState<SyncStatus>(OFF);
  useEffect(() => followStatus(browser.storage as never, setStatus), []);
  return status;
}

/** A clock for "3 minutes ago", ticking every 30 seconds. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

let syncDb: SyncDb | undefined;
const openSyncDb = () => {
  syncDb ??= new SyncDb();
  return syncDb;
};

/** The Household sync section of Settings. */
export function HouseholdSettings({ store, t, locale }: { store: Store; t: Translate; locale: string }) {
  const status = useSyncStatus();
  const nowMs = useNow();
  const [overview, setOverview] = useState<HouseholdOverview | null>(null);
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const refresh = () =>
    void send<HouseholdOverview>({ type: 'sync-overview' }).then((r) => {
      if (r.ok) setOverview(r.value);
    });
  useEffect(refresh, [status.state, status.lastSyncAt, status.quarantined]);
  useEffect(() => {
    void browser.storage.local.get(ERROR_KEY).then((got) => setSettingsError((got[ERROR_KEY] as string) ?? null));
  }, [status.lastAttemptAt]);

  const after = async <T,>(r: ActionResult<T>): Promise<ActionResult<T>> => {
    refresh();
    await store.load();
    return r;
  };
  const members = store.members.value;

  return (
    <HouseholdSync
      status={status}
      overview={overview}
      members={members}
      nextColor={PALETTE[members.length % PALETTE.length] ?? '#0072b2'}
      settingsSyncError={settingsError}
      t={t}
      locale={locale}
      nowMs={nowMs}
      onCreate={(form) => {
        const allowed = askPermission(form.server);
        return allowed.then(async (p) =>
          p.ok
            ? after(
                await send({
                  type: 'sync-create',
                  server: form.server,
                  database: form.database,
                  adminUser: form.adminUser,
                  adminPassword: form.adminPassword,
                  ...(form.householdName ? { householdName: form.householdName } : {}),
                  ...(form.memberId ? { memberId: form.memberId } : {}),
                  ...(form.memberName ? { memberName: form.memberName } : {}),
                  ...(form.memberColor ? { memberColor: form.memberColor } : {}),
                }),
              )
            : p,
        );
      }}
      onReadInvite={(code, passcode) => send({ type: 'sync-read-invite', code, passcode })}
      onJoin={(code, passcode, server) => {
        const allowed = askPermission(server);
        return allowed.then(async (p) => (p.ok ? after(await send({ type: 'sync-join', code, passcode })) : p));
      }}
      onAllow={(server) => askPermission(server)}
      onSyncNow={() => send({ type: 'sync-now' }).then(after)}
      onInvite={(choice) => send<{ code: string; passcode: string }>({ type: 'sync-invite', ...choice }).then(after)}
      onRemoveMember={(memberId) => send({ type: 'sync-remove-member', memberId }).then(after)}
      onRemoveDevice={(deviceId) => send({ type: 'sync-remove-device', deviceId }).then(after)}
      onManage={(adminUser, adminPassword) => send({ type: 'sync-manage', adminUser, adminPassword }).then(after)}
      onLeave={() => send({ type: 'sync-leave' }).then(after)}
      onDismiss={(key) => send({ type: 'sync-dismiss', ...(key ? { key } : {}) }).then(after)}
      onCopy={(text) => navigator.clipboard.writeText(text)}
    />
  );
}

const readFile = async (file: File) => decodeText(new Uint8Array(await file.arrayBuffer()));

/** The household view: live when this browser is in a household; the file comparison otherwise. */
export function HouseholdRoute(props: {
  store: Store;
  t: Translate;
  locale: string;
  onOpen: (id: string) => void;
  onSetUp: () => void;
}) {
  const { store, t, locale } = props;
  const status = useSyncStatus();
  const nowMs = useNow();
  const [attribution, setAttribution] = useState<Map<string, Attribution>>(new Map());
  const configured = status.state !== 'off';
  useEffect(() => {
    if (!configured) return;
    void readAttribution(openSyncDb(), 'subscriptions').then(setAttribution, () => undefined);
  }, [configured, status.lastSyncAt, store.subscriptions.value]);
  const ctx = store.ctx.value;
  const view = useMemo(
    () =>
      configured
        ? liveHousehold(store.members.value, store.subscriptions.value, attribution, {
            today: ctx.today,
            base: ctx.base,
            rates: ctx.rates,
          })
        : null,
    [configured, store.members.value, store.subscriptions.value, attribution, ctx],
  );
  return (
    <HouseholdView
      view={view}
      status={status}
      t={t}
      locale={locale}
      nowMs={nowMs}
      onOpen={props.onOpen}
      onSetUp={props.onSetUp}
      fileMerge={
        <HouseholdReview
          t={t}
          locale={locale}
          today={ctx.today}
          base={ctx.base}
          rates={ctx.rates}
          readFile={readFile}
        />
      }
    />
  );
}
