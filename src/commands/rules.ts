// `needleplan rules validate | show | init`: a clinic checks, reads and copies its rules
// without reading TypeScript. An invalid set throws RulesError (exit 3) and is printed by
// the one catch in cli/catch.ts, the same way `plan --rules` prints it.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { loadRules, type LoadResult } from '../rules/load/load.js';
import { BUILTIN_ORIGIN, BUILTIN_RULES_DIR, RULE_FILE_NAMES } from '../rules/load/files.js';
import { problemCounts, problemLines, rulesError } from '../rules/load/problems.js';
import { renderRulesJson, renderRulesText } from '../render/rules-show.js';
import { chalkPaint, useColor } from '../shell/color.js';
import { textWidth } from '../shell/width.js';
import { UserError } from '../errors.js';
import { rulesDir } from '../shell/rules-dir.js';
import { mapStrings, printable } from '../text/escape.js';
import { nowInstant } from '../shell/today.js';

function loadOrThrow(dir: string | undefined): LoadResult & { rules: NonNullable<LoadResult['rules']> } {
  const result = loadRules(dir);
  if (!result.rules) throw rulesError(result.problems, dir ?? BUILTIN_ORIGIN);
  return result as LoadResult & { rules: NonNullable<LoadResult['rules']> };
}

/** Checks every file and cross-reference; prints warnings and a one-line OK, or throws (exit 3). */
export async function runRulesValidate(given: string | undefined): Promise<void> {
  // No folder named: the one plan and batch would use (NEEDLEPLAN_RULES), else the built-in set.
  const dir = rulesDir(given);
  const { rules, problems, own } = loadOrThrow(dir);
  const from =
    dir === undefined
      ? 'the built-in rules'
      : own.length === RULE_FILE_NAMES.length
        ? `${dir}: all ${own.length} files`
        : `${dir}: ${own.join(', ')}; the other ${RULE_FILE_NAMES.length - own.length} files built-in`;
  const lines = [
    ...problemLines(problems),
    `OK: "${rules.ruleset.name}" version ${rules.ruleset.version}, sha256 ${rules.sha256} (${from})${problems.length ? `; ${problemCounts(problems)}` : ''}`,
  ];
  // Problems quote the files' own text: shown, never run.
  process.stdout.write(`${lines.map(printable).join('\n')}\n`);
}

export interface RulesShowOptions {
  format: 'text' | 'json' | 'fhir';
  /** false with --no-color. */
  color: boolean;
}

/** Prints the rule set as a practitioner reads it (or the resolved set as JSON). */
export async function runRulesShow(given: string | undefined, options: RulesShowOptions): Promise<void> {
  const dir = rulesDir(given);
  const { rules, problems, own } = loadOrThrow(dir);
  if (options.format === 'json') {
    process.stdout.write(renderRulesJson(rules));
    return;
  }
  if (options.format === 'fhir') {
    const { renderRulesFhir } = await import('../render/fhir/index.js');
    process.stdout.write(renderRulesFhir(rules, { timestamp: nowInstant() }));
    return;
  }
  const color = useColor({ flag: options.color, env: process.env, isTTY: Boolean(process.stdout.isTTY) });
  const paint = color ? await chalkPaint() : undefined;
  process.stdout.write(renderRulesText(mapStrings(rules), { own, width: textWidth(process.stdout), ...(paint ? { paint } : {}) }));
  if (problems.length)
    process.stderr.write(`needleplan: ${problemCounts(problems)} in these rules; see them with: needleplan rules validate${dir === undefined ? '' : ` ${dir}`}\n`);
}

function isEmptyFolder(path: string): boolean | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot use ${path}: ${(e as Error).message}`);
  }
  if (!stat.isDirectory()) throw new UserError(`${path} is a file; give "rules init" a new folder name`);
  return readdirSync(path).length === 0;
}

/**
 * Copies the built-in rules and their JSON Schemas (schema/, which the files' "$schema"
 * refers to, so an editor checks and completes them) into a new or empty folder. A new
 * folder is filled beside its final name and renamed into place, so a failure leaves no
 * half-made folder; an existing empty one (perhaps the shell's own) is filled in place.
 */
export async function runRulesInit(dir: string): Promise<void> {
  const target = resolve(dir);
  const empty = isEmptyFolder(target);
  if (empty === false) throw new UserError(`${dir} already exists and is not empty; rules init never overwrites files, so give it a new folder`);
  let into: string | undefined;
  try {
    if (empty) into = target;
    else {
      mkdirSync(dirname(target), { recursive: true });
      into = mkdtempSync(join(dirname(target), `.${basename(target)}.tmp-`));
    }
    for (const name of RULE_FILE_NAMES) copyFileSync(join(BUILTIN_RULES_DIR, name), join(into, name));
    mkdirSync(join(into, 'schema'));
    for (const name of readdirSync(join(BUILTIN_RULES_DIR, 'schema')).filter((n) => n.endsWith('.schema.json')))
      copyFileSync(join(BUILTIN_RULES_DIR, 'schema', name), join(into, 'schema', name));
    if (into !== target) renameSync(into, target);
    into = undefined;
  } catch (e) {
    throw new UserError(`cannot create ${dir}: ${(e as Error).message}`);
  } finally {
    // Undo a partial copy: the temporary folder, or what was written into the empty one.
    if (into === target) for (const name of readdirSync(target)) rmSync(join(target, name), { recursive: true, force: true });
    else if (into) rmSync(into, { recursive: true, force: true });
  }
  const { version } = JSON.parse(readFileSync(join(target, 'ruleset.json'), 'utf8')) as { version: string };
  process.stdout.write(
    [
      `Copied the built-in rules (version ${version}) into ${dir}: ${RULE_FILE_NAMES.length} rule files, and schema/ so an editor checks and completes them as you type.`,
      'Next:',
      `  1. Edit what your clinic does differently. Set "name" and "version" in ruleset.json: every plan shows them.`,
      '     Files you do not change can be deleted; the built-in ones are used instead.',
      `  2. needleplan rules validate ${dir}`,
      `  3. needleplan plan --rules ${dir} ...   (or set NEEDLEPLAN_RULES=${dir})`,
      '',
    ].join('\n'),
  );
}
