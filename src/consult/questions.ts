// What the consultation offers at each question, built from the loaded rules so prompts,
// help and validation name the same ids. Pure: no prompts here, so it is easy to test.
import { zonesForConcern } from '../intake/schema.js';
import type { RuleSet } from '../rules/schema.js';
import { SEVERITIES, type Severity } from '../rules/vocabulary.js';
import { fmt } from '../text/numbers.js';

export interface Choice<T> {
  value: T;
  name: string;
  /** Shown once answered, when the name is long. */
  short?: string;
  description?: string;
  checked?: boolean;
}

/** Fitzpatrick 1988, the usual wording of the six types (how skin reacts to sun). */
export const FITZPATRICK_TYPES = [
  ['I', 'always burns, never tans'],
  ['II', 'usually burns, tans minimally'],
  ['III', 'sometimes burns, tans gradually'],
  ['IV', 'burns minimally, tans well'],
  ['V', 'rarely burns, tans deeply'],
  ['VI', 'never burns, deeply pigmented'],
] as const;

/** Concerns to offer; with zones already given, only concerns that apply to one of them. */
export function concernChoices(rules: RuleSet, zones: readonly string[] = []): Choice<string>[] {
  return rules.concerns.concerns
    .filter((c) => zones.length === 0 || zonesForConcern(rules, c.id).some((z) => zones.includes(z)))
    .map((c) => ({ value: c.id, name: c.label }));
}

/** The concern's severity question: its scale's wording (Goodman & Baron, Glogau) when it has one. */
export function severityQuestion(rules: RuleSet, concernId: string): { message: string; choices: Choice<Severity>[] } {
  const concern = rules.concerns.concerns.find((c) => c.id === concernId)!;
  const wording = concern.severityWording;
  const courseLabel = (id: string) => rules.concerns.courses.find((c) => c.id === id)?.label.toLowerCase() ?? id;
  return {
    message: `Severity of ${concern.label.toLowerCase()}${wording ? ` (${wording.scale})` : ''}`,
    choices: SEVERITIES.map((s) => ({
      value: s,
      name: wording ? `${s}: ${wording[s]}` : s,
      short: s,
      description: `${fmt(concern.depthMm[s])} mm before zone caps; ${courseLabel(concern.course[s])}`,
    })),
  };
}

/** Zones any of the chosen concerns applies to, in the rules' order. */
export function zoneChoices(rules: RuleSet, concernIds: readonly string[]): Choice<string>[] {
  const fits = new Set(concernIds.flatMap((id) => zonesForConcern(rules, id)));
  return rules.zones.zones
    .filter((z) => fits.has(z.id))
    .map((z) => ({ value: z.id, name: z.label, description: [`cap ${fmt(z.maxDepthMm)} mm`, ...z.notes].join('. ') }));
}

export function deviceChoices(rules: RuleSet): Choice<string>[] {
  return rules.devices.devices.map((d) => ({
    value: d.id,
    name: d.name,
    description: `${fmt(d.depthMm.min)}-${fmt(d.depthMm.max)} mm in ${fmt(d.stepMm)} mm steps`,
  }));
}

/** The six skin types, with the rules' adjustment where one applies (e.g. IV-VI shallower). */
export function fitzpatrickChoices(rules: RuleSet): Choice<string>[] {
  return FITZPATRICK_TYPES.map(([roman, text], i) => {
    const adjustment = rules.adjustments.fitzpatrick.find((a) => a.types.includes(i + 1));
    return { value: roman, name: `${roman}: ${text}`, short: roman, ...(adjustment ? { description: adjustment.message } : {}) };
  });
}

export function painChoices(rules: RuleSet): Choice<string>[] {
  const t = rules.adjustments.numbing.thresholdsMm;
  return (['low', 'normal', 'high'] as const).map((level) => ({
    value: level,
    name: level,
    description: `numbing cream recommended above ${fmt(t[level])} mm`,
  }));
}

export interface ScreeningGroup {
  id: string;
  label: string;
  questions: Choice<string>[];
}

/** Screening questions grouped as the rules group them; `yes` are pre-checked (e.g. from --condition). */
export function screeningGroups(rules: RuleSet, yes: readonly string[] = []): ScreeningGroup[] {
  return rules.screening.groups
    .map((g) => ({
      id: g.id,
      label: g.label,
      questions: rules.screening.conditions
        .filter((c) => c.group === g.id)
        .map((c) => ({ value: c.id, name: c.question, checked: yes.includes(c.id) })),
    }))
    .filter((g) => g.questions.length > 0);
}
