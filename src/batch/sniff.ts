// UTF-16 without a BOM (some exports, "Unicode text" from older spreadsheets) read as UTF-8
// is text with a NUL after every letter: 13 "rows" from a 12-row file, all rejected. Its
// ASCII letters give it away: a zero byte in every other position. Pure.

/** Bytes looked at; enough for a header line. */
export const SNIFF_BYTES = 64;

/** The UTF-16 byte order the bytes look like, or undefined for anything else. */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  // Mostly ASCII text: nearly every pair has its zero on the same side, none on the other.
  if (oddZero >= pairs * 0.6 && evenZero <= pairs * 0.1) return 'utf-16le';
  if (evenZero >= pairs * 0.6 && oddZero <= pairs * 0.1) return 'utf-16be';
  return undefined;
}
