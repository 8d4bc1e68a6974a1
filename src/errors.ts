// The errors every layer may throw, below everything else (it imports nothing from src):
// a UserError is something the user can fix and carries the contract's exit code; anything
// else reaching the one catch in cli/ is a bug. RulesError is the exit-3 kind, with every
// problem attached as data; Interrupted is Ctrl-C or a signal.

/** The contract's exit codes (README and --help list them). */
export const EXIT = {
  ok: 0,
  rowsRejected: 1,
  usage: 2,
  rules: 3,
  /** The records database cannot be used (opened, created, locked past the wait, not ours, newer). */
  records: 4,
  /** An unexpected error, i.e. a bug (sysexits EX_SOFTWARE). */
  bug: 70,
  /** An output could not be written (sysexits EX_IOERR). */
  cannotWrite: 74,
  interrupted: 130,
} as const;

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
    /** Lines printed as they are under the message (already indented), e.g. each rules problem. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A rules folder that cannot be used (exit 3). The problems are data; their words come with them. */
export class RulesError<Problem = unknown> extends UserError {
  constructor(
    message: string,
    readonly problems: readonly Problem[],
    readonly dir: string,
    details: readonly string[],
  ) {
    super(message, EXIT.rules, details);
    this.name = 'RulesError';
  }
}

/** Ctrl-C at a prompt, or a signal: 130 for SIGINT, 128 + the signal's number otherwise. */
export class Interrupted extends Error {
  constructor(readonly exitCode: number = EXIT.interrupted) {
    super('interrupted');
    this.name = 'Interrupted';
  }
}
