import { toMajor } from '../money';
import type { RecurringSeries } from './recurring';

/** One series as the `recurring` command prints it (amounts in major units). */
export interface SeriesReport {
  payee: string;
  amount: number;
  currency: string;
  period: string;
  count: number;
  firstDate: string;
  lastDate: string;
  nextDate: string;
  /** Present (false) only for a series that has stopped. */
  active?: false;
  serviceId?: string;
  category?: string;
  introAmount?: number;
  amountChanged?: true;
}

/**
 * The command's output for the found series: the latest amount in major units; `active: false` only on stopped
 * series; with `details`, also the directory id and category, an intro amount and whether the price changed.
 */
export function toReport(series: readonly RecurringSeries[], details = false): { series: SeriesReport[] } {
  return {
    series: series.map((s) => {
      const r: SeriesReport = {
        payee: s.payee,
        amount: toMajor(s.amountMinor, s.currency),
        currency: s.currency,
        period: s.period,
        count: s.count,
        firstDate: s.firstDate,
        lastDate: s.lastDate,
        nextDate: s.nextDate,
      };
      if (!s.active) r.active = false;
      if (details) {
        if (s.serviceId) r.serviceId = s.serviceId;
        if (s.category) r.category = s.category;
        if (s.introAmountMinor !== undefined) r.introAmount = toMajor(s.introAmountMinor, s.currency);
        if (s.amountChanged) r.amountChanged = true;
      }
      return r;
    }),
  };
}
