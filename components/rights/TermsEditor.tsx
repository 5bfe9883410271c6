import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import { type FieldErrors, Terms, validate } from '../../lib/model';

export type SaveTerms = (terms: Terms) => Promise<{ ok: true } | { ok: false; errors: FieldErrors }>;

/** Edits a subscription's terms (binding, notice, renewal, what the sign-up page said about withdrawal …). */
export function TermsEditor(props: {
  service: string;
  terms: Terms | undefined;
  t: Translate;
  onSave: SaveTerms;
  onClose: () => void;
}) {
  const { t } = props;
  const start = props.terms ?? {};
  const [contractDate, setContractDate] = useState(start.contractDate ?? '');
  const [binding, setBinding] = useState(start.bindingMonths === undefined ? '' : String(start.bindingMonths));
  const [noticeN, setNoticeN] = useState(start.notice ? String(start.notice.n) : '');
  const [noticeUnit, setNoticeUnit] = useState<'D' | 'W' | 'M'>(start.notice?.unit ?? 'M');
  const [currentMonth, setCurrentMonth] = useState(start.notice?.currentMonth === true);
  const [autoRenew, setAutoRenew] = useState(start.autoRenew === undefined ? '' : start.autoRenew ? 'yes' : 'no');
  const [withdrawal, setWithdrawal] = useState<string>(start.withdrawal ?? '');
  const [customer, setCustomer] = useState(start.customerNumber ?? '');
  const [email, setEmail] = useState(start.contactEmail ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});

  async function save(e: Event) {
    e.preventDefault();
    const next: Record<string, unknown> = { ...start };
    const set = (key: string, value: unknown) => {
      if (value === undefined || value === '') delete next[key];
      else next[key] = value;
    };
    set('contractDate', contractDate || undefined);
    set('bindingMonths', binding.trim() === '' ? undefined : Number(binding));
    set(
      'notice',
      noticeN.trim() === ''
        ? undefined
        : {
            n: Number(noticeN),
            unit: noticeUnit,
            ...(noticeUnit === 'M' && currentMonth ? { currentMonth: true } : {}),
          },
    );
    set('autoRenew', autoRenew === '' ? undefined : autoRenew === 'yes');
    set('withdrawal', withdrawal || undefined);
    set('customerNumber', customer.trim() || undefined);
    set('contactEmail', email.trim() || undefined);
    const v = validate(Terms, next);
    if (!v.ok) {
      setErrors(v.errors);
      return;
    }
    const r = await props.onSave(v.value);
    if (r.ok) props.onClose();
    else setErrors(r.errors);
  }

  /** A field's problem, in the user's language (the schema's own message is English). */
  const err = (key: string) =>
    Object.keys(errors).some((k) => k === key || k.startsWith(`${key}.`) || k.startsWith(`terms.${key}`))
      ? t(`rights.edit.error.${key}`)
      : undefined;
  const field = (id: string, label: string, input: preact.JSX.Element, key: string) => (
    <div class="field">
      <label for={id}>{label}</label>
      {input}
      {err(key) && (
        <p class="error small" id={`${id}-error`}>
          {err(key)}
        </p>
      )}
    </div>
  );

  return (
    <form class="terms-editor card" onSubmit={save} aria-labelledby="terms-edit-h" noValidate>
      <h4 id="terms-edit-h">{t('rights.edit.title', { service: props.service })}</h4>
      {field(
        'terms-contract',
        t('rights.edit.contractDate'),
        <input
          id="terms-contract"
          type="date"
          value={contractDate}
          onInput={(e) => setContractDate(e.currentTarget.value)}
        />,
        'contractDate',
      )}
      {field(
        'terms-binding',
        t('rights.edit.binding'),
        <input
          id="terms-binding"
          type="number"
          min={0}
          max={60}
          inputMode="numeric"
          value={binding}
          onInput={(e) => setBinding(e.currentTarget.value)}
        />,
        'bindingMonths',
      )}
      <fieldset class="field">
        <legend>{t('rights.edit.notice')}</legend>
        <input
          id="terms-notice"
          aria-label={t('rights.edit.noticeAmount')}
          type="number"
          min={1}
          max={36}
          inputMode="numeric"
          value={noticeN}
          placeholder={t('rights.edit.noticeNone')}
          onInput={(e) => setNoticeN(e.currentTarget.value)}
        />{' '}
        <select
          aria-label={t('rights.edit.noticeUnit')}
          value={noticeUnit}
          onChange={(e) => setNoticeUnit(e.currentTarget.value as 'D' | 'W' | 'M')}
        >
          <option value="D">{t('rights.edit.unit.D')}</option>
          <option value="W">{t('rights.edit.unit.W')}</option>
          <option value="M">{t('rights.edit.unit.M')}</option>
        </select>
        {noticeUnit === 'M' && (
          <label class="check">
            <input type="checkbox" checked={currentMonth} onChange={(e) => setCurrentMonth(e.currentTarget.checked)} />{' '}
            {t('rights.edit.currentMonth')}
          </label>
        )}
        {err('notice') && <p class="error small">{err('notice')}</p>}
      </fieldset>
      {field(
        'terms-renew',
        t('rights.edit.autoRenew'),
        <select id="terms-renew" value={autoRenew} onChange={(e) => setAutoRenew(e.currentTarget.value)}>
          <option value="">{t('rights.edit.unknown')}</option>
          <option value="yes">{t('rights.edit.yes')}</option>
          <option value="no">{t('rights.edit.no')}</option>
        </select>,
        'autoRenew',
      )}
      {field(
        'terms-withdrawal',
        t('rights.edit.withdrawal'),
        <select id="terms-withdrawal" value={withdrawal} onChange={(e) => setWithdrawal(e.currentTarget.value)}>
          <option value="">{t('rights.edit.unknown')}</option>
          <option value="stated">{t('rights.edit.withdrawal.stated')}</option>
          <option value="waived">{t('rights.edit.withdrawal.waived')}</option>
          <option value="none">{t('rights.edit.withdrawal.none')}</option>
        </select>,
        'withdrawal',
      )}
      {field(
        'terms-customer',
        t('rights.edit.customer'),
        <input
          id="terms-customer"
          value={customer}
          maxLength={40}
          onInput={(e) => setCustomer(e.currentTarget.value)}
        />,
        'customerNumber',
      )}
      {field(
        'terms-email',
        t('rights.edit.email'),
        <input id="terms-email" type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />,
        'contactEmail',
      )}
      <div class="button-row">
        <button type="submit" class="primary">
          {t('rights.edit.save')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('rights.edit.cancel')}
        </button>
      </div>
    </form>
  );
}
