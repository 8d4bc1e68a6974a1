// One DetectedIssue per finding. The client wording is `detail` (what the client is told);
// the practitioner wording goes in an extension, as R4's DetectedIssue has no `note`.
import type { Outcome } from '../../rules/vocabulary.js';
import type { FindingView, ZoneView } from './plan-view.js';
import type { Reference, Resource } from './types.js';
import { CODE_SYSTEM, EXTENSION } from './urls.js';
import { concept, zoneConcept } from './codes.js';
import { stableUuid } from './ids.js';
import { OUTCOME_WORDS } from '../outcome-words.js';

/** DetectedIssue.severity (required binding: high | moderate | low) from the outcome. */
export const SEVERITY_OF: Record<Outcome, 'high' | 'moderate' | 'low'> = {
  block: 'high',
  clearance: 'high',
  defer: 'moderate',
  modify: 'moderate',
  caution: 'low',
};

export function detectedIssue(f: FindingView, index: number, ctx: { planKey: string; patient: Reference; identified: string; zones: readonly ZoneView[] }): Resource {
  const labelOf = (id: string) => ctx.zones.find((z) => z.zone === id)?.label;
  return {
    resourceType: 'DetectedIssue',
    id: stableUuid(ctx.planKey, 'DetectedIssue', index, f.code),
    extension: [
      { url: EXTENSION.findingOutcome, valueCode: f.outcome },
      { url: EXTENSION.practitionerMessage, valueString: f.message },
      { url: EXTENSION.rule, valueString: f.ruleId },
      ...f.zones.map((z) => ({ url: EXTENSION.findingZone, valueCodeableConcept: zoneConcept(z, labelOf(z)) })),
    ],
    status: 'final',
    code: concept(CODE_SYSTEM.finding, f.code, undefined, `${f.code}: ${OUTCOME_WORDS[f.outcome].meaning}`),
    severity: SEVERITY_OF[f.outcome],
    patient: ctx.patient,
    identifiedDateTime: ctx.identified,
    detail: f.clientMessage,
  };
}
