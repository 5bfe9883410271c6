import { z } from 'zod';
import { Category, Hostname, Language } from '../model';

/**
 * Countries a directory entry can be marked with: ISO 3166-1 alpha-2 codes, or `*` for "everywhere".
 * Add a code here when a new country's services are added.
 */
export const COUNTRIES = [
  '*',
  'NO',
  'SE',
  'DK',
  'FI',
  'IS',
  'GB',
  'IE',
  'US',
  'CA',
  'DE',
  'AT',
  'CH',
  'NL',
  'BE',
  'LU',
  'FR',
  'ES',
  'PT',
  'IT',
  'PL',
  'EE',
  'LV',
  'LT',
  'AU',
  'NZ',
] as const;
export const Country = z.enum(COUNTRIES);
export type Country = z.infer<typeof Country>;

/** An `https:` link (the directory never ships plain-http links). */
export const HttpsUrl = z
  .string()
  .max(2048)
  .refine((s) => {
    try {
      return new URL(s).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'only https links are allowed in the directory');

/** A stable, URL-safe id such as `netflix` or `telenor-no`. */
export const ServiceId = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case words joined by "-"');

export const ServiceLinks = z.strictObject({
  manage: HttpsUrl.optional(),
  cancel: HttpsUrl.optional(),
  pause: HttpsUrl.optional(),
});
export type ServiceLinks = z.infer<typeof ServiceLinks>;

/** Notes shown to the user (binding period, notice), one text per language. */
export const ServiceNotes = z.partialRecord(Language, z.string().min(1).max(300));
export type ServiceNotes = z.infer<typeof ServiceNotes>;

/** One service in the directory (one object in a `data/<category>.json` file). */
export const ServiceEntry = z.strictObject({
  id: ServiceId,
  name: z.string().min(1).max(120),
  /** Every domain the service uses; subdomains of these match too. */
  domains: z.array(Hostname).min(1).max(40),
  category: Category,
  countries: z.array(Country).min(1).max(30),
  links: ServiceLinks,
  pausable: z.boolean(),
  /** Words seen on bank/card statements for this service. */
  statement: z.array(z.string().min(2).max(60)).max(20),
  notes: ServiceNotes.optional(),
});
export type ServiceEntry = z.infer<typeof ServiceEntry>;

/** A whole category file: a list of entries. */
export const ServiceFile = z.array(ServiceEntry);
