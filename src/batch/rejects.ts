// The rejects file: each rejected row as the clinic wrote it, behind its line number and
// what was wrong, so it can be fixed in a spreadsheet and rerun on its own. A rerun's
// rejects file does not grow a second pair of line/error columns.
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { headerKey } from './columns.js';
import { csvOptions, type CsvStyle } from './output.js';
import { CsvBytes, WRITE_BYTES } from './out-bytes.js';

export const REJECT_COLUMNS = ['line', 'error'] as const;

export class RejectsWriter {
  private readonly csv: CsvBytes;
  private readonly skip: number;
  private draining: Promise<unknown> | undefined;

  constructor(
    private readonly target: Writable,
    header: readonly string[],
    style: CsvStyle,
  ) {
    this.csv = new CsvBytes(csvOptions(style, 'as-read'));
    // A rejects file fed back in: its own line and error columns are not the clinic's cells.
    this.skip = headerKey(header[0] ?? '') === 'line' && headerKey(header[1] ?? '') === 'error' ? 2 : 0;
    this.csv.row([...REJECT_COLUMNS, ...header.slice(this.skip)]);
  }

  /** Writes one rejected row; returns a promise only when the caller should wait (backpressure). */
  write(line: number, error: string, record: readonly string[]): Promise<unknown> | undefined {
    this.csv.row([String(line), error, ...record.slice(this.skip)]);
    if (this.draining || this.csv.size < WRITE_BYTES) return this.draining;
    // One wait for the next drain, however many rows are written before it comes.
    const wait = this.csv.writeTo(this.target);
    this.draining = wait.finally(() => (this.draining = undefined));
    return this.draining;
  }

  async close(): Promise<void> {
    await this.draining;
    await this.csv.writeTo(this.target);
    this.target.end();
    await finished(this.target);
  }
}
