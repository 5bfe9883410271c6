import type { Migration } from './types';
import { v3 } from './v3';

/**
 * Version 4: links are stored as the href a browser opens, and a link with a control character is not stored
 * (issue 15, item 4: a CR/LF in a link wrote lines of its own into an exported calendar). No shape changes: the
 * check after the last step (./settle.ts) rewrites every link to its normalised href and drops a link it refuses
 * from its record, noting it in `quarantine`. Same table layout.
 */
export const v4: Migration = {
  version: 4,
  stores: v3.stores,
};
