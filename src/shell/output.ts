// Writing results: stdout, or a file written atomically (temporary file, then rename) so a
// crash never leaves half a plan, and never over a file the command was told to read.
import { mkdtempSync, renameSync, rmSync, writeFileSync, realpathSync, existsSync } from 'node:fs';
import { dirname, join, resolve, basename, sep } from 'node:path';
import { UserError } from '../errors.js';

/** The real path of a file that may not exist yet: its folder's real path plus its name. */
function realish(p: string): string {
  const abs = resolve(p);
  if (existsSync(abs)) return realpathSync(abs);
  const parent = dirname(abs);
  return parent === abs ? abs : join(realish(parent), basename(abs));
}

/** True when two paths name one file, through symbolic links and `..`. */
export function samePath(a: string, b: string): boolean {
  return realish(a) === realish(b);
}

/** Refuses an output path that is one of the inputs (exit 2). */
export function assertNotInput(output: string | undefined, inputs: readonly (string | undefined)[], flag = '--output'): void {
  if (!output || output === '-') return;
  for (const input of inputs)
    if (input && input !== '-' && samePath(output, input))
      throw new UserError(`${flag} ${output} is the input file; choose another file so the input is not overwritten`);
}

/** True when `path` is `folder` or lies anywhere under it (symlinks resolved). */
export function isInside(path: string, folder: string): boolean {
  const p = realish(path);
  const f = realish(folder);
  return p === f || p.startsWith(f.endsWith(sep) ? f : f + sep);
}

/** Refuses an output path inside a folder the command reads, e.g. the rules folder (exit 2). */
export function assertOutside(output: string | undefined, folder: string, what: string, flag = '--output'): void {
  if (!output || output === '-') return;
  if (isInside(output, folder))
    throw new UserError(`${flag} ${output} is inside ${what} (${folder}); choose a file elsewhere so the rules are not overwritten`);
}

/** A file-system error in words: "no such folder", "it is a folder", "permission denied". */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such folder';
  if (code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message;
}

export function cannotWrite(path: string, e: unknown): UserError {
  return new UserError(`cannot write ${path}: ${reason(e)}`);
}

/**
 * A private temporary folder beside `path`, so the finished file can be renamed into place
 * (a rename within one file system is atomic). Shared by whole-text and streamed writes.
 */
export function tempDirBeside(path: string): string {
  try {
    return mkdtempSync(join(dirname(resolve(path)), `.${basename(path)}.tmp-`));
  } catch (e) {
    throw cannotWrite(path, e);
  }
}

/** Writes text to a file atomically: a temporary file beside it, then a rename. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmpDir = tempDirBeside(path);
  const tmp = join(tmpDir, 'out');
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    throw cannotWrite(path, e);
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}

/** Writes to stdout when output is undefined or "-", else atomically to the file. */
export function emit(text: string, output: string | undefined): void {
  if (output === undefined || output === '-') process.stdout.write(text);
  else writeFileAtomic(output, text);
}
