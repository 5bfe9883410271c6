import { money, periodLabel } from '../lib/app/format';
import type { InboxItem } from '../lib/app/inbox';
import { formatDate } from '../lib/dates/format';
import type { Translate } from '../lib/i18n';
import type { Detection, ProposedCharge } from '../lib/model';
import type { ChangeLine } from '../lib/proposal';

/** How many charges an entry lists before "+N more". */
const CHARGES_SHOWN = 3;

/** A page-supplied link shown as plain text (never as a link to follow): host and path, shortened. */
function linkText(url: string): string {
  try {
    const u = new URL(url);
    const text = `${u.hostname.replace(/^www\./, '')}${u.pathname === '/' ? '' : u.pathname}`;
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  } catch {
    return url.slice(0, 60);
  }
}

function ChangeRow({ line, item, locale, t }: { line: ChangeLine; item: InboxItem; locale: string; t: Translate }) {
  let label: string;
  let from: string;
  let to: string;
  let note = '';
  if (line.field === 'amount') {
    label = t('inbox.price');
    from = money(line.from, line.currency, locale);
    to = money(line.to, line.currency, locale);
    const since = item.proposal?.type === 'update' ? item.proposal.changes.priceFrom : undefined;
    if (since) note = t('inbox.fromDate', { date: formatDate(since, locale, 'medium') });
  } else if (line.field === 'period') {
    label = t('inbox.period');
    from = periodLabel(line.from, t);
    to = periodLabel(line.to, t);
  } else if (line.field === 'renewal') {
    label = t('inbox.renewal');
    from = formatDate(line.from, locale, 'medium');
    to = formatDate(line.to, locale, 'medium');
  } else if (line.field === 'status') {
    // A cancellation the service confirmed (a page or a mail; issue 14); its proof waits with it.
    label = t('inbox.status');
    from = t(`common.status.${line.from}`);
    to = line.on
      ? t('rights.inbox.cancelledOn', { date: formatDate(line.on, locale, 'medium') })
      : t(`common.status.${line.to}`);
    if (line.endsOn) note = t('rights.inbox.accessUntil', { date: formatDate(line.endsOn, locale, 'medium') });
  } else if (line.field === 'terms') {
    label = t('rights.inbox.terms');
    from = t('inbox.none');
    to = t('rights.inbox.termsRead');
  } else {
    label = t(`inbox.link.${line.kind}`);
    from = line.from ? linkText(line.from) : t('inbox.none');
    to = linkText(line.to);
  }
  return (
    <div class="change">
      <dt>{label}</dt>
      <dd>
        <span class="old">{from}</span> → <strong class="new">{to}</strong>
        {note && <span class="muted small"> ({note})</span>}
      </dd>
    </div>
  );
}

function Charges({
  charges,
  locale,
  t,
  mail,
}: {
  charges: readonly ProposedCharge[];
  locale: string;
  t: Translate;
  /** Read from mail: how many mails (the wording says e-mail or e-mails). */
  mail?: number;
}) {
  if (charges.length === 0) return null;
  const newest = [...charges].sort((a, b) => (a.date < b.date ? 1 : -1));
  const shown = newest.slice(0, CHARGES_SHOWN);
  return (
    <p class="small charges">
      {t(mail === undefined ? 'inbox.charges' : mail > 1 ? 'inbox.chargesMail' : 'inbox.chargesOneMail')}:{' '}
      {shown.map((c, i) => (
        <span key={`${c.date}:${c.amountMinor}`}>
          {i > 0 && ', '}
          <time dateTime={c.date}>{formatDate(c.date, locale, 'medium')}</time>{' '}
          {money(c.amountMinor, c.currency, locale)}
        </span>
      ))}
      {charges.length > shown.length && ` ${t('inbox.more', { n: charges.length - shown.length })}`}
    </p>
  );
}

