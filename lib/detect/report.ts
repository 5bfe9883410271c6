import type { PageDetection } from '../model';
import { toMajor } from '../money';

/** The CLI's JSON shape: amounts in major units, optional fields left out when not stated. */
export interface DetectReport {
  kind: PageDetection['kind'];
  service: { name: string; domain: string } | null;
  subscription: {
    amount: number;
    currency: string;
    period?: string;
    trialDays?: number;
    introAmount?: number;
    introPeriods?: number;
    nextRenewal?: string;
    priceChange?: { amount: number; from: string };
  } | null;
  charges: Array<{ date: string; amount: number; currency: string }>;
  links: { cancel?: string; pause?: string; manage?: string };
  /** What a message says happens to the subscription (e-mails mostly); left out when nothing. */
  event?: NonNullable<PageDetection['event']>;
}

/** Converts a detection (minor units) to the CLI report (major units, no directory id). Pure. */
export function toReport(d: PageDetection): DetectReport {
  const s = d.subscription;
  let subscription: DetectReport['subscription'] = null;
  if (s) {
    subscription = { amount: toMajor(s.amountMinor, s.currency), currency: s.currency };
    if (s.period !== undefined) subscription.period = s.period;
    if (s.trialDays !== undefined) subscription.trialDays = s.trialDays;
    if (s.introAmountMinor !== undefined) subscription.introAmount = toMajor(s.introAmountMinor, s.currency);
    if (s.introPeriods !== undefined) subscription.introPeriods = s.introPeriods;
    if (s.nextRenewal !== undefined) subscription.nextRenewal = s.nextRenewal;
    if (s.priceChange !== undefined) {
      subscription.priceChange = { amount: toMajor(s.priceChange.amountMinor, s.currency), from: s.priceChange.from };
    }
  }
  const links: DetectReport['links'] = {};
  if (d.links.cancel) links.cancel = d.links.cancel;
  if (d.links.pause) links.pause = d.links.pause;
  if (d.links.manage) links.manage = d.links.manage;
  const report: DetectReport = {
    kind: d.kind,
    service: d.service ? { name: d.service.name, domain: d.service.domain } : null,
    subscription,
    charges: d.charges.map((c) => ({ date: c.date, amount: toMajor(c.amountMinor, c.currency), currency: c.currency })),
    links,
  };
  if (d.event) report.event = d.event;
  return report;
}
