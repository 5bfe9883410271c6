import { addDays, diffDays } from '../dates/calendar';
import type { Detection, ExchangeRates, Language, Subscription } from '../model';
import { currencyDefaults } from '../money/locale';
import { bundledRates } from '../money/rates';
import { scheduleDays } from '../schedule/days';
import {
  type Ctx,
  counts,
  dueFrom,
  endingSoon,
  priceOn,
  type Renewal,
  type Totals,
  type TrialEnding,
  totals,
} from '../summary';
import { forHost, siteOf } from '../trust/site';

/**
 * What the popup shows, from plain data: this site, the month's total, the next renewals and the trials that
 * end soon. Used both for the popup's first paint (straight from the database, before the store is loaded)
 * and for its later renders from the store, so the two cannot disagree.
 */

/** What Subkeeper knows about the active tab: a new detection there, or a tracked subscription. */
export interface CurrentSite {
  hostname: string;
  detection?: Detection;
  subscription?: Subscription;
}

export interface ActiveTab {
  id?: number;
  url?: string;
}

/** `detections` are the pending ones, newest first (the first one for the tab wins). */
export function siteFor(
  tab: ActiveTab | undefined,
  detections: readonly Detection[],
  subs: readonly Subscription[],
): CurrentSite | null {
  if (!tab?.id) return null;
  const detection = detections.find((d) => d.tabId === tab.id);
  let hostname = detection?.hostname;
  if (!hostname && tab.url && /^https?:/.test(tab.url)) hostname = siteOf(tab.url);
  if (!hostname) return null;
  const subscription = forHost(subs, hostname);
  return { hostname, ...(detection ? { detection } : {}), ...(subscription ? { subscription } : {}) };
}

export interface PopupSummary {
  totals: Totals;
  renewals: Renewal[];
  ending: Array<TrialEnding & { kind: 'trial' | 'intro' }>;
}

/** How many renewals the popup lists. */
export const POPUP_RENEWALS = 5;

/**
 * This month's total, the next five renewals (30 days) and what ends within 14 days. The renewals are
 * `upcomingRenewals(subs, today, 30).slice(0, 5)` (a test checks this), found without building and sorting
 * every renewal of the month: at most five per subscription, and the details only for the five shown.
 */
export function popupSummary(subs: readonly Subscription[], ctx: Ctx): PopupSummary {
  const end = addDays(ctx.today, 30);
  const candidates: Array<{ date: string; sub: Subscription }> = [];
  for (const sub of subs) {
    if (!counts(sub, ctx.today)) continue;
    const from = dueFrom(sub, ctx.today);
    if (from > end) continue;
    for (const date of scheduleDays(sub.billingAnchor, sub.period, from, end, POPUP_RENEWALS)) {
      if (sub.endsOn && date > sub.endsOn) break;
      candidates.push({ date, sub });
    }
  }
  candidates.sort(
    (a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || a.sub.service.localeCompare(b.sub.service),
  );
  return {
    totals: totals(subs, ctx),
    renewals: candidates.slice(0, POPUP_RENEWALS).map(({ date, sub }) => ({
      subscription: sub,
      date,
      daysLeft: diffDays(ctx.today, date),
      amountMinor: priceOn(sub, date),
      currency: sub.currency,
    })),
    ending: endingSoon(subs, ctx.today, 14),
  };
}

/** The settings the first paint uses. */
export interface PaintSettings {
  baseCurrency: string;
  language: Language | 'auto';
  exchangeRates?: ExchangeRates;
}

/** The defaults of the settings schema for those fields (a test keeps them equal to DEFAULT_SETTINGS). */
export const PAINT_DEFAULTS: PaintSettings = { baseCurrency: 'NOK', language: 'auto' };

/** A new user's settings for the first paint (lib/app/defaults `localeSettings`, without loading the schema). */
export function paintDefaults(languages: readonly string[]): PaintSettings {
  return { ...PAINT_DEFAULTS, baseCurrency: currencyDefaults(languages, (c) => c in bundledRates.perEur).base };
}

const LANGUAGE_SETTINGS: ReadonlySet<unknown> = new Set(['auto', 'en', 'nb', 'sv', 'da']);
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/**
 * The settings row as stored, read without the schema (which the first paint does not load). Returns null when
 * a field the popup uses is not plainly valid: the caller then waits for the validated path. A stored row was
 * validated when written, so this is a cheap re-check, not the gate.
 */
export function paintSettings(raw: unknown, languages: readonly string[] = []): PaintSettings | null {
  if (raw === undefined) return paintDefaults(languages);
  if (!isObject(raw)) return null;
  const { baseCurrency = PAINT_DEFAULTS.baseCurrency, language = PAINT_DEFAULTS.language, exchangeRates } = raw;
  if (typeof baseCurrency !== 'string' || !/^[A-Z]{3}$/.test(baseCurrency)) return null;
  if (!LANGUAGE_SETTINGS.has(language)) return null;
  if (exchangeRates === undefined) return { baseCurrency, language: language as PaintSettings['language'] };
  if (!isObject(exchangeRates) || typeof exchangeRates.date !== 'string' || !isObject(exchangeRates.perEur))
    return null;
  for (const [code, rate] of Object.entries(exchangeRates.perEur)) {
    if (!/^[A-Z]{3}$/.test(code) || typeof rate !== 'number' || !(rate > 0) || !Number.isFinite(rate)) return null;
  }
  return {
    baseCurrency,
    language: language as PaintSettings['language'],
    exchangeRates: exchangeRates as ExchangeRates,
  };
}
