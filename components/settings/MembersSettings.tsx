import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import type { Member } from '../../lib/model';
import { ConfirmButton } from '../views/ConfirmButton';
import { PALETTE } from '../views/chartConfig';
import { describedBy } from './fields';

interface MembersSettingsProps {
  members: readonly Member[];
  t: Translate;
  onSaveMember: (member: Member) => unknown;
  onDeleteMember: (id: string) => unknown;
  /** Id for a new member; defaults to `crypto.randomUUID()`. */
  newId?: (() => string) | undefined;
}

/** Household members: each saved right away (name and colour), added and removed here. */
export function MembersSettings({ members, t, onSaveMember, onDeleteMember, newId }: MembersSettingsProps) {
  const [name, setName] = useState('');
  const [color, setColor] = useState<string>(PALETTE[members.length % PALETTE.length]!);
  const [error, setError] = useState('');

  function add(event: Event) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 60) {
      setError(t('views.settings.error.memberName'));
      return;
    }
    const id = newId ? newId() : crypto.randomUUID();
    void onSaveMember({ id, name: trimmed, color: color.toLowerCase() });
    setName('');
    setError('');
    setColor(PALETTE[(members.length + 1) % PALETTE.length]!);
  }

  return (
    <section class="card members">
      <h3 id="settings-members-title">{t('views.settings.members')}</h3>
      <p class="hint">{t('views.settings.membersHint')}</p>
      {members.length === 0 ? (
        <p class="muted">{t('views.settings.noMembers')}</p>
      ) : (
        <ul class="member-list">
          {members.map((m) => (
            <MemberRow key={m.id} member={m} t={t} onSave={onSaveMember} onDelete={onDeleteMember} />
          ))}
        </ul>
      )}
      <form class="member-add" onSubmit={add} noValidate>
        <div class="field field-inline">
          <label for="settings-member-name">{t('views.settings.memberName')}</label>
          <input
            id="settings-member-name"
            type="text"
            maxLength={60}
            autoComplete="off"
            value={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(error && 'settings-member-name-error')}
            onInput={(e) => {
              setName(e.currentTarget.value);
              setError('');
            }}
          />
          <label for="settings-member-color">{t('views.settings.memberColor')}</label>
          <input
            id="settings-member-color"
            type="color"
            value={color}
            onInput={(e) => setColor(e.currentTarget.value)}
          />
          <button type="submit">{t('views.settings.addMember')}</button>
          {error && (
            <p id="settings-member-name-error" class="field-error">
              {error}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}

interface MemberRowProps {
  member: Member;
  t: Translate;
  onSave: (member: Member) => unknown;
  onDelete: (id: string) => unknown;
}

function MemberRow({ member, t, onSave, onDelete }: MemberRowProps) {
  const [name, setName] = useState(member.name);
  const [color, setColor] = useState(member.color);
  const [error, setError] = useState('');
  const changed = name !== member.name || color.toLowerCase() !== member.color.toLowerCase();
  const nameId = `member-${member.id}-name`;
  const colorId = `member-${member.id}-color`;

  useEffect(() => {
    setName(member.name);
    setColor(member.color);
  }, [member.name, member.color]);

  function save(event: Event) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 60) {
      setError(t('views.settings.error.memberName'));
      return;
    }
    setError('');
    void onSave({ ...member, name: trimmed, color: color.toLowerCase() });
  }

  return (
    <li class="member-row">
      <form onSubmit={save} noValidate class="field-inline">
        <span class="member-swatch" style={{ backgroundColor: color }} aria-hidden="true" />
        <label for={nameId} class="sr-only">
          {t('views.settings.memberNameNamed', { name: member.name })}
        </label>
        <input
          id={nameId}
          type="text"
          maxLength={60}
          value={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && `${nameId}-error`)}
          onInput={(e) => {
            setName(e.currentTarget.value);
            setError('');
          }}
        />
        <label for={colorId} class="sr-only">
          {t('views.settings.memberColorNamed', { name: member.name })}
        </label>
        <input id={colorId} type="color" value={color} onInput={(e) => setColor(e.currentTarget.value)} />
        <button type="submit" disabled={!changed}>
          {t('views.settings.saveMember')}
        </button>
        <ConfirmButton
          label={t('views.settings.removeMember', { name: member.name })}
          question={t('views.settings.removeMemberQuestion', { name: member.name })}
          confirmLabel={t('views.settings.remove')}
          keepLabel={t('common.keep')}
          onConfirm={() => void onDelete(member.id)}
        />
        {error && (
          <p id={`${nameId}-error`} class="field-error">
            {error}
          </p>
        )}
      </form>
    </li>
  );
}
