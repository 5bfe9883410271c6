/**
 * Canonical JSON: object keys sorted, `undefined` members left out (as JSON does), so that two equal records
 * give the same text whatever order their fields were written in. Household sync compares records by this text;
 * backups are written with the same key order.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** A copy of `value` with every object's keys in alphabetical order (arrays keep their order). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Same value by canonical JSON (`undefined` and a missing member are the same). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}
