import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n/translate';
import type { Member } from '../../lib/model';
import type { HouseholdOverview } from '../../lib/sync/engine';
import type { SyncErrorCode } from '../../lib/sync/errors';
import type { SyncStatus } from '../../lib/sync/status';
import { relativeTime } from '../sync/format';
import { SyncStatusLine, syncErrorText } from '../sync/SyncStatusLine';
import { ConfirmButton } from '../views/ConfirmButton';
import './household.css';

export type SyncError = { code: SyncErrorCode; detail?: string; status?: number };
export type ActionResult<T = unknown> = { ok: true; value: T } | { ok: false; error: SyncError };

export interface CreateForm {
  server: string;
  database: string;
  adminUser: string;
  adminPassword: string;
  householdName: string;
  memberId?: string;
  memberName?: string;
  memberColor?: string;
}

export interface InvitePreview {
  server: string;
  database: string;
  name?: string;
  memberName?: string;
}

export interface HouseholdSyncProps {
  status: SyncStatus;
  /** Null while it loads. */
  overview: HouseholdOverview | null;
  members: readonly Member[];
  /** A colour for a new member. */
  nextColor: string;
  /** Why the person's own settings could not go to the browser's sync, if they could not. */
  settingsSyncError?: string | null;
  t: Translate;
  locale: string;
  nowMs: number;
  /**
   * The actions. `onCreate` and `onJoin` are called straight from the click (no await before them), so that
   * the browser's permission prompt for the server may open from that user gesture.
   */
  onCreate: (form: CreateForm) => Promise<ActionResult>;
  onReadInvite: (code: string, passcode: string) => Promise<ActionResult<InvitePreview>>;
  onJoin: (code: string, passcode: string, server: string) => Promise<ActionResult>;
  onAllow: (server: string) => Promise<ActionResult>;
  onSyncNow: () => Promise<unknown>;
  onInvite: (choice: {
    memberId?: string;
    memberName?: string;
    memberColor?: string;
  }) => Promise<ActionResult<{ code: string; passcode: string }>>;
  onRemoveMember: (memberId: string) => Promise<ActionResult>;
  onRemoveDevice: (deviceId: string) => Promise<ActionResult>;
  onManage: (adminUser: string, adminPassword: string) => Promise<ActionResult>;
  onLeave: () => Promise<ActionResult>;
  onDismiss: (key?: string) => Promise<unknown>;
  onCopy: (text: string) => Promise<unknown>;
}

/**
 * Household sync in Settings: set it up (create a household on a CouchDB server, or join one with an invite
 * code and its passcode), then see its status, its members and their browsers, invite and remove people,
 * documents set aside, and leave. No browser or database calls here: everything goes through the callbacks.
 */
export function HouseholdSync(props: HouseholdSyncProps) {
  const { t, overview, status } = props;
  return (
    <section class="card household-sync" aria-labelledby="sync-title" data-testid="household-sync">
      <h3 id="sync-title">{t('sync.title')}</h3>
      <p class="hint">{t('sync.intro')}</p>
      {overview === null ? (
        <p class="muted" aria-busy="true">
          …
        </p>
      ) : overview.configured ? (
        <Configured {...props} overview={overview} />
      ) : (
        <>
          <CreateHousehold {...props} />
          <JoinHousehold {...props} />
        </>
      )}
      {status.state === 'error' && status.error?.code === 'permission' && status.household && (
        <AllowButton {...props} server={status.household.server} />
      )}
      <details class="sync-privacy">
        <summary>{t('sync.privacy.title')}</summary>
        <p>{t('sync.privacy.can')}</p>
        <p>{t('sync.privacy.cannot')}</p>
      </details>
      <div class="sync-settings-note">
        <h4>{t('sync.settingsSync.title')}</h4>
        <p class="hint">{t('sync.settingsSync.hint')}</p>
        {props.settingsSyncError && (
          <p class="field-error" role="alert">
            {t('sync.settingsSync.error', { detail: props.settingsSyncError })}
          </p>
        )}
      </div>
    </section>
  );
}

function ErrorText({ error, t, server }: { error: SyncError | null; t: Translate; server?: string }) {
  if (!error) return null;
  return (
    <p class="field-error" role="alert">
      {syncErrorText(error, t, server)}
    </p>
  );
}

