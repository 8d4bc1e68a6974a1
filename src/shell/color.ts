// Whether to colour a stream: only a terminal, never with NO_COLOR or --no-color. FORCE_COLOR
// (not "0") turns it on for a pipe, for people who page output through `less -R`.
export interface ColorContext {
  /** false when --no-color was given. */
  flag: boolean;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

export function useColor({ flag, env, isTTY }: ColorContext): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return isTTY;
}
