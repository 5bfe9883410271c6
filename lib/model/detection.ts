import { z } from 'zod';
import { CurrencyCode, Hostname, HttpUrl, Id, IsoDate, MinorUnits, Period, Text } from './primitives';

/*
 * Kept apart from the other entities so that the page detector, which runs in web pages, builds only the
 * schemas it needs.
 */

export const PAGE_KINDS = ['signup', 'confirmation', 'receipt', 'billing', 'account', 'pricing', 'none'] as const;
export const PageKind = z.enum(PAGE_KINDS);
export type PageKind = z.infer<typeof PageKind>;

/**
 * What a message (mostly an e-mail) says happened or is about to happen to a subscription, beside its kind: a trial
 * ending, a renewal coming, a price change, a failed payment, a cancellation, a welcome.
 */
export const DETECTION_EVENTS = [
  'trial-ending',
  'renewal-upcoming',
  'price-change',
  'payment-failed',
  'cancelled',
  'welcome',
] as const;
export const DetectionEvent = z.enum(DETECTION_EVENTS);
export type DetectionEvent = z.infer<typeof DetectionEvent>;

/**
 * What the detection engine read off one page (amounts in minor units). This is also the payload a content
 * script sends to the background, so every field is bounded.
 */
export const PageDetection = z.object({
  kind: PageKind,
  service: z
    .object({
      name: Text(120).pipe(z.string().min(1)),
      domain: Hostname,
      serviceId: Id.optional(),
    })
    .nullable(),
  subscription: z
    .object({
      amountMinor: MinorUnits,
      currency: CurrencyCode,
      period: Period.optional(),
      trialDays: z.number().int().min(1).max(366).optional(),
      introAmountMinor: MinorUnits.optional(),
      introPeriods: z.number().int().min(1).max(36).optional(),
      nextRenewal: IsoDate.optional(),
      /** A coming price (same currency) and the day it applies from, as a price-change notice states it. */
      priceChange: z.object({ amountMinor: MinorUnits, from: IsoDate }).optional(),
    })
    .nullable(),
  charges: z.array(z.object({ date: IsoDate, amountMinor: MinorUnits, currency: CurrencyCode })).max(500),
  links: z.object({ cancel: HttpUrl.optional(), pause: HttpUrl.optional(), manage: HttpUrl.optional() }),
  event: DetectionEvent.optional(),
  /**
   * A name the page gave itself (og:site_name, structured data, title) that belongs to another service in the
   * directory, on a host that is not that service's: flagged, and not used as the name.
   */
  claimedName: Text(120).optional(),
});
export type PageDetection = z.infer<typeof PageDetection>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A detection as sent by a content script (or made by the engine), reduced to its valid parts: a field that fails
 * the schema is dropped instead of failing the whole detection (an over-long service name from a hostile page
 * must not cost the price that was read correctly). Returns null when not even the page kind is valid.
 */
export function salvageDetection(raw: unknown): PageDetection | null {
  const whole = PageDetection.safeParse(raw);
  if (whole.success) return whole.data;
  if (!isObject(raw)) return null;
  const kind = PageKind.safeParse(raw.kind);
  if (!kind.success) return null;
  const out: PageDetection = { kind: kind.data, service: null, subscription: null, charges: [], links: {} };
  const svc = PageDetection.shape.service.safeParse(raw.service);
  if (svc.success) out.service = svc.data;
  const sub = raw.subscription;
  if (isObject(sub)) {
    const subSchema = PageDetection.shape.subscription;
    const base = { amountMinor: sub.amountMinor, currency: sub.currency };
    if (subSchema.safeParse(base).success) {
      const keep: Record<string, unknown> = { ...base };
      for (const key of [
        'period',
        'trialDays',
        'introAmountMinor',
        'introPeriods',
        'nextRenewal',
        'priceChange',
      ] as const) {
        const v = sub[key];
        if (v !== undefined && subSchema.safeParse({ ...base, [key]: v }).success) keep[key] = v;
      }
      const parsed = subSchema.safeParse(keep);
      if (parsed.success) out.subscription = parsed.data;
    }
  }
  const chargeSchema = PageDetection.shape.charges.element;
  if (Array.isArray(raw.charges)) {
    for (const c of raw.charges.slice(0, 5000)) {
      const parsed = chargeSchema.safeParse(c);
      if (parsed.success) out.charges.push(parsed.data);
      if (out.charges.length >= 500) break;
    }
  }
  const linkSchema = PageDetection.shape.links;
  if (isObject(raw.links)) {
    for (const k of ['cancel', 'pause', 'manage'] as const) {
      const parsed = linkSchema.safeParse({ [k]: raw.links[k] });
      if (parsed.success && parsed.data[k]) out.links[k] = parsed.data[k];
    }
  }
  const event = DetectionEvent.safeParse(raw.event);
  if (event.success) out.event = event.data;
  const claimed = PageDetection.shape.claimedName.safeParse(raw.claimedName);
  if (claimed.success && claimed.data) out.claimedName = claimed.data;
  const again = PageDetection.safeParse(out);
  return again.success ? again.data : { kind: kind.data, service: null, subscription: null, charges: [], links: {} };
}
