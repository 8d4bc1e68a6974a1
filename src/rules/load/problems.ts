// A problem found in a rules folder: data first (a code, file, JSON path, line), words in
// this one module, so `rules validate`, `rules show` and `plan --rules` all say the same
// thing. Zod-free: the start-up path may import this.
import { RulesError } from '../../errors.js';
import { BUILTIN_ORIGIN, RULE_FILE_NAMES } from './files.js';

export type ProblemLevel = 'error' | 'warning';

export interface RuleProblem {
  level: ProblemLevel;
  /** What kind of problem, for tools and tests: "json-syntax", "schema", a check's name, ... */
  code: string;
  /** The file as the user named it, e.g. "clinic/zones.json" or "(built-in) zones.json". */
  file: string;
  /** JSON path inside the file, e.g. "zones[3].maxDepthMm"; "" for the whole file. */
  path: string;
  /** A plain-words fix: what is wrong and what to write instead. */
  message: string;
  /** Where in the file, when known (1-based). */
  line?: number;
  column?: number;
}


/** "zones[3].maxDepthMm" from a path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * One line: "clinic/zones.json:14:43: zones[3].maxDepthMm: cheeks: …". The file:line:column
 * form is what editors and terminals turn into a link to the spot.
 */
export function formatProblem(p: RuleProblem): string {
  const at = p.line === undefined ? '' : `:${p.line}:${p.column ?? 1}`;
  const path = p.path ? ` ${p.path}:` : '';
  return `${p.level === 'warning' ? 'warning: ' : ''}${p.file}${at}:${path} ${p.message}`;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 errors, 1 warning" */
export function problemCounts(problems: readonly RuleProblem[]): string {
  const errors = problems.filter((p) => p.level === 'error').length;
  const warnings = problems.length - errors;
  return [errors ? count(errors, 'error') : '', warnings ? count(warnings, 'warning') : ''].filter(Boolean).join(', ') || 'no problems';
}

/** Errors first, then warnings; each in file order, then line by line. */
export function sortProblems(problems: readonly RuleProblem[], fileOrder: readonly string[] = []): RuleProblem[] {
  const rank = (p: RuleProblem) => {
    const i = fileOrder.findIndex((name) => p.file.endsWith(name));
    return i < 0 ? fileOrder.length : i;
  };
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        Number(a.p.level === 'warning') - Number(b.p.level === 'warning') ||
        rank(a.p) - rank(b.p) ||
        (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : 0) ||
        (a.p.line ?? 0) - (b.p.line ?? 0) ||
        (a.p.column ?? 0) - (b.p.column ?? 0) ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}

const BUILTIN_PREFIX = '(built-in) ';

/** Every problem on its own line, sorted, with `indent` before each. */
export function problemLines(problems: readonly RuleProblem[], indent = ''): string[] {
  return sortProblems(problems, RULE_FILE_NAMES).map((p) => `${indent}${formatProblem(p)}`);
}

/** The exit-3 error for an invalid rule set: what, every problem, and how to go on. */
export function rulesError(problems: readonly RuleProblem[], dir: string): RulesError<RuleProblem> {
  const clinic = dir !== BUILTIN_ORIGIN;
  const message = `the rules ${clinic ? `in ${dir}` : 'built into needleplan'} are invalid: ${problemCounts(problems)}:`;
  const details = problemLines(problems, '  ');
  if (clinic && problems.some((p) => p.level === 'error' && p.file.startsWith(BUILTIN_PREFIX)))
    details.push(
      `Problems in ${BUILTIN_PREFIX.trim()} files come from a change in ${dir}: an id they use is gone or renamed there.`,
      `Put it back, or copy that file into ${dir} (needleplan rules init <new folder> makes a full copy) and change it there too.`,
    );
  details.push(`Fix ${problems.length === 1 ? 'it' : 'them'}, then check again with: needleplan rules validate${clinic ? ` ${dir}` : ''}`);
  return new RulesError(message, problems, dir, details);
}
