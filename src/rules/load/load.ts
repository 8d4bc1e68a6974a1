// Reads and fully checks a rules folder: JSON syntax, the schema of each file, then the
// cross-field checks over the whole set. A clinic folder may hold only the files it
// changes; the rest come from the built-in set. Every problem is collected and reported
// together (exit 3), each with file, line, JSON path and a plain-words fix.
// This module loads zod. The CLI's start-up path uses precompiled.ts for the unchanged
// built-in set and imports this one only when it has to validate (see shell/rules-source.ts).
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULE_FILES, type RuleFileName, type RuleSet } from '../schema.js';
import { checkRuleSet, type FileNames } from './checks.js';
import { rulesError, type RuleProblem } from './problems.js';
import { problemsFromZod } from './issue-words.js';
import { scanJson, type JsonMap, type TextPosition } from './json-text.js';
import { fingerprint } from './fingerprint.js';
import { suggest } from '../../text/names.js';
import { fileErrorWords } from '../../text/file-errors.js';
import { BUILTIN_ORIGIN, BUILTIN_RULES_DIR, RULE_FILE_NAMES } from './files.js';
import { readRuleText } from './read-file.js';

export { BUILTIN_ORIGIN, BUILTIN_RULES_DIR };

export interface LoadResult {
  rules: RuleSet | undefined;
  problems: RuleProblem[];
  /** The files the clinic folder supplied itself (the rest are built-in); empty for the built-in set. */
  own: RuleFileName[];
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const builtinDisplay = (name: RuleFileName) => `(built-in) ${name}`;

function findForbiddenKeys(value: unknown, path: string, out: string[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => findForbiddenKeys(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const key of Object.keys(value)) {
      const here = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) out.push(here);
      else findForbiddenKeys((value as Record<string, unknown>)[key], here, out);
    }
}

const cannotRead = (e: unknown, what: 'file' | 'folder') => fileErrorWords(e, what, 'read');

/** "line 4, column 17" for V8's "… at position 42", if the scanner ever disagrees with JSON.parse. */
function v8Position(text: string, message: string): TextPosition | undefined {
  const m = /position (\d+)/.exec(message);
  if (!m) return undefined;
  const before = text.slice(0, Number(m[1]));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

interface FileContext {
  problems: RuleProblem[];
  /** Where each path is, per displayed file name, to give problems a line. */
  maps: Map<string, JsonMap>;
}

function readRuleFile(path: string, display: string, name: RuleFileName, ctx: FileContext, folder?: string): unknown {
  const problem = (p: Omit<RuleProblem, 'level' | 'file'>) => ctx.problems.push({ level: 'error', file: display, ...p });
  // Regular files only, at most 1 MiB, inside the folder, UTF-8: see read-file.ts.
  const read = readRuleText(path, { folder });
  if (!read.ok) {
    const { ok: _ok, ...rest } = read;
    problem({ path: '', ...rest });
    return undefined;
  }
  const text = read.text;
  const scan = scanJson(text);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const at = scan.ok ? v8Position(text, (e as Error).message) : { line: scan.error.line, column: scan.error.column };
    const where = at ? ` at line ${at.line}, column ${at.column}` : '';
    problem({ code: 'json-syntax', path: '', message: `not valid JSON${where}: ${scan.ok ? (e as Error).message : scan.error.message}`, ...at });
    return undefined;
  }
  if (!scan.ok) {
    // JSON.parse accepted it, so only the depth guard can object; anything else would be a
    // scanner bug, and then the file just goes without line numbers.
    if (scan.error.code === 'depth') {
      problem({ code: 'json-depth', path: '', message: scan.error.message, line: scan.error.line, column: scan.error.column });
      return undefined;
    }
  } else ctx.maps.set(display, scan.map);

  let ok = true;
  for (const d of scan.ok ? scan.map.duplicateKeys : []) {
    ok = false;
    problem({ code: 'duplicate-key', path: d.path, message: `"${d.key}" is written twice in the same object (first at line ${d.first.line}); keep one, or the last one would silently win` });
  }
  const forbidden: string[] = [];
  findForbiddenKeys(json, '', forbidden);
  for (const p of forbidden) {
    ok = false;
    problem({ code: 'reserved-key', path: p, message: `"${p.split('.').pop()}" is a reserved name and cannot be a key in a rule file; delete it` });
  }
  if (!ok) return undefined;

  const schema = RULE_FILES[name];
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    ctx.problems.push(...problemsFromZod(parsed.error, display, json, schema));
    return undefined;
  }
  return parsed.data;
}

