// Two kinds of failure the shell knows: a UserError (bad flag, bad answer, bad file: the
// user can fix it) carries its exit code; anything else is a bug. RulesError (exit 3)
// lives beside the rules loader.
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Ctrl-C at a prompt, or SIGINT: exit 130 with one line. */
export class Interrupted extends Error {
  readonly exitCode = 130;
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}
