import da from './da.json';
import en from './en.json';
import nb from './nb.json';
import sv from './sv.json';

/** The phrases of one language for reading terms (see en.json). The code never branches on a language. */
export interface TermWords {
  code: string;
  binding: string[];
  noBinding: string[];
  notice: string[];
  currentMonth: string[];
  /** Words before a binding or notice word that make it a reference, not a statement (`after the binding period`). */
  periodReference: string[];
  autoRenew: string[];
  noAutoRenew: string[];
  withdrawal: string[];
  waived: string[];
  withdrawalFunction: string[];
  cancelled: string[];
  conditional: string[];
  accessUntil: string[];
  customerNumber: string[];
  orderNumber: string[];
  /** Time-unit words beside the detector's (lib/detect/lang): genitives such as `måneds` in `1 måneds varsel`. */
  units: Partial<Record<'D' | 'W' | 'M' | 'Y', string[]>>;
}

/** Every language's phrases; a page is read with all of them merged, like the detector's lexicon. */
export const TERM_WORDS: readonly TermWords[] = [en, nb, sv, da];

export type TermList = Exclude<keyof TermWords, 'code' | 'units'>;
export const TERM_LISTS: readonly TermList[] = [
  'binding',
  'noBinding',
  'notice',
  'currentMonth',
  'periodReference',
  'autoRenew',
  'noAutoRenew',
  'withdrawal',
  'waived',
  'withdrawalFunction',
  'cancelled',
  'conditional',
  'accessUntil',
  'customerNumber',
  'orderNumber',
];
