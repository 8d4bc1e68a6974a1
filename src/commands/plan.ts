// `needleplan plan`: flags (and, on a terminal, prompts for what they leave open) -> the one
// intake schema -> plan -> renderer -> stdout or a file. Flags that are wrong are an error
// straight away (prompts can't fix them); answers that are missing are asked for, or named.
import { loadRuleSet } from '../shell/rules-source.js';
import { BUILTIN_RULES_DIR, rulesDir } from '../shell/rules-dir.js';
import { UserError } from '../errors.js';
import { assertOutside } from '../shell/paths.js';
import { emit } from '../shell/atomic-write.js';
import { issueLines } from './intake-flags.js';
import { chalkPaint, useColor } from '../shell/color.js';
import { textWidth } from '../shell/width.js';
import { nowInstant, today } from '../shell/today.js';
import { parseIntake, type RawIntake } from '../intake/schema.js';
import { plan } from '../engine/plan.js';
import { FORMAT_INFO, formatForPath, loadRenderer, type Format } from '../render/index.js';
import type { TextOptions } from '../render/text.js';
import { mapStrings } from '../text/escape.js';

export interface PlanOptions {
  concern?: string[];
  zone?: string[];
  area?: string[];
  severity?: string;
  fitzpatrick?: string;
  painTolerance?: string;
  age?: string;
  condition?: string[];
  screened?: boolean;
  start?: string;
  client?: string;
  device?: string;
  rules?: string;
  /** Unset: the extension of --output picks it, else text. */
  format?: Format;
  output?: string;
  explain?: boolean;
  /** false with --no-color. */
  color: boolean;
  /** false with --no-input. */
  input: boolean;
  /** Store the plan as the client's course in the records database. */
  save?: boolean;
  db?: string;
}

export function rawFromFlags(o: PlanOptions): RawIntake {
  return {
    client: o.client,
    concerns: o.concern,
    severity: o.severity,
    zones: o.zone,
    areas: o.area,
    fitzpatrick: o.fitzpatrick,
    painTolerance: o.painTolerance,
    age: o.age,
    conditions: o.condition,
    screened: o.screened,
    start: o.start,
    device: o.device,
  };
}

const NO_PROMPT_HINT = 'pass the missing answers as flags (see "needleplan plan --help"), or run on a terminal without --no-input to be asked';

export async function runPlan(options: PlanOptions): Promise<void> {
  // Folders the plan reads from are never written into; checked before any question is asked.
  const dir = rulesDir(options.rules);
  const readFolders = dir === undefined ? [BUILTIN_RULES_DIR] : [dir, BUILTIN_RULES_DIR];
  for (const folder of readFolders) assertOutside(options.output, folder, 'the rules folder');

  if (options.save && !options.client?.trim())
    throw new UserError('--save needs --client NAME: the course is stored under the client\'s name');
  // -f wins; else the extension of -o ("plan.md" is markdown); else text.
  const format: Format = options.format ?? (options.output && options.output !== '-' ? formatForPath(options.output) : undefined) ?? 'text';
  const rules = await loadRuleSet(options.rules);
  let raw = rawFromFlags(options);
  const day = today();
  let result = parseIntake(raw, rules, day);
  const canAsk = options.input && Boolean(process.stdin.isTTY);
  // Prompts go where a person sees them: stderr when stdout is a pipe or file.
  const promptOutput = process.stdout.isTTY ? process.stdout : process.stderr;
  let consulted = false;

  // A complete set of flags runs without questions; a missing required answer starts a
  // consultation that asks it and everything else the flags left open.
  if (!result.ok) {
    const invalid = result.issues.filter((i) => i.code === 'invalid');
    // A wrong flag is an error even on a terminal: no prompt can fix what was typed.
    if (!canAsk || invalid.length) {
      const hint = !canAsk && result.issues.some((i) => i.code === 'missing') ? [NO_PROMPT_HINT] : [];
      throw new UserError([...issueLines(canAsk ? invalid : result.issues, raw, rules), ...hint].join('\n'));
    }
    const { consult } = await import('../consult/consult.js');
    // The prompts colour through node's styleText, which reads NO_COLOR: --no-color reaches them too.
    if (!options.color) {
      process.env.NO_COLOR = '1';
      delete process.env.FORCE_COLOR;
    }
    raw = await consult(raw, rules, { output: promptOutput, today: today() });
    result = parseIntake(raw, rules, day);
    consulted = true;
    if (!result.ok) throw new UserError(issueLines(result.issues, raw, rules).join('\n'));
  }

  const p = plan(result.intake, rules, day);
  const toStdout = options.output === undefined || options.output === '-';
  const unavailable = FORMAT_INFO[format].unavailable?.(p);
  if (unavailable) throw new UserError(`--format ${format}: ${unavailable}`);
  const color = toStdout && useColor({ flag: options.color, env: process.env, isTTY: Boolean(process.stdout.isTTY) });
  const render = await loadRenderer(format);
  const paint = color && format === 'text' ? await chalkPaint() : undefined;
  const width = toStdout ? textWidth(process.stdout) : 80;
  const renderOptions: TextOptions = { color, explain: options.explain ?? false, timestamp: nowInstant(), saved: options.save ?? false, width, ...(paint ? { paint } : {}) };
  // Rule text and the client's name are shown, never run: in every format read by a person
  // (or a calendar), control characters become \xNN; JSON escapes them itself, FHIR drops them.
  const text = render(format === 'json' || format === 'fhir' ? p : mapStrings(p), renderOptions);
  if (consulted && toStdout) promptOutput.write('\n');
  emit(text, options.output);
  if (consulted && !toStdout) promptOutput.write(`Saved ${options.output}\n`);
  // Records are opened only when asked for: a plan without --save never loads the driver.
  const saveToRecords = async () => (await import('./save-course.js')).saveCourse(options.db, result.intake, p, rules, today());
  if (options.save) process.stderr.write(`${await saveToRecords()}\n`);

  if (consulted && toStdout && process.stdout.isTTY) {
    const { offerSave } = await import('../consult/save.js');
    const { renderSummary } = await import('../render/summary.js');
    // The plan may have scrolled the status away: the decision on one screen, then save.
    promptOutput.write(`\n${renderSummary(p, textWidth(promptOutput))}\n`);
    await offerSave(p, { output: promptOutput, protectedFolders: readFolders, ...(options.save ? {} : { saveToRecords }) });
  }
}
