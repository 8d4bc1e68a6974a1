// The consultation as FHIR: a Questionnaire generated from the rules (concerns with their
// severity, zones, skin type, pain tolerance, age, every screening question) and, for a
// plan, a QuestionnaireResponse of the answers it was made from. The response is built
// from the plan alone (renderers see only the Plan), so it answers what the plan records:
// the screening conditions that applied, and whether every other question was answered no.
import type { Plan } from '../../engine/types.js';
import type { RuleSet } from '../../rules/schema.js';
import { PAIN_TOLERANCES, ROMAN, SEVERITIES } from '../../rules/vocabulary.js';
import type { Coding, Reference, Resource } from './types.js';
import { CODE_SYSTEM, questionnaireUrl, versioned } from './urls.js';
import { coding } from './codes.js';
import { conditionsOf, type ZoneView } from './plan-view.js';
import { stableUuid } from './ids.js';

export const LINK = {
  concerns: 'concerns',
  concern: 'concerns.concern',
  severity: 'concerns.severity',
  zones: 'zones',
  fitzpatrick: 'fitzpatrick',
  painTolerance: 'pain-tolerance',
  age: 'age',
  screening: 'screening',
  condition: (id: string) => `screening.${id}`,
  screened: 'screened',
} as const;

const SCREENED_TEXT = 'Was every other screening question asked and answered no?';
const fitzpatrickCoding = (roman: string) => coding(CODE_SYSTEM.fitzpatrick, roman, `Fitzpatrick type ${roman}`);
const severityCoding = (s: string) => coding(CODE_SYSTEM.severity, s, s);
const painCoding = (p: string) => coding(CODE_SYSTEM.painTolerance, p, p);
const options = (codings: readonly Coding[]) => codings.map((valueCoding) => ({ valueCoding }));

export function questionnaire(rules: RuleSet): Resource {
  const url = questionnaireUrl(rules.sha256);
  return {
    resourceType: 'Questionnaire',
    id: stableUuid('Questionnaire', rules.sha256),
    url,
    version: rules.ruleset.version,
    name: 'NeedleplanConsultation',
    title: `Microneedling consultation (${rules.ruleset.name})`,
    status: 'active',
    subjectType: ['Patient'],
    publisher: rules.ruleset.name,
    description: 'The questions a needleplan plan is made from, generated from the rule set.',
    item: [
      {
        linkId: LINK.concerns,
        text: 'Concerns to treat',
        type: 'group',
        required: true,
        repeats: true,
        item: [
          { linkId: LINK.concern, text: 'Concern', type: 'choice', required: true, answerOption: options(rules.concerns.concerns.map((c) => coding(CODE_SYSTEM.concern, c.id, c.label))) },
          { linkId: LINK.severity, text: 'Severity', type: 'choice', required: true, answerOption: options(SEVERITIES.map(severityCoding)) },
        ],
      },
      { linkId: LINK.zones, text: 'Zones to treat', type: 'choice', required: true, repeats: true, answerOption: options(rules.zones.zones.map((z) => coding(CODE_SYSTEM.zone, z.id, z.label))) },
      { linkId: LINK.fitzpatrick, text: 'Fitzpatrick skin type', type: 'choice', required: true, answerOption: options(ROMAN.map(fitzpatrickCoding)) },
      { linkId: LINK.painTolerance, text: 'Pain tolerance', type: 'choice', answerOption: options(PAIN_TOLERANCES.map(painCoding)) },
      { linkId: LINK.age, text: 'Age in years', type: 'integer' },
      {
        linkId: LINK.screening,
        text: 'Screening',
        type: 'group',
        item: rules.screening.groups.flatMap((g) =>
          rules.screening.conditions
            .filter((c) => c.group === g.id)
            .map((c) => ({
              linkId: LINK.condition(c.id),
              code: [coding(CODE_SYSTEM.finding, c.id, c.label)],
              prefix: g.label,
              text: c.question,
              type: 'boolean',
            })),
        ),
      },
      { linkId: LINK.screened, text: SCREENED_TEXT, type: 'boolean' },
    ],
  };
}

export function questionnaireResponse(plan: Plan, ctx: { planKey: string; patient: Reference; zones: readonly ZoneView[] }): Resource {
  return {
    resourceType: 'QuestionnaireResponse',
    id: stableUuid(ctx.planKey, 'QuestionnaireResponse'),
    questionnaire: versioned(questionnaireUrl(plan.rules.sha256), plan.rules.version),
    status: 'completed',
    subject: ctx.patient,
    authored: plan.plannedOn,
    item: [
      ...plan.concerns.map((c) => ({
        linkId: LINK.concerns,
        text: 'Concerns to treat',
        item: [
          { linkId: LINK.concern, text: 'Concern', answer: [{ valueCoding: coding(CODE_SYSTEM.concern, c.id, c.label) }] },
          { linkId: LINK.severity, text: 'Severity', answer: [{ valueCoding: severityCoding(c.severity) }] },
        ],
      })),
      { linkId: LINK.zones, text: 'Zones to treat', answer: ctx.zones.map((z) => ({ valueCoding: coding(CODE_SYSTEM.zone, z.zone, z.label) })) },
      { linkId: LINK.fitzpatrick, text: 'Fitzpatrick skin type', answer: [{ valueCoding: fitzpatrickCoding(plan.fitzpatrick) }] },
      { linkId: LINK.painTolerance, text: 'Pain tolerance', answer: [{ valueCoding: painCoding(plan.painTolerance) }] },
      plan.age === null ? undefined : { linkId: LINK.age, text: 'Age in years', answer: [{ valueInteger: plan.age }] },
      { linkId: LINK.screening, text: 'Screening', item: conditionsOf(plan).map((id) => ({ linkId: LINK.condition(id), answer: [{ valueBoolean: true }] })) },
      { linkId: LINK.screened, text: SCREENED_TEXT, answer: [{ valueBoolean: plan.screened }] },
    ],
  };
}
