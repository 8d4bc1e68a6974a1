// A file written as a stream and published whole: rows go to a temporary file beside the
// target, renamed over it only when the batch finished, so a crash or Ctrl-C never leaves
// half a plans file (the same rule as src/shell/output.ts, for streams).
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { cannotWrite, tempDirBeside } from './output.js';

export interface AtomicFile {
  path: string;
  stream: WriteStream;
  /** Moves the finished file into place (call after the stream has finished). */
  commit(): void;
  /** Removes the temporary file; safe to call more than once. */
  discard(): void;
}

export function openAtomicFile(path: string): AtomicFile {
  const tmpDir = tempDirBeside(path);
  const tmp = join(tmpDir, 'out');
  const stream = createWriteStream(tmp, { flags: 'wx' });
  let open = true;
  const discard = () => {
    if (!open) return;
    open = false;
    process.removeListener('exit', discard);
    stream.destroy();
    rmSync(tmpDir, { recursive: true, force: true });
  };
  // Whatever ends the process early (process.exit on a closed stdout, say) leaves no temporary.
  process.once('exit', discard);
  return {
    path,
    stream,
    commit() {
      try {
        renameSync(tmp, path);
      } catch (e) {
        discard();
        throw cannotWrite(path, e);
      }
      open = false;
      process.removeListener('exit', discard);
      rmSync(tmpDir, { recursive: true, force: true });
    },
    discard,
  };
}
