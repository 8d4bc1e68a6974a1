// Words for a rules folder's problems: one line each (file:line:column, JSON path, fix),
// errors before warnings, in file order. Used by `rules validate` and by every command
// that stops on an invalid rules folder (exit 3), so they all read the same.
import { RULE_FILE_NAMES, BUILTIN_ORIGIN } from './files.js';
import { formatProblem, sortProblems, type RuleProblem, type RulesError } from './problems.js';

const BUILTIN_PREFIX = '(built-in) ';

/** Every problem on its own line, sorted, with `indent` before each. */
export function problemLines(problems: readonly RuleProblem[], indent = ''): string[] {
  return sortProblems(problems, RULE_FILE_NAMES).map((p) => `${indent}${formatProblem(p)}`);
}

/** The stderr text for an invalid rule set: what, every problem, and how to go on. */
export function renderRulesError(error: RulesError): string {
  const out = [`needleplan: ${error.message}:`, ...problemLines(error.problems, '  ')];
  const clinic = error.dir !== BUILTIN_ORIGIN;
  if (clinic && error.problems.some((p) => p.level === 'error' && p.file.startsWith(BUILTIN_PREFIX)))
    out.push(
      `Problems in ${BUILTIN_PREFIX.trim()} files come from a change in ${error.dir}: an id they use is gone or renamed there.`,
      `Put it back, or copy that file into ${error.dir} (needleplan rules init <new folder> makes a full copy) and change it there too.`,
    );
  out.push(`Fix ${error.problems.length === 1 ? 'it' : 'them'}, then check again with: needleplan rules validate${clinic ? ` ${error.dir}` : ''}`);
  return `${out.join('\n')}\n`;
}
