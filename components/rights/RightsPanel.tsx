import { useState } from 'preact/hooks';
import { money } from '../../lib/app/format';
import type { Translate } from '../../lib/i18n';
import type { Language, PriceChange, Proof, Subscription } from '../../lib/model';
import type { AfterCancel } from '../../lib/rights/after-cancel';
import { afterCancelKey } from '../../lib/rights/after-cancel';
import { contractDateOf, type Withdrawal } from '../../lib/rights/deadlines';
import type { RightsSummary } from '../../lib/rights/index';
import type { LetterKind } from '../../lib/rights/letters';
import type { PriceCheck } from '../../lib/rights/prices';
import { hostOf, safeHttpUrl } from '../views/format';
import { day, LawRef, leftLabel, noticeLabel } from './common';
import { LetterView } from './LetterView';
import { ProofList } from './ProofList';
import { type SaveTerms, TermsEditor } from './TermsEditor';
import './rights.css';

export interface RightsPanelProps {
  subscription: Subscription;
  summary: RightsSummary;
  /** This subscription's proofs, newest first (undefined while they load). */
  proofs: readonly Proof[] | undefined;
  /** Charges recorded after it was cancelled. */
  afterCancel?: AfterCancel;
  /** Its price rises, with what the rules say about each. */
  priceChecks: ReadonlyArray<{ change: PriceChange; check: PriceCheck }>;
  /** The UI language: the letters' default. */
  lang: Language;
  t: Translate;
  locale: string;
  today: string;
  onSaveTerms: SaveTerms;
  /** The Swedish renewal reminder came (true) or not (false) before `renewal`. */
  onAnswerReminder: (renewal: string, received: boolean) => void;
  onDeleteProof: (id: string) => void;
  onDownloadProof?: (proof: Proof) => void;
  onCopy?: (text: string) => Promise<boolean>;
  onDismissCharges?: (keys: string[]) => void;
}

/**
 * A subscription's rights (issue 14), in its detail view: the withdrawal countdown, the terms and the deadlines they
 * give, the rules that apply where the user lives, price rises checked against the notice they needed, charges after
 * cancelling, letters to send, and proof of what the service's pages said. Every page-sourced text is rendered as
 * text; only http(s) and the letter's `mailto:` are links.
 */
export function RightsPanel(props: RightsPanelProps) {
  const { subscription: sub, summary, t, locale } = props;
  const [editing, setEditing] = useState(false);
  const [writing, setWriting] = useState<LetterKind | null>(null);
  return (
    <section class="rights-panel" aria-labelledby="rights-h" data-testid="rights-panel">
      <h3 id="rights-h">{t('rights.title')}</h3>
      {summary.country ? (
        <p class="small muted">
          {t('rights.rulesFor', { country: t(`rights.country.${summary.country}`) })}{' '}
          <a href="#/settings">{t('rights.change')}</a>
        </p>
      ) : (
        <p class="note">{t('rights.noCountry')}</p>
      )}

      {props.afterCancel && (
        <AfterCancelNote
          item={props.afterCancel}
          proofs={props.proofs}
          t={t}
          locale={locale}
          onDismiss={props.onDismissCharges}
        />
      )}

      <WithdrawalNote w={summary.withdrawal} t={t} locale={locale} />

      <Terms {...props} onEdit={() => setEditing(true)} />
      {editing && (
        <TermsEditor
          service={sub.service}
          terms={sub.terms}
          t={t}
          onSave={props.onSaveTerms}
          onClose={() => setEditing(false)}
        />
      )}

      <Rules {...props} />
      <PriceChecks checks={props.priceChecks} t={t} locale={locale} />

      <h4 id="rights-letters-h">{t('rights.letters.title')}</h4>
      <div class="button-row">
        <button type="button" onClick={() => setWriting('cancel')} aria-expanded={writing === 'cancel'}>
          {t('rights.letters.cancel')}
        </button>
        {(summary.withdrawal.state === 'open' || summary.withdrawal.state === 'extended') && (
          <button type="button" onClick={() => setWriting('withdraw')} aria-expanded={writing === 'withdraw'}>
            {t('rights.letters.withdraw')}
          </button>
        )}
      </div>
      {writing && (
        <LetterView
          kind={writing}
          lang={props.lang}
          t={t}
          facts={letterFacts(props, writing)}
          onCopy={props.onCopy}
          onClose={() => setWriting(null)}
        />
      )}

      <h4 id="rights-proofs-h">{t('rights.proofs.title')}</h4>
      <ProofList
        proofs={props.proofs}
        t={t}
        locale={locale}
        onDelete={props.onDeleteProof}
        onDownload={props.onDownloadProof}
      />
      <p class="muted small">{t('rights.proofs.local')}</p>
      <p class="muted small disclaimer">{t('rights.disclaimer')}</p>
    </section>
  );
}

