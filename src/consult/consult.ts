// The interactive consultation: asks, in the order a consultation runs, only what the
// flags left open, and hands back loose answers for the one intake schema to parse. Each
// answer is checked at its prompt by that same schema, so a bad answer is re-asked there.
import {
  ambiguousCondition,
  checkAnswer,
  intakeParsers,
  parseIntake,
  screenedSchema,
  splitList,
  zonesForConcern,
  type IntakeField,
  type RawIntake,
} from '../intake/schema.js';
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
  /** The planning day: a first-session date outside its window is refused at the prompt. */
  today?: string;
}

/** The parts of a consultation the summary offers to change, in the order they are asked. */
type Part = 'client' | 'treatment' | 'device' | 'fitzpatrick' | 'painTolerance' | 'age' | 'screening' | 'start';
const PLAN = '__plan__';

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
  const valid = (field: IntakeField, value: unknown): true | string => checkAnswer(field, value, rules, ctx.today) ?? true;
  /** Cross-field problems (a concern that fits none of the zones) for the answers so far. */
  const fits = (draft: RawIntake): true | string => {
    const r = parseIntake(draft, rules);
    const bad = r.ok ? [] : r.issues.filter((i) => i.code === 'invalid' && (i.field === 'zones' || i.field === 'concerns'));
    return bad.length ? bad.map((i) => i.message).join('; ') : true;
  };
  const optional = (field: IntakeField) => (text: string) => (text.trim() === '' ? true : valid(field, text));
  const clear = (part: Part) => clearPart(answers, part);

  const steps: Record<Part, () => Promise<void>> = {
    client: async () => {
      if (!blank(answers.client)) return;
      const client = await input({ message: FIELDS.client.prompt }, context);
      answers.client = client.trim() || undefined;
    },
    treatment: async () => {
      await resolveAmbiguous();
      if (splitList(answers.areas).length > 0) return await askSeverities();
      await askConcerns();
      await askSeverities();
      await askZones();
      await askAreas();
    },
    device: async () => {
      if (blank(answers.device) && rules.devices.devices.length > 1)
        answers.device = await select({ message: FIELDS.device.prompt, choices: deviceChoices(rules), default: rules.ruleset.device }, context);
    },
    fitzpatrick: async () => {
      if (blank(answers.fitzpatrick))
        answers.fitzpatrick = await select({ message: FIELDS.fitzpatrick.prompt, choices: fitzpatrickChoices(rules), pageSize: PAGE }, context);
    },
    painTolerance: async () => {
      if (blank(answers.painTolerance))
        answers.painTolerance = await select({ message: FIELDS.painTolerance.prompt, choices: painChoices(rules), default: 'normal' }, context);
    },
    age: async () => {
      if (!blank(answers.age)) return;
      const age = await input({ message: FIELDS.age.prompt, validate: optional('age') }, context);
      answers.age = age.trim() || undefined;
    },
    screening: async () => {
      await askScreening();
      await askWhere();
    },
    start: async () => {
      if (!blank(answers.start)) return;
      const start = await input({ message: FIELDS.start.prompt, validate: optional('start') }, context);
      answers.start = start.trim() || undefined;
    },
  };

  async function askConcerns() {
    if (splitList(answers.concerns).length > 0) return;
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

  // Severity per concern (or per area concern), unless --severity covers those without their own.
  async function askSeverities() {
    if (!blank(answers.severity)) return;
    const ask = async (id: string) => {
      const q = severityQuestion(rules, id);
      return select({ message: `${q.message}:`, choices: q.choices, default: 'moderate', pageSize: PAGE }, context);
    };
    if (splitList(answers.areas).length > 0) {
      const asked = new Map<string, string>();
      const items: string[] = [];
      for (const p of intakeParsers(rules).areas.parse(answers.areas)) {
        let severity: string | undefined = p.severity;
        if (!severity) {
          severity = asked.get(p.id) ?? (await ask(p.id));
          asked.set(p.id, severity);
        }
        items.push(`${p.zone}:${p.id}=${severity}`);
      }
      answers.areas = items;
      return;
    }
    const withSeverity: string[] = [];
    for (const c of intakeParsers(rules).concerns.parse(answers.concerns)) withSeverity.push(`${c.id}=${c.severity ?? (await ask(c.id))}`);
    answers.concerns = withSeverity;
  }

  async function askZones() {
    if (splitList(answers.zones).length > 0) return;
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

  // Several concerns and several zones: which concerns are treated in each zone (only the
  // ones that fit it are offered; a zone only one fits gets it without a question).
  async function askAreas() {
    const concerns = intakeParsers(rules).concerns.parse(answers.concerns);
    const zones = intakeParsers(rules).zones.parse(answers.zones);
    if (concerns.length < 2 || zones.length < 2) return;
    const items: string[] = [];
    for (const zone of zones) {
      const fitting = concerns.filter((c) => zonesForConcern(rules, c.id).includes(zone));
      const label = rules.zones.zones.find((z) => z.id === zone)!.label;
      const picked =
        fitting.length === 1
          ? [fitting[0]!.id]
          : await checkbox(
              {
                message: `Concerns treated on the ${label.toLowerCase()}:`,
                choices: fitting.map((c) => ({ value: c.id, name: rules.concerns.concerns.find((r) => r.id === c.id)!.label })),
                required: true,
                pageSize: PAGE,
              },
              context,
            );
      for (const id of picked) {
        const severity = concerns.find((c) => c.id === id)!.severity;
        items.push(`${zone}:${id}${severity ? `=${severity}` : ''}`);
      }
    }
    answers.areas = items;
    answers.concerns = undefined;
    answers.zones = undefined;
  }

  /** A condition typed as a flag that names two ("cold sore"): asked, never guessed. */
  async function resolveAmbiguous() {
    const items = splitList(answers.conditions);
    if (!items.some((item) => ambiguousCondition(item, rules).length > 1)) return;
    const out: string[] = [];
    for (const item of items) {
      const [name = '', zone] = item.split('@');
      const candidates = ambiguousCondition(name, rules);
      if (candidates.length < 2) out.push(item);
      else {
        const id = await select(
          {
            message: `"${name}" could mean:`,
            choices: candidates.map((c) => ({ value: c, name: rules.screening.conditions.find((r) => r.id === c)!.label })),
          },
          context,
        );
        out.push(zone ? `${id}@${zone}` : id);
      }
    }
    answers.conditions = out;
  }

  async function askScreening() {
    if (isYes(answers.screened)) return;
    const ask = await confirm({ message: FIELDS.screened.prompt, default: true }, context);
    if (!ask) return;
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
    // Zones named for a condition (from a flag) stay with it.
    const zoned = splitList(answers.conditions).filter((c) => c.includes('@'));
    answers.conditions = [...yes.flatMap((id) => {
      const own = zoned.filter((c) => intakeParsers(rules).conditions.safeParse([c]).data?.[0]?.id === id);
      return own.length ? own : [id];
    })];
    answers.screened = true;
  }

  // An in-area condition with several zones planned: where is it? (every zone: hold all back)
  async function askWhere() {
    const planned = plannedZones();
    if (planned.length < 2) return;
    const parsed = intakeParsers(rules).conditions.safeParse(answers.conditions ?? []);
    if (!parsed.success) return;
    const out: string[] = [];
    for (const c of parsed.data) {
      const rule = rules.screening.conditions.find((r) => r.id === c.id)!;
      if (!rule.inArea || c.zone) {
        out.push(c.zone ? `${c.id}@${c.zone}` : c.id);
        continue;
      }
      const where = await checkbox(
        {
          message: `${rule.label}: in which zones? (those are held back; the others are planned)`,
          choices: planned.map((z) => ({ value: z, name: rules.zones.zones.find((r) => r.id === z)!.label })),
          required: true,
          pageSize: PAGE,
        },
        context,
      );
      out.push(...(where.length === planned.length ? [c.id] : where.map((z) => `${c.id}@${z}`)));
    }
    answers.conditions = out;
  }

  function plannedZones(): string[] {
    if (splitList(answers.areas).length) return [...new Set(intakeParsers(rules).areas.safeParse(answers.areas).data?.map((p) => p.zone) ?? [])];
    return intakeParsers(rules).zones.safeParse(answers.zones ?? []).data ?? [];
  }

  const order: Part[] = ['client', 'treatment', 'device', 'fitzpatrick', 'painTolerance', 'age', 'screening', 'start'];
  for (const part of order) await steps[part]();

  // The answers at a glance before planning, with a way to change one (not Ctrl-C and over).
  for (;;) {
    const choice = await select<Part | typeof PLAN>(
      {
        message: `${summaryOf(answers, rules)}\nPlan with these answers?`,
        choices: [
          { value: PLAN, name: 'Yes, make the plan' },
          ...order.filter((p) => p !== 'device' || rules.devices.devices.length > 1).map((p) => ({ value: p, name: `Change: ${PART_NAMES[p]}` })),
        ],
        pageSize: order.length + 1,
      },
      context,
    );
    if (choice === PLAN) break;
    clear(choice);
    await steps[choice]();
    // New zones may leave a zone named for a condition behind: ask where again.
    if (choice === 'treatment') {
      answers.conditions = splitList(answers.conditions).map((c) => c.split('@')[0]!);
      await askWhere();
    }
  }
  return answers;
}

const PART_NAMES: Record<Part, string> = {
  client: 'client',
  treatment: 'concerns, zones and areas',
  device: 'device',
  fitzpatrick: 'skin type',
  painTolerance: 'pain tolerance',
  age: 'age',
  screening: 'screening answers',
  start: 'first session date',
};

/** Forgets one part's answers so its step asks them again. */
function clearPart(answers: RawIntake, part: Part): void {
  const fields: Record<Part, (keyof RawIntake)[]> = {
    client: ['client'],
    treatment: ['concerns', 'zones', 'areas', 'severity'],
    device: ['device'],
    fitzpatrick: ['fitzpatrick'],
    painTolerance: ['painTolerance'],
    age: ['age'],
    screening: ['conditions', 'screened'],
    start: ['start'],
  };
  for (const field of fields[part]) delete answers[field];
}

/** The answers so far, one line each, as the summary shows them. */
export function summaryOf(answers: RawIntake, rules: RuleSet): string {
  const parsed = parseIntake(answers, rules);
  const lines: string[] = ['Your answers:'];
  if (parsed.ok) {
    const i = parsed.intake;
    const label = (z: string) => rules.zones.zones.find((r) => r.id === z)?.label ?? z;
    lines.push(`  Client        ${i.client ?? '(none)'}`);
    for (const a of i.areas) lines.push(`  ${label(a.zone).padEnd(14).slice(0, 14)}${a.concerns.map((c) => `${c.id} (${c.severity})`).join(', ')}`);
    lines.push(`  Skin type     Fitzpatrick ${['I', 'II', 'III', 'IV', 'V', 'VI'][i.fitzpatrick - 1]}, pain tolerance ${i.painTolerance}, ${i.age === null ? 'age not recorded' : `age ${i.age}`}`);
    const where = (id: string) => i.conditionZones.find((cz) => cz.id === id)?.zones.join(', ');
    const named = i.conditions.map((c) => (where(c) ? `${c} (${where(c)})` : c)).join(', ');
    lines.push(`  Screening     ${i.screened ? named || 'screened, nothing applies' : `not screened${named ? `; applies: ${named}` : ''}`}`);
    lines.push(`  First session ${i.start ?? 'not dated'}`);
  } else lines.push(...parsed.issues.map((issue) => `  ! ${issue.message}`));
  return lines.join('\n');
}

/** Already screened by a flag (or a CSV "yes"), read by the intake schema's own words. */
function isYes(value: RawIntake['screened']): boolean {
  const r = screenedSchema.safeParse(value ?? false);
  return r.success && r.data;
}
