// Output gathered as bytes, for the plans and the rejects file alike: csv-stringify's own
// transform function (the one its stream wraps) turns each row into text, which is encoded
// into a buffer at once, and full buffers go to the file in one write. Through the stream,
// each row cost a stream write, its buffering and a callback; the text is the same.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify, type Options } from 'csv-stringify';

/** A written chunk this big or more goes out; smaller ones wait for more. */
export const WRITE_BYTES = 1 << 16;

/**
 * Bytes waiting to be written: each text is encoded into a buffer as it comes, so it dies
 * young. Gathered as one string, the text until the next write was a tree of every cell's
 * piece, alive through each young-generation GC (copied, then promoted). A chunk holds whole
 * records only, so a reader may decode each chunk on its own.
 */
export class OutBytes {
  private buf = Buffer.allocUnsafe(WRITE_BYTES);
  private used = 0;
  private done: Buffer[] = [];
  private doneBytes = 0;

  get size(): number {
    return this.doneBytes + this.used;
  }

  add(t: string | Buffer): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: room for that, or a new buffer.
    const most = typeof t === 'string' ? t.length * 3 : t.length;
    if (this.used + most > this.buf.length) this.seal(most);
    this.used += typeof t === 'string' ? this.buf.write(t, this.used) : t.copy(this.buf, this.used);
  }

  /** Everything gathered, as chunks to write; the next add starts a new buffer. */
  take(): Buffer[] {
    this.seal(0);
    const out = this.done;
    this.done = [];
    this.doneBytes = 0;
    return out;
  }

  /**
   * Writes everything gathered to `out`; resolves when it may take more (at once, unless
   * the disk or the pipe is behind). Rejects when `out` fails while it waits.
   */
  async writeTo(out: Writable, signal?: AbortSignal): Promise<void> {
    let drained = true;
    for (const chunk of this.take()) drained = out.write(chunk);
    if (drained) return;
    // A stream that has failed (a full disk) or was closed never drains: say so instead.
    if (out.destroyed) throw out.errored ?? new Error('the output was closed');
    await once(out, 'drain', { signal });
  }

  private seal(room: number): void {
    if (this.used) {
      this.done.push(this.buf.subarray(0, this.used));
      this.doneBytes += this.used;
    }
    this.buf = Buffer.allocUnsafe(Math.max(WRITE_BYTES, room));
    this.used = 0;
  }
}

/** What csv-stringify's stream calls per record. */
interface StringifyApi {
  __transform(record: readonly string[], push: (text: string | Buffer) => void): Error | undefined;
}

/** CSV rows into bytes: csv-stringify with these options, a row at a time, no stream. */
export class CsvBytes extends OutBytes {
  private readonly api: StringifyApi;
  private readonly push = (t: string | Buffer) => this.add(t);

  constructor(options: Options) {
    super();
    this.api = (stringify(options) as unknown as { api: StringifyApi }).api;
  }

  row(cells: readonly string[]): void {
    const err = this.api.__transform(cells, this.push);
    if (err) throw err;
  }
}