/** What a letter says: the rule it invokes and the day the contract should end, where a rule gives one. */
function letterFacts(props: RightsPanelProps, kind: LetterKind) {
  const { subscription: sub, summary } = props;
  const base = {
    service: sub.service,
    today: props.today,
    ...(sub.terms?.customerNumber ? { customerNumber: sub.terms.customerNumber } : {}),
    ...(sub.terms?.contactEmail ? { email: sub.terms.contactEmail } : {}),
  };
  if (kind === 'withdraw') {
    const w = summary.withdrawal;
    const contractDate = contractDateOf(sub);
    return {
      ...base,
      ...(contractDate ? { contractDate } : {}),
      ...(w.state !== 'none' ? { citation: w.rule.law.citation } : {}),
    };
  }
  // Cancelling: the Swedish missed reminder, the Danish cap, or the terms' own notice.
  const reminder = summary.renewalReminder;
  if (reminder?.state === 'missed') return { ...base, citation: reminder.rule.law.citation };
  const cap = summary.danishCap;
  if (cap?.endsIfToday && cap.termsBoundUntil) {
    return { ...base, citation: cap.rule.law.citation, endsOn: cap.endsIfToday };
  }
  const telecom = props.priceChecks.find(
    (c) => c.check.kind === 'termination' && c.check.terminateBy >= props.today,
  )?.check;
  if (telecom?.kind === 'termination') return { ...base, citation: telecom.rule.law.citation };
  return base;
}

function WithdrawalNote({ w, t, locale }: { w: Withdrawal; t: Translate; locale: string }) {
  if (w.state === 'none') return null;
  const url = w.url ? safeHttpUrl(w.url) : null;
  const p = {
    date: day(w.lastDay, locale),
    extended: day(w.extendedLastDay, locale),
    left: leftLabel(w.daysLeft, t),
  };
  return (
    <div class={`withdrawal withdrawal-${w.state}`} data-testid="withdrawal">
      <h4 id="rights-withdrawal-h">{t('rights.withdrawal.title')}</h4>
      {w.state === 'open' && (
        <p>
          <strong class="countdown">{t('rights.withdrawal.left', { left: p.left })}</strong>{' '}
          {t('rights.withdrawal.open', p)}
        </p>
      )}
      {w.state === 'extended' && <p>{t('rights.withdrawal.extended', p)}</p>}
      {w.state === 'closed' && <p class="muted">{t('rights.withdrawal.closed', p)}</p>}
      {w.state === 'open' && w.info === 'none' && <p class="note small">{t('rights.withdrawal.noInfo', p)}</p>}
      {w.state !== 'closed' && w.info === 'waived' && <p class="note small">{t('rights.withdrawal.waived')}</p>}
      {w.functionDue && w.state !== 'closed' && (
        <p class="note small" data-testid="withdrawal-function-due">
          {t('rights.withdrawal.functionDue', { from: day(w.functionDue.params.from, locale) })}{' '}
          <LawRef rule={w.functionDue} t={t} />
        </p>
      )}
      {url && w.state !== 'closed' && (
        <p>
          <a class="button" href={url} target="_blank" rel="noopener noreferrer" data-testid="withdrawal-link">
            {t('rights.withdrawal.link')}
          </a>{' '}
          <span class="muted small">{t('rights.withdrawal.linkFrom', { host: hostOf(url) })}</span>
        </p>
      )}
      <p class="small">
        <LawRef rule={w.rule} t={t} />
      </p>
    </div>
  );
}

