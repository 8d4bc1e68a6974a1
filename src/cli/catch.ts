// The one catch: every failure becomes a few lines on stderr and the contract's exit code.
// A UserError is printed as written; anything else is a bug, said so, with the stack only
// under --debug. Messages quote what a user or a file supplied (a flag value, a CSV header,
// rule text): every line is made printable here, the one way out, so an escape sequence in
// them is shown as \xNN and never run by the terminal.
import { UserError } from '../errors.js';
import { EXIT, exitCodeFor } from './exit-code.js';
import { printable } from '../text/escape.js';

/** The exit code and the stderr text for a failure. */
export function describeError(error: unknown, debug: boolean): { code: number; text: string } {
  const code = exitCodeFor({ kind: 'error', error });
  const name = (error as { name?: unknown } | null)?.name;
  // Commander has already printed its own message (see configureOutput in main.ts).
  if (name === 'CommanderError') return { code, text: '' };
  if (code === EXIT.interrupted || name === 'Interrupted') return { code, text: 'needleplan: interrupted\n' };
  if (error instanceof UserError) {
    const lines = error.message.split('\n').map((line) => `needleplan: ${printable(line)}\n`);
    return { code, text: lines.join('') + error.details.map((line) => `${printable(line)}\n`).join('') };
  }
  const message = error instanceof Error ? error.message : String(error);
  let text =
    `needleplan: internal error: ${printable(message)}\n` +
    `needleplan: this is a bug; please report it with the command you ran${debug ? '' : ' (add --debug to see the stack)'}\n`;
  if (debug && error instanceof Error && error.stack) text += `${error.stack}\n`;
  return { code: EXIT.bug, text };
}
