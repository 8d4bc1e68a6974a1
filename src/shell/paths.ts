// Guards on output paths: never write over a file the command was told to read, nor into
// a folder it reads from (the rules). The writing itself is atomic-write.ts.
import { realpathSync, existsSync } from 'node:fs';
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
