// Every `needleplan …` / `npx needleplan …` command in README's code blocks runs as written,
// from a fresh clone: through the built bin, in a scratch folder that sees the repository's
// own files (examples/, rules/, docs/) and nothing else, in README's order (so
// `rules init clinic-rules` makes the folder the next commands use). None may end in a
// usage error (2), an invalid rules folder (3) or a bug (70); the records commands use a
// database in the scratch folder. Skipped: commands with an elision (…), interactive ones,
// and ones that read a file named without a folder that the repository does not have (the
// reader's own export).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, cliEnv } from '../helpers/run-cli.js';
import { systemProgram } from '../helpers/system.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Command lines in fenced (non-`text`) and indented code blocks, continuations joined. */
function readmeCommands(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const open = /^```(\w*)/.exec(line);
    if (open) {
      fence = fence === undefined ? open[1] || 'sh' : undefined;
      continue;
    }
    if (fence !== undefined ? fence !== 'text' : /^ {4}/.test(line)) lines.push(line.trim());
  }
  const joined = lines.join('\n').replace(/\\\n\s*/g, '');
  const commands: string[] = [];
  for (const line of joined.split('\n')) {
    const code = line.replace(/\s+#.*$/, '');
    for (const part of code.split('&&').map((p) => p.trim())) {
      if (/^(npx )?needleplan(\s|$)/.test(part) || /^cat \S+ \| (npx )?needleplan\s/.test(part)) commands.push(part);
    }
  }
  return commands;
}

/** Why a command is not run, or undefined to run it. */
function skipReason(command: string, cwd: string): string | undefined {
  if (command.includes('…')) return 'an elision';
  const words = command.replace(/^cat (\S+) \|/, '$1 ').split(/\s+/);
  const sub = words[words[0] === 'npx' ? 2 : 1];
  if (sub === undefined) return 'interactive (a consultation)';
  if (sub === 'forget' && !words.includes('--yes')) return 'interactive (asks before erasing)';
  // A plan example without --screened or --no-input shows the consultation asking the rest.
  if (sub === 'plan' && !words.includes('--screened') && !words.includes('--no-input')) return 'interactive (asks the rest)';
  const writes = new Set(['-o', '--output', '--rejects', '--save-mapping', '>']);
  const reads = words.filter((w, i) => /\.(csv|json|tsv|txt)$/.test(w) && !writes.has(words[i - 1] ?? ''));
  // A bare name (export.csv) is the reader's own file; a path (examples/x.csv, ../y.csv)
  // must exist, so it is run, and fails, when it does not.
  const missing = reads.find((file) => !file.includes('/') && !existsSync(join(cwd, file)));
  return missing === undefined ? undefined : `reads ${missing}, the reader's own file`;
}

const scratch = mkdtempSync(join(tmpdir(), 'needleplan-readme-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
for (const part of ['examples', 'docs', 'rules']) symlinkSync(join(ROOT, part), join(scratch, part), 'dir');
cpSync(join(ROOT, 'README.md'), join(scratch, 'README.md'));

// Both spellings run the built bin; nothing else is on offer (no download, no global install).
const SHIMS = `needleplan() { node '${BIN}' "$@"; }
npx() { if [ "$1" = needleplan ]; then shift; node '${BIN}' "$@"; else echo "npx $1: not in this test" >&2; return 127; fi; }
set -o pipefail
`;

describe("README's commands", () => {
  const commands = readmeCommands(README);

  it('finds the commands of each section', () => {
    expect(commands.length).toBeGreaterThanOrEqual(10);
    expect(commands).toContain('npx needleplan batch examples/clients.csv -o plans.csv --rejects rejects.csv');
    expect(commands.some((c) => c.startsWith('npx needleplan plan --concern acne-scars=severe'))).toBe(true);
    expect(commands).toContain('needleplan rules init clinic-rules');
  });

  // README's lines are shell lines (quotes, pipes, redirections): bash runs them.
  it.runIf(systemProgram('bash', 'apt-get install bash'))('run as written from a fresh clone: never exit 2, 3 or 70', () => {
    const ran: string[] = [];
    const skipped: string[] = [];
    for (const command of commands) {
      const why = skipReason(command, scratch);
      if (why !== undefined) {
        skipped.push(`${command}  (${why})`);
        continue;
      }
      // README's course example is dated from 2026-12-01, the day it was written.
      const env = cliEnv({ NEEDLEPLAN_DB: join(scratch, 'records', 'needleplan.db'), NEEDLEPLAN_TODAY: '2026-12-01' });
      const r = spawnSync('bash', ['-c', SHIMS + command], { cwd: scratch, env, encoding: 'utf8', input: '', timeout: 20_000 });
      expect([2, 3, 70, 127, null], `${command}\n${r.stderr}`).not.toContain(r.status);
      ran.push(command);
    }
    expect(ran.length).toBeGreaterThanOrEqual(8);
    // Today: the example of the reader's own Windows export, and the elided ics line.
    expect(skipped.length, skipped.join('\n')).toBeLessThanOrEqual(3);
  });
});
