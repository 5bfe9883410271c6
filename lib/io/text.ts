/**
 * Text of an uploaded file: UTF-8 (with or without a byte-order mark), else Windows-1252 / Latin-1, which older
 * Nordic bank exports use (`Beløp`, `Bokföringsdag` would otherwise come out garbled).
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
