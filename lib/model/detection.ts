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
    })
    .nullable(),
  charges: z.array(z.object({ date: IsoDate, amountMinor: MinorUnits, currency: CurrencyCode })).max(500),
  links: z.object({ cancel: HttpUrl.optional(), pause: HttpUrl.optional(), manage: HttpUrl.optional() }),
});
export type PageDetection = z.infer<typeof PageDetection>;