function NewSummary({ item, locale, t }: { item: InboxItem; locale: string; t: Translate }) {
  if (item.proposal?.type !== 'new') return null;
  const s = item.proposal.subscription;
  const when = s.trialEnd
    ? t('inbox.trialUntil', { date: formatDate(s.trialEnd, locale, 'medium') })
    : t('inbox.renews', { date: formatDate(s.billingAnchor, locale, 'medium') });
  return (
    <p class="proposal-summary">
      <strong>{money(s.amountMinor, s.currency, locale)}</strong> {periodLabel(s.period, t)} · {when}
    </p>
  );
}

/**
 * The inbox: what pages found, waiting for the user, each shown once. A new subscription can be added (or edited
 * first); changes to one the user has are listed old → new and can be applied; anything can be ignored. Nothing
 * here counts anywhere until accepted. Page text is shown as text only, and page links are never made clickable.
 */
export function DetectionInbox(props: {
  items: readonly InboxItem[];
  locale: string;
  t: Translate;
  onAccept: (d: Detection) => void;
  onEdit: (d: Detection) => void;
  onDismiss: (d: Detection) => void;
  onOpen?: (subscriptionId: string) => void;
}) {
  const { t, locale } = props;
  if (props.items.length === 0) return <p class="muted">{t('dashboard.inboxEmpty')}</p>;
  return (
    <>
      <p class="muted small">{t('inbox.hint')}</p>
      <ul class="inbox">
        {props.items.map((item) => {
          const d = item.detection;
          const host = d.hostname.endsWith('.invalid') ? '' : ` · ${d.hostname}`;
          const title = item.type === 'update' ? t('inbox.changesTo', { name: item.name }) : item.name;
          return (
            <li key={d.id} class="inbox-item" data-type={item.type}>
              <div class="inbox-main">
                <div>
                  <strong>{title}</strong>
                  {item.type === 'new' && <span class="tag new">{t('inbox.new')}</span>}
                </div>
                <div class="muted small">
                  {d.mail && d.result.event ? t(`inbox.event.${d.result.event}`) : t(`common.kind.${d.result.kind}`)}
                  {d.mail ? '' : host}
                </div>
                {d.mail && (
                  <p class="muted small mail-source">
                    {(d.mail.count ?? 1) > 1
                      ? t('inbox.fromMails', { n: d.mail.count ?? 1, sender: d.mail.name || d.mail.from })
                      : t('inbox.fromMail', { sender: d.mail.name || d.mail.from, subject: d.mail.subject })}
                  </p>
                )}
                {d.result.claimedName && (
                  <p class="warning small" role="note">
                    {t('inbox.claimed', { name: d.result.claimedName })}
                  </p>
                )}
                {item.type === 'new' && <NewSummary item={item} locale={locale} t={t} />}
                {item.type === 'found' && <p class="muted small">{t('inbox.noPrice')}</p>}
                {item.lines.length > 0 && (
                  <dl class="changes">
                    {item.lines.map((line) => (
                      <ChangeRow
                        key={line.field === 'link' ? `link:${line.kind}` : line.field}
                        line={line}
                        item={item}
                        locale={locale}
                        t={t}
                      />
                    ))}
                  </dl>
                )}
                <Charges
                  charges={item.charges}
                  locale={locale}
                  t={t}
                  {...(d.mail ? { mail: d.mail.count ?? 1 } : {})}
                />
              </div>
              <div class="row-actions">
                {item.type !== 'found' && (
                  <button type="button" class="primary" onClick={() => props.onAccept(d)}>
                    {t(item.type === 'update' ? 'inbox.apply' : 'inbox.add')}
                    <span class="sr-only"> {item.name}</span>
                  </button>
                )}
                {item.type === 'update' && props.onOpen && item.subscription ? (
                  <button type="button" onClick={() => props.onOpen?.(item.subscription!.id)}>
                    {t('common.details')}
                    <span class="sr-only"> {item.name}</span>
                  </button>
                ) : item.type !== 'update' ? (
                  <button type="button" onClick={() => props.onEdit(d)}>
                    {t('common.edit')}
                    <span class="sr-only"> {item.name}</span>
                  </button>
                ) : null}
                <button type="button" onClick={() => props.onDismiss(d)}>
                  {t('common.ignore')}
                  <span class="sr-only"> {item.name}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
