// The one place that decides the process's exit code (the contract's table).
export const EXIT = {
  ok: 0,
  rowsRejected: 1,
  usage: 2,
  rules: 3,
  interrupted: 130,
} as const;

export type Outcome =
  | { kind: 'planned' }
  | { kind: 'batch'; rejected: number }
  | { kind: 'error'; error: unknown };

/** Pure: from what happened to the exit code. Errors carrying an exitCode keep it. */
export function exitCodeFor(outcome: Outcome): number {
  switch (outcome.kind) {
    case 'planned':
      return EXIT.ok;
    case 'batch':
      return outcome.rejected > 0 ? EXIT.rowsRejected : EXIT.ok;
    case 'error': {
      const code = (outcome.error as { exitCode?: unknown } | null)?.exitCode;
      if (typeof code === 'number') return code;
      const name = (outcome.error as { name?: unknown } | null)?.name;
      if (name === 'ExitPromptError' || name === 'AbortPromptError') return EXIT.interrupted;
      return 70; // internal error: a bug (EX_SOFTWARE)
    }
  }
}
