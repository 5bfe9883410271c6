import type { Detection, Language } from '../model';
import { siteOf } from '../trust/site';
import { STAMP_KEY, SUMMARY_KEY } from './paint-keys';
import type { ActiveTab, CurrentSite, PopupSummary } from './popup';

/**
 * The first-paint summary's shape and the check made before painting it (lib/app/paint-summary has the rest): a
 * module of its own, small, for the dashboard's entry script.
 */

export const SUMMARY_VERSION = 1;
export interface PaintSummary {
  version: typeof SUMMARY_VERSION;
  stamp: string;
  /** The day its figures (days left, this month's total) are for. */
  today: string;
  settings: { baseCurrency: string; language: Language | 'auto' };
  /** The date of the exchange rates the totals were converted with. */
  ratesDate: string;
  popup: PopupSummary;
  subscriptionCount: number;
  /** Pending detections, newest first (at most {@link SUMMARY_DETECTIONS}). */
  detections: Detection[];
  /** Whether `detections` holds all of them. */
  allDetections: boolean;
  /** Tracked subscriptions' domains: on their sites the popup's site card waits for the database. */
  domains: string[];
}

const LANGUAGES: ReadonlySet<unknown> = new Set(['auto', 'en', 'nb', 'sv', 'da']);
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isArray = Array.isArray;

/**
 * The stored summary, when it may be painted now: the current stamp, made today, and plainly shaped (it was written
 * by this extension; this is a cheap check, not a schema: the live data replaces it moments later).
 */
export function usableSummary(stored: Record<string, unknown> | undefined, today: string): PaintSummary | null {
  const s = stored?.[SUMMARY_KEY];
  const stamp = stored?.[STAMP_KEY];
  if (!isObject(s) || s.version !== SUMMARY_VERSION || typeof stamp !== 'string' || s.stamp !== stamp) return null;
  if (s.today !== today || !isObject(s.popup) || !isObject(s.settings) || typeof s.ratesDate !== 'string') return null;
  const { totals, renewals, ending } = s.popup;
  if (!isObject(totals) || typeof totals.monthlyMinor !== 'number' || typeof totals.yearlyMinor !== 'number')
    return null;
  if (!isArray(renewals) || !isArray(ending)) return null;
  if (!isArray(s.detections) || !isArray(s.domains) || typeof s.allDetections !== 'boolean') return null;
  const { baseCurrency, language } = s.settings;
  if (typeof baseCurrency !== 'string' || !/^[A-Z]{3}$/.test(baseCurrency) || !LANGUAGES.has(language)) return null;
  return s as unknown as PaintSummary;
}

/**
 * What the popup paints from a summary for this tab (lib/app/popup's siteFor over the summary): its site card, or
 * null when the summary cannot tell it exactly (the tab's site is a tracked subscription's, whose card needs the
 * subscription itself, or the tab's detection may be among those left out): then the popup waits for the database.
 */
export function popupSite(s: PaintSummary, tab: ActiveTab | undefined): { site: CurrentSite | null } | null {
  if (!tab?.id) return { site: null };
  const detection = s.detections.find((d) => d.tabId === tab.id);
  let hostname = detection?.hostname;
  if (!hostname && tab.url && /^https?:/.test(tab.url)) hostname = siteOf(tab.url);
  if (!hostname) return { site: null };
  const host = hostname;
  if (s.domains.some((d) => host === d || host.endsWith(`.${d}`))) return null;
  if (!detection && !s.allDetections) return null;
  return { site: { hostname, ...(detection ? { detection } : {}) } };
}
