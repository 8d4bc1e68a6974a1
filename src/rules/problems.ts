// A problem found in a rules folder: data first, words later (rules validate, exit 3).
import type { z } from 'zod';

export type ProblemLevel = 'error' | 'warning';

export interface RuleProblem {
  level: ProblemLevel;
  /** The file as the user named it, e.g. "clinic/zones.json". */
  file: string;
  /** JSON path inside the file, e.g. "zones[3].maxDepthMm"; "" for the whole file. */
  path: string;
  message: string;
}

/** "zones[3].maxDepthMm" from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function formatProblem(p: RuleProblem): string {
  const where = p.path ? `${p.file}: ${p.path}` : p.file;
  return `${p.level === 'warning' ? 'warning: ' : ''}${where}: ${p.message}`;
}

/** Turns zod's issues into problems naming the file and JSON path, one per issue. */
export function problemsFromZod(error: z.ZodError, file: string): RuleProblem[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling; rule files accept only known keys)`;
    }
    return { level: 'error' as const, file, path: formatPath(issue.path), message };
  });
}
