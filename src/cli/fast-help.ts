// `needleplan --help` without loading the program: the build writes the text once
// (scripts/build-help.mjs) and this prints it when nothing could make it differ: a bare
// --help, -h or help, to a pipe or a terminal at least 80 columns wide (help is never wider).
// Deliberately tiny: it is the only module the bin loads before deciding.
import { readFileSync, writeSync } from 'node:fs';

const BARE_HELP = new Set(['--help', '-h', 'help']);

export function fastHelp(argv: readonly string[]): boolean {
  const args = argv.slice(2);
  if (args.length !== 1 || !BARE_HELP.has(args[0]!)) return false;
  if (process.stdout.isTTY && (process.stdout.columns ?? 80) < 80) return false;
  let text: string;
  try {
    text = readFileSync(new URL('../help.txt', import.meta.url), 'utf8');
  } catch {
    return false; // not built yet: the program prints it
  }
  try {
    writeSync(1, text);
  } catch {
    return false; // a full or closed stdout: the program reports it as usual
  }
  return true;
}
