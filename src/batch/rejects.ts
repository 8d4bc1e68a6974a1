// The rejects file: each rejected row as the clinic wrote it, behind its line number and
// what was wrong, so it can be fixed in a spreadsheet and rerun on its own. A rerun's
// rejects file does not grow a second pair of line/error columns.
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { headerKey } from './columns.js';
import { csvWriter, type CsvStyle } from './output.js';

export const REJECT_COLUMNS = ['line', 'error'] as const;

export class RejectsWriter {
  private readonly csv;
  private readonly done: Promise<void>;
  private readonly skip: number;
  private draining: Promise<unknown> | undefined;

  constructor(target: Writable, header: readonly string[], style: CsvStyle) {
    this.csv = csvWriter(style);
    this.done = pipeline(this.csv, target);
    this.done.catch(() => {}); // observed in close()
    // A rejects file fed back in: its own line and error columns are not the clinic's cells.
    this.skip = headerKey(header[0] ?? '') === 'line' && headerKey(header[1] ?? '') === 'error' ? 2 : 0;
    this.csv.write([...REJECT_COLUMNS, ...header.slice(this.skip)]);
  }

  /** Writes one rejected row; returns a promise only when the caller should wait (backpressure). */
  write(line: number, error: string, record: readonly string[]): Promise<unknown> | undefined {
    if (this.csv.write([String(line), error, ...record.slice(this.skip)])) return undefined;
    // One wait for the next drain, however many rows are written before it comes.
    return (this.draining ??= once(this.csv, 'drain').finally(() => (this.draining = undefined)));
  }

  async close(): Promise<void> {
    this.csv.end();
    await this.done;
  }
}
