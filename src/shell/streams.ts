// stdout and stderr fail like files do: a full disk (`> /dev/full`), an I/O error, a reader
// that went away. Node reports those as an `error` event on the stream, a tick after the
// write; unhandled, it is a stack trace and exit 1 (the "rows rejected" code). Here:
// - stdout closed by its reader (EPIPE, `| head`): stop quietly, with the exit code the
//   command had so far; the reader asked for no more.
// - stdout failing otherwise: one line on stderr and exit 74 (the contract's "an output could
//   not be written"); temporary files are removed by atomic-write's exit hook.
// - stderr failing (EPIPE or anything else): there is nowhere left to say so; messages are
//   dropped and the command ends as it would have, with its own exit code.
import { EXIT } from '../errors.js';
import { fileErrorWords } from '../text/file-errors.js';

let stderrBroken = false;
let ending = false;

/** Writes to stderr unless it has failed; never throws. */
export function writeStderr(text: string): void {
  if (stderrBroken || process.stderr.destroyed) return;
  try {
    process.stderr.write(text);
  } catch {
    stderrBroken = true;
  }
}

/** The one line and exit code for a failed stdout, or undefined for a closed pipe (quiet). */
export function stdoutFailure(error: unknown): { code: number; line: string } | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') return undefined;
  return { code: EXIT.cannotWrite, line: `needleplan: cannot write to stdout: ${fileErrorWords(error, 'file', 'write')}\n` };
}

/** Installs the handlers once, before any command writes. */
export function guardStdio(exit: (code: number) => never = (code) => process.exit(code)): void {
  process.stderr.on('error', () => {
    stderrBroken = true;
  });
  process.stdout.on('error', (error: unknown) => {
    if (ending) return;
    ending = true;
    const failure = stdoutFailure(error);
    if (!failure) exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
    else {
      writeStderr(failure.line);
      exit(failure.code);
    }
  });
}