function Terms(props: RightsPanelProps & { onEdit: () => void }) {
  const { subscription: sub, summary, t, locale } = props;
  const terms = sub.terms;
  const lines: preact.JSX.Element[] = [];
  const contractDate = contractDateOf(sub);
  if (contractDate) lines.push(<li key="c">{t('rights.terms.contractDate', { date: day(contractDate, locale) })}</li>);
  if (terms?.bindingMonths === 0) lines.push(<li key="b">{t('rights.terms.noBinding')}</li>);
  else if (summary.boundUntil) {
    lines.push(
      <li key="b">
        {summary.boundUntil > props.today ? (
          <strong>{t('rights.terms.boundUntil', { date: day(summary.boundUntil, locale) })}</strong>
        ) : (
          t('rights.terms.bindingEnded', { date: day(summary.boundUntil, locale) })
        )}
      </li>,
    );
  }
  if (terms?.notice) lines.push(<li key="n">{t('rights.terms.notice', { notice: noticeLabel(terms.notice, t) })}</li>);
  if (terms?.autoRenew !== undefined) {
    lines.push(<li key="r">{t(terms.autoRenew ? 'rights.terms.autoRenew' : 'rights.terms.noAutoRenew')}</li>);
  }
  const by = summary.cancelBy;
  if (by) {
    lines.push(
      <li key="by" data-testid="cancel-by">
        <strong>
          {t(by.reason === 'binding' ? 'rights.terms.cancelByBinding' : 'rights.terms.cancelByRenewal', {
            date: day(by.day, locale),
            left: leftLabel(by.daysLeft, t),
            end: day(by.end, locale),
          })}
        </strong>
      </li>,
    );
  }
  if (terms?.customerNumber)
    lines.push(<li key="cn">{t('rights.terms.customer', { number: terms.customerNumber })}</li>);
  if (terms?.contactEmail) lines.push(<li key="e">{t('rights.terms.email', { email: terms.contactEmail })}</li>);
  const seenOn = terms?.seenOn ? hostOf(terms.seenOn) : '';
  return (
    <div class="terms" data-testid="terms">
      <h4 id="rights-terms-h">{t('rights.terms.title')}</h4>
      {lines.length === 0 ? <p class="muted small">{t('rights.terms.none')}</p> : <ul class="terms-list">{lines}</ul>}
      {seenOn && <p class="muted small">{t('rights.terms.seenOn', { host: seenOn })}</p>}
      <button type="button" class="link-button" onClick={props.onEdit}>
        {t('rights.terms.edit')}
      </button>
    </div>
  );
}

