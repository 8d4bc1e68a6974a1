// A progress bar on stderr for long batches: rows done and rows per second, through
// cli-progress. Only on a terminal, and only once a batch has run for a moment, so short
// files and piped or logged stderr never see it.
import type { Writable } from 'node:stream';

export interface Progress {
  /** Rows handled so far; cheap enough to call per row. */
  tick(rows: number): void;
  stop(): void;
}

const NONE: Progress = { tick() {}, stop() {} };

export interface ProgressOptions {
  stream: Writable & { isTTY?: boolean };
  enabled: boolean;
  /** Input size in bytes, when known: the bar then shows a percentage. */
  size: number | undefined;
  bytesRead(): number;
  /** Show nothing before this many ms (default 500). */
  delayMs?: number;
}

type Bar = { start(total: number, value: number, payload: object): void; update(value: number, payload: object): void; stop(): void };

export async function startProgress(options: ProgressOptions): Promise<Progress> {
  if (!options.enabled || !options.stream.isTTY) return NONE;
  const { default: cliProgress } = await import('cli-progress');
  const started = Date.now();
  const delay = options.delayMs ?? 500;
  const known = options.size !== undefined;
  let bar: Bar | undefined;
  let nextCheck = 0;
  const payload = (rows: number) => {
    const seconds = (Date.now() - started) / 1000;
    return { rows: rows.toLocaleString('en-US'), speed: Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en-US') };
  };
  return {
    tick(rows) {
      if (rows < nextCheck) return;
      nextCheck = rows + 1000;
      if (!bar) {
        if (Date.now() - started < delay) return;
        bar = new cliProgress.SingleBar(
          {
            stream: options.stream as NodeJS.WritableStream,
            format: known ? 'planning [{bar}] {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted}' : 'planning {rows} rows | {speed} rows/s',
            hideCursor: true,
            clearOnComplete: true,
            fps: 5,
          },
          cliProgress.Presets.shades_classic,
        ) as Bar;
        bar.start(options.size ?? 0, 0, payload(rows));
      }
      bar.update(known ? Math.min(options.bytesRead(), options.size!) : 0, payload(rows));
    },
    stop() {
      bar?.stop();
    },
  };
}
