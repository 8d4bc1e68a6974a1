// Two kinds of failure the shell knows: a UserError (bad flag, bad answer, bad file: the
// user can fix it) carries its exit code; anything else is a bug. RulesError (exit 3)
// lives beside the rules loader. describeError turns either into the words on stderr.
import { EXIT, exitCodeFor } from './cli/exit-code.js';
import { RulesError } from './rules/load/problems.js';

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

/** The exit code and the stderr text for a failure: short, actionable, a stack only with --debug. */
export async function describeError(error: unknown, debug: boolean): Promise<{ code: number; text: string }> {
  const code = exitCodeFor({ kind: 'error', error });
  const name = (error as { name?: unknown } | null)?.name;
  // Commander has already printed its own message (see configureOutput in main.ts).
  if (name === 'CommanderError') return { code, text: '' };
  if (code === EXIT.interrupted) return { code, text: 'needleplan: interrupted\n' };
  if (error instanceof UserError) {
    const lines = error.message.split('\n').map((line) => `needleplan: ${line}\n`);
    return { code, text: lines.join('') };
  }
  if (error instanceof RulesError) {
    const { renderRulesError } = await import('./rules/load/report.js');
    return { code, text: renderRulesError(error) };
  }
  const message = error instanceof Error ? error.message : String(error);
  let text =
    `needleplan: internal error: ${message}\n` +
    `needleplan: this is a bug; please report it with the command you ran${debug ? '' : ' (add --debug to see the stack)'}\n`;
  if (debug && error instanceof Error && error.stack) text += `${error.stack}\n`;
  return { code: EXIT.bug, text };
}
