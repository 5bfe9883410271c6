import { canonical, sameValue } from '../io/canonical';

/**
 * The merge rules. A synced record is kept as a last-writer-wins map: every top-level field has its value, the
 * hybrid-logical-clock stamp of the change that set it (lib/sync/hlc) and the household member who made that
 * change. Merging two versions takes, field by field, the one with the later stamp. That is commutative,
 * associative and idempotent, so every device ends with the same record whatever order it sees the versions
 * in, and CouchDB's losing revisions can be folded in at any time.
 *
 * Deletion is the field `$del`. A record is deleted when its latest change is the deletion; a change stamped
 * after the deletion (made on a device that had not seen it yet) brings the record back, with every field
 * (a deleted record keeps its values, encrypted like the rest).
 */

export const DELETED = '$del';

export interface FieldState {
  /** Field values; a field with a stamp and no value was cleared. */
  f: Record<string, unknown>;
  /** Field → stamp of the change that set it. */
  c: Record<string, string>;
  /** Field → member who made that change. */
  b: Record<string, string>;
}

export function emptyState(): FieldState {
  return { f: {}, c: {}, b: {} };
}

/**
 * Which of two versions of one field wins: the later stamp. Equal stamps are one change (a stamp names its
 * browser), but the order is made total anyway (value, then author), so every browser picks the same.
 */
function wins(a: FieldState, b: FieldState, key: string): boolean {
  const stampA = a.c[key];
  const stampB = b.c[key];
  if (stampB === undefined) return true;
  if (stampA === undefined) return false;
  if (stampA !== stampB) return stampA > stampB;
  const valueA = canonical(a.f[key] ?? null);
  const valueB = canonical(b.f[key] ?? null);
  if (valueA !== valueB) return valueA > valueB;
  return (a.b[key] ?? '') >= (b.b[key] ?? '');
}

/** Field-by-field last-writer-wins. */
export function mergeStates(a: FieldState, b: FieldState): FieldState {
  const out = emptyState();
  const keys = new Set([...Object.keys(a.c), ...Object.keys(b.c)]);
  for (const key of [...keys].sort()) {
    const fromA = wins(a, b, key);
    const src = fromA ? a : b;
    const stamp = src.c[key] as string;
    out.c[key] = stamp;
    if (src.b[key] !== undefined) out.b[key] = src.b[key] as string;
    if (src.f[key] !== undefined) out.f[key] = src.f[key];
  }
  return out;
}

export function mergeAll(states: readonly FieldState[]): FieldState {
  return states.reduce((acc, s) => mergeStates(acc, s), emptyState());
}

/** The latest stamp in the state, and who made that change. */
export function latestChange(state: FieldState): { stamp: string; by: string | undefined } | null {
  let best: string | undefined;
  let by: string | undefined;
  for (const [key, stamp] of Object.entries(state.c)) {
    if (best === undefined || stamp > best) {
      best = stamp;
      by = state.b[key];
    }
  }
  return best === undefined ? null : { stamp: best, by };
}

/** The member who first wrote the record (the author of its earliest stamp). */
export function firstAuthor(state: FieldState): string | undefined {
  let best: string | undefined;
  let by: string | undefined;
  for (const [key, stamp] of Object.entries(state.c)) {
    if (best === undefined || stamp < best) {
      best = stamp;
      by = state.b[key];
    }
  }
  return by;
}

/** Deleted when the deletion is the latest change. */
export function isDeleted(state: FieldState): boolean {
  if (state.f[DELETED] !== true) return false;
  const del = state.c[DELETED] as string;
  return Object.entries(state.c).every(([key, stamp]) => key === DELETED || stamp <= del);
}

/** The record a state holds (its fields, without `$del`), or null when it is deleted or empty. */
export function recordOf(state: FieldState): Record<string, unknown> | null {
  if (isDeleted(state)) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state.f)) if (key !== DELETED && value !== undefined) out[key] = value;
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * A local edit, as a change to `base` (the version in the replica, merged): every field that differs between
 * `before` (the record as this browser last synced it; null when it did not have it) and `after` (the record
 * now; null when it was deleted) gets `after`'s value, the stamp and the author. Fields nobody here changed keep
 * their own stamps, so a concurrent edit of another field by someone else survives.
 */
export function stampLocalEdit(
  base: FieldState | null,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  stamp: string,
  by: string,
): FieldState {
  const edit = emptyState();
  const set = (key: string, value: unknown) => {
    edit.c[key] = stamp;
    edit.b[key] = by;
    if (value !== undefined) edit.f[key] = value;
  };
  if (after === null) {
    set(DELETED, true);
  } else {
    const keys = new Set([...Object.keys(after), ...Object.keys(before ?? {})]);
    for (const key of keys) {
      if (key === DELETED) continue;
      if (before === null ? after[key] !== undefined : !sameValue(before[key], after[key])) set(key, after[key]);
    }
    if (base && base.f[DELETED] === true) set(DELETED, false);
    else if (before === null && !base) set(DELETED, false);
  }
  return base ? mergeStates(base, edit) : edit;
}

/** Shape check for a state read from a document (values are checked later by the record's schema). */
export function isFieldState(value: unknown): value is FieldState {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const isRecord = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
  if (!isRecord(v.f) || !isRecord(v.c) || !isRecord(v.b)) return false;
  return (
    Object.values(v.c).every((s) => typeof s === 'string') &&
    Object.values(v.b).every((s) => typeof s === 'string') &&
    Object.keys(v.f).every((k) => k in (v.c as object))
  );
}
