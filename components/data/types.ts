/** Reads an uploaded file's text. Pages pass one in (e.g. `(f) => f.arrayBuffer().then((b) => decodeText(new Uint8Array(b)))`), so these views make no browser calls of their own. */
export type ReadFile = (file: File) => Promise<string>;

/** The first file of a file input's change event, if any. */
export function fileOf(e: Event): File | undefined {
  const input = e.currentTarget as HTMLInputElement | null;
  return input?.files?.[0] ?? undefined;
}

/** Every file of a file input's change event. */
export function filesOf(e: Event): File[] {
  const input = e.currentTarget as HTMLInputElement | null;
  return input?.files ? Array.from(input.files) : [];
}

/** A kebab-case code as the camelCase end of a catalog key (`too-large` → `tooLarge`). */
export function codeKey(code: string): string {
  return code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}
