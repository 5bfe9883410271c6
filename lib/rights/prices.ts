import { addMonthsClamped, diffDays } from '../dates';
import type { PriceChange, RightsCountry, Subscription } from '../model';
import { type RuleOf, ruleFor } from './rules';

/**
 * A price rise checked against the notice it needed (issue 14 item 3). The notice the user had is, as far as
 * Subkeeper knows, the time from the day it first saw the new price (`noticedOn`: a page, a mail or a statement that
 * showed it) to the day the price applied: the service may well have told the user earlier by a channel Subkeeper
 * does not see, so the views word it as "Subkeeper first saw it …".
 */
export type PriceCheck =
  | {
      /** A rule on the notice of price changes (Norwegian electricity). */
      kind: 'notice';
      /** Days between first seen and applied; undefined when Subkeeper does not know when it was first seen. */
      givenDays?: number;
      /** `short`: under every reading of the rule; `maybe-short`: under one of them; `enough`; `unknown`. */
      verdict: 'short' | 'maybe-short' | 'enough' | 'unknown';
      rule: RuleOf<'priceNotice'>;
    }
  | {
      /** A right to end the contract when its terms change (telecom: Directive (EU) 2018/1972 art. 105(4)). */
      kind: 'termination';
      givenDays?: number;
      /** The notice was shorter than the rule asks (one month). */
      short: boolean;
      /** The user may end the contract without cost until this day (one month after they were told). */
      terminateBy: string;
      rule: RuleOf<'changeTermination'>;
    };

/** What the rules where the user lives say about a price rise on a subscription; undefined for a drop or no rule. */
export function priceCheckOf(
  change: PriceChange,
  sub: Pick<Subscription, 'category'>,
  country: RightsCountry | undefined,
): PriceCheck | undefined {
  if (change.newAmountMinor <= change.oldAmountMinor) return undefined;
  const given = change.noticedOn !== undefined ? diffDays(change.noticedOn, change.date) : undefined;
  const notice = ruleFor(country, sub.category, 'priceNotice');
  if (notice) {
    const { days, alsoDays } = notice.params;
    const verdict =
      given === undefined
        ? 'unknown'
        : given < Math.min(days, alsoDays)
          ? 'short'
          : given < Math.max(days, alsoDays)
            ? 'maybe-short'
            : 'enough';
    return { kind: 'notice', ...(given !== undefined ? { givenDays: given } : {}), verdict, rule: notice };
  }
  const termination = ruleFor(country, sub.category, 'changeTermination');
  if (termination) {
    const told = change.noticedOn ?? change.date;
    const required = addMonthsClamped(change.date, -termination.params.noticeMonths);
    return {
      kind: 'termination',
      ...(given !== undefined ? { givenDays: given } : {}),
      short: told > required,
      terminateBy: addMonthsClamped(told, termination.params.terminateWithinMonths),
      rule: termination,
    };
  }
  return undefined;
}
