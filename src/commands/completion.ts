// `needleplan completion <shell>` prints a completion script; the script then calls the
// hidden `needleplan complete -- <words>` on every Tab, which answers from the commander
// program itself (@bomb.sh/tab's adapter), so completion can never disagree with --help.
// Concern, zone, condition and device ids come from the rules in force: a --rules folder
// on the line being completed, else NEEDLEPLAN_RULES, else the built-in rules.
import type { Command } from 'commander';
import type { Complete, RootCommand } from '@bomb.sh/tab';
import tab from '@bomb.sh/tab/commander';
import { readRuleIds, rulesDir } from '../shell/rules-dir.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export const COMPLETION_DESCRIPTION = 'print a shell completion script (bash, zsh or fish)';

const NAME = 'needleplan';

/**
 * tab's bash script needs `_get_comp_words_by_ref` from the bash-completion package. Where
 * that is not installed, this stand-in (the words as bash split them) keeps Tab working.
 */
const BASH_FALLBACK = `# Without the bash-completion package, a minimal stand-in for its one helper used below.
if ! declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
    _get_comp_words_by_ref() {
        cur="\${COMP_WORDS[COMP_CWORD]}"
        prev="\${COMP_WORDS[COMP_CWORD-1]}"
        words=("\${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    }
fi
`;

/** The value of `--rules dir` or `--rules=dir` among the words, if any. */
function rulesFlag(words: readonly string[]): string | undefined {
  let found: string | undefined;
  words.forEach((word, i) => {
    if (word.startsWith('--rules=')) found = word.slice('--rules='.length);
    else if (word === '--rules' && words[i + 1] !== undefined && words[i + 1] !== '') found = words[i + 1];
  });
  return found;
}

/**
 * Completes ids for a list option. The word being completed may already hold a
 * comma-separated list ("acne-scars,tex"): offer the ids not yet in it, after its prefix.
 */
function idCompleter(ids: readonly string[], current: string, suffix = '') {
  const word = current.startsWith('-') && current.includes('=') ? current.slice(current.indexOf('=') + 1) : current;
  const cut = word.lastIndexOf(',') + 1;
  const prefix = word.slice(0, cut);
  const taken = new Set(prefix.split(',').map((item) => item.replace(/[=:].*$/, '')));
  return (complete: Complete) => {
    for (const id of ids) if (!taken.has(id)) complete(`${prefix}${id}${suffix}`, '');
  };
}

/** The completion tree of `program` (built fresh: the adapter adds its own commands to it). */
function completionTree(program: Command, words: readonly string[], env: NodeJS.ProcessEnv): RootCommand {
  const root = tab(program, { completionCommandName: 'completion' });
  const ids = readRuleIds(rulesDir(rulesFlag(words), env));
  const current = words.at(-1) ?? '';
  const lists: Record<string, (complete: Complete) => void> = {
    concern: idCompleter(ids.concerns, current),
    zone: idCompleter(ids.zones, current),
    condition: idCompleter(ids.conditions, current),
    device: idCompleter(ids.devices, current),
    // A treatment area starts with its zone: "cheeks:" (the concern follows the colon).
    area: idCompleter(ids.zones, current, ':'),
  };
  for (const command of root.commands.values()) {
    for (const [name, handler] of Object.entries(lists)) {
      const option = command.options.get(name);
      if (option) option.handler = handler;
    }
  }
  // The adapter's own `completion` stands in for ours in the tree: give it our words and shells.
  const completion = root.commands.get('completion');
  if (completion) completion.description = COMPLETION_DESCRIPTION;
  const shell = completion?.arguments.get('shell');
  if (shell) shell.handler = (complete) => SHELLS.forEach((name) => complete(name, ''));
  return root;
}

/** `needleplan completion <shell>`: the script, on stdout. */
export function runCompletion(shell: (typeof SHELLS)[number], program: Command): void {
  if (shell === 'bash') process.stdout.write(BASH_FALLBACK);
  completionTree(program, [], process.env).setup(NAME, NAME, shell);
}

/** `needleplan complete -- <words>`: what the script asks on Tab (one candidate a line, then `:directive`). */
export function runComplete(words: readonly string[], program: Command): void {
  completionTree(program, words, process.env).parse([...words]);
}
