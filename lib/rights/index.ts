import type { PageKind, PageTerms, RightsCountry, Subscription, Terms } from '../model';
import {
  boundUntilOf,
  type CancelBy,
  cancelByOf,
  type DanishCap,
  danishCapOf,
  type LongBinding,
  longBindingOf,
  type RenewalReminder,
  renewalReminderOf,
  type Withdrawal,
  withdrawalOf,
} from './deadlines';
import { ruleFor } from './rules';

/**
 * A person's rights when they sign up and cancel (issue 14): the terms a sign-up page stated, the deadlines they
 * and the consumer rules give, proof of what pages said, charges after cancelling, letters, the warning before paying
 * twice and the opt-in cost per use. Everything here is pure and takes the day as input; the rules are data with
 * their sources (./rules). Information, not legal advice.
 */
export * from './after-cancel';
export * from './country';
export * from './deadlines';
export * from './letters';
export * from './paytwice';
export * from './prices';
export * from './proof';
export { countryRules, inScope, RULE_FILES, type Rule, RuleFile, ruleFor } from './rules';
export * from './terms';
export * from './usage';

/** Pages whose terms describe a contract being made (a proof of sign-up is kept of them). */
export function isSignupKind(kind: PageKind): boolean {
  return kind === 'signup' || kind === 'confirmation';
}

/**
 * The terms a new subscription gets from the page it was found on: what the page stated, the day as the contract
 * date, and — for a sign-up or confirmation page — what it said about the right of withdrawal, `none` when nothing
 * (then the period may be extended). Other pages (receipts, account pages) say nothing about how the contract was
 * made, so they give no contract date and no withdrawal verdict. Undefined when there is nothing to keep.
 */
export function termsFromPage(page: PageTerms, kind: PageKind, url: string, today: string): Terms | undefined {
  const signup = isSignupKind(kind);
  const terms: Terms = {};
  if (signup) {
    terms.contractDate = today;
    terms.withdrawal = page.withdrawal ?? 'none';
  }
  if (page.withdrawalUrl) terms.withdrawalUrl = page.withdrawalUrl;
  if (page.bindingMonths !== undefined) terms.bindingMonths = page.bindingMonths;
  if (page.notice) terms.notice = page.notice;
  if (page.autoRenew !== undefined) terms.autoRenew = page.autoRenew;
  if (page.customerNumber) terms.customerNumber = page.customerNumber;
  if (page.contactEmail) terms.contactEmail = page.contactEmail;
  if (Object.keys(terms).length === 0) return undefined;
  return { ...terms, seenOn: url };
}

/**
 * The terms of two pages of one sign-up (the sign-up page, then its confirmation): the later page's statements win,
 * what only the earlier one stated is kept, the earlier contract date stays, and withdrawal information stated on
 * either page counts as given.
 */
export function mergeTerms(earlier: Terms | undefined, later: Terms | undefined): Terms | undefined {
  if (!earlier) return later;
  if (!later) return earlier;
  const merged: Terms = { ...earlier, ...later };
  if (earlier.contractDate && (!later.contractDate || earlier.contractDate < later.contractDate)) {
    merged.contractDate = earlier.contractDate;
  }
  const w = [earlier.withdrawal, later.withdrawal];
  merged.withdrawal = w.includes('waived')
    ? 'waived'
    : w.includes('stated')
      ? 'stated'
      : (later.withdrawal ?? earlier.withdrawal);
  if (merged.withdrawal === undefined) delete merged.withdrawal;
  return merged;
}

/** Everything the rules and terms say about one subscription today (for the detail view and the popup). */
export interface RightsSummary {
  country?: RightsCountry;
  withdrawal: Withdrawal;
  boundUntil?: string;
  cancelBy?: CancelBy;
  danishCap?: DanishCap;
  longBinding?: LongBinding;
  renewalReminder?: RenewalReminder;
  /** The rule that cancelling must be as easy as signing up, where the user lives. */
  easyCancel?: ReturnType<typeof ruleFor<'easyCancel'>>;
}

export function rightsOf(sub: Subscription, country: RightsCountry | undefined, today: string): RightsSummary {
  const bound = boundUntilOf(sub);
  const cancelBy = cancelByOf(sub, today);
  const danishCap = danishCapOf(sub, country, today);
  const longBinding = longBindingOf(sub, country);
  const renewalReminder = renewalReminderOf(sub, country, today);
  const easyCancel = ruleFor(country, sub.category, 'easyCancel');
  return {
    ...(country ? { country } : {}),
    withdrawal: withdrawalOf(sub, country, today),
    ...(bound ? { boundUntil: bound } : {}),
    ...(cancelBy ? { cancelBy } : {}),
    ...(danishCap ? { danishCap } : {}),
    ...(longBinding ? { longBinding } : {}),
    ...(renewalReminder ? { renewalReminder } : {}),
    ...(easyCancel ? { easyCancel } : {}),
  };
}
