// The interactive consultation: asks, in the order a consultation runs, only what the
// flags left open, and hands back loose answers for the one intake schema to parse. Each
// answer is checked at its prompt by that same schema, so a bad answer is re-asked there.
import { checkAnswer, intakeParsers, parseIntake, screenedSchema, splitList, type IntakeField, type RawIntake } from '../intake/schema.js';
import { FIELDS } from '../intake/fields.js';
import type { RuleSet } from '../rules/schema.js';
import {
  concernChoices,
  deviceChoices,
  fitzpatrickChoices,
  painChoices,
  screeningGroups,
  severityQuestion,
  zoneChoices,
} from './questions.js';

export interface ConsultContext {
  /** Where prompts are drawn: stderr when stdout is a pipe, so the plan stays clean. */
  output?: NodeJS.WritableStream;
}

/** Marks "None of these" in a screening group. */
export const NONE = '__none__';

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const PAGE = 12;

/** Asks what `raw` leaves open and returns the completed answers (flags' answers kept). */
export async function consult(raw: RawIntake, rules: RuleSet, ctx: ConsultContext = {}): Promise<RawIntake> {
  // Loaded here, not at the top: only a consultation pays for inquirer.
  const { input, select, checkbox, confirm, Separator } = await import('@inquirer/prompts');
  const context = ctx.output ? { output: ctx.output } : undefined;
  const answers: RawIntake = { ...raw };
  /** The schema's verdict on one answer, in the form inquirer's `validate` wants. */
  const valid = (field: IntakeField, value: unknown): true | string => checkAnswer(field, value, rules) ?? true;
  /** Cross-field problems (a concern that fits none of the zones) for the answers so far. */
  const fits = (draft: RawIntake): true | string => {
    const r = parseIntake(draft, rules);
    const bad = r.ok ? [] : r.issues.filter((i) => i.code === 'invalid' && (i.field === 'zones' || i.field === 'concerns'));
    return bad.length ? bad.map((i) => i.message).join('; ') : true;
  };
  const optional = (field: IntakeField) => (text: string) => (text.trim() === '' ? true : valid(field, text));

  if (blank(answers.client)) {
    const client = await input({ message: FIELDS.client.prompt }, context);
    answers.client = client.trim() || undefined;
  }

  if (splitList(answers.concerns).length === 0) {
    answers.concerns = await checkbox(
      {
        message: FIELDS.concerns.prompt,
        choices: concernChoices(rules, splitList(answers.zones)),
        required: true,
        pageSize: PAGE,
        validate: (picked) => {
          const ids = picked.map((c) => c.value);
          const own = valid('concerns', ids);
          return own === true ? fits({ ...answers, concerns: ids }) : own;
        },
      },
      context,
    );
  }

  // Severity per concern, unless --severity covers those without their own.
  if (blank(answers.severity)) {
    const concerns = intakeParsers(rules).concerns.parse(answers.concerns);
    const withSeverity: string[] = [];
    for (const c of concerns) {
      let severity = c.severity;
      if (!severity) {
        const q = severityQuestion(rules, c.id);
        severity = await select({ message: `${q.message}:`, choices: q.choices, default: 'moderate', pageSize: PAGE }, context);
      }
      withSeverity.push(`${c.id}=${severity}`);
    }
    answers.concerns = withSeverity;
  }

  if (splitList(answers.zones).length === 0) {
    const concernIds = intakeParsers(rules).concerns.parse(answers.concerns).map((c) => c.id);
    answers.zones = await checkbox(
      {
        message: FIELDS.zones.prompt,
        choices: zoneChoices(rules, concernIds),
        required: true,
        pageSize: PAGE,
        validate: (picked) => {
          const ids = picked.map((z) => z.value);
          const own = valid('zones', ids);
          return own === true ? fits({ ...answers, zones: ids }) : own;
        },
      },
      context,
    );
  }

  if (blank(answers.device) && rules.devices.devices.length > 1) {
    answers.device = await select({ message: FIELDS.device.prompt, choices: deviceChoices(rules), default: rules.ruleset.device }, context);
  }

  if (blank(answers.fitzpatrick)) {
    answers.fitzpatrick = await select({ message: FIELDS.fitzpatrick.prompt, choices: fitzpatrickChoices(rules), pageSize: PAGE }, context);
  }

  if (blank(answers.painTolerance)) {
    answers.painTolerance = await select({ message: FIELDS.painTolerance.prompt, choices: painChoices(rules), default: 'normal' }, context);
  }

  if (blank(answers.age)) {
    const age = await input({ message: FIELDS.age.prompt, validate: optional('age') }, context);
    answers.age = age.trim() || undefined;
  }

  if (!isYes(answers.screened)) {
    const ask = await confirm({ message: FIELDS.screened.prompt, default: true }, context);
    if (ask) {
      const already = intakeParsers(rules).conditions.safeParse(answers.conditions ?? []);
      const yes: string[] = [];
      for (const group of screeningGroups(rules, already.success ? already.data.map((c) => c.id) : [])) {
        const picked = await checkbox(
          {
            message: `${group.label}: ${FIELDS.conditions.prompt}`,
            choices: [{ value: NONE, name: 'None of these' }, new Separator(), ...group.questions],
            pageSize: group.questions.length + 2,
            // "all" would tick "None of these" with the rest: each yes is picked by hand.
            shortcuts: { all: null, invert: null },
            validate: (checked) => {
              const ids = checked.map((c) => c.value);
              if (ids.length === 0) return 'Pick the ones that apply, or "None of these"';
              if (ids.includes(NONE) && ids.length > 1) return '"None of these" can\'t go with a question answered yes';
              return valid('conditions', ids.filter((id) => id !== NONE));
            },
          },
          context,
        );
        yes.push(...picked.filter((id) => id !== NONE));
      }
      answers.conditions = yes;
      answers.screened = true;
    }
  }

  if (blank(answers.start)) {
    const start = await input({ message: FIELDS.start.prompt, validate: optional('start') }, context);
    answers.start = start.trim() || undefined;
  }
  return answers;
}

/** Already screened by a flag (or a CSV "yes"), read by the intake schema's own words. */
function isYes(value: RawIntake['screened']): boolean {
  const r = screenedSchema.safeParse(value ?? false);
  return r.success && r.data;
}
