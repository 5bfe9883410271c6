/**
 * Keys of the first-paint summary in `storage.local` (lib/app/paint-summary.ts). A module of its own so that the
 * popup's and dashboard's tiny entry scripts can start reading them before anything else loads.
 */
export const SUMMARY_KEY = 'paint.summary';
/** A fresh random value after every committed write of the data the summary is made from. */
export const STAMP_KEY = 'paint.stamp';
export const PAINT_KEYS = [SUMMARY_KEY, STAMP_KEY];