/** The clinic folder's own rule files, with a problem for anything that can't be one. */
function clinicFiles(dir: string, shown: string, problems: RuleProblem[]): RuleFileName[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    entries = readdirSync(dir);
  } catch (e) {
    const reason = cannotRead(e, 'folder');
    problems.push({
      level: 'error',
      code: 'unreadable',
      file: shown,
      path: '',
      message: `cannot read the rules folder: ${reason}${reason === 'no such folder' ? `; check the path, or create one with "needleplan rules init ${shown}"` : ''}`,
    });
    return [];
  }
  const own: RuleFileName[] = [];
  for (const entry of entries.sort()) {
    if (!entry.toLowerCase().endsWith('.json')) continue;
    if ((RULE_FILE_NAMES as readonly string[]).includes(entry)) own.push(entry as RuleFileName);
    else {
      const guess = suggest(entry.replace(/\.json$/i, ''), RULE_FILE_NAMES.map((f) => ({ id: f, label: f.replace(/\.json$/, ''), aliases: [] })));
      problems.push({
        level: 'error',
        code: 'not-a-rule-file',
        file: join(shown, entry),
        path: '',
        message: `not a rule file name${guess ? `; did you mean ${guess}?` : '.'} Rename it to one of: ${RULE_FILE_NAMES.join(', ')}`,
      });
    }
  }
  if (own.length === 0 && problems.length === 0)
    problems.push({
      level: 'error',
      code: 'no-rule-files',
      file: shown,
      path: '',
      message: `no rule files in this folder; it needs one or more of ${RULE_FILE_NAMES.join(', ')} (start from a copy of the built-in set with "needleplan rules init ${shown}")`,
    });
  return RULE_FILE_NAMES.filter((f) => own.includes(f));
}

/** The line of a path, or of its nearest ancestor that is in the file ("zones[3]" for a missing "zones[3].source"). */
function lineOf(map: JsonMap, path: string): TextPosition | undefined {
  for (let p = path; ; ) {
    const at = map.positions.get(p);
    const parent = p.replace(/(\[\d+\]|\.[^.[]+|^[^.[]+)$/, '');
    if (at || parent === p) return at;
    p = parent;
  }
}

/**
 * Loads and checks a rule set. `dir` undefined means the built-in rules. Returns every
 * problem found; `rules` is set only when there are no errors (warnings may remain).
 */
export function loadRules(dir?: string): LoadResult {
  const problems: RuleProblem[] = [];
  const shown = dir === undefined ? BUILTIN_ORIGIN : dir.replace(/[\/]+$/, '') || dir;
  const own = dir === undefined ? [] : clinicFiles(dir, shown, problems);
  // An unreadable or empty folder ends here; a misnamed file beside real ones does not, so
  // the real ones' problems are reported in the same run.
  if (dir !== undefined && own.length === 0) return { rules: undefined, problems, own };

  const ctx: FileContext = { problems, maps: new Map() };
  const sections: Record<string, unknown> = {};
  const files = {} as FileNames;
  for (const name of RULE_FILE_NAMES) {
    const mine = own.includes(name);
    files[name] = mine ? join(shown, name) : builtinDisplay(name);
    sections[name.replace(/\.json$/, '')] = readRuleFile(join(mine ? dir! : BUILTIN_RULES_DIR, name), files[name], name, ctx, mine ? dir : undefined);
  }
  // $schema is an editor aid, not a rule: drop it so it never reaches the fingerprint.
  for (const section of Object.values(sections)) if (section) delete (section as { $schema?: string }).$schema;
  // The cross-field checks run on every file that passed, so one run shows every problem.
  problems.push(...checkRuleSet(sections as Partial<Omit<RuleSet, 'sha256' | 'origin'>>, files));
  for (const p of problems) {
    const map = p.line === undefined ? ctx.maps.get(p.file) : undefined;
    const at = map && lineOf(map, p.path);
    if (at) Object.assign(p, at);
  }
  if (problems.some((p) => p.level === 'error')) return { rules: undefined, problems, own };
  const set = sections as unknown as Omit<RuleSet, 'sha256' | 'origin'>;
  return {
    rules: { ...set, sha256: fingerprint(set), origin: dir === undefined ? BUILTIN_ORIGIN : resolve(dir) },
    problems,
    own,
  };
}

/** loadRules, throwing RulesError (exit 3) when the set has errors. */
export function loadRulesOrThrow(dir?: string): RuleSet {
  const { rules, problems } = loadRules(dir);
  if (!rules) throw rulesError(problems, dir ?? BUILTIN_ORIGIN);
  return rules;
}
