import { z } from 'zod';
import { Category, IsoDate, RIGHTS_COUNTRIES, RightsCountry } from '../../model';
import dk from './dk.json';
import eu from './eu.json';
import gb from './gb.json';
import no from './no.json';
import se from './se.json';

/**
 * Consumer rules as data: one JSON file per country (./no.json, ./se.json, ./dk.json, ./gb.json) and the EU's
 * (./eu.json), each rule with its law, its sources and how sure Subkeeper is of it. This module validates and looks
 * them up; lib/rights applies them. Information, not legal advice.
 */

export { RIGHTS_COUNTRIES, RightsCountry };

const Source = z.strictObject({ title: z.string().min(10), url: z.url({ protocol: /^https?$/ }) });
const Law = z.strictObject({
  title: z.string().min(3),
  /** How the rule is cited to the user (`forbrugeraftaleloven § 28`). */
  citation: z.string().min(3).max(120),
  url: z.url({ protocol: /^https?$/ }),
});
const Scope = z.union([
  z.strictObject({ only: z.array(Category).min(1) }),
  z.strictObject({ except: z.array(Category) }),
]);
/** verified: the legal text or the authority's statement of it; secondary: a guide or commentary; uncertain: said so. */
export const Confidence = z.enum(['verified', 'secondary', 'uncertain']);
export type Confidence = z.infer<typeof Confidence>;

const common = {
  id: z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/),
  categories: Scope,
  law: Law,
  sources: z.array(Source).min(1),
  confidence: Confidence,
  note: z.string(),
};

export const Rule = z.discriminatedUnion('kind', [
  z.strictObject({
    ...common,
    kind: z.literal('withdrawal'),
    params: z.strictObject({ days: z.number().int().min(7).max(30), extendMonths: z.number().int().min(0).max(12) }),
  }),
  z.strictObject({ ...common, kind: z.literal('withdrawalFunction'), params: z.strictObject({ from: IsoDate }) }),
  z.strictObject({
    ...common,
    kind: z.literal('maxBinding'),
    params: z.union([
      z.strictObject({
        noticeAfterMonths: z.number().int().min(1).max(24),
        noticeMonths: z.number().int().min(1).max(3),
        toMonthEnd: z.boolean(),
        maxYearlyDkk: z.number().int().positive(),
      }),
      z.strictObject({ maxMonths: z.number().int().min(1).max(60), exceptFixedPrice: z.boolean() }),
    ]),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('renewalReminder'),
    params: z.strictObject({
      reminderMonths: z.number().int().min(1).max(3),
      exemptIfEndsWithinMonths: z.number().int().min(1).max(12),
      inForceFrom: IsoDate,
    }),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('priceNotice'),
    params: z.strictObject({ days: z.number().int().min(1).max(90), alsoDays: z.number().int().min(1).max(90) }),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('changeTermination'),
    params: z.strictObject({
      noticeMonths: z.number().int().min(1).max(3),
      terminateWithinMonths: z.number().int().min(1).max(6),
    }),
  }),
  z.strictObject({ ...common, kind: z.literal('easyCancel'), params: z.strictObject({}) }),
]);
export type Rule = z.infer<typeof Rule>;
export type RuleKind = Rule['kind'];
export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;

export const RuleFile = z.strictObject({
  $comment: z.string(),
  country: z.enum(['NO', 'SE', 'DK', 'GB', 'EU']),
  rules: z.array(Rule).min(1),
});

/** The raw files, for the data test (which validates them with {@link RuleFile}). */
export const RULE_FILES = { NO: no, SE: se, DK: dk, GB: gb, EU: eu } as const;

const euFunction = (eu.rules as Rule[]).filter((r) => r.kind === 'withdrawalFunction');

/** Every rule Subkeeper applies for a user living in `country`. */
export function countryRules(country: RightsCountry): readonly Rule[] {
  switch (country) {
    case 'NO':
      return no.rules as Rule[];
    case 'SE':
      return [...(se.rules as Rule[]), ...euFunction];
    case 'DK':
      return [...(dk.rules as Rule[]), ...euFunction];
    case 'GB':
      return gb.rules as Rule[];
    default:
      return eu.rules as Rule[];
  }
}

/** Whether a rule holds for a category (its `only` list, or every category but its `except` list). */
export function inScope(rule: Rule, category: Category): boolean {
  const scope = rule.categories;
  return 'only' in scope ? scope.only.includes(category) : !scope.except.includes(category);
}

/** The rule of `kind` that holds for `category` where the user lives, if any. */
export function ruleFor<K extends RuleKind>(
  country: RightsCountry | undefined,
  category: Category,
  kind: K,
): RuleOf<K> | undefined {
  if (!country) return undefined;
  return countryRules(country).find((r): r is RuleOf<K> => r.kind === kind && inScope(r, category));
}
