import { z } from 'zod';
import data from './bundles.json';

/** A subscription that includes other services (./bundles.json). */
export const Bundle = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  holder: z.union([
    z.strictObject({ serviceId: z.string().min(2) }),
    z.strictObject({ names: z.array(z.string().min(2)).min(1) }),
  ]),
  includes: z.array(z.string().min(2)).min(1),
  source: z.url({ protocol: /^https$/ }),
  note: z.string().min(5),
});
export type Bundle = z.infer<typeof Bundle>;

export const BundleFile = z.strictObject({ $comment: z.string(), bundles: z.array(Bundle) });

/** Every bundle (validated by the directory test). */
export const BUNDLES: readonly Bundle[] = data.bundles as Bundle[];
