import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import { MAX_PROOF_TEXT, type PageTerms, type Proof } from '../../lib/model';
import { ConfirmButton } from '../views/ConfirmButton';
import { hostOf, safeHttpUrl } from '../views/format';
import { day, noticeLabel } from './common';

function when(stamp: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(stamp));
  } catch {
    return stamp;
  }
}

/** The terms a page stated, as a list (empty when it stated none). */
export function TermsFound({ terms, t, locale }: { terms: PageTerms; t: Translate; locale: string }) {
  const rows: Array<[string, string]> = [];
  if (terms.cancelled) rows.push([t('rights.found.cancelled'), t('rights.edit.yes')]);
  if (terms.accessUntil) rows.push([t('rights.found.accessUntil'), day(terms.accessUntil, locale)]);
  if (terms.bindingMonths !== undefined) {
    rows.push([
      t('rights.found.binding'),
      terms.bindingMonths === 0 ? t('rights.terms.noBinding') : t('rights.notice.M', { n: terms.bindingMonths }),
    ]);
  }
  if (terms.notice) rows.push([t('rights.found.notice'), noticeLabel(terms.notice, t)]);
  if (terms.autoRenew !== undefined) {
    rows.push([t('rights.found.autoRenew'), terms.autoRenew ? t('rights.edit.yes') : t('rights.edit.no')]);
  }
  if (terms.withdrawal) rows.push([t('rights.found.withdrawal'), t(`rights.edit.withdrawal.${terms.withdrawal}`)]);
  if (terms.withdrawalUrl) rows.push([t('rights.found.withdrawalUrl'), terms.withdrawalUrl]);
  if (terms.customerNumber) rows.push([t('rights.edit.customer'), terms.customerNumber]);
  if (terms.contactEmail) rows.push([t('rights.edit.email'), terms.contactEmail]);
  if (rows.length === 0) return <p class="muted small">{t('rights.found.none')}</p>;
  return (
    <dl class="detail-facts proof-terms">
      {rows.map(([k, v]) => (
        <div class="fact" key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One proof, opened: address, time, the terms read, and the page's text — always as text, never as HTML. */
export function ProofViewer(props: {
  proof: Proof;
  t: Translate;
  locale: string;
  onDownload?: (proof: Proof) => void;
}) {
  const { proof: p, t, locale } = props;
  const url = p.url ? safeHttpUrl(p.url) : null;
  const textLabel = p.mail ? t('rights.proofs.mailText') : t('rights.proofs.text');
  return (
    <div class="proof-viewer" data-testid="proof-viewer">
      <dl class="detail-facts">
        {p.mail && (
          <div class="fact">
            <dt>{t('rights.proofs.mailFrom')}</dt>
            <dd>{p.mail.name ? `${p.mail.name} <${p.mail.from}>` : p.mail.from}</dd>
          </div>
        )}
        {p.mail?.sent && (
          <div class="fact">
            <dt>{t('rights.proofs.mailSent')}</dt>
            <dd>{day(p.mail.sent, locale)}</dd>
          </div>
        )}
        <div class="fact">
          <dt>{p.mail ? t('rights.proofs.mailSubject') : t('rights.proofs.pageTitle')}</dt>
          <dd>{p.title || '—'}</dd>
        </div>
        {p.url && (
          <div class="fact">
            <dt>{t('rights.proofs.url')}</dt>
            <dd class="proof-url">
              {url ? (
                <a href={url} target="_blank" rel="noopener noreferrer">
                  {url}
                </a>
              ) : (
                p.url
              )}
            </dd>
          </div>
        )}
        <div class="fact">
          <dt>{t('rights.proofs.seenAt')}</dt>
          <dd>
            <time dateTime={p.seenAt}>{when(p.seenAt, locale)}</time>
          </dd>
        </div>
      </dl>
      <h5>{t('rights.proofs.termsFound')}</h5>
      <TermsFound terms={p.terms} t={t} locale={locale} />
      <h5>{textLabel}</h5>
      <textarea class="proof-text" readOnly rows={12} aria-label={textLabel} value={p.text} />
      {p.truncated && <p class="muted small">{t('rights.proofs.truncated', { n: MAX_PROOF_TEXT })}</p>}
      {props.onDownload && (
        <button type="button" class="link-button" onClick={() => props.onDownload?.(p)}>
          {t('rights.proofs.download')}
        </button>
      )}
    </div>
  );
}

/** A subscription's proofs: what its sign-up and cancellation pages said, each opened on demand. */
export function ProofList(props: {
  proofs: readonly Proof[] | undefined;
  t: Translate;
  locale: string;
  onDelete: (id: string) => void;
  onDownload?: (proof: Proof) => void;
}) {
  const { t, locale } = props;
  const [open, setOpen] = useState<string | null>(null);
  if (props.proofs === undefined) return <p class="muted small">…</p>;
  if (props.proofs.length === 0) return <p class="muted small">{t('rights.proofs.none')}</p>;
  return (
    <ul class="proof-list">
      {props.proofs.map((p) => (
        <li key={p.id} class="proof-item">
          <span class="proof-kind">{t(p.mail ? `rights.proofs.${p.kind}Mail` : `rights.proofs.${p.kind}`)}</span>{' '}
          <time dateTime={p.seenAt}>{when(p.seenAt, locale)}</time>{' '}
          <span class="muted">{p.mail ? p.mail.name || p.mail.from : p.url ? hostOf(p.url) : ''}</span>{' '}
          <button
            type="button"
            class="link-button"
            aria-expanded={open === p.id}
            onClick={() => setOpen(open === p.id ? null : p.id)}
          >
            {open === p.id ? t('rights.proofs.hide') : t('rights.proofs.view')}
          </button>{' '}
          <ConfirmButton
            class="link-button"
            label={t('rights.proofs.delete')}
            question={t('rights.proofs.deleteQuestion')}
            confirmLabel={t('rights.proofs.delete')}
            keepLabel={t('rights.edit.cancel')}
            onConfirm={() => props.onDelete(p.id)}
          />
          {open === p.id && <ProofViewer proof={p} t={t} locale={locale} onDownload={props.onDownload} />}
        </li>
      ))}
    </ul>
  );
}
