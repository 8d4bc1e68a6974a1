// The batch's main loop, synchronous within each chunk read: csv-parse's own parse function
// (the one its stream wraps) turns a 128 KB chunk into records, each record is planned, and
// csv-stringify's own transform function turns each plan into text gathered in a 64 KB
// buffer, written once full. Only the read and a write that has to wait for the disk or the
// pipe are awaited. A profile put a sixth of a row's time in the stream and async-generator
// plumbing between stages (a promise and a stream buffer per record) and most of the
// garbage collection in what it left behind; the output is byte for byte the same.
import type { Readable, Writable } from 'node:stream';
import { csvParser, type LineCounter } from './records.js';
import { csvOptions, planCells, planJsonLine, PLAN_COLUMNS, type CsvStyle } from './output.js';
import { CsvBytes, OutBytes, WRITE_BYTES } from './out-bytes.js';
import { isBlank } from './rows.js';
import type { RowResult } from './plan-rows.js';
import type { Columns } from './columns.js';
import type { Tally } from './summary.js';

/** What csv-parse's stream calls per chunk. */
interface ParseApi {
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
  state: { quoting: boolean };
}

/** csv-parse's error, marked with whether a quote was open (records.ts words the two apart). */
function parseError(err: Error | undefined, api: ParseApi): (Error & { quoteOpen?: boolean }) | undefined {
  if (err) (err as Error & { quoteOpen?: boolean }).quoteOpen = api.state.quoting === true;
  return err;
}

/** What csv-parse is given at a time, of a bigger read. */
const PARSE_BYTES = 1 << 14;
const noop = () => {};

export interface LoopOptions {
  input: Readable;
  delimiter: string;
  lines: LineCounter;
  tally: Tally;
  /** CSV in this style, or NDJSON when undefined. */
  csv: CsvStyle | undefined;
  out: Writable;
  signal: AbortSignal;
  /** The header row: columns resolved, and the function planning each row. */
  onHeader(header: string[]): { columns: Columns; handle: (record: readonly string[]) => RowResult };
  onReject(line: number, error: string, record: readonly string[]): Promise<unknown> | undefined;
  onProgress(rowsRead: number): void;
}

/** Runs the whole file; false when it held no header row. Parser errors are thrown as csv-parse's. */
export async function runChunkLoop(o: LoopOptions): Promise<boolean> {
  const parser = (csvParser(o.delimiter) as unknown as { api: ParseApi }).api;
  const { lines, tally } = o;
  // CSV rows, or NDJSON lines gathered the same way.
  const csv = o.csv ? new CsvBytes(csvOptions(o.csv, 'printable')) : undefined;
  const text = csv ?? new OutBytes();
  let handle: ((record: readonly string[]) => RowResult) | undefined;
  let header = false;
  let waits: Promise<unknown>[] = [];
  let records: string[][] = [];
  const collect = (record: string[]) => {
    records.push(record);
  };

  const rows = async () => {
    const batch = records;
    records = [];
    for (const record of batch) {
      const line = lines.startOf(record);
      if (isBlank(record)) continue;
      if (!header) {
        header = true;
        handle = o.onHeader(record).handle;
        csv?.row(PLAN_COLUMNS);
        continue;
      }
      tally.read++;
      const result = handle!(record);
      if (result.plan) {
        tally.addPlan(result.plan.status);
        if (csv) csv.row(planCells(result.plan, line));
        else text.add(planJsonLine(result.plan));
      } else {
        const wait = o.onReject(line, result.error, record);
        if (wait) waits.push(wait);
      }
    }
    o.onProgress(tally.read);
    if (waits.length) {
      // The rejects file is behind: let it drain before reading on.
      const pending = waits;
      waits = [];
      await Promise.all(pending);
    }
    if (text.size >= WRITE_BYTES) await text.writeTo(o.out, o.signal);
  };

  for await (const chunk of o.input as AsyncIterable<Buffer | string>) {
    o.signal.throwIfAborted();
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    // A read parsed in slices: the records of a whole read, alive at once, were what each
    // young-generation GC had to copy (it was a fifth of the run).
    for (let at = 0; at < bytes.length; at += PARSE_BYTES) {
      const err = parseError(parser.parse(bytes.subarray(at, at + PARSE_BYTES), false, collect, noop), parser);
      await rows(); // the records before a parse error too, so the error's line is right
      if (err) throw err;
    }
  }
  const err = parseError(parser.parse(undefined, true, collect, noop), parser);
  await rows();
  if (err) throw err;
  if (text.size) await text.writeTo(o.out, o.signal);
  return header;
}
