// The errors every layer may throw, below everything else (it imports nothing from src):
// a UserError is something the user can fix and carries the contract's exit code; anything
// else reaching the one catch in cli/ is a bug. RulesError is the exit-3 kind, with every
// problem attached as data; Interrupted is Ctrl-C or a signal.

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
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
    super(message, 3, details);
    this.name = 'RulesError';
  }
}

/** Ctrl-C at a prompt, or a signal: 130 for SIGINT, 128 + the signal's number otherwise. */
export class Interrupted extends Error {
  constructor(readonly exitCode: number = 130) {
    super('interrupted');
    this.name = 'Interrupted';
  }
}
