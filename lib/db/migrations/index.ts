import type { Migration } from './types';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';
import { v5 } from './v5';

/** The schema versions in order; the rules for writing one are in ./types.ts. */
export type { Migration };

export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5];
export const LATEST_VERSION = v5.version;
