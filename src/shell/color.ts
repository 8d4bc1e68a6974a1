// Whether to colour a stream: only a terminal, never with NO_COLOR, TERM=dumb or --no-color.
// FORCE_COLOR (not "0") turns it on for a pipe, for people who page output through `less -R`.
import type { Paint } from '../render/paint.js';
export interface ColorContext {
  /** false when --no-color was given. */
  flag: boolean;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

export function useColor({ flag, env, isTTY }: ColorContext): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return isTTY;
}

/** A chalk-backed paint; chalk is loaded only when colour is on, so pipes and JSON never pay for it. */
export async function chalkPaint(): Promise<Paint> {
  const { Chalk } = await import('chalk');
  // 16 colours are enough for a status word.
  const chalk = new Chalk({ level: 1 });
  return {
    bold: (t) => chalk.bold(t),
    dim: (t) => chalk.dim(t),
    red: (t) => chalk.red(t),
    yellow: (t) => chalk.yellow(t),
    green: (t) => chalk.green(t),
    cyan: (t) => chalk.cyan(t),
  };
}
