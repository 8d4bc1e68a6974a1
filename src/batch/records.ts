// CSV records with the physical line each starts on. csv-parse does the parsing; this file
// only configures it for exports as they are and counts lines itself: every record, blank
// ones included, takes one line plus the line breaks inside its quoted cells. (csv-parse's
// own `info` counts a CRLF inside quotes as two lines, and costs a third of parse time.)
import { parse, type Parser } from 'csv-parse';
import { UserError } from '../errors.js';

/** A record longer than this is a quote that never closes, not a real row. */
const MAX_RECORD_BYTES = 1 << 20;

/**
 * The parser, counting lines as it emits records when given a counter: the parser runs
 * ahead of the rows being planned (its output is buffered), so the line of a parse error is
 * the parser's own count, not the planned rows' (an unclosed quote on line 5002 was once
 * reported at 4995).
 */
export function csvParser(delimiter: string, parsed?: LineCounter): Parser {
  const parser = parse({
    delimiter,
    bom: true,
    // Any of the three line ends, even mixed in one file (exports get concatenated).
    record_delimiter: ['\r\n', '\n', '\r'],
    // Blank lines come through as records so line numbers can count them; rows with
    // fewer or more cells than the header are judged per row, not fatal.
    skip_empty_lines: false,
    relax_column_count: true,
    // O"Brien and 5'6" in unquoted cells are data, not errors.
    relax_quotes: true,
    // Spaces around a quoted cell (a, "b, c") do not break the quoting.
    trim: true,
    max_record_size: MAX_RECORD_BYTES,
    ...(parsed ? { on_record: (record: string[]) => (parsed.startOf(record), record) } : {}),
  });
  // Whether a quote was open when the parser gave up: a 1 MiB record is an unclosed quote
  // only then; otherwise it is one huge unquoted cell.
  parser.on('error', (error: Error & { quoteOpen?: boolean }) => {
    error.quoteOpen = (parser as unknown as { state?: { quoting?: boolean } }).state?.quoting === true;
  });
  return parser;
}

/** Hands out the line each record starts on. */
export class LineCounter {
  private nextLine = 1;

  /** The line the next record starts on (where a parse error is). */
  get next(): number {
    return this.nextLine;
  }

  /** The 1-based line the record starts on; call once per record, in order. */
  startOf(record: readonly string[]): number {
    const start = this.nextLine;
    let breaks = 0;
    for (const cell of record) if (cell.indexOf('\n') !== -1 || cell.indexOf('\r') !== -1) breaks += lineBreaks(cell);
    this.nextLine += 1 + breaks;
    return start;
  }
}

/** Line breaks in a cell: CRLF, LF and a lone CR each count once. */
export function lineBreaks(cell: string): number {
  let n = 0;
  for (let i = 0; i < cell.length; i++) {
    const ch = cell.charCodeAt(i);
    if (ch === 10) n++;
    else if (ch === 13) {
      n++;
      if (cell.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/** A parser failure (an unclosed quote) as a message with the line, exit 2. */
export function parseFailure(error: unknown, source: string, line: number): unknown {
  const { code, quoteOpen } = (error ?? {}) as { code?: string; quoteOpen?: boolean };
  if (code === 'CSV_QUOTE_NOT_CLOSED' || (code === 'CSV_MAX_RECORD_SIZE' && quoteOpen))
    return new UserError(`${source}:${line}: a quoted cell starting on this line is never closed (a stray " ?); fix it and rerun`);
  if (code === 'CSV_MAX_RECORD_SIZE')
    return new UserError(
      `${source}:${line}: the row starting on this line is longer than ${MAX_RECORD_BYTES / (1 << 20)} MiB (no client's answers are that long: a pasted file or a broken export?); fix it and rerun`,
    );
  if (typeof code === 'string' && code.startsWith('CSV_')) return new UserError(`${source}:${line}: ${(error as Error).message}`);
  return error;
}
