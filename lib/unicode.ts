/**
 * Character classes by UTF-16 code unit, answered with plain comparisons for the scripts and blocks page text and
 * our data mostly hold. The first `/\p{L}/u` test in a page costs milliseconds (the class has hundreds of
 * ranges), so the detector only falls back to the regular expressions for rare characters.
 */
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether the code unit is a letter (`\p{L}`). */
export function isLetterCode(c: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (!(c < 0x10000)) return false; // NaN: past the end of the text
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x2000 && c <= 0x206f) return false; // general punctuation: dashes, quotes, bidi controls
  if (c >= 0x20a0 && c <= 0x20cf) return false; // currency signs
  if (c >= 0x400 && c <= 0x45f) return true; // Cyrillic
  if (c >= 0x621 && c <= 0x64a) return true; // Arabic letters
  if (c >= 0x904 && c <= 0x939) return true; // Devanagari letters
  if (c >= 0x4e00 && c <= 0x9fff) return true; // CJK ideographs
  if (c >= 0xac00 && c <= 0xd7a3) return true; // Hangul syllables
  if (c === 0x58f || c === 0x60b || c === 0x941 || c === 0x9f3 || c === 0xe3f || c === 0x17db) return false;
  if (c === 0xfdfc || c === 0xffe5 || c === 0xfeff) return false;
  return LETTER.test(String.fromCharCode(c));
}

/** Whether the code unit is a letter or a number (`[\p{L}\p{N}]`). */
export function isLetterOrDigitCode(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (!(c < 0x10000)) return false; // NaN: past the end of the text
  if (c < 0xc0)
    return c === 0xaa || c === 0xb5 || c === 0xba || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe);
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x2000 && c <= 0x206f) return false;
  if (c >= 0x20a0 && c <= 0x20cf) return false;
  return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

/** Lower case with every index kept: a character whose lower case is longer (`İ`) stays as it is. */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}
