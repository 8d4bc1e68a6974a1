// Reads a rules folder: JSON parse, schema per file, then the cross-field checks over the
// whole set. A clinic folder may hold only the files it changes; the rest come from the
// built-in set. Every problem is collected and reported together (exit 3).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_FILES, type RuleFileName, type RuleSet } from './schema.js';
import { checkRuleSet, type FileNames } from './checks.js';
import { problemsFromZod, type RuleProblem } from './problems.js';
import { fingerprint } from './fingerprint.js';
import { suggest } from './names.js';

/** rules/ at the package root (dist/rules/load.js -> ../../rules). */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
export const BUILTIN_ORIGIN = 'built-in';

export class RulesError extends Error {
  readonly exitCode = 3;
  constructor(
    readonly problems: RuleProblem[],
    readonly dir: string,
  ) {
    const errors = problems.filter((p) => p.level === 'error');
    super(`rules in ${dir} are invalid (${errors.length} problem${errors.length === 1 ? '' : 's'})`);
    this.name = 'RulesError';
  }
}

export interface LoadResult {
  rules: RuleSet | undefined;
  problems: RuleProblem[];
}

const FILE_NAMES = Object.keys(RULE_FILES) as RuleFileName[];
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** "line 4, column 17" from the character offset V8 puts in JSON.parse errors. */
function positionOf(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  let offset = m ? Number(m[1]) : undefined;
  if (offset === undefined) {
    // Node 20 says "Unexpected end of JSON input" with no position: the end is where it broke.
    if (/end of JSON/i.test(message)) offset = text.length;
    else return '';
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: `;
}

function findForbiddenKeys(value: unknown, path: string, out: string[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => findForbiddenKeys(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const key of Object.keys(value)) {
      const here = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) out.push(here);
      else findForbiddenKeys((value as Record<string, unknown>)[key], here, out);
    }
}

function readRuleFile(path: string, display: string, name: RuleFileName, problems: RuleProblem[]): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    problems.push({ level: 'error', file: display, path: '', message: `cannot read: ${(e as Error).message}` });
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = (e as Error).message;
    problems.push({ level: 'error', file: display, path: '', message: `not valid JSON: ${positionOf(text, msg)}${msg}` });
    return undefined;
  }
  const forbidden: string[] = [];
  findForbiddenKeys(json, '', forbidden);
  if (forbidden.length) {
    for (const p of forbidden)
      problems.push({ level: 'error', file: display, path: p, message: `the key "${p.split('.').pop()}" is not allowed in rule files` });
    return undefined;
  }
  const parsed = RULE_FILES[name].safeParse(json);
  if (!parsed.success) {
    problems.push(...problemsFromZod(parsed.error, display));
    return undefined;
  }
  return parsed.data;
}

/** Which file each section comes from: the clinic's own, else the built-in one. */
function locateFiles(dir: string | undefined, problems: RuleProblem[]): Record<RuleFileName, { path: string; display: string }> {
  const located = {} as Record<RuleFileName, { path: string; display: string }>;
  const own = new Set<RuleFileName>();
  if (dir !== undefined) {
    const shown = relative(process.cwd(), resolve(dir)) || '.';
    let entries: string[] = [];
    try {
      if (!statSync(dir).isDirectory()) throw new Error('not a folder');
      entries = readdirSync(dir);
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (e as Error).message;
      problems.push({ level: 'error', file: shown, path: '', message: `cannot read the rules folder: ${reason}` });
      return located;
    }
    for (const entry of entries) {
      if (!entry.endsWith('.json')) continue;
      if ((FILE_NAMES as string[]).includes(entry)) own.add(entry as RuleFileName);
      else {
        const guess = suggest(entry.replace(/\.json$/, ''), FILE_NAMES.map((f) => ({ id: f, label: f.replace(/\.json$/, ''), aliases: [] })));
        problems.push({
          level: 'error',
          file: join(shown, entry),
          path: '',
          message: `not a rules file${guess ? ` (did you mean ${guess}?)` : ''}; rule files are ${FILE_NAMES.join(', ')}`,
        });
      }
    }
    if (own.size === 0 && problems.length === 0)
      problems.push({ level: 'error', file: shown, path: '', message: `no rule files here; expected one or more of ${FILE_NAMES.join(', ')} (run "needleplan rules init ${shown}" to start from the built-in set)` });
    for (const name of own) located[name] = { path: join(dir, name), display: join(shown, name) };
  }
  for (const name of FILE_NAMES)
    located[name] ??= { path: join(BUILTIN_RULES_DIR, name), display: `(built-in) ${name}` };
  return located;
}

/**
 * Loads and checks a rule set. `dir` undefined means the built-in rules. Returns every
 * problem found; `rules` is set only when there are no errors (warnings may remain).
 */
export function loadRules(dir?: string): LoadResult {
  const problems: RuleProblem[] = [];
  const located = locateFiles(dir, problems);
  if (problems.some((p) => p.level === 'error')) return { rules: undefined, problems };

  const sections: Record<string, unknown> = {};
  const files = {} as FileNames;
  for (const name of FILE_NAMES) {
    const { path, display } = located[name];
    files[name] = display;
    sections[name.replace(/\.json$/, '')] = readRuleFile(path, display, name, problems);
  }
  if (problems.length) return { rules: undefined, problems };

  // $schema is an editor aid, not a rule: drop it so it never reaches the fingerprint.
  for (const section of Object.values(sections)) delete (section as { $schema?: string }).$schema;
  const set = sections as unknown as Omit<RuleSet, 'sha256' | 'origin'>;
  problems.push(...checkRuleSet(set, files));
  if (problems.some((p) => p.level === 'error')) return { rules: undefined, problems };
  return {
    rules: { ...set, sha256: fingerprint(set), origin: dir === undefined ? BUILTIN_ORIGIN : resolve(dir) },
    problems,
  };
}

/** loadRules, throwing RulesError (exit 3) when the set has errors. */
export function loadRulesOrThrow(dir?: string): RuleSet {
  const { rules, problems } = loadRules(dir);
  if (!rules) throw new RulesError(problems, dir ?? BUILTIN_ORIGIN);
  return rules;
}
