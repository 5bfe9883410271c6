import { todayFromInstant } from '../../lib/dates';

/** The local day `days` from now, as a Date (its month and day also go into fixture texts). */
export function dayIn(days: number): Date {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d;
}

/** The browser's calendar day (`YYYY-MM-DD`, local time) of an instant: what the extension calls today. */
export const iso = (d: Date): string => todayFromInstant(d);
