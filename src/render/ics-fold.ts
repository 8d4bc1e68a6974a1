// RFC 5545 §3.1: content lines are folded at 75 octets, not characters; a fold must not
// split a UTF-8 sequence. The ics package folds by characters (a line of accented or
// non-Latin text comes out at up to three times the limit), so its output is unfolded and
// folded again here. Pure.

const LIMIT = 75;

/** Folds one unfolded content line: continuation lines start with one space. */
function foldLine(line: string): string {
  if (Buffer.byteLength(line) <= LIMIT) return line;
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  // The first line holds 75 octets; each continuation a space and 74.
  let room = LIMIT;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > room) {
      parts.push(part);
      part = '';
      octets = 0;
      room = LIMIT - 1;
    }
    part += ch;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n ');
}

/** An iCalendar text with every content line folded at 75 octets, CRLF line ends. */
export function foldIcs(text: string): string {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  return lines.map(foldLine).join('\r\n');
}
