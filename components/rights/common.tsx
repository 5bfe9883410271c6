import { daysLeftLabel } from '../../lib/app/format';
import { formatDate } from '../../lib/dates';
import type { Translate } from '../../lib/i18n';
import type { NoticePeriod } from '../../lib/model';
import type { Rule } from '../../lib/rights/rules';
import { safeHttpUrl } from '../views/format';

/** Small pieces the rights views share. */

/** "in 3 days" / "today" / "3 days ago". */
export function leftLabel(days: number, t: Translate): string {
  return days >= 0 ? daysLeftLabel(days, t) : t('rights.daysAgo', { n: -days });
}

export const day = (d: string, locale: string) => formatDate(d, locale, 'medium');

/** "1 month", "30 days", "the rest of the month + 1 month". */
export function noticeLabel(n: NoticePeriod, t: Translate): string {
  const base = t(`rights.notice.${n.unit}${n.n === 1 ? '.one' : ''}`, { n: n.n });
  return n.currentMonth ? t('rights.notice.currentMonth', { period: base }) : base;
}

/** The law a rule rests on, as a link to its text (http(s) only), and how sure Subkeeper is of it. */
export function LawRef({ rule, t }: { rule: Rule; t: Translate }) {
  const url = safeHttpUrl(rule.law.url);
  return (
    <span class="law-ref small">
      {url ? (
        <a href={url} target="_blank" rel="noopener noreferrer" title={rule.law.title}>
          {rule.law.citation}
        </a>
      ) : (
        rule.law.citation
      )}
      {rule.confidence !== 'verified' && <span class="muted"> {t(`rights.confidence.${rule.confidence}`)}</span>}
    </span>
  );
}
