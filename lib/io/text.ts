/**
 * Text of an uploaded file: UTF-16 or UTF-8 with a byte-order mark, UTF-8, else Windows-1252 / Latin-1, which older
 * Nordic bank exports use (`Beløp`, `Bokföringsdag` would otherwise come out garbled).
 */
export function decodeText(bytes: Uint8Array): string {
  // UTF-16 with a byte-order mark (spreadsheets' "Unicode text").
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
