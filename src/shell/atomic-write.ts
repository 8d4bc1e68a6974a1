// Every output file is written the same way, whole text or stream: to a private temporary
// file beside the real target, then renamed over it, so a crash, a full disk or Ctrl-C
// never leaves half a plan and the file that was there stays as it was. The contract's
// "Output files" rules: a symlink is followed (its target is replaced, the link stays); a
// device or FIFO is written in place (it cannot be renamed over); an existing file keeps
// its permissions (and, as root, its owner). Failures are exit 74 naming the file.
import {
  closeSync,
  createWriteStream,
  fchmodSync,
  fchownSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  type WriteStream,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { fileErrorWords } from '../text/file-errors.js';

export function cannotWrite(path: string, error: unknown): UserError {
  return new UserError(`cannot write ${path || '""'}: ${fileErrorWords(error, 'file', 'write')}`, EXIT.cannotWrite);
}

interface Target {
  /** Where the bytes go: the path with symlinks resolved. */
  real: string;
  /** A device, FIFO or socket: written in place. */
  special: boolean;
  /** The existing file's mode and owner, kept across the rename. */
  keep?: { mode: number; uid: number; gid: number };
}

function targetOf(path: string): Target {
  if (path === '') throw new UserError('the output file name is empty; give a file name, or - for stdout');
  const abs = resolve(path);
  let real = abs;
  try {
    real = realpathSync(abs);
  } catch {
    // A dangling symlink: write where it points, so the link then resolves.
    try {
      if (lstatSync(abs).isSymbolicLink()) real = resolve(dirname(abs), readlinkSync(abs));
    } catch {
      /* nothing there yet: a new file */
    }
  }
  let stat;
  try {
    stat = statSync(real);
  } catch {
    return { real, special: false };
  }
  if (stat.isDirectory()) throw cannotWrite(path, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
  if (!stat.isFile()) return { real, special: true };
  return { real, special: false, keep: { mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid } };
}

/** Temporaries not yet renamed or removed: removed on any exit, and by signal handlers. */
const pending = new Set<string>();
let tempCounter = 0;
let exitHookInstalled = false;

/** Removes every temporary file still open (a signal or an early exit ends the process). */
export function discardPendingWrites(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}

/** A new private (0600) temporary beside the target; a short name, whatever the target's length. */
function openTemp(target: Target, path: string): { tmp: string; fd: number } {
  if (!exitHookInstalled) {
    process.once('exit', discardPendingWrites);
    exitHookInstalled = true;
  }
  // Unique enough with the pid; 'wx' below refuses a name that exists, never overwrites it.
  const tmp = join(dirname(target.real), `.needleplan-${process.pid}-${(tempCounter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', 0o600);
  } catch (e) {
    throw cannotWrite(path, e);
  }
  pending.add(tmp);
  try {
    if (target.keep) {
      fchmodSync(fd, target.keep.mode);
      if (process.getuid?.() === 0) fchownSync(fd, target.keep.uid, target.keep.gid);
    }
  } catch {
    /* best effort: the content matters more than the mode */
  }
  return { tmp, fd };
}

function publish(tmp: string, target: Target, path: string): void {
  try {
    renameSync(tmp, target.real);
    pending.delete(tmp);
  } catch (e) {
    drop(tmp);
    throw cannotWrite(path, e);
  }
}

function drop(tmp: string): void {
  rmSync(tmp, { force: true });
  pending.delete(tmp);
}

/** Writes text to a file atomically (in place for a device or FIFO). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const target = targetOf(path);
  if (target.special) {
    try {
      writeFileSync(target.real, data);
    } catch (e) {
      throw cannotWrite(path, e);
    }
    return;
  }
  const { tmp, fd } = openTemp(target, path);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    closeSync(fd);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
    drop(tmp);
    throw cannotWrite(path, e);
  }
  publish(tmp, target, path);
}

export interface AtomicFile {
  path: string;
  stream: WriteStream;
  /** Moves the finished file into place (call after the stream has finished). */
  commit(): void;
  /** Removes the temporary file; safe to call more than once. */
  discard(): void;
  /** The stream's write error as the exit-74 message (a full disk, an I/O error), if it failed. */
  failure(): UserError | undefined;
}

/** Records a stream's first error as the message naming the user's path (never the temporary). */
function watch(stream: WriteStream, path: string): () => UserError | undefined {
  let failed: UserError | undefined;
  stream.on('error', (e) => {
    failed ??= cannotWrite(path, e);
  });
  return () => failed;
}

/**
 * What a stream holds before its writer is asked to wait: batch writes 64 KB at a time, and
 * with the 16 KB default every write waited for the disk, the planning idle meanwhile.
 */
const STREAM_BUFFER = 1 << 20;

/** A file written as a stream and published whole by commit(). */
export function openAtomicFile(path: string): AtomicFile {
  const target = targetOf(path);
  if (target.special) {
    const stream = createWriteStream(target.real, { flags: 'w', highWaterMark: STREAM_BUFFER });
    return { path, stream, commit() {}, discard: () => stream.destroy(), failure: watch(stream, path) };
  }
  const { tmp, fd } = openTemp(target, path);
  const stream = createWriteStream(tmp, { fd, highWaterMark: STREAM_BUFFER });
  let open = true;
  return {
    path,
    stream,
    failure: watch(stream, path),
    commit() {
      if (!open) return;
      open = false;
      publish(tmp, target, path);
    },
    discard() {
      if (!open) return;
      open = false;
      stream.destroy();
      drop(tmp);
    },
  };
}

/** Writes to stdout when output is undefined or "-", else atomically to the file. */
export function emit(text: string, output: string | undefined): void {
  if (output === undefined || output === '-') process.stdout.write(text);
  else writeFileAtomic(output, text);
}
