// A date as people write it in a flag or a cell: YYYY-MM-DD, also with / or . and single
// digits (2027/1/5). Only the writing: whether it is a real day is the caller's check.

/** "2027-01-05" for "2027/1/5", or undefined when the text is not written that way. */
export function writtenIsoDate(text: string): string | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
}