function hostOf(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}

function AllowButton(props: HouseholdSyncProps & { server: string }) {
  const [error, setError] = useState<SyncError | null>(null);
  return (
    <div class="button-row">
      <button
        type="button"
        onClick={() =>
          void props.onAllow(props.server).then((r) => {
            setError(r.ok ? null : r.error);
            if (r.ok) void props.onSyncNow();
          })
        }
      >
        {props.t('sync.permission.allow', { server: hostOf(props.server) })}
      </button>
      <ErrorText error={error} t={props.t} server={props.server} />
    </div>
  );
}

/** Who this browser belongs to: one of the members listed here, or someone new. */
function MemberChoice(props: {
  id: string;
  label: string;
  newLabel: string;
  nameLabel: string;
  members: readonly Member[];
  value: string;
  name: string;
  onValue: (v: string) => void;
  onName: (v: string) => void;
}) {
  return (
    <>
      {props.members.length > 0 && (
        <div class="field">
          <label for={props.id}>{props.label}</label>
          <select id={props.id} value={props.value} onChange={(e) => props.onValue(e.currentTarget.value)}>
            {props.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
            <option value="">{props.newLabel}</option>
          </select>
        </div>
      )}
      {(props.members.length === 0 || props.value === '') && (
        <div class="field">
          <label for={`${props.id}-name`}>{props.nameLabel}</label>
          <input
            id={`${props.id}-name`}
            type="text"
            maxLength={60}
            autoComplete="name"
            value={props.name}
            onInput={(e) => props.onName(e.currentTarget.value)}
          />
        </div>
      )}
    </>
  );
}

function CreateHousehold(props: HouseholdSyncProps) {
  const { t } = props;
  const [form, setForm] = useState({
    server: '',
    database: 'subkeeper',
    adminUser: 'admin',
    adminPassword: '',
    householdName: '',
  });
  const [memberId, setMemberId] = useState(props.members[0]?.id ?? '');
  const [memberName, setMemberName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SyncError | null>(null);
  const set = (patch: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setError(null);
  };

  function submit(event: Event) {
    event.preventDefault();
    const who = memberId ? { memberId } : { memberName: memberName.trim(), memberColor: props.nextColor };
    if (!memberId && !memberName.trim()) {
      setError({ code: 'unknown', detail: t('sync.create.yourName') });
      return;
    }
    setBusy(true);
    // Called straight from the submit: the permission prompt needs this user gesture.
    void props
      .onCreate({ ...form, server: form.server.trim(), database: form.database.trim(), ...who })
      .then((r) => setError(r.ok ? null : r.error))
      .finally(() => setBusy(false));
  }

  return (
    <form class="sync-create" onSubmit={submit} noValidate aria-labelledby="sync-create-title">
      <h4 id="sync-create-title">{t('sync.create.title')}</h4>
      <p class="hint">{t('sync.create.hint')}</p>
      <div class="field">
        <label for="sync-server">{t('sync.create.server')}</label>
        <input
          id="sync-server"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellcheck={false}
          placeholder="https://couch.example.com"
          value={form.server}
          onInput={(e) => set({ server: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="sync-database">{t('sync.create.database')}</label>
        <input
          id="sync-database"
          type="text"
          spellcheck={false}
          autoComplete="off"
          value={form.database}
          onInput={(e) => set({ database: e.currentTarget.value })}
        />
      </div>
      <div class="field-inline">
        <div class="field">
          <label for="sync-admin-user">{t('sync.create.adminUser')}</label>
          <input
            id="sync-admin-user"
            type="text"
            autoComplete="username"
            spellcheck={false}
            value={form.adminUser}
            onInput={(e) => set({ adminUser: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="sync-admin-password">{t('sync.create.adminPassword')}</label>
          <input
            id="sync-admin-password"
            type="password"
            autoComplete="current-password"
            value={form.adminPassword}
            onInput={(e) => set({ adminPassword: e.currentTarget.value })}
          />
        </div>
      </div>
      <div class="field">
        <label for="sync-household-name">{t('sync.create.householdName')}</label>
        <input
          id="sync-household-name"
          type="text"
          maxLength={80}
          value={form.householdName}
          onInput={(e) => set({ householdName: e.currentTarget.value })}
        />
      </div>
      <MemberChoice
        id="sync-create-member"
        label={t('sync.create.you')}
        newLabel={t('sync.create.someoneNew')}
        nameLabel={t('sync.create.yourName')}
        members={props.members}
        value={memberId}
        name={memberName}
        onValue={setMemberId}
        onName={setMemberName}
      />
      <ErrorText error={error} t={t} server={form.server} />
      <div class="button-row">
        <button type="submit" class="primary" disabled={busy}>
          {t('sync.create.submit')}
        </button>
        {busy && <span role="status">{t('sync.create.working')}</span>}
      </div>
    </form>
  );
}

function JoinHousehold(props: HouseholdSyncProps) {
  const { t } = props;
  const [code, setCode] = useState('');
  const [passcode, setPasscode] = useState('');
  const [preview, setPreview] = useState<InvitePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SyncError | null>(null);

  function open(event: Event) {
    event.preventDefault();
    setBusy(true);
    void props
      .onReadInvite(code.trim(), passcode)
      .then((r) => {
        setPreview(r.ok ? r.value : null);
        setError(r.ok ? null : r.error);
      })
      .finally(() => setBusy(false));
  }

  function join() {
    if (!preview) return;
    setBusy(true);
    // Called straight from the click: the permission prompt needs this user gesture.
    void props
      .onJoin(code.trim(), passcode, preview.server)
      .then((r) => setError(r.ok ? null : r.error))
      .finally(() => setBusy(false));
  }

  return (
    <form class="sync-join" onSubmit={open} noValidate aria-labelledby="sync-join-title">
      <h4 id="sync-join-title">{t('sync.join.title')}</h4>
      <p class="hint">{t('sync.join.hint')}</p>
      <div class="field">
        <label for="sync-invite-code">{t('sync.join.code')}</label>
        <textarea
          id="sync-invite-code"
          rows={3}
          spellcheck={false}
          autoComplete="off"
          value={code}
          onInput={(e) => {
            setCode(e.currentTarget.value);
            setPreview(null);
            setError(null);
          }}
        />
      </div>
      <div class="field">
        <label for="sync-invite-passcode">{t('sync.join.passcode')}</label>
        <input
          id="sync-invite-passcode"
          type="text"
          autoComplete="off"
          spellcheck={false}
          placeholder="XXXX-XXXX"
          value={passcode}
          onInput={(e) => {
            setPasscode(e.currentTarget.value);
            setPreview(null);
            setError(null);
          }}
        />
      </div>
      {!preview && (
        <div class="button-row">
          <button type="submit" disabled={busy || !code.trim() || !passcode.trim()}>
            {t('sync.join.open')}
          </button>
        </div>
      )}
      {preview && (
        <div class="sync-preview" data-testid="sync-join-preview">
          <p>
            {preview.name
              ? t('sync.join.preview', {
                  name: preview.name,
                  server: hostOf(preview.server),
                  member: preview.memberName ?? t('sync.view.someone'),
                })
              : t('sync.join.previewNoName', {
                  server: hostOf(preview.server),
                  member: preview.memberName ?? t('sync.view.someone'),
                })}
          </p>
          <p class="hint">{t('sync.join.share')}</p>
          <div class="button-row">
            <button type="button" class="primary" disabled={busy} onClick={join}>
              {t('sync.join.submit')}
            </button>
            <button type="button" disabled={busy} onClick={() => setPreview(null)}>
              {t('sync.join.cancel')}
            </button>
            {busy && <span role="status">{t('sync.join.working')}</span>}
          </div>
        </div>
      )}
      <ErrorText error={error} t={t} server={preview?.server} />
    </form>
  );
}

function Configured(props: HouseholdSyncProps & { overview: HouseholdOverview }) {
  const { t, overview, status, locale } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SyncError | null>(null);
  const run = (task: () => Promise<ActionResult>) => {
    setBusy(true);
    setError(null);
    void task()
      .then((r) => setError(r.ok ? null : r.error))
      .finally(() => setBusy(false));
  };
  const memberIds = new Set(props.members.map((m) => m.id));
  const extra = Object.keys(overview.devices).filter((id) => !memberIds.has(id));
  // This browser's member first, then the others by name.
  const listed = [
    ...props.members.map((m) => ({ id: m.id, name: m.name, color: m.color })),
    ...extra.map((id) => ({ id, name: id, color: '#999999' })),
  ].sort((a, b) =>
    a.id === overview.memberId ? -1 : b.id === overview.memberId ? 1 : a.name.localeCompare(b.name, locale),
  );

  return (
    <div class="sync-configured">
      <SyncStatusLine status={status} t={t} locale={locale} nowMs={props.nowMs} />
      <div class="button-row">
        <button type="button" onClick={() => void props.onSyncNow()} disabled={status.state === 'syncing'}>
          {t('sync.syncNow')}
        </button>
      </div>
      <dl class="sync-facts">
        {overview.name && (
          <>
            <dt>{t('sync.status.household')}</dt>
            <dd>{overview.name}</dd>
          </>
        )}
        <dt>{t('sync.household.server')}</dt>
        <dd>{overview.server}</dd>
        <dt>{t('sync.household.database')}</dt>
        <dd>{overview.database}</dd>
      </dl>
      {overview.manager && <p class="hint">{t('sync.household.manager')}</p>}

      <h4 id="sync-members-title">{t('sync.household.members')}</h4>
      <ul class="sync-members" aria-labelledby="sync-members-title">
        {listed.map((m) => {
          const devices = overview.devices[m.id] ?? [];
          const isMe = m.id === overview.memberId;
          return (
            <li key={m.id} data-testid="sync-member">
              <span class="member-swatch" style={{ backgroundColor: m.color }} aria-hidden="true" />{' '}
              <strong>{m.name}</strong>
              {devices.length === 0 ? (
                <p class="hint">{t('sync.household.noBrowsers')}</p>
              ) : (
                <ul class="sync-devices">
                  {devices.map((d) => (
                    <li key={d.id}>
                      <span class="sync-device-name">
                        {d.label ?? t('sync.household.invite')}
                        {d.self && <> ({t('sync.household.thisBrowser')})</>}
                      </span>
                      {' — '}
                      {t(`sync.household.device.${d.status}`)}
                      {d.manager && d.status === 'active' && <>, {t('sync.household.device.manager')}</>}
                      {overview.manager && !d.self && (d.status === 'active' || d.status === 'invited') && (
                        <ConfirmButton
                          class="link-button sync-device-action"
                          label={
                            d.status === 'invited'
                              ? t('sync.household.withdrawInvite')
                              : t('sync.household.removeDevice', { label: d.label ?? '' })
                          }
                          question={t('sync.household.removeDeviceQuestion', { label: d.label ?? m.name })}
                          confirmLabel={t('sync.household.remove')}
                          keepLabel={t('sync.household.keep')}
                          onConfirm={() => run(() => props.onRemoveDevice(d.id))}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {overview.manager && !isMe && devices.some((d) => d.status === 'active' || d.status === 'invited') && (
                <ConfirmButton
                  class="danger"
                  label={t('sync.household.removeMember', { name: m.name })}
                  question={t('sync.household.removeMemberQuestion', { name: m.name })}
                  confirmLabel={t('sync.household.remove')}
                  keepLabel={t('sync.household.keep')}
                  onConfirm={() => run(() => props.onRemoveMember(m.id))}
                />
              )}
            </li>
          );
        })}
      </ul>
      {busy && <p role="status">{t('sync.household.working')}</p>}
      <ErrorText error={error} t={t} {...(overview.server ? { server: overview.server } : {})} />

      {overview.manager && !overview.removed && <Invite {...props} />}
      {!overview.manager && !overview.removed && <Manage {...props} />}
      {overview.quarantine.length > 0 && <Quarantine {...props} />}

      <ConfirmButton
        class="danger"
        label={t('sync.leave.button')}
        question={overview.manager ? t('sync.leave.questionManager') : t('sync.leave.question')}
        confirmLabel={t('sync.leave.confirm')}
        keepLabel={t('sync.household.keep')}
        onConfirm={() => run(() => props.onLeave())}
      />
    </div>
  );
}

function Invite(props: HouseholdSyncProps & { overview: HouseholdOverview }) {
  const { t, overview } = props;
  // Members without a browser in the household first: they are who an invite is usually for.
  const candidates = props.members.filter((m) => m.id !== overview.memberId);
  const [memberId, setMemberId] = useState(
    candidates.find((m) => !(overview.devices[m.id] ?? []).some((d) => d.status === 'active'))?.id ?? '',
  );
  const [name, setName] = useState('');
  const [made, setMade] = useState<{ code: string; passcode: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SyncError | null>(null);

  function create(event: Event) {
    event.preventDefault();
    if (!memberId && !name.trim()) {
      setError({ code: 'unknown', detail: t('sync.invite.name') });
      return;
    }
    setBusy(true);
    setCopied(false);
    void props
      .onInvite(memberId ? { memberId } : { memberName: name.trim(), memberColor: props.nextColor })
      .then((r) => {
        setMade(r.ok ? r.value : null);
        setError(r.ok ? null : r.error);
        if (r.ok) setName('');
      })
      .finally(() => setBusy(false));
  }

  return (
    <form class="sync-invite" onSubmit={create} noValidate aria-labelledby="sync-invite-title">
      <h4 id="sync-invite-title">{t('sync.invite.title')}</h4>
      <MemberChoice
        id="sync-invite-member"
        label={t('sync.invite.who')}
        newLabel={t('sync.invite.someoneNew')}
        nameLabel={t('sync.invite.name')}
        members={candidates}
        value={memberId}
        name={name}
        onValue={setMemberId}
        onName={setName}
      />
      <div class="button-row">
        <button type="submit" disabled={busy}>
          {t('sync.invite.create')}
        </button>
      </div>
      <ErrorText error={error} t={t} />
      {made && (
        <div class="sync-invite-made" data-testid="sync-invite-made">
          <div class="field">
            <label for="sync-invite-made-code">{t('sync.invite.code')}</label>
            <textarea id="sync-invite-made-code" rows={4} readOnly spellcheck={false} value={made.code} />
          </div>
          <div class="button-row">
            <button type="button" onClick={() => void props.onCopy(made.code).then(() => setCopied(true))}>
              {t('sync.invite.copy')}
            </button>
            {copied && <span role="status">{t('sync.invite.copied')}</span>}
          </div>
          <p>
            {t('sync.invite.passcode')}:{' '}
            <strong class="sync-passcode" data-testid="sync-passcode">
              {made.passcode}
            </strong>
          </p>
          <p class="hint">{t('sync.invite.howTo')}</p>
        </div>
      )}
    </form>
  );
}

function Manage(props: HouseholdSyncProps) {
  const { t } = props;
  const [user, setUser] = useState('admin');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<SyncError | null>(null);
  return (
    <details class="sync-manage">
      <summary>{t('sync.manage.title')}</summary>
      <p class="hint">{t('sync.manage.hint')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void props.onManage(user, password).then((r) => setError(r.ok ? null : r.error));
        }}
      >
        <div class="field-inline">
          <div class="field">
            <label for="sync-manage-user">{t('sync.create.adminUser')}</label>
            <input
              id="sync-manage-user"
              type="text"
              autoComplete="username"
              value={user}
              onInput={(e) => setUser(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="sync-manage-password">{t('sync.create.adminPassword')}</label>
            <input
              id="sync-manage-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </div>
        </div>
        <button type="submit">{t('sync.manage.submit')}</button>
        <ErrorText error={error} t={t} />
      </form>
    </details>
  );
}

function Quarantine(props: HouseholdSyncProps & { overview: HouseholdOverview }) {
  const { t, overview, locale } = props;
  return (
    <div class="sync-quarantine" data-testid="sync-quarantine">
      <h4>{t('sync.quarantine.title')}</h4>
      <p class="hint">{t('sync.quarantine.hint')}</p>
      <ul>
        {overview.quarantine.map((q) => (
          <li key={q.key}>
            {t('sync.quarantine.item', {
              id: q.docId.slice(0, 8),
              reason: t(`sync.quarantine.reason.${q.reason}`),
              when: relativeTime(q.seenAt, props.nowMs, locale),
            })}
            {q.superseded && <> {t('sync.quarantine.superseded')}</>}{' '}
            <button type="button" class="link-button" onClick={() => void props.onDismiss(q.key)}>
              {t('sync.quarantine.dismiss')}
            </button>
          </li>
        ))}
      </ul>
      {overview.quarantine.length > 1 && (
        <button type="button" onClick={() => void props.onDismiss()}>
          {t('sync.quarantine.dismissAll')}
        </button>
      )}
    </div>
  );
}
