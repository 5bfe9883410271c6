import { z } from 'zod';
import { IsoDate, Text } from './primitives';

/** Where a message was read: its sender, subject and day, and whether it was open in webmail or in a mail file. */
export const MailSource = z.object({
  from: Text(320),
  name: Text(200).default(''),
  subject: Text(300).default(''),
  sent: IsoDate.optional(),
  via: z.enum(['webmail', 'file']),
  /** How many messages it sums up (a mail import groups a service's receipts into one proposal). */
  count: z.number().int().min(1).max(100_000).optional(),
});
export type MailSource = z.infer<typeof MailSource>;
