/**
 * The detection engine: reads one page (any DOM Document) and tells what kind of subscription page it is and what
 * it says — service, recurring price, period, trial, intro offer, next renewal, past charges and where to cancel.
 * Pure: no network, no clock (the caller passes `now`), no layout reads. Never throws.
 *
 * `detectPage` validates the result against the `PageDetection` schema. The content script uses `detectPageRaw`
 * from ./engine instead (no zod in web pages); the background validates what it receives the same way.
 */
import { PageDetection, salvageDetection } from '../model/detection';
import { type DetectOptions, detectPageRaw } from './engine';

export type { DetectOptions } from './engine';
export type { DirectoryHit, LookupHost } from './service';

/**
 * Reads `document` (loaded from `url`) as of the day `now` (`YYYY-MM-DD`) and returns what it found, validated
 * against `PageDetection` (invalid fields are dropped). Returns kind `none` on any internal error.
 */
export function detectPage(document: Document, url: string, now: string, options: DetectOptions = {}): PageDetection {
  const raw = detectPageRaw(document, url, now, options);
  return salvageDetection(raw) ?? { kind: 'none', service: null, subscription: null, charges: [], links: {} };
}

/** The schema (and its type), for callers that validate detections they received. */
export { PageDetection };
