// Tests that drive a real program of the machine (chromium, tmux, bash) ask for it here.
// On a machine with only Node and npm they skip, with one line saying what to install; CI
// sets NEEDLEPLAN_SYSTEM_TESTS=require, and then a missing program fails the run instead,
// so a skip can never pass there unnoticed.
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** The program's path: `name` itself when it holds a slash, else the first match on PATH. */
export function findProgram(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = name.includes('/') ? [name] : (env.PATH ?? '').split(delimiter).filter(isAbsolute).map((dir) => join(dir, name));
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

export interface SystemCheckOptions {
  env?: NodeJS.ProcessEnv;
  /** Where the skip line goes (stderr by default). */
  write?: (line: string) => void;
}

/**
 * True when `name` can be run. When it cannot: under NEEDLEPLAN_SYSTEM_TESTS=require this
 * throws (a test file that throws while it is collected fails the run); otherwise it
 * prints "skipped: <name> not found (<install>)" once and returns false, for
 * `describe.runIf(...)`.
 */
export function systemProgram(name: string, install: string, options: SystemCheckOptions = {}): boolean {
  const env = options.env ?? process.env;
  if (findProgram(name, env) !== undefined) return true;
  const why = `${name} not found (${install})`;
  if (env.NEEDLEPLAN_SYSTEM_TESTS === 'require') throw new Error(`NEEDLEPLAN_SYSTEM_TESTS=require and ${why}`);
  (options.write ?? ((line) => process.stderr.write(line)))(`skipped: ${why}\n`);
  return false;
}
