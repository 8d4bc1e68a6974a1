// Runs `batch` in-process (runBatch with its streams swapped for strings) for the batch unit
// tests, and reads CSV output back with csv-parse so tests assert on cells, not on text.
import { PassThrough, Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { runBatch, type BatchOptions } from '../../src/commands/batch.js';

export const BATCH_FIXTURES = fileURLToPath(new URL('../fixtures/batch/', import.meta.url));
export const fixture = (name: string) => BATCH_FIXTURES + name;

export interface BatchRun {
  /** What runBatch returned: the number of rejected rows. */
  rejected: number;
  stdout: string;
  stderr: string;
}

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

/**
 * Runs batch on a file (or on `stdin` bytes with file "-"), never touching the real stdio.
 * `chunkSize` feeds stdin in pieces that size, splitting line ends and UTF-8 characters.
 */
export async function batch(file: string, options: BatchOptions = {}, stdin?: string | Buffer, chunkSize?: number): Promise<BatchRun> {
  const stdout = new Collect();
  const stderr = new Collect();
  const bytes = Buffer.from(stdin ?? '');
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize ?? bytes.length) chunks.push(bytes.subarray(at, at + (chunkSize ?? bytes.length)));
  const input = stdin === undefined ? new PassThrough().end() : Readable.from(chunks);
  const rejected = await runBatch(file, options, { stdin: input as unknown as NodeJS.ReadStream, stdout, stderr });
  return { rejected, stdout: stdout.text, stderr: stderr.text };
}

/** CSV text -> rows of cells (the header row included), parsed by the library. */
export function cells(text: string, delimiter = ','): string[][] {
  return parse(text, { delimiter, bom: true, relax_column_count: true }) as string[][];
}

/** CSV text -> one object per row keyed by the header. */
export function records(text: string, delimiter = ','): Record<string, string>[] {
  const [header = [], ...rows] = cells(text, delimiter);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

/** The summary's counts, read back from stderr. */
export function summary(stderr: string): { read: number; planned: number; rejected: number } {
  const n = (label: string) => Number(new RegExp(`^${label}: (\\d+)`, 'm').exec(stderr)?.[1] ?? NaN);
  return { read: n('rows read'), planned: n('planned'), rejected: n('rejected') };
}

/** Line numbers of rejected rows as stderr reports them ("file:12: ..."). */
export function rejectedLines(stderr: string): number[] {
  return [...stderr.matchAll(/^[^\n]*?:(\d+): /gm)].map((m) => Number(m[1]));
}
