// The one place that decides the process's exit code (the contract's table). Pure: it
// looks only at what happened, so every path (action, commander, prompt) agrees.
import { EXIT } from '../errors.js';

export { EXIT };

export type Outcome =
  | { kind: 'planned' }
  | { kind: 'batch'; rejected: number }
  | { kind: 'error'; error: unknown };

/** Commander's codes for a help or version request: printed on purpose, not a failure. */
const COMMANDER_OK = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/** Pure: from what happened to the exit code. */
export function exitCodeFor(outcome: Outcome): number {
  switch (outcome.kind) {
    case 'planned':
      return EXIT.ok;
    case 'batch':
      return outcome.rejected > 0 ? EXIT.rowsRejected : EXIT.ok;
    case 'error': {
      const error = (outcome.error ?? {}) as { name?: unknown; code?: unknown; exitCode?: unknown };
      // Commander says 1 for a bad option; the contract says 2 for every usage error.
      if (error.name === 'CommanderError') return COMMANDER_OK.has(String(error.code)) ? EXIT.ok : EXIT.usage;
      // Ctrl-C at an inquirer prompt.
      if (error.name === 'ExitPromptError' || error.name === 'AbortPromptError') return EXIT.interrupted;
      // UserError, RulesError and Interrupted carry their own code.
      if (typeof error.exitCode === 'number') return error.exitCode;
      return EXIT.bug;
    }
  }
}
