// What one message may quote. A 900 KB cell or 10,000 unknown --concern values once made
// megabytes of error text (and seconds of work on suggestions); a person needs the start of
// the value and how many more there were. Pure.

/** At most this many characters of one quoted value. */
export const QUOTE_LIMIT = 200;
/** At most this many items of a list (unknown values, header cells) in one message. */
export const LIST_LIMIT = 10;

/** The value itself, or its first QUOTE_LIMIT characters and how long it was. */
export function clip(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${text.length.toLocaleString('en-US')} characters in all)`;
}

/** The first LIST_LIMIT items, then "and K more". */
export function clipList(items: readonly string[], limit = LIST_LIMIT): string[] {
  if (items.length <= limit) return [...items];
  return [...items.slice(0, limit), `and ${(items.length - limit).toLocaleString('en-US')} more`];
}
