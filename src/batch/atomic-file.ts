// A file written as a stream and published whole: rows go to a temporary file beside the
// target, renamed over it only when the batch finished, so a crash or Ctrl-C never leaves
// half a plans file (the same rule as src/cli/output.ts, for streams).
import { createWriteStream, mkdtempSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../cli/errors.js';

export interface AtomicFile {
  path: string;
  stream: WriteStream;
  /** Moves the finished file into place (call after the stream has finished). */
  commit(): void;
  /** Removes the temporary file; safe to call more than once. */
  discard(): void;
}

export function openAtomicFile(path: string, flag: string): AtomicFile {
  let tmpDir: string;
  try {
    tmpDir = mkdtempSync(join(dirname(resolve(path)), `.${basename(path)}.tmp-`));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${flag} ${path}: cannot write there (${code === 'ENOENT' ? 'no such folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message})`);
  }
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
        throw new UserError(`${flag} ${path}: cannot write there (${(e as Error).message})`);
      }
      open = false;
      process.removeListener('exit', discard);
      rmSync(tmpDir, { recursive: true, force: true });
    },
    discard,
  };
}