function Rules(props: RightsPanelProps) {
  const { summary, t, locale } = props;
  const items: preact.JSX.Element[] = [];
  const cap = summary.danishCap;
  if (cap) {
    items.push(
      <li key="dk" data-testid="rule-dk-cap">
        {t(cap.termsBoundUntil ? 'rights.dk.capBound' : 'rights.dk.cap', {
          from: day(cap.noticeFrom, locale),
          ends: day(cap.endsOn, locale),
          bound: cap.termsBoundUntil ? day(cap.termsBoundUntil, locale) : '',
        })}
        {cap.endsIfToday && <> {t('rights.dk.capNow', { ends: day(cap.endsIfToday, locale) })}</>}{' '}
        <LawRef rule={cap.rule} t={t} />
      </li>,
    );
  }
  const long = summary.longBinding;
  if (long) {
    items.push(
      <li key="no" data-testid="rule-no-binding">
        {t('rights.no.longBinding', { months: long.months, max: long.maxMonths })} <LawRef rule={long.rule} t={t} />
      </li>,
    );
  }
  const r = summary.renewalReminder;
  if (r) {
    const p = {
      renewal: day(r.renewal, locale),
      due: day(r.dueBy, locale),
      last: day(r.lastCancelDay, locale),
    };
    items.push(
      <li key="se" data-testid="rule-se-reminder">
        {t(`rights.se.${r.state}`, p)} <LawRef rule={r.rule} t={t} />
        {(r.state === 'due' || r.state === 'late') && (
          <span class="button-row">
            <button type="button" onClick={() => props.onAnswerReminder(r.renewal, true)}>
              {t('rights.se.yes')}
            </button>
            <button type="button" onClick={() => props.onAnswerReminder(r.renewal, false)}>
              {t('rights.se.no')}
            </button>
          </span>
        )}
      </li>,
    );
  }
  const easy = summary.easyCancel;
  if (easy && props.subscription.status !== 'cancelled') {
    items.push(
      <li key="easy">
        {t(`rights.easy.${easy.id.slice(0, 2)}`)} <LawRef rule={easy} t={t} />
      </li>,
    );
  }
  if (items.length === 0) return null;
  return (
    <div class="rules">
      <h4 id="rights-rules-h">{t('rights.rules.title')}</h4>
      <ul class="rules-list">{items}</ul>
    </div>
  );
}

function PriceChecks({ checks, t, locale }: { checks: RightsPanelProps['priceChecks']; t: Translate; locale: string }) {
  if (checks.length === 0) return null;
  return (
    <div class="price-checks">
      <h4 id="rights-prices-h">{t('rights.price.title')}</h4>
      <ul>
        {checks.map(({ change, check }) => {
          const seen =
            check.givenDays === undefined
              ? t('rights.price.unknown', { date: day(change.date, locale) })
              : check.givenDays >= 0
                ? t('rights.price.seenBefore', { date: day(change.date, locale), days: check.givenDays })
                : t('rights.price.seenAfter', { date: day(change.date, locale), days: -check.givenDays });
          return (
            <li key={change.id} data-testid="price-check">
              {seen}{' '}
              {check.kind === 'notice' ? (
                t(`rights.price.${check.verdict}`, { days: check.rule.params.days, also: check.rule.params.alsoDays })
              ) : (
                <>
                  {check.short && `${t('rights.price.terminationShort')} `}
                  {t('rights.price.termination', { date: day(check.terminateBy, locale) })}
                </>
              )}{' '}
              <LawRef rule={check.rule} t={t} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function AfterCancelNote(props: {
  item: AfterCancel;
  proofs: readonly Proof[] | undefined;
  t: Translate;
  locale: string;
  onDismiss?: (keys: string[]) => void;
}) {
  const { item, t, locale } = props;
  const proof = props.proofs?.find((p) => p.kind === 'cancellation');
  return (
    <div class="warning after-cancel" role="alert" data-testid="after-cancel">
      <h4 id="rights-after-h">{t('rights.after.title')}</h4>
      <p>
        {t('rights.after.intro', {
          service: item.subscription.service,
          cancelled: day(item.subscription.cancelledOn ?? item.since, locale),
          since: day(item.since, locale),
        })}
      </p>
      <ul>
        {item.charges.map((c) => (
          <li key={c.id}>
            <time dateTime={c.date}>{day(c.date, locale)}</time>: {money(c.amountMinor, c.currency, locale)}
          </li>
        ))}
      </ul>
      <p class="small">{proof ? t('rights.after.proof') : t('rights.after.noProof')}</p>
      {props.onDismiss && (
        <button
          type="button"
          class="link-button"
          onClick={() => props.onDismiss?.(item.charges.map((c) => afterCancelKey(item.subscription.id, c.id)))}
        >
          {t('rights.after.dismiss')}
        </button>
      )}
    </div>
  );
}
