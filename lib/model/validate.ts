import type { z } from 'zod';

/** Field path (e.g. `amountMinor` or `links.cancel.url`) → message. */
export type FieldErrors = Record<string, string>;

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Parses `input` with `schema`, turning zod issues into one message per field path. Never throws. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.infer<S>> {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join('.') || '(root)';
    if (!(key in errors)) errors[key] = issue.message;
  }
  return { ok: false, errors };
}

/** One line naming each field and its problem, for error messages. */
export function describeErrors(errors: FieldErrors): string {
  return Object.entries(errors)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
}
