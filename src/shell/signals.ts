// SIGINT (Ctrl-C), SIGTERM (kill, a service manager) and SIGHUP (the terminal closed) all
// end the process the same way: whatever it was writing is removed (a temporary output
// file holds health data; the file that was there before stays as it was), one line says
// so, and the exit code is 128 + the signal's number (130, 143, 129), as shells report it.
// The handler exits at once, without waiting for the work in hand: a batch reading an idle
// stdin pipe would otherwise wait for the writer to close the pipe before noticing.
import { discardPendingWrites } from './atomic-write.js';
import { writeStderr } from './streams.js';

export const HANDLED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type HandledSignal = (typeof HANDLED_SIGNALS)[number];

/** 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP. */
// POSIX numbers, the same on every system Node runs needleplan on (os.constants would load
// node:os on every start for three numbers).
const SIGNAL_NUMBERS: Record<HandledSignal, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
export const signalExitCode = (signal: HandledSignal): number => 128 + SIGNAL_NUMBERS[signal];

/** The one line printed for a signal (SIGINT keeps the words a Ctrl-C at a prompt gets). */
export const signalLine = (signal: HandledSignal): string =>
  signal === 'SIGINT' ? 'needleplan: interrupted\n' : `needleplan: interrupted (${signal})\n`;

const cleanups = new Set<() => void>();

/** Runs `fn` if a signal ends the process (e.g. restore the terminal's cursor); returns its remover. */
export function onSignal(fn: () => void): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

let installed = false;

export function installSignalHandlers(exit: (code: number) => never = (code) => process.exit(code)): void {
  if (installed) return;
  installed = true;
  for (const signal of HANDLED_SIGNALS)
    process.on(signal, () => {
      for (const fn of cleanups)
        try {
          fn();
        } catch {
          /* the exit matters more */
        }
      discardPendingWrites();
      writeStderr(signalLine(signal));
      exit(signalExitCode(signal));
    });
}
