import { z } from 'zod';

// No generated parser code: zod's JIT builds functions with `new Function`, which extension pages' CSP forbids
// and which costs far more on the first parse (in every web page the detector runs in) than it ever saves.
z.config({ jitless: true });

/** A calendar day, `YYYY-MM-DD`, that really exists (no time, no zone). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    if (m < 1 || m > 12 || d < 1) return false;
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return d <= days;
  }, 'not a real calendar day');
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant, as an ISO 8601 date-time string (used only for created/updated stamps). */
export const Timestamp = z.iso.datetime({ offset: true });
export type Timestamp = z.infer<typeof Timestamp>;

/** ISO 4217 currency code, upper case. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter currency code');
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/** Integer amount in minor units (øre, cents, pence). */
export const MinorUnits = z
  .number()
  .int('amount must be whole minor units')
  .min(0, 'amount cannot be negative')
  .max(1e12, 'amount is too large');

/**
 * A billing period as an ISO 8601 duration with one unit: P1W, P2W, P4W, P1M, P3M, P6M, P1Y, ...
 * Days are allowed for odd plans (P30D).
 */
export const Period = z.string().regex(/^P([1-9]\d{0,2})([DWMY])$/, 'expected a period like P1M, P2W or P1Y');
export type Period = z.infer<typeof Period>;

/**
 * Characters a link may never contain, even where `new URL()` would silently drop them (tab, CR, LF): C0 and C1
 * controls, DEL, the line and paragraph separators, and the bidi controls that make a link read differently
 * than it goes. A link carrying them is refused rather than cleaned: it was made to deceive.
 */
const URL_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const MAX_URL = 2048;

/**
 * Only http(s) links are ever stored or opened, and always as their normalised `href` (what the browser would
 * open), never the raw text: `HTTPS://Example.com/a b` is stored as `https://example.com/a%20b`.
 */
export const HttpUrl = z
  .string()
  .max(MAX_URL, 'link is too long')
  .transform((s, ctx) => {
    if (URL_FORBIDDEN.test(s)) {
      ctx.addIssue({ code: 'custom', message: 'a link cannot contain control characters' });
      return z.NEVER;
    }
    let u: URL;
    try {
      u = new URL(s);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'only http(s) links are allowed' });
      return z.NEVER;
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') {
      ctx.addIssue({ code: 'custom', message: 'only http(s) links are allowed' });
      return z.NEVER;
    }
    if (u.href.length > MAX_URL) {
      ctx.addIssue({ code: 'custom', message: 'link is too long' });
      return z.NEVER;
    }
    return u.href;
  });
export type HttpUrl = z.infer<typeof HttpUrl>;

/** A hostname such as `viaplay.no` (lower case, no scheme, no path). */
export const Hostname = z
  .string()
  .max(253)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, 'not a hostname');

export const Id = z.string().min(1).max(64);

/** Plain text from a user or a page: bounded, no control characters kept. */
export const Text = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .transform((s) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ''));

export const Language = z.enum(['en', 'nb', 'sv', 'da']);
export type Language = z.infer<typeof Language>;
